import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Engine } from '../../electron/engine/engine.js';
import { startWebServer, type RunningWebServer } from '../../electron/web/web-server.js';
import { tempDir } from '../support/temp-dir.js';

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET, so the Host header and path are sent exactly as given. */
function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathAndQuery, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves with it, or with the HTTP status that refused it. */
function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function ask(ws: WebSocket, frame: string | Buffer): Promise<{ kind: string; id: number; envelope: { ok: boolean; error?: { message: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const parsed = JSON.parse(data.toString());
      if (parsed.kind !== 'reply') return;
      ws.off('message', onMessage);
      resolve(parsed);
    };
    ws.on('message', onMessage);
    ws.send(frame);
  });
}

describe('browser mode server', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  let server: RunningWebServer;
  let origin: string;

  beforeAll(async () => {
    temp = await tempDir('web');
    const staticDir = path.join(temp.dir, 'static');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>studio</title>');
    engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' });
    server = await startWebServer({ engine, staticDir });
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    await engine.shutdown();
    await temp.remove();
  });

  it('listens on 127.0.0.1 with a random port and a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a page request without the token, or with a wrong one', async () => {
    expect((await get(server.port, '/')).status).toBe(403);
    expect((await get(server.port, '/?token=nope')).status).toBe(403);
    expect((await get(server.port, '/', { cookie: `studio_token_${server.port}=nope` })).status).toBe(403);
  });

  it('serves the page with the token, sets a port-scoped HttpOnly cookie and a strict CSP', async () => {
    const answer = await get(server.port, `/?token=${server.token}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>studio</title>');
    expect(String(answer.headers['set-cookie'])).toContain(`studio_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict`);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get(server.port, '/index.html', { cookie: `studio_token_${server.port}=${server.token}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the static folder', async () => {
    expect((await get(server.port, `/?token=${server.token}`, { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(server.port, `/../../etc/passwd?token=${server.token}`)).status).toBe(404);
    expect((await get(server.port, `/%2e%2e/%2e%2e/etc/passwd?token=${server.token}`)).status).toBe(404);
  });

  it('refuses a WebSocket without the token, with a wrong Origin, or with no Origin', async () => {
    const api = `ws://127.0.0.1:${server.port}/api`;
    expect(await openSocket(api, { origin })).toBe(403);
    expect(await openSocket(`${api}?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await openSocket(`${api}?token=${server.token}`, {})).toBe(403);
  });

  it('answers requests over an authorised WebSocket, and refuses malformed frames without falling over', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/api`, { origin, cookie: `studio_token_${server.port}=${server.token}` });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    const ok = await ask(ws, JSON.stringify({ id: 1, channel: 'app:info', input: {} }));
    expect(ok).toMatchObject({ id: 1, envelope: { ok: true } });

    for (const bad of ['not json', '{"id": "x"}', JSON.stringify({ id: 2, channel: 'app:info', input: {}, extra: true }), '[]', 'null']) {
      const reply = await ask(ws, bad);
      expect(reply.envelope.ok).toBe(false);
      expect(reply.envelope.error?.message).toMatch(/malformed frame/);
    }
    const binary = await ask(ws, Buffer.from([1, 2, 3]));
    expect(binary.envelope.error?.message).toMatch(/binary frames/);
    const unknown = await ask(ws, JSON.stringify({ id: 3, channel: 'fs:readFile', input: { path: '/etc/passwd' } }));
    expect(unknown).toMatchObject({ id: 3, envelope: { ok: false } });

    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 4, channel: 'shell:write', input: { sessionId: 'x', data: 'y'.repeat(2 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);

    const again = await openSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin });
    if (typeof again === 'number') throw new Error(`refused with ${again}`);
    expect(await ask(again, JSON.stringify({ id: 5, channel: 'steps:list', input: {} }))).toMatchObject({ id: 5, envelope: { ok: true } });
    again.close();
  });
});
