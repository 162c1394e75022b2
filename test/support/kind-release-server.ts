import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for kind's release downloads, laid out like the real site: /dl/<version>/<asset>
 * redirects to /releases/download/<version>/<asset>, next to <asset>.sha256sum in `shasum -a 256`
 * format. The first path segment picks a scenario, so one server serves every case:
 *   ok, bad-checksum, wrong-binary (serves `wrongBinary` with its own valid checksum),
 *   html (an error page with a valid checksum), truncated, missing (404), stall, slow, and held
 *   (half the binary at once, the rest only when release() is called, so a test can look at a
 *   download in progress for as long as it needs, however loaded the machine).
 */
export interface KindReleaseServer {
  base(scenario: Scenario): string;
  requests: string[];
  /** Sends the rest of every "held" download. */
  release(): void;
  close(): Promise<void>;
}

export type Scenario = 'ok' | 'bad-checksum' | 'wrong-binary' | 'html' | 'truncated' | 'missing' | 'stall' | 'slow' | 'held';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const htmlPage = Buffer.from('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n');

export async function startKindReleaseServer(options: { version: string; asset: string; binary: string; wrongBinary: string }): Promise<KindReleaseServer> {
  const good = await readFile(options.binary);
  const wrong = await readFile(options.wrongBinary);
  const requests: string[] = [];
  const stalled = new Set<ServerResponse>();
  const held = new Map<ServerResponse, Buffer>();

  const bodyFor = (scenario: Scenario): Buffer => (scenario === 'wrong-binary' ? wrong : scenario === 'html' ? htmlPage : good);

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const match = /^\/([a-z-]+)\/(dl|releases\/download)\/(v[\d.]+)\/([\w.-]+)$/.exec(url);
    if (!match) return void response.writeHead(404).end('no such path');
    const [, scenarioText, kind, version, file] = match;
    const scenario = scenarioText as Scenario;
    if (kind === 'dl') {
      // The real site answers /dl/v… with a redirect to the GitHub release download.
      return void response.writeHead(302, { location: `/${scenario}/releases/download/${version}/${file}` }).end();
    }
    if (scenario === 'missing' || version !== options.version || !file?.startsWith(options.asset)) return void response.writeHead(404).end('Not Found');
    if (file === `${options.asset}.sha256sum`) {
      const digest = scenario === 'bad-checksum' ? sha(Buffer.from('something else')) : sha(bodyFor(scenario));
      return void response.writeHead(200, { 'content-type': 'text/plain' }).end(`${digest}  ${options.asset}\n`);
    }
    if (file !== options.asset) return void response.writeHead(404).end('Not Found');
    const body = bodyFor(scenario);
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
    if (scenario === 'truncated') {
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
      return;
    }
    if (scenario === 'stall') {
      stalled.add(response);
      response.write(body.subarray(0, 64 * 1024));
      return;
    }
    if (scenario === 'held') {
      const half = Math.floor(body.length / 2);
      response.write(body.subarray(0, half));
      held.set(response, body.subarray(half));
      response.on('close', () => held.delete(response));
      return;
    }
    if (scenario === 'slow') {
      // About two seconds in twenty pieces, so a progress bar has something to show.
      const piece = Math.ceil(body.length / 20);
      let sent = 0;
      const timer = setInterval(() => {
        response.write(body.subarray(sent, sent + piece));
        sent += piece;
        if (sent >= body.length) {
          clearInterval(timer);
          response.end();
        }
      }, 100);
      response.on('close', () => clearInterval(timer));
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: (scenario) => `http://127.0.0.1:${port}/${scenario}/dl`,
    requests,
    release: () => {
      for (const [response, rest] of held) response.end(rest);
      held.clear();
    },
    close: async () => {
      for (const response of [...stalled, ...held.keys()]) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
