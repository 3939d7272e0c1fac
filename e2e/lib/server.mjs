// A static file server for dist/ on a free loopback port: what the browser
// tests load, the release build exactly as built.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The e2e fixture pages (e2e/fixtures/), served at /fixtures/ next to the build. */
const FIXTURES = resolve('e2e/fixtures');

/**
 * Serves `root` (default dist/), and e2e/fixtures/ at /fixtures/; resolves to
 * { url, close, sent }. Options (for `make bench`): `gzip` compresses every
 * response (level 9) for clients that accept it, as a static host would;
 * `pages` maps paths to extra HTML (host pages for the embeds); `sent()` is
 * the body bytes sent so far and `sent(0)` resets it.
 */
export async function serve(root = resolve('dist'), { gzip = false, pages = {} } = {}) {
  let bytes = 0;
  const cache = new Map();
  const send = (req, res, status, type, body, key) => {
    const zip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    // Compressed once per path (and content), like a host's precompressed files.
    const id = `${key}\0${body.length}`;
    if (zip && !cache.has(id)) cache.set(id, gzipSync(body, { level: 9 }));
    const out = zip ? cache.get(id) : body;
    bytes += out.length;
    res.writeHead(status, { 'content-type': type, ...(zip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(out);
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (pages[path]) {
      send(req, res, 200, TYPES['.html'], Buffer.from(pages[path]), path);
      return;
    }
    const fixture = path.startsWith('/fixtures/');
    const base = fixture ? FIXTURES : root;
    let file = join(base, fixture ? path.slice('/fixtures'.length) : path);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
    sent: (reset) => {
      const n = bytes;
      if (reset !== undefined) bytes = reset;
      return n;
    },
  };
}

/** Serves `html` at every path on another free loopback port (a host page of another origin); resolves to { url, port, close }. */
export async function serveHtml(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': TYPES['.html'] });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
