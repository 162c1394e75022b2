import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrameSchema as ClientFrameSchemaType, ServerFrame } from '../../shared/ipc/envelope.js';
import type { ClientConnection } from '../engine/client-connection.js';
import type { Engine } from '../engine/engine.js';
import { newToken, tokenCookie, tokenMatches, tokenOf } from './access-token.js';
import { readFirstScreenFiles } from './first-screen-files.js';
import { readStatic } from './static-files.js';

export interface WebServerOptions {
  /**
   * The engine, or the promise of it: the page is served at once, and a WebSocket's frames wait
   * (in order) until the engine is there, so the browser loads the page while the engine starts.
   */
  engine: Engine | Promise<Engine>;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** The contract's ClientFrameSchema (it needs zod, so it may come later); by default from engine-module.ts. */
  frameSchema?: typeof ClientFrameSchemaType | Promise<typeof ClientFrameSchemaType>;
  /**
   * Called once, when the first WebSocket to /api is accepted: a page has been drawn (it carries
   * its first screen) and its scripts now ask for the engine. Work started then, such as loading the
   * engine, no longer competes with the browser for the first paint.
   */
  onEngineWanted?: () => void;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest WebSocket frame accepted from a page; requests are small, so anything bigger is refused. */
const maxFrameBytes = 1024 * 1024;

/**
 * Browser mode: the same UI and engine, served on 127.0.0.1 only. Every request needs the run's
 * random token (query or cookie), the Host header must be ours, and the WebSocket checks the Origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newToken();
  const staticDir = path.resolve(options.staticDir);
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  let engineWanted = false;
  const firstScreenFiles = await readFirstScreenFiles(staticDir);

  const server: Server = createServer((request, response) => {
    void serveHttp(request, response).catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`Internal error: ${error.message}`);
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(request.headers.host ?? '')) return refuse(response, 421, 'Unexpected Host header.');
    const given = tokenOf(request, port);
    if (!tokenMatches(given, token)) return refuse(response, 403, 'Missing or wrong token. Open the URL printed when the app started.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Only GET is served here.');
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const file = firstScreenFiles.get(url.pathname) ?? (await readStatic(staticDir, url.pathname));
    if (!file) return refuse(response, 404, 'Not found.');
    response.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': contentSecurityPolicy(port),
      'set-cookie': `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  // The frame schema needs zod, which comes with the engine's module rather than before the page.
  const frameSchema = options.frameSchema ?? import('./engine-module.js').then((module) => module.ClientFrameSchema);
  const engineReady = Promise.all([options.engine, frameSchema]).then(([engine, ClientFrameSchema]) => ({ engine, ClientFrameSchema }));
  // A failed engine start is its owner's to report; here it only means no frame is ever answered.
  engineReady.catch(() => undefined);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  server.on('upgrade', (request, socket, head) => {
    const origin = request.headers.origin ?? '';
    const okHost = allowedHosts().includes(request.headers.host ?? '');
    const okOrigin = allowedHosts().some((host) => origin === `http://${host}`);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!okHost || !okOrigin || url.pathname !== '/api' || !tokenMatches(tokenOf(request, port), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!engineWanted) {
      engineWanted = true;
      options.onEngineWanted?.();
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachClient(engineReady, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let clientCounter = 0;

type EngineReady = Promise<{ engine: Engine; ClientFrameSchema: typeof ClientFrameSchemaType }>;

function attachClient(engineReady: EngineReady, ws: WebSocket): void {
  const client: ClientConnection = {
    id: `web-${++clientCounter}`,
    send: (event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'event', event, payload } satisfies ServerFrame));
    },
  };
  let closed = false;
  const session = engineReady.then(({ engine, ClientFrameSchema }) => ({ session: closed ? undefined : engine.connect(client), ClientFrameSchema }));
  const reply = (frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  // Frames that come before the engine is ready wait for it, and are answered in the order they came.
  ws.on('message', (raw, isBinary) => {
    void session.then(({ session, ClientFrameSchema }) => {
      if (!session) return;
      let id = -1;
      try {
        if (isBinary) throw new Error('binary frames are not accepted');
        const frame = ClientFrameSchema.parse(JSON.parse(raw.toString()));
        id = frame.id;
        void session.request(frame.channel, frame.input).then((envelope) => reply({ kind: 'reply', id, envelope }));
      } catch (error) {
        reply({ kind: 'reply', id, envelope: { ok: false, error: { name: 'BadFrame', message: `Refused a malformed frame: ${(error as Error).message.slice(0, 300)}`, kind: 'expected' } } });
      }
    }, () => undefined);
  });
  const close = (): void => {
    closed = true;
    void session.then(({ session }) => session?.close(), () => undefined);
  };
  ws.on('close', close);
  ws.on('error', close);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
