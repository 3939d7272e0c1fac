// The release build as the engine smoke suite sees it: dist/ served by
// e2e/lib/server.mjs behind a front proxy on a port of its own. A new front is
// a new origin, so every test starts with empty storage and no service worker
// without any cleaning. The front can also
//   - inject a recorder script, inline, as the first element of every HTML
//     page (WebKitWebDriver has no way to read the console, so the page
//     records its own errors), or a first-card timer (for the bench); inline,
//     so that they cost no request and run offline too;
//   - serve made-up pages next to the real ones (same origin and directory);
//   - send a Content-Security-Policy header on every response (csp); inline
//     scripts would then be blocked, so the recorder is instead a same-origin
//     file, /__csp-recorder.js, first in <head>, that records
//     `securitypolicyviolation` events in window.__csp;
//   - cut the network: while `offline` is set every request is dropped
//     unanswered (a connection reset, as with no network) and recorded.
import { createServer, request } from 'node:http';

import { serve } from '../lib/server.mjs';

export const ERRORS_KEY = '__engines:errors';

// Records console.error calls, uncaught errors, unhandled rejections and
// failed loads of elements (script, link, img) into sessionStorage, so they
// survive reloads and are shared with same-origin frames.
const RECORDER = `(() => {
  window.__enginesRecorder = true;
  const key = ${JSON.stringify(ERRORS_KEY)};
  const where = location.pathname + location.search;
  const push = (text) => {
    try {
      const all = JSON.parse(sessionStorage.getItem(key) || '[]');
      all.push(where + ': ' + text);
      sessionStorage.setItem(key, JSON.stringify(all));
    } catch (e) { /* no sessionStorage: nothing to record into */ }
  };
  const describe = (x) => (x instanceof Error ? String(x) + (x.stack ? ' at ' + x.stack.split('\\n')[0] : '') : String(x));
  const error = console.error;
  console.error = function (...args) {
    push(args.map(describe).join(' '));
    return error.apply(this, args);
  };
  addEventListener('error', (e) => {
    const el = e.target;
    if (el && el !== window && el.tagName) push('failed to load <' + el.tagName.toLowerCase() + '> ' + (el.src || el.href || ''));
    else push('uncaught: ' + describe(e.error ?? e.message));
  }, true);
  addEventListener('unhandledrejection', (e) => push('unhandled rejection: ' + describe(e.reason)));
})();
`;

// window.__firstCard: performance.now() when the practice card's reveal
// button first appears (checked on every DOM mutation from the first script on).
const FIRST_CARD = `(() => {
  const seen = () => document.querySelector('[data-testid="reveal"]');
  const observer = new MutationObserver(() => {
    if (seen()) { window.__firstCard = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { subtree: true, childList: true });
})();
`;

const SCRIPTS = { recorder: RECORDER, 'first-card': FIRST_CARD };

export const CSP_RECORDER_PATH = '/__csp-recorder.js';
const CSP_RECORDER = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
`;

/**
 * Starts the inner dist/ server once; returns { front(options), close() }.
 * front({ inject: ['recorder' | 'first-card'], csp }) resolves to
 * { url, offline, offlineRequests, addPage(path, html), close() }.
 */
export async function serveDist(root) {
  const inner = await serve(root);
  const target = new URL(inner.url);
  const fronts = new Set();

  async function front({ inject = [], csp = null } = {}) {
    for (const name of inject) if (!SCRIPTS[name]) throw new Error(`no script ${name} to inject`);
    if (csp && inject.length) throw new Error('inline scripts cannot be injected under a CSP (they would be blocked)');
    const tags = csp ? `<script src="${CSP_RECORDER_PATH}"></script>` : inject.map((name) => `<script>${SCRIPTS[name]}</script>`).join('');
    const extra = csp ? { 'content-security-policy': csp } : {};
    const pages = new Map();
    const sockets = new Set();
    const state = { offline: false, offlineRequests: [] };
    const server = createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (state.offline) {
        state.offlineRequests.push(req.url);
        req.socket.destroy();
        return;
      }
      if (csp && path === CSP_RECORDER_PATH) {
        res.writeHead(200, { ...extra, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(CSP_RECORDER);
        return;
      }
      if (pages.has(path)) {
        res.writeHead(200, { ...extra, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(withTags(pages.get(path), tags));
        return;
      }
      const headers = { ...req.headers };
      delete headers['accept-encoding'];
      headers.connection = 'close';
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false },
        (up) => {
          const html = /^text\/html/.test(up.headers['content-type'] ?? '');
          if (!html || !tags) {
            res.writeHead(up.statusCode, { ...up.headers, ...extra });
            up.pipe(res);
            return;
          }
          const chunks = [];
          up.on('data', (c) => chunks.push(c));
          up.on('end', () => {
            const body = withTags(Buffer.concat(chunks).toString('utf8'), tags);
            const out = { ...up.headers, ...extra, 'content-length': Buffer.byteLength(body) };
            res.writeHead(up.statusCode, out);
            res.end(body);
          });
        },
      );
      upstream.on('error', () => res.writeHead(502, extra).end());
      req.pipe(upstream);
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const handle = {
      url: `http://127.0.0.1:${server.address().port}/`,
      get offline() {
        return state.offline;
      },
      /** Cuts (true) or restores (false) the network for this origin; open connections are dropped. */
      set offline(value) {
        state.offline = value;
        if (value) for (const s of sockets) s.destroy();
      },
      offlineRequests: state.offlineRequests,
      addPage(path, html) {
        pages.set(path, html);
      },
      close: async () => {
        fronts.delete(handle);
        for (const s of sockets) s.destroy();
        await new Promise((ok) => server.close(ok));
      },
    };
    fronts.add(handle);
    return handle;
  }

  return {
    front,
    close: async () => {
      for (const f of [...fronts]) await f.close();
      await inner.close();
    },
  };
}

function withTags(html, tags) {
  if (!tags) return html;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length) : tags + html;
}
