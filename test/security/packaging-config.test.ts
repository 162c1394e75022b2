import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';

interface Target {
  target: string;
  arch: string[];
}

/** The parts of electron-builder's configuration these tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  buildVersion?: string;
  extraMetadata?: { version?: string };
  asar: boolean;
  asarUnpack: string[];
  afterPack: string;
  files: string[];
  electronFuses: Record<string, boolean>;
  mac: { target: Target[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string };
  linux: { target: Target[] };
}

async function builderConfig(): Promise<BuilderConfig> {
  return parse(await readFile(path.join(repoRoot, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('the electron-builder configuration', () => {
  const temp = useTempDir('packaging');

  it('packages macOS as dmg and zip for arm64 and x64, hardened, with the entitlements Electron needs', async () => {
    const config = await builderConfig();
    const mac = config.mac;
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(mac.hardenedRuntime).toBe(true);
    const entitlements = await readFile(path.join(repoRoot, mac.entitlements), 'utf8');
    for (const key of ['com.apple.security.cs.allow-jit', 'com.apple.security.cs.allow-unsigned-executable-memory', 'com.apple.security.cs.disable-library-validation']) {
      expect(entitlements).toContain(`<key>${key}</key>`);
    }
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
  });

  it('packages Linux as AppImage and deb for arm64 and x64', async () => {
    expect((await builderConfig()).linux.target).toEqual([
      { target: 'AppImage', arch: ['arm64', 'x64'] },
      { target: 'deb', arch: ['arm64', 'x64'] },
    ]);
  });

  it('names the app, uses package.json’s version, and has a 512×512 PNG icon', async () => {
    const config = await builderConfig();
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('k8s e2e studio');
    expect(config.buildVersion).toBeUndefined();
    expect(config.extraMetadata?.version).toBeUndefined();
    const png = await readFile(path.join(repoRoot, config.mac.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('keeps node-pty out of the asar and makes spawn-helper executable after packing', async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/node-pty/**');
    const helperDir = path.join(temp.dir, 'resources', 'app.asar.unpacked', 'node_modules', 'node-pty', 'build', 'Release');
    await mkdir(helperDir, { recursive: true });
    await writeFile(path.join(helperDir, 'spawn-helper'), 'binary');
    await chmod(path.join(helperDir, 'spawn-helper'), 0o644);
    const hook = createRequire(import.meta.url)(path.join(repoRoot, config.afterPack)) as { default: (context: unknown) => Promise<void> };
    await hook.default({ appOutDir: temp.dir, electronPlatformName: 'linux' });
    expect((await stat(path.join(helperDir, 'spawn-helper'))).mode & 0o777).toBe(0o755);
    await expect(hook.default({ appOutDir: path.join(temp.dir, 'empty'), electronPlatformName: 'darwin' })).rejects.toThrow(/no node-pty spawn-helper/);
  });

  it('sets the Electron fuses of a release build', async () => {
    expect((await builderConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app only: no sources, tests, maps or the Electron npm package', async () => {
    const files = (await builderConfig()).files;
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!out/**/*.map', '!node_modules/electron/**']));
    expect(files.some((pattern) => /^(electron|renderer|shared|test)\//.test(pattern))).toBe(false);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.mjs');
    expect(pkg.scripts.dist).toBe('node electron/launch/dist.mjs');
  });
});
