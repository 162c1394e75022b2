// The start-up baseline: a node:http server on 127.0.0.1 serving one minimal page with one element,
// announcing itself the way browser mode does ("Open: <url>").
import { createServer } from 'node:http';

const page = '<!doctype html><meta charset="utf-8"><title>bare</title><button data-testid="step-host">Host</button>';
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`Open: http://127.0.0.1:${server.address().port}/`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
