import { pathToFileURL } from 'node:url';

/** Runs `main` when the module at `moduleUrl` is the script node was started with, and exits with its code. */
export function runAsScript(moduleUrl: string, main: () => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`The benchmark could not finish: ${error.stack ?? error.message}`);
      process.exit(1);
    },
  );
}
