import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../shared/security/external-url.js';
import { repoRoot } from '../support/fixtures.js';

const source = async (file: string): Promise<ts.SourceFile> =>
  ts.createSourceFile(file, await readFile(path.join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);

function find<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node): void => {
    if (test(n)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The literal properties of an object literal, as text. */
function properties(object: ts.ObjectLiteralExpression): Record<string, string> {
  const out: Record<string, string> = {};
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property)) out[property.name.getText()] = property.initializer.getText();
  }
  return out;
}

describe('the Electron security baseline, read from the real code', () => {
  it('every BrowserWindow isolates, sandboxes and keeps Node out of the page', async () => {
    const file = await source('electron/main/index.ts');
    const windows = find(file, (n): n is ts.NewExpression => ts.isNewExpression(n) && n.expression.getText() === 'BrowserWindow');
    expect(windows).toHaveLength(1);
    for (const window of windows) {
      const options = window.arguments?.[0];
      if (!options || !ts.isObjectLiteralExpression(options)) throw new Error('BrowserWindow options are not a literal');
      const webPreferences = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'webPreferences');
      if (!webPreferences || !ts.isObjectLiteralExpression(webPreferences.initializer)) throw new Error('no literal webPreferences');
      expect(properties(webPreferences.initializer)).toMatchObject({
        contextIsolation: 'true',
        sandbox: 'true',
        nodeIntegration: 'false',
        nodeIntegrationInSubFrames: 'false',
        webSecurity: 'true',
        allowRunningInsecureContent: 'false',
        experimentalFeatures: 'false',
        webviewTag: 'false',
        disableBlinkFeatures: "'Auxclick'",
      });
    }
  });

  it('navigation, redirects, webviews and new windows are refused; permissions are denied', async () => {
    const text = await readFile(path.join(repoRoot, 'electron/main/window-security.ts'), 'utf8');
    expect(text).toMatch(/on\('will-navigate', \(event, target\) => \{\s*if \(new URL\(target\)\.origin !== appOrigin\) event\.preventDefault\(\);/);
    expect(text).toMatch(/on\('will-redirect'/);
    expect(text).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(text).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \};/);
    expect(text).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(text).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    const index = await readFile(path.join(repoRoot, 'electron/main/index.ts'), 'utf8');
    expect(index).toMatch(/lockDownSession\(window\.webContents\.session\)/);
    expect(index).toMatch(/lockDownContents\(window\.webContents, appUrl\)/);
  });

  it('shell.openExternal is only reached through the http(s) allow-list', async () => {
    const file = await source('electron/main/window-security.ts');
    const calls = find(file, (n): n is ts.CallExpression => ts.isCallExpression(n) && n.expression.getText() === 'shell.openExternal');
    expect(calls).toHaveLength(1);
    let guard: ts.Node | undefined = calls[0];
    while (guard && !ts.isIfStatement(guard)) guard = guard.parent;
    expect(guard && ts.isIfStatement(guard) ? guard.expression.getText() : '').toBe('isAllowedExternalUrl(url)');
    expect(isAllowedExternalUrl('https://kind.sigs.k8s.io/docs/user/quick-start/')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'https://evil.example/', 'smb://kind.sigs.k8s.io/x', 'https://user:pw@github.com/', 'not a url']) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
    }
  });

  it('the preload exposes one narrow bridge and never ipcRenderer itself', async () => {
    const text = await readFile(path.join(repoRoot, 'electron/preload/index.ts'), 'utf8');
    const exposures = [...text.matchAll(/exposeInMainWorld\('(\w+)'/g)].map((m) => m[1]);
    expect(exposures).toEqual(['studioBridge']);
    expect(text).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b(?!\.)/);
    expect(text).toMatch(/if \(!requests\.has\(channel\)\)/);
    expect(text).toMatch(/if \(!events\.has\(event\)\)/);
    expect(text).toMatch(/return \(\) => ipcRenderer\.removeListener/);
  });

  it('the page has a strict Content-Security-Policy', async () => {
    const html = await readFile(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
  });
});
