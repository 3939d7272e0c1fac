// The standalone page, the iframe embed and the script embed under a strict
// Content-Security-Policy: no inline script, no inline style, nothing from
// another origin. Every response carries the header; the spec counts
// `securitypolicyviolation` events in every frame (there must be none) and
// checks that the app works: practise a card, and the widget is styled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

import { launch, newPage } from '../lib/browser.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; object-src 'none'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
const FIXTURES = {
  '/csp-embed.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP host</title><link rel="icon" href="data:,"></head><body>
<h1>A strict host page</h1><div id="w1" data-pyprep data-categories="dsa"></div><div id="w2" data-pyprep data-mode="card" data-questions="gil"></div>
<script type="module" src="embed.js"></script></body></html>`,
  '/csp-frame.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP frame host</title><link rel="icon" href="data:,"></head><body>
<iframe id="f" title="practice" src="index.html?embed=1&amp;categories=oop" width="600" height="900"></iframe></body></html>`,
};

let server;
let browser;
before(async () => {
  const root = resolve('dist');
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const headers = { 'content-security-policy': STRICT_CSP };
    if (FIXTURES[path]) {
      // The host page of the iframe needs frame-src 'self' (the default-src covers it).
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(FIXTURES[path]);
      return;
    }
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok) ?? ok());
});
const url = (path) => `http://127.0.0.1:${server.address().port}${path}`;

/** A page that records CSP violations of every frame in window.__csp (of its own frame). */
async function strictPage(options) {
  const page = await newPage(browser, options);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__csp ?? []).catch(() => [])));
  return all;
}

test('the standalone page works under the strict CSP', async () => {
  const page = await strictPage();
  await page.goto(url('/#/practice'));
  await page.getByTestId('reveal').click();
  await page.getByTestId('answer-short').waitFor();
  await page.getByTestId('grade-good').click();
  await page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions ?? {}).length === 1);
  // Offline support registers under the CSP too (worker-src 'self').
  await page.waitForFunction(() => navigator.serviceWorker.getRegistrations().then((r) => r.length === 1));
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('Run works under the strict CSP: the worker and Pyodide need nothing beyond it', { timeout: 90_000 }, async () => {
  const page = await strictPage();
  await page.goto(url('/#/q/inheritance-types'));
  const example = page.getByTestId('part-example');
  if (!(await example.evaluate((d) => d.open))) await example.locator('summary').click();
  const panel = page.locator('.code-block', { has: page.locator('pre', { hasText: 'class LowerUserDict' }) }).getByTestId('run-panel');
  await panel.getByTestId('run-button').click();
  await panel.getByTestId('run-status').filter({ hasText: 'Finished' }).waitFor({ timeout: 60_000 });
  assert.match(await panel.getByTestId('run-output').innerText(), /LowerUserDict \['a', 'b', 'c'\]/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('the script embed works under the strict CSP, styled through adopted stylesheets', async () => {
  const page = await strictPage();
  await page.goto(url('/csp-embed.html'));
  const w1 = page.locator('#w1');
  await w1.getByTestId('reveal').click();
  await w1.getByTestId('answer-short').waitFor();
  const styled = await page.evaluate(() => {
    const root = document.querySelector('#w1').shadowRoot;
    const grade = root.querySelector('[data-testid="grade-good"]');
    return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length, minHeight: getComputedStyle(grade).minHeight };
  });
  assert.deepEqual(styled, { adopted: 1, styleElements: 0, minHeight: '44px' });
  await page.locator('#w2').getByTestId('reveal').waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('the iframe embed works under the strict CSP', async () => {
  const page = await strictPage();
  await page.goto(url('/csp-frame.html'));
  const frame = page.frameLocator('#f');
  await frame.getByTestId('reveal').click();
  await frame.getByTestId('answer-short').waitFor();
  await frame.getByTestId('grade-easy').click();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});
