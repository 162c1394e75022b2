/** The last `count` non-empty lines of a text, for error messages ("stderr tail"). */
export function tailLines(text: string, count: number, maxChars = 4000): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const tail = lines.slice(-count).join('\n');
  return tail.length > maxChars ? tail.slice(tail.length - maxChars) : tail;
}
