/**
 * The last `chars` characters of some output, for a failure message: terminal control sequences
 * shown as escapes so the message stays readable, and how much came before said.
 */
export function tailOf(text: string, chars = 2048): string {
  const shown = text.length > chars ? text.slice(-chars) : text;
  const earlier = text.length - shown.length;
  // eslint-disable-next-line no-control-regex
  const readable = shown.replace(/\x1b/g, '\\e').replace(/\r(?!\n)/g, '\\r').replace(/\r\n/g, '\n');
  const head = earlier > 0 ? `(${earlier} earlier characters left out)\n` : '';
  return text.length === 0 ? '(no output at all)' : `${head}${readable}`;
}
