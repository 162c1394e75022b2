import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Engine } from '../../electron/engine/engine.js';
import { startWebServer, type RunningWebServer } from '../../electron/web/web-server.js';
import { tempDir } from '../support/temp-dir.js';

// Browser mode serves the page before the engine has started (cli.ts loads it while the browser
// works on the page): frames that come early wait for the engine, then are all answered.
describe('browser mode server with an engine still starting', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let server: RunningWebServer;
  let startEngine: () => void = () => undefined;
  let engine: Promise<Engine>;
  const engineWanted: number[] = [];

  beforeAll(async () => {
    temp = await tempDir('web-later');
    const staticDir = path.join(temp.dir, 'static');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><script type="module" src="./app.js"></script><link rel="stylesheet" href="style.css"><link rel="icon" href="data:,">');
    await writeFile(path.join(staticDir, 'app.js'), 'console.log(1);');
    await writeFile(path.join(staticDir, 'style.css'), 'body {}');
    await writeFile(path.join(staticDir, 'later.js'), 'console.log(2);');
    const wanted = new Promise<void>((resolve) => (startEngine = resolve));
    engine = wanted.then(() => Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' }));
    server = await startWebServer({ engine, staticDir, onEngineWanted: () => engineWanted.push(performance.now()) });
  });
  afterAll(async () => {
    startEngine();
    await server.close();
    await (await engine).shutdown();
    await temp.remove();
  });

  it('serves the page and its files before any engine exists, without asking for one, and sends the files the page names from memory', async () => {
    const cookie = `studio_token_${server.port}=${server.token}`;
    const fetchFile = async (name: string): Promise<string> => {
      const answer = await fetch(`http://127.0.0.1:${server.port}/${name}`, { headers: { cookie } });
      const text = await answer.text();
      // 'finish' comes after the last byte is handed over: let it run before looking.
      await new Promise((resolve) => setImmediate(resolve));
      return text;
    };
    expect(await fetchFile('later.js')).toBe('console.log(2);');
    const page = await fetch(`${server.url}`);
    expect(page.status).toBe(200);
    await page.text();
    // The page's own files were read when the server started; any other file is read when asked for.
    await writeFile(path.join(temp.dir, 'static', 'app.js'), 'console.log("changed");');
    await writeFile(path.join(temp.dir, 'static', 'later.js'), 'console.log("changed");');
    expect(await fetchFile('app.js')).toBe('console.log(1);');
    expect(await fetchFile('style.css')).toBe('body {}');
    expect(await fetchFile('later.js')).toBe('console.log("changed");');
    expect(engineWanted).toEqual([]);
  });

  it('says once that the engine is wanted when a page opens its WebSocket, holds frames sent before it is ready and answers every one of them once it is', async () => {
    const headers = { origin: `http://127.0.0.1:${server.port}`, cookie: `studio_token_${server.port}=${server.token}` };
    const refused = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { headers: { origin: headers.origin } });
    await new Promise((resolve) => refused.once('error', resolve));
    expect(engineWanted).toEqual([]);
    const open = async (): Promise<WebSocket> => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { headers });
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      return socket;
    };
    const ws = await open();
    expect(engineWanted).toHaveLength(1);
    (await open()).close();
    expect(engineWanted).toHaveLength(1);
    const replies: Array<{ id: number; ok: boolean }> = [];
    ws.on('message', (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (frame.kind === 'reply') replies.push({ id: frame.id, ok: frame.envelope.ok });
    });
    ws.send(JSON.stringify({ id: 1, channel: 'app:info', input: {} }));
    ws.send('not json');
    ws.send(JSON.stringify({ id: 3, channel: 'app:info', input: {} }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replies).toEqual([]);

    startEngine();
    await engine;
    await expect.poll(() => replies.length, { timeout: 10_000 }).toBe(3);
    expect([...replies].sort((a, b) => a.id - b.id)).toEqual([
      { id: -1, ok: false },
      { id: 1, ok: true },
      { id: 3, ok: true },
    ]);
    ws.close();
  });
});
