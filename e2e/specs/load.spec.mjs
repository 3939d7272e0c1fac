// The page loads cleanly, lists the whole deck, and fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();

test('loads with no console errors and lists all 120 questions', async () => {
  const app = await env.app();
  await app.open('/browse');
  const links = await app.questionLinks();
  await links.nth(119).waitFor();
  assert.equal(await links.count(), 120);
  assert.deepEqual(app.page.errors, []);
});

test('the home screen shows the six categories, all new', async () => {
  const app = await env.app();
  await app.open('/');
  const cards = app.testid('category-card');
  await cards.nth(5).waitFor();
  const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.category));
  assert.deepEqual(ids, ['dsa', 'oop', 'web', 'ml', 'system-design', 'advanced']);
  assert.equal(await app.homeTotal('count-new'), 120);
});

test('nothing scrolls sideways at a 390x844 phone viewport', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const route of ['/', '/browse', '/practice', '/mock', '/stats', '/settings', '/q/list-vs-tuple']) {
    await app.open(route);
    assert.equal(await app.horizontalOverflow(), 0, `${route} overflows sideways`);
  }
  assert.deepEqual(app.page.errors, []);
});
