// ESC, built from its code so the pattern below holds no literal control character.
const esc = String.fromCharCode(27);

// CSI sequences (colours, cursor moves: ESC [ params final), OSC sequences (titles, links: ESC ] … BEL or ESC \),
// character-set choices like ESC ( B, and the two-character escapes (ESC 7, ESC M, …).
const ansi = new RegExp(`${esc}(?:\\[[0-?]*[ -/]*[@-~]|\\][^${esc}\\u0007]*(?:\\u0007|${esc}\\\\)|[ -/]+[0-~]|[0-~])`, 'g');

/** `text` without terminal escape sequences, as a person reading it plainly would see it. */
export function stripAnsi(text: string): string {
  return text.includes(esc) ? text.replace(ansi, '') : text;
}
