import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Engine } from '../../electron/engine/engine.js';
import { startWebServer, type RunningWebServer } from '../../electron/web/web-server.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

function status(port: number, pathAndQuery: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
    req.end();
  });
}

function upgrade(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

describe('browser mode refuses what it should, whatever it is sent', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  let server: RunningWebServer;

  beforeAll(async () => {
    temp = await tempDir('web-fuzz');
    await mkdir(path.join(temp.dir, 'static'));
    await writeFile(path.join(temp.dir, 'static', 'index.html'), '<!doctype html>');
    engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', skipLoginShell: true });
    server = await startWebServer({ engine, staticDir: path.join(temp.dir, 'static') });
  });
  afterAll(async () => {
    await server.close();
    await engine.shutdown();
    await temp.remove();
  });

  it('fuzz: no request without the right token gets a page', async () => {
    const host = `127.0.0.1:${server.port}`;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 64 }).filter((t) => t !== server.token), fc.constantFrom('/', '/index.html', '/api', '/x/../index.html'), async (token, where) => {
        const viaQuery = await status(server.port, `${where}?token=${encodeURIComponent(token)}`, { host });
        const viaCookie = await status(server.port, where, { host, cookie: `studio_token_${server.port}=${token.replace(/[;\r\n]/g, '')}` });
        expect(viaQuery).toBe(403);
        expect(viaCookie).toBe(403);
      }),
      { numRuns: 60 },
    );
  });

  it('fuzz: no WebSocket with a foreign Origin or Host is accepted, even with the token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl(), fc.domain(), async (origin, host) => {
        fc.pre(origin !== `http://127.0.0.1:${server.port}` && origin !== `http://localhost:${server.port}`);
        const answer = await upgrade(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin, host: `${host}:${server.port}` });
        expect(answer).toBe(403);
        const sameHost = await upgrade(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin });
        expect(sameHost).toBe(403);
      }),
      { numRuns: 40 },
    );
  });

  it('fuzz: malformed and hostile frames get an error reply, and the engine keeps working', async () => {
    const ws = await upgrade(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    const replies: Array<{ envelope: { ok: boolean } }> = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.kind === 'reply') replies.push(frame);
    });
    const frames = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ id: fc.oneof(fc.nat(), fc.string()), channel: fc.oneof(fc.constantFrom('steps:cancel', 'output:ack', 'shell:write', 'settings:update', 'app:dismissNotice'), fc.string()), input: fc.anything() }).map((f) => JSON.stringify(f)),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        ws.send(frame);
        sent += 1;
      }),
      { numRuns: 300 },
    );
    // Every frame gets its reply: wait for that count (not a guessed sleep), then check no extra came.
    await waitFor(() => replies.length >= sent, `a reply to each of the ${sent} frames`, { describe: () => `${replies.length} replies` });
    expect(replies.length).toBe(sent);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();

    const fresh = await upgrade(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
    if (typeof fresh === 'number') throw new Error(`refused: ${fresh}`);
    const reply = await new Promise<{ envelope: { ok: boolean } }>((resolve) => {
      fresh.once('message', (data) => resolve(JSON.parse(data.toString())));
      fresh.send(JSON.stringify({ id: 1, channel: 'steps:list', input: {} }));
    });
    expect(reply.envelope.ok).toBe(true);
    fresh.close();
  });
});
