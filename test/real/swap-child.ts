import { Engine } from '../../electron/engine/engine.js';
import { RecordingClient } from '../support/recording-client.js';

// The engine in a process of its own for the fault-injection tests: it runs the Cluster step (the
// swap) on the data folder given, and STUDIO_FAULT_POINT makes it SIGKILL itself part-way. Exit
// code 0: the swap finished (and this process leaves it in place, as a crash after it would).
const dataDir = process.argv[2] ?? '';
const engine = await Engine.start({ dataDir, shell: 'browser', version: 'fault-test', skipLoginShell: true });
const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId: 'cluster' });
if (!reply.ok) {
  console.error(reply.error.message);
  process.exit(2);
}
const info = await engine.steps.settled('cluster');
console.log(`cluster step: ${info.outcome ?? '?'} ${info.error?.message ?? ''}`);
process.kill(process.pid, 'SIGKILL');
