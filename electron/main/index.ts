import { app, BrowserWindow, ipcMain } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from '../engine/engine.js';
import { bridgeIpc } from './ipc-bridge.js';
import { lockDownContents, lockDownSession } from './window-security.js';

// The composition root of the desktop shell: one window, the engine, and the IPC bridge between them.
const here = path.dirname(fileURLToPath(import.meta.url));
const appUrl = pathToFileURL(path.join(here, '..', 'renderer', 'index.html')).toString();

async function openWindow(engine: Engine): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    show: false,
    title: 'k8s e2e studio',
    backgroundColor: '#0f1419',
    webPreferences: {
      preload: path.join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window, past the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDownSession(window.webContents.session);
  lockDownContents(window.webContents, appUrl);
  const unbridge = bridgeIpc(ipcMain, engine, window, appUrl);
  window.on('closed', unbridge);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appUrl);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  const engine = await Engine.start({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    version: app.getVersion(),
    electronTranslated: process.platform === 'darwin' ? app.runningUnderARM64Translation : undefined,
  });
  await openWindow(engine);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Running steps and shells end first, so nothing the app started outlives it.
    event.preventDefault();
    quitting = true;
    void engine.shutdown((line) => console.log(line)).finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(engine);
  });
}

void main();
