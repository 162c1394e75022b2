const safe = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * An argv as a POSIX shell would need it typed, for showing and copying only.
 * The app itself never runs this string: it passes the argv array as it is.
 */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

function quoteArg(arg: string): string {
  if (arg.length > 0 && safe.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
