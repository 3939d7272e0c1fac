// dist/ served behind a logging proxy: every request that reaches "the
// network" is recorded, so a test can prove a page loaded without one.
import { createServer, request } from 'node:http';

import { serve } from './server.mjs';

/** Like serve(), plus `requests`: the paths requested so far, in order. */
export async function serveLogged(root) {
  const inner = await serve(root);
  const target = new URL(inner.url);
  const requests = [];
  const proxy = createServer((req, res) => {
    requests.push(req.url);
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${proxy.address().port}/`,
    requests,
    close: async () => {
      proxy.closeAllConnections?.();
      await new Promise((ok) => proxy.close(ok));
      await inner.close();
    },
  };
}
