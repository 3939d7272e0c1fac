// The deck in two parts: the answers arrive as one file per category, next
// to the wasm. A page fetches only the categories it shows; a reveal before
// the file has arrived waits with a loading line; a failed download says so
// with a retry and loses no grade; the key points are a checklist that
// suggests a grade; the service worker starts only once the app is interactive.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { newPage } from '../lib/browser.mjs';
import { categoryOfIds } from '../lib/content.mjs';
import { useApp } from '../lib/fixture.mjs';
import { AppPage } from '../pages/app.mjs';

const env = useApp();
const ANSWER_FILE = /\/answers\/([a-z-]+)-[0-9a-f]{16}\.json$/;

/** Records the categories whose answer files the page requests. */
function answerRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = ANSWER_FILE.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** Holds every answer-file request until `release()`; `fail` answers them with a 503 instead. */
async function holdAnswers(page) {
  const held = [];
  let mode = 'hold';
  await page.route(ANSWER_FILE, (route) => {
    if (mode === 'pass') return route.continue();
    if (mode === 'fail') return route.fulfill({ status: 503, body: 'unavailable' });
    held.push(route);
  });
  return {
    held,
    release: async () => {
      mode = 'pass';
      for (const r of held.splice(0)) await r.continue();
    },
    fail: async () => {
      mode = 'fail';
      for (const r of held.splice(0)) await r.fulfill({ status: 503, body: 'unavailable' });
    },
  };
}

test('the standalone page fetches each answer file once; the script embed only its own categories', async () => {
  const app = await env.app();
  const seen = answerRequests(app.page);
  await app.open('/practice');
  await app.revealAndGrade('good');
  // The other categories follow once the page is idle.
  await app.page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/answers/')).length >= 6);
  assert.deepEqual([...new Set(seen)].sort(), ['advanced', 'dsa', 'ml', 'oop', 'system-design', 'web']);
  assert.equal(seen.length, 6, `one request per file: ${seen}`);

  const page = await newPage(env.browser);
  const blog = answerRequests(page);
  await page.goto(`${env.server.url}fixtures/hostile.html`);
  for (const id of ['widget-dsa', 'widget-advanced']) {
    await page.locator(`#${id}`).getByTestId('reveal').click();
    await page.locator(`#${id}`).getByTestId('answer-short').waitFor();
  }
  assert.deepEqual([...new Set(blog)].sort(), ['advanced', 'dsa'], 'the two-widget page (hostile.html) shows dsa and advanced only');
  assert.deepEqual(page.errors, []);
});

test('the standalone page fetches no answer file beside the wasm: the first card\'s category first, the rest after', async () => {
  const app = await env.app();
  const order = [];
  app.page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const m = ANSWER_FILE.exec(path);
    if (m) order.push(m[1]);
    // The main module; the parts that load on first use come after the first card.
    else if (/\/pyprep-[0-9a-f]+_bg\.wasm$/.test(path)) order.push('wasm');
  });
  await app.open('/practice');
  const category = categoryOfIds().get(await app.cardId());
  await app.page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/answers/')).length === 6);
  assert.equal(order[0], 'wasm', `the wasm is requested before any answer file: ${order}`);
  assert.equal(order[1], category, `then the first card's category (${category}): ${order}`);
  assert.equal(new Set(order.slice(1)).size, 6, `then every other category once: ${order}`);
  const preloads = await app.page.locator('link[rel=preload][href*="answers/"]').count();
  assert.equal(preloads, 0, 'index.html preloads no answer file');
});

test('a folded answer part builds its content only when opened, by click or keyboard', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 } });
  await app.open('/q/list-vs-tuple');
  const example = app.page.getByTestId('part-example');
  await example.waitFor();
  assert.equal(await example.evaluate((d) => d.open), false, 'folded on a phone');
  assert.equal(await example.locator('pre').count(), 0, 'no code built while folded');
  await example.locator('summary').click();
  await example.locator('pre').first().waitFor();
  assert.equal(await example.evaluate((d) => d.open), true);
  await example.locator('summary').press('Enter');
  await app.page.waitForFunction(() => !document.querySelector('[data-testid=part-example]').open);
  assert.equal(await example.locator('pre').count(), 0, 'closed again, its content is gone');
  await example.locator('summary').press('Enter');
  await example.locator('pre').first().waitFor();
  assert.deepEqual(app.page.errors, []);
});

test('a reveal before the answers have arrived waits, then shows them', async () => {
  const page = await newPage(env.browser);
  const answers = await holdAnswers(page);
  const app = new AppPage(page, env.server.url);
  await app.open('/practice');
  await app.testid('reveal').click();
  await app.testid('answer-loading').waitFor();
  assert.equal(await app.testid('grade-good').count(), 1, 'grading does not wait for the answer');
  await answers.release();
  await app.testid('answer-short').waitFor();
  assert.equal(await app.testid('answer-loading').count(), 0);
  await app.testid('grade-good').click();
  await page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions ?? {}).length === 1);
  assert.deepEqual(page.errors.filter((e) => !/503|Failed to load/.test(e)), []);
});

test('a failed answer download says so, offers a retry and loses no grade', async () => {
  const page = await newPage(env.browser);
  const answers = await holdAnswers(page);
  const app = new AppPage(page, env.server.url);
  await app.open('/practice');
  const id = await app.cardId();
  await answers.fail();
  await app.testid('reveal').click();
  await app.testid('answer-failed').waitFor();
  assert.match(await app.testid('answer-failed').innerText(), /could not be shown/);
  assert.equal(await app.testid('question-text').count(), 1, 'the card keeps its question');
  // The learner can still grade; the grade is stored.
  await app.testid('grade-hard').click();
  await app.waitForCardOtherThan(id);
  assert.deepEqual(await app.storedIds(), [id]);
  // Back online: the retry brings the answer in.
  await page.unroute(ANSWER_FILE);
  await app.testid('reveal').click();
  await app.testid('answer-retry').click();
  await app.testid('answer-short').waitFor();
  assert.deepEqual(await app.storedIds(), [id], 'the grade is still there');
});

test('the key points are a checklist whose ticks suggest a grade', async () => {
  const app = await env.app();
  await app.open('/practice');
  await app.testid('reveal').click();
  await app.testid('key-points').waitFor();
  const points = app.testid('key-point');
  const n = await points.count();
  assert.ok(n >= 3 && n <= 5, `${n} key points`);
  assert.equal(await app.page.locator('[data-suggested]').count(), 0, 'no suggestion before a tick');
  await points.nth(0).check();
  const suggested = () => app.page.locator('[data-suggested]').getAttribute('data-testid');
  assert.equal(await suggested(), 'grade-again', `1 of ${n} points: under half`);
  for (let i = 1; i < n; i++) await points.nth(i).check();
  assert.match(await suggested(), /^grade-(good|easy)$/, 'every point covered');
  assert.equal(await app.testid('key-points-count').innerText(), `${n} of ${n} covered`);
  // The learner can still pick another grade.
  const id = await app.cardId();
  await app.testid('grade-again').click();
  await app.waitForCardOtherThan(id);
  const stored = await app.storedProgress();
  assert.equal(stored.questions[id].reviews[0].grade, 'again');
});

test('the service worker is registered only once the app is interactive', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.__swRegistered = [];
    const proto = window.ServiceWorkerContainer?.prototype;
    if (!proto) return;
    const register = proto.register;
    proto.register = function (...args) {
      window.__swRegistered.push({
        interactive: document.documentElement.hasAttribute('data-pyprep-interactive'),
        screen: Boolean(document.querySelector('[data-testid="nav-home"]')),
      });
      return register.apply(this, args);
    };
  });
  const app = new AppPage(page, env.server.url);
  await app.open('/practice');
  await page.waitForFunction(() => window.__swRegistered.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__swRegistered), [{ interactive: true, screen: true }]);
});
