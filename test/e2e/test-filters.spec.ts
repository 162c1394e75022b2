import { expect, test } from './studio-fixture.js';

test('the Test step checks focus, skip and label filter as Go reads them, at the field, while typing', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-test').click();
  const focus = page.getByRole('textbox', { name: /Focus/ });
  await focus.fill('NodeSelector(?=.*respected)');
  await expect(page.getByText(/look-ahead and look-behind .* are not supported by Go regular expressions \(at position 13\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview' })).toBeDisabled();

  await focus.fill('(?i)nodeselector');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('textbox', { name: /Label filter/ }).fill('(Conformance && !Slow');
  await expect(page.getByText(/missing closing \)/)).toBeVisible();
  await page.getByRole('textbox', { name: /Label filter/ }).fill('Conformance && !Slow');

  // Without a built e2e.test there is nothing to preview, and the page says what to do.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('There is no built e2e.test yet: pick the checkout (Source) and run the Build step first.')).toBeVisible();
  expect(studio.url).toContain('token=');
});
