// The page loads cleanly, lists the whole deck, and fits a phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, newPage } from '../lib/browser.mjs';
import { serve } from '../lib/server.mjs';
import { AppPage } from '../pages/app.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('loads with no console errors and lists all 120 questions', async () => {
  const page = await newPage(browser);
  const app = new AppPage(page, server.url);
  await app.open('/browse');
  const links = await app.questionLinks();
  await links.nth(119).waitFor();
  assert.equal(await links.count(), 120);
  assert.deepEqual(page.errors, []);
});

test('the home screen shows the six categories', async () => {
  const page = await newPage(browser);
  const app = new AppPage(page, server.url);
  await app.open('/');
  const cards = app.testid('category-card');
  await cards.nth(5).waitFor();
  assert.equal(await cards.count(), 6);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.category));
  assert.deepEqual(ids, ['dsa', 'oop', 'web', 'ml', 'system-design', 'advanced']);
});

test('nothing scrolls sideways at a 390x844 phone viewport', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const app = new AppPage(page, server.url);
  for (const route of ['/', '/browse', '/practice', '/mock', '/stats', '/settings', '/q/list-vs-tuple']) {
    await app.open(route);
    assert.equal(await app.horizontalOverflow(), 0, `${route} overflows sideways`);
  }
  assert.deepEqual(page.errors, []);
});
