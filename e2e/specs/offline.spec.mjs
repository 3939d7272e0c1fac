// Offline: after one visit the standalone page loads and practises with the
// network cut through the DevTools protocol. Embeds never register a service
// worker (checked on a second origin, as on someone else's site).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { newPage } from '../lib/browser.mjs';
import { mountedWidgets } from '../lib/examples.mjs';
import { useApp } from '../lib/fixture.mjs';
import { serveLogged } from '../lib/logged-server.mjs';
import { AppPage } from '../pages/app.mjs';
import { WidgetPage } from '../pages/widget.mjs';

// env.server is the "other site" hosting the embeds; `origin` serves the app.
const env = useApp();
let origin;
before(async () => {
  origin = await serveLogged();
});
after(async () => {
  await origin?.close();
});

/** Records every navigator.serviceWorker.register() call, in every frame, as window.__swRegisters. */
async function recordRegistrations(page) {
  await page.addInitScript(() => {
    window.__swRegisters = [];
    const proto = window.ServiceWorkerContainer?.prototype;
    if (!proto) return;
    const register = proto.register;
    proto.register = function (...args) {
      window.__swRegisters.push(String(args[0]));
      return register.apply(this, args);
    };
  });
}

/** Opens the standalone page and waits until a service worker controls it; returns the AppPage. */
async function controlledApp() {
  const page = await newPage(env.browser);
  await recordRegistrations(page);
  const app = new AppPage(page, origin.url);
  await app.open('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await app.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  return app;
}

test('after one visit the standalone page loads and practises with the network cut (CDP offline)', async () => {
  const app = await controlledApp();
  const { page } = app;
  assert.ok((await page.evaluate(() => window.__swRegisters)).length >= 1, 'the standalone page registered a service worker');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.context().setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page sees the network as cut');
  const seen = origin.requests.length;
  assert.ok(seen > 0, 'the logging server saw the first, online visit');

  await app.reload();
  await app.open('/practice');
  const id = await app.revealAndGrade('good');
  assert.deepEqual(await app.storedIds(), [id], 'the grade is stored while offline');
  await app.reload();
  assert.deepEqual(await app.storedIds(), [id], 'and still there after another offline reload');
  await app.open('/');
  assert.equal(await app.homeTotal('count-new'), 119);
  // The screens that load on first use come from the precache too.
  await app.open('/stats');
  await app.testid('stats-reviews').waitFor();
  await app.open('/browse');
  await app.testid('search').waitFor();
  assert.deepEqual(origin.requests.slice(seen), [], 'no request reached the server while offline');
  assert.deepEqual(page.errors, []);
  // The cut is real: a request for a file the service worker does not hold never reaches the server
  // (its failure is the one console error expected here).
  const probe = await page.evaluate(() => fetch('./offline-probe.txt', { cache: 'no-store' }).then((r) => `HTTP ${r.status}`, (e) => `failed: ${e.name}`));
  assert.ok(!origin.requests.includes('/offline-probe.txt'), `the probe reached the server (${probe})`);
});

test('embed.js contains no service worker registration', () => {
  const loader = readFileSync(resolve('dist/embed.js'), 'utf8');
  assert.doesNotMatch(loader, /serviceWorker\s*\.\s*register|\.register\s*\(/);
});

test('script and iframe embeds on another origin never register a service worker', async () => {
  // The same hook sees the standalone page register one (so it would see an embed do it).
  const control = await controlledApp();
  assert.ok((await control.page.evaluate(() => window.__swRegisters)).length >= 1, 'control: the standalone page registers');

  const page = await newPage(env.browser);
  await recordRegistrations(page);
  await page.goto(`${env.server.url}fixtures/hostile.html`);
  const widgets = await mountedWidgets(page);
  assert.equal(widgets.length, 2);
  await widgets[0].revealAndGrade('good');
  assert.deepEqual(await page.evaluate(() => window.__swRegisters), [], 'hostile.html: no register() call');
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'hostile.html: no registration');

  await page.goto(`${env.server.url}examples/course.html`);
  const frame = await (await page.locator('iframe[src*="embed=1"]').elementHandle()).contentFrame();
  const inFrame = new WidgetPage(frame, null);
  await inFrame.ready();
  await inFrame.revealAndGrade('good');
  assert.deepEqual(await page.evaluate(() => window.__swRegisters), [], 'course.html: no register() call');
  assert.deepEqual(await frame.evaluate(() => window.__swRegisters), [], 'the ?embed=1 frame: no register() call');
  assert.deepEqual(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'course.html: no registration');
  assert.equal(await frame.evaluate(() => navigator.serviceWorker.controller), null);
  assert.deepEqual(page.errors, []);
});
