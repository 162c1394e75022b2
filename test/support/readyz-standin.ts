import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A STAND-IN for a kind cluster's API server where the tests have none: it answers GET /readyz
 * with "ok", as kube-apiserver does, and 404 for anything else.
 */
export async function startReadyzStandin(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/readyz')) response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
