// `npm run dist`: packages the app for this platform with electron-builder (build/electron-builder.yml).
// electron-builder downloads the Electron runtime and its own tools; where that is impossible, this
// says so plainly instead of ending in a stack trace.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from './build.mjs';
import { root } from './ensure-deps.mjs';

const platformFlag = { darwin: '--mac', linux: '--linux', win32: '--win' }[process.platform];
if (!platformFlag) {
  console.error(`npm run dist: packaging for ${process.platform} is not configured (macOS and Linux are).`);
  process.exit(1);
}

await build({ quiet: true });
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
// Native modules (node-pty) are built for this machine's CPU, so only this arch is packaged here.
const archFlag = { arm64: '--arm64', x64: '--x64' }[process.arch];
const args = [builder, platformFlag, ...(archFlag ? [archFlag] : []), '--config', 'build/electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)];
console.log(`$ electron-builder ${args.slice(1).join(' ')}`);
const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const relay = (stream, sink) => stream.on('data', (chunk) => {
  output += chunk.toString();
  sink.write(chunk);
});
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
child.on('exit', (code) => {
  if (code === 0) {
    console.log(`Packages are in ${path.join(root, 'dist')}.`);
    process.exit(0);
  }
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|getaddrinfo|ETIMEDOUT|unable to download|dial tcp|socket hang up/i.exec(output);
  if (offline) {
    console.error(
      `\nnpm run dist could not package the app: electron-builder has to download the Electron runtime for ${process.platform}-${process.arch} ` +
        `and its own packaging tools, and this machine cannot reach them (${offline[0]}). Nothing was packaged. ` +
        'Run it on a machine that can reach GitHub, or point ELECTRON_MIRROR and ELECTRON_BUILDER_BINARIES_MIRROR at a mirror.',
    );
  } else {
    console.error(`\nnpm run dist: electron-builder failed with exit code ${code}; see its output above.`);
  }
  process.exit(code || 1);
});
