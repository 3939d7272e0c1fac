// The review loop on a phone (390x844, touch): the grade bar within thumb
// reach after reveal, code that never wraps, intervals on the buttons, Again
// cards that come back within the session once their step is due (the clock
// is driven), undo, and Previous that never grades twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { newPage } from '../lib/browser.mjs';
import { useApp } from '../lib/fixture.mjs';
import { AppPage, STORAGE_KEY } from '../pages/app.mjs';

const env = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const T0 = Date.parse('2026-12-01T09:00:00Z');

/** The id of the longest answer in the build (by its HTML). */
function longestAnswer() {
  let best = ['', 0];
  for (const f of readdirSync('dist/answers')) {
    const { answers } = JSON.parse(readFileSync(join('dist/answers', f), 'utf8'));
    for (const [id, a] of Object.entries(answers)) {
      const n = Object.values(a).flat().join('').length;
      if (n > best[1]) best = [id, n];
    }
  }
  return best[0];
}

/** True when the element's box lies inside the viewport. */
async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0;
  });
}

test('after reveal the grade bar is in view without scrolling, on the longest answer too', async () => {
  const app = await env.app(PHONE);
  await app.open('/practice');
  await app.testid('reveal').tap();
  await app.testid('answer-short').waitFor();
  assert.ok(await inViewport(app.testid('grade-good')), 'standalone: grade bar in view');
  for (const part of ['explanation', 'example']) {
    const summary = app.testid(`part-${part}`).locator('summary');
    if (await summary.count()) await summary.tap();
  }
  assert.ok(await inViewport(app.testid('grade-good')), 'with the parts opened');

  const id = longestAnswer();
  const page = await newPage(env.browser, PHONE);
  await page.goto(`${env.server.url}index.html?embed=1&mode=card&questions=${id}`);
  await page.getByTestId('reveal').tap();
  await page.getByTestId('answer-short').waitFor();
  await page.evaluate(() => document.querySelectorAll('details.answer-part').forEach((d) => (d.open = true)));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > 2 * 844, `the longest answer (${id}) is long: ${height} px`);
  assert.ok(await inViewport(page.getByTestId('grade-good')), `${id}: grade bar in view`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  assert.ok(await inViewport(page.getByTestId('grade-good')), 'still in view half way down');
});

test('no code line wraps: every pre scrolls sideways instead', async () => {
  const app = await env.app({ ...PHONE, viewport: { width: 320, height: 640 } });
  for (const id of ['list-vs-tuple', 'django-project-structure', longestAnswer()]) {
    await app.open(`/q/${id}`);
    await app.testid('answer-short').waitFor();
    await app.page.evaluate(() => document.querySelectorAll('details.answer-part').forEach((d) => (d.open = true)));
    const wrapped = await app.page.evaluate(() =>
      [...document.querySelectorAll('.answer pre')].flatMap((pre) => {
        const style = getComputedStyle(pre);
        const lines = pre.textContent.replace(/\n$/, '').split('\n').length;
        // Line boxes: the distinct tops of the text's client rects.
        const range = document.createRange();
        range.selectNodeContents(pre);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        const ok = style.whiteSpace === 'pre' && pre.scrollWidth >= pre.clientWidth && tops.size <= lines;
        return ok ? [] : [`${style.whiteSpace} ${lines} lines in ${tops.size} line boxes`];
      }),
    );
    assert.deepEqual(wrapped, [], id);
  }
});

test('each grade button shows its interval, and a line says when the card comes back', async () => {
  const app = await env.app(PHONE);
  await app.open('/practice');
  await app.testid('reveal').tap();
  const intervals = {};
  for (const g of ['again', 'hard', 'good', 'easy']) intervals[g] = await app.testid(`interval-${g}`).innerText();
  assert.deepEqual(
    { again: intervals.again, hard: intervals.hard, good: intervals.good },
    { again: '1m', hard: '5m', good: '10m' },
    'a new card: FSRS learning steps',
  );
  assert.match(intervals.easy, /^\d+d$/);
  await app.testid('grade-good').tap();
  assert.match(await app.testid('after-grade').innerText(), /Graded Good: back in 10 minutes, in this session\./);
});

test('Again brings the card back in the same session once its step is due (clock driven)', async () => {
  const page = await newPage(env.browser, PHONE);
  await page.clock.install({ time: T0 });
  const app = new AppPage(page, env.server.url);
  await app.open('/practice');
  await app.page.evaluate((key) => {
    const p = JSON.parse(localStorage.getItem(key) ?? '{"version":1,"questions":{}}');
    p.settings = { theme: 'system', daily_new_limit: 1 };
    p.settings_updated_ms = Date.now();
    localStorage.setItem(key, JSON.stringify(p));
  }, STORAGE_KEY);
  await app.reload();
  const id = await app.cardId();
  assert.equal(await app.testid('queue-remaining').innerText(), '1 left in this session');
  await app.testid('reveal').tap();
  await app.testid('grade-again').tap();
  await app.testid('practice-waiting').waitFor();
  assert.equal(await app.testid('returning').innerText(), '1 card returns in 1 minute.');
  // Home agrees: nothing due this minute, and it says what comes back.
  await app.open('/');
  assert.equal(await app.testid('returning-soon').innerText(), '1 card returns in 1 minute.');
  await app.open('/practice');
  await app.testid('practice-waiting').waitFor();
  await page.clock.fastForward('01:05');
  await app.testid('card').waitFor();
  assert.equal(await app.cardId(), id, 'the same card, back within the session');
  assert.equal(await app.testid('attempt').inputValue(), '', 'its attempt box starts empty');
  await app.testid('reveal').tap();
  await app.testid('grade-good').tap();
  const stored = await app.storedProgress();
  assert.deepEqual(stored.questions[id].reviews.map((r) => r.grade), ['again', 'good']);
});

test('undo restores the card exactly and removes the review; Previous never grades twice', async () => {
  const app = await env.app(PHONE);
  await app.open('/practice');
  const first = await app.cardId();
  await app.testid('reveal').tap();
  await app.testid('grade-hard').tap();
  await app.waitForCardOtherThan(first);
  assert.equal((await app.storedProgress()).questions[first].reviews.length, 1);
  await app.testid('undo').tap();
  assert.equal(await app.cardId(), first, 'back on the undone card');
  await app.testid('grade-good').waitFor();
  await app.page.waitForFunction(
    ([key, id]) => (JSON.parse(localStorage.getItem(key)).questions[id]?.reviews ?? []).length === 0,
    [STORAGE_KEY, first],
  );
  const entry = (await app.storedProgress()).questions[first];
  assert.equal(entry.card ?? null, null, 'no scheduling left from the undone grade');
  // Grade it, go back with Previous (K): it shows as graded and keys do not grade again.
  await app.testid('grade-easy').tap();
  await app.waitForCardOtherThan(first);
  await app.page.keyboard.press('k');
  await app.testid('already-graded').waitFor();
  await app.page.keyboard.press('1');
  await app.page.keyboard.press('3');
  const reviews = (await app.storedProgress()).questions[first].reviews;
  assert.deepEqual(reviews.map((r) => r.grade), ['easy'], 'one review only');
  // Ctrl+Z undoes too.
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('Control+z');
  await app.page.waitForFunction(
    ([key, id]) => (JSON.parse(localStorage.getItem(key)).questions[id]?.reviews ?? []).length === 0,
    [STORAGE_KEY, first],
  );
});

test('a sideways swipe on a revealed answer never discards it ungraded', async () => {
  const app = await env.app(PHONE);
  await app.open('/practice');
  const id = await app.cardId();
  await app.testid('reveal').tap();
  await app.testid('answer-short').waitFor();
  const box = await app.testid('answer-short').boundingBox();
  const cdp = await app.page.context().newCDPSession(app.page);
  const y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 300, y }] });
  for (const x of [250, 180, 100]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  assert.equal(await app.cardId(), id, 'the card stays');
  assert.equal(await app.testid('grade-good').count(), 1);
});

test('the swipe gesture is announced once on a touch screen', async () => {
  const app = await env.app(PHONE);
  await app.open('/practice');
  await app.testid('swipe-hint').waitFor();
  await app.testid('swipe-hint').getByRole('button', { name: 'Got it' }).tap();
  assert.equal(await app.testid('swipe-hint').count(), 0);
  await app.reload();
  await app.open('/practice');
  await app.testid('card').waitFor();
  assert.equal(await app.testid('swipe-hint').count(), 0, 'not again');
});
