// A test process that takes a lease on a Docker engine and then waits to be killed; the lifecycle
// test kills it outright to prove the keeper stops a daemon whose users all died.
// Usage: tsx test/real/docker-engine-child.ts <state dir>
import { acquireDockerEngine } from '../support/docker-engine.js';

const stateDir = process.argv[2];
if (!stateDir) throw new Error('usage: docker-engine-child.ts <state dir>');
const { engine } = await acquireDockerEngine({ stateDir });
process.stdout.write(`${JSON.stringify({ pid: engine.pid, socket: engine.socket })}\n`);
setInterval(() => undefined, 60_000);
