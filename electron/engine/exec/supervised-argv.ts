/**
 * A process that must not outlive the app (the local kube-scheduler) runs under this supervisor:
 * POSIX sh, present on every Linux and macOS, so it needs no runtime of ours (the packaged app
 * cannot run itself as Node: its runAsNode fuse is off). The command arrives as the script's
 * positional parameters ("$@"), never inside the script, which is a constant: nothing the user
 * typed is ever read by the shell as code.
 *
 * How it knows the app is gone: its standard input is a pipe whose write end only the app holds
 * and never writes to. The pipe closes when the app's process goes away, however it goes (quit,
 * crash, kill -9), on Linux and macOS alike (a parent-death signal exists only on Linux). Then the
 * watcher ends the command: SIGTERM, and SIGKILL 5 s later. Signals sent to the supervisor are
 * passed to the command, and the command's exit (code, or the signal that killed it) becomes the
 * supervisor's own, so whoever started it sees what happened to the command.
 */
const script = [
  // fd 3 keeps the app's pipe: a background job's stdin would otherwise be /dev/null.
  'exec 3<&0',
  '"$@" </dev/null 3<&- &',
  'child=$!',
  'trap \'kill -TERM "$child" 2>/dev/null\' TERM INT HUP QUIT',
  '( trap - TERM INT HUP QUIT; cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null; sleep 5; kill -KILL "$child" 2>/dev/null ) &',
  'watcher=$!',
  'exec 3<&-',
  'code=0',
  'while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done',
  'pkill -P "$watcher" 2>/dev/null; kill "$watcher" 2>/dev/null',
  'if [ "$code" -gt 128 ]; then trap - TERM INT HUP QUIT; kill -"$((code - 128))" $$; fi',
  'exit "$code"',
].join('\n');

/** The name the supervisor shows in ps (its $0). */
export const supervisorName = 'k8s-e2e-studio-supervise';

/** The argv that runs `argv` under the supervisor; the caller must hold the supervisor's stdin open (a pipe it never writes to). */
export function supervisedArgv(argv: readonly string[]): string[] {
  // The one shell the app runs: its script is the constant above, and the command is "$@".
  // eslint-disable-next-line studio/no-shell-command
  return ['/bin/sh', '-c', script, supervisorName, ...argv];
}
