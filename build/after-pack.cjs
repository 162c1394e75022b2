// electron-builder afterPack hook: node-pty starts shells through spawn-helper, which must be
// executable inside app.asar.unpacked or every pty fails with "posix_spawnp failed".
const fs = require('node:fs');
const path = require('node:path');

function findAll(dir, name, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findAll(full, name, found);
    else if (entry.name === name) found.push(full);
  }
  return found;
}

exports.default = async function afterPack(context) {
  const helpers = findAll(context.appOutDir, 'spawn-helper').filter((file) => file.includes('app.asar.unpacked'));
  for (const helper of helpers) fs.chmodSync(helper, 0o755);
  if (context.electronPlatformName !== 'win32' && helpers.length === 0) {
    throw new Error(`afterPack: no node-pty spawn-helper found under ${context.appOutDir}; the terminal would not work.`);
  }
};
