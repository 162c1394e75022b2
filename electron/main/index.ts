import { app, BrowserWindow, ipcMain, powerMonitor } from 'electron';
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

  // Every way the app can end goes through engine.shutdown: running steps and shells end, and a
  // remote cluster whose scheduler is swapped out gets it back before the process exits.
  let quitting = false;
  const quit = (): void => {
    if (quitting) return;
    quitting = true;
    void engine.shutdown((line) => console.log(line)).finally(() => app.exit(0));
  };
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quit();
  });
  // Closing the last window quits (on macOS too: the app holds a cluster, it must not linger unseen).
  app.on('window-all-closed', () => quit());
  // The machine shutting down or logging out (Linux and macOS): quit the same way, at once.
  powerMonitor.on('shutdown', quit);
  // A laptop that sleeps with the scheduler swapped out would leave the cluster without its own
  // for as long as it sleeps: give it back now; the Cluster step swaps again after waking.
  powerMonitor.on('suspend', () => void engine.giveBackCluster((line) => console.log(line)));
  // Started from a terminal: a closed terminal (SIGHUP), SIGQUIT, Ctrl-C and SIGTERM quit the same way.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) process.on(signal, quit);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(engine);
  });
}

void main();
