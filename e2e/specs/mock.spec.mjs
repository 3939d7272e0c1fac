// A mock interview end to end: configure, answer against the clock, summary,
// and the grades reach the scheduler.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';
import { newPage } from '../lib/browser.mjs';
import { AppPage } from '../pages/app.mjs';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const MOCK_KEY = 'pyprep:python:mock:v1';

const env = useApp();

test('a two-question mock interview ends in a summary and feeds the scheduler', async () => {
  const app = await env.app();
  await app.open('/mock');
  await app.testid('mock-count').fill('2');
  await app.testid('mock-minutes').fill('1');
  await app.testid('mock-start').click();
  await app.testid('mock-timer').waitFor();
  const timer = await app.testid('mock-timer').textContent();
  assert.match(timer, /\d:\d\d/, `timer shows minutes and seconds: ${timer}`);

  const first = await app.revealAndGrade('good');
  const second = await app.cardId();
  await app.testid('reveal').click();
  await app.testid('grade-again').click();
  await app.testid('mock-summary').waitFor();

  const review = await app.testid('mock-review-item').allTextContents();
  assert.equal(review.length, 1, 'only the question graded Again is listed to review');
  assert.notEqual(first, second);
  assert.deepEqual(await app.storedIds(), [first, second].sort());
  const stored = await app.storedProgress();
  assert.equal(stored.questions[second].reviews[0].grade.toLowerCase(), 'again');
  assert.deepEqual(app.page.errors, []);
});

test('mock interview can be scoped to one category', async () => {
  const app = await env.app();
  await app.open('/mock');
  const boxes = app.testid('mock-category');
  for (const box of await boxes.all()) {
    if ((await box.getAttribute('data-category')) !== 'web' && (await box.isChecked())) await box.uncheck();
  }
  if (!(await app.page.locator('[data-testid="mock-category"][data-category="web"]').isChecked())) {
    await app.page.locator('[data-testid="mock-category"][data-category="web"]').check();
  }
  await app.testid('mock-count').fill('3');
  await app.testid('mock-start').click();
  const ids = [];
  for (let i = 0; i < 3; i += 1) ids.push(await app.revealAndGrade('hard'));
  await app.testid('mock-summary').waitFor();
  for (const id of ids) assert.match(id, /^(django|flask|wsgi)/, `${id} is a web question`);
});

// B7: reading the model answer is not answering time.
test('B7: the mock timer stops at reveal, so a question graded after reading is never out of time', async () => {
  const page = await newPage(env.browser);
  await page.clock.install({ time: T0 });
  const app = new AppPage(page, env.server.url);
  await app.open('/mock');
  await app.testid('mock-count').fill('1');
  await app.testid('mock-minutes').fill('1');
  await app.testid('mock-start').click();
  await app.testid('mock-timer').waitFor();
  await page.clock.fastForward('00:10');
  await app.testid('reveal').click();
  await app.testid('answer-short').waitFor();
  const atReveal = await app.testid('mock-timer').innerText();
  assert.match(atReveal, /^0:5\d/, `about 50 s left at reveal: ${atReveal}`);
  await page.clock.fastForward('01:10');
  assert.equal(await app.testid('mock-timer').innerText(), atReveal, 'the timer stood still while reading');
  await app.testid('grade-good').click();
  await app.testid('mock-summary').waitFor();
  assert.equal(await app.testid('mock-review-item').count(), 0, 'Good in time: nothing to review');
  const figures = await app.testid('mock-summary').innerText();
  assert.match(figures, /Ran out of time\s*0/, figures);
  assert.doesNotMatch(figures, /1 min/, `time used excludes the reading: ${figures}`);
  assert.deepEqual(page.errors, []);
});

/** Starts a mock of `count` questions at `minutes` each; returns nothing. */
async function startMock(app, count, minutes) {
  await app.open('/mock');
  await app.testid('mock-count').fill(String(count));
  await app.testid('mock-minutes').fill(String(minutes));
  await app.testid('mock-start').click();
  await app.testid('mock-timer').waitFor();
}

// B8: leaving the route keeps the interview.
test('B8: leaving the mock for Stats and coming back resumes the interview where it was', async () => {
  const app = await env.app();
  await startMock(app, 2, 3);
  const first = await app.revealAndGrade('good');
  const second = await app.cardId();
  await app.testid('attempt').fill('a list is mutable');
  await app.testid('nav-stats').click();
  await app.page.waitForURL(/#\/stats/);
  await app.testid('nav-mock').click();
  await app.testid('card').waitFor({ timeout: 5000 });
  assert.equal(await app.cardId(), second, 'the same question');
  assert.match(await app.testid('mock-progress').innerText(), /Question 2 of 2/);
  assert.equal(await app.testid('attempt').inputValue(), 'a list is mutable', 'the typed answer is kept');
  await app.testid('reveal').click();
  await app.testid('grade-hard').click();
  await app.testid('mock-summary').waitFor();
  assert.deepEqual(await app.storedIds(), [first, second].sort());
  assert.deepEqual(app.page.errors, []);
});

// B8: a reload keeps the interview, with the time the wall clock says is left.
test('B8: a reloaded mock resumes with the right remaining time, and End interview ends it early', async () => {
  const app = await env.app();
  await startMock(app, 3, 1);
  await app.revealAndGrade('easy');
  // Thirty seconds of the second question have gone by (moved back in the stored value).
  await app.page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (!raw) return;
    const mock = JSON.parse(raw);
    mock.question_started_ms -= 30_000;
    localStorage.setItem(key, JSON.stringify(mock));
  }, MOCK_KEY);
  await app.reload();
  await app.open('/mock');
  await app.testid('card').waitFor({ timeout: 5000 });
  assert.match(await app.testid('mock-progress').innerText(), /Question 2 of 3/);
  const left = await app.testid('mock-timer').innerText();
  assert.match(left, /^0:(2\d|30)$/, `about 30 s left after the reload: ${left}`);
  assert.match(await app.testid('mock-resumed').innerText(), /resumed/i);

  await app.testid('mock-end').click();
  await app.testid('mock-end-confirm').click();
  await app.testid('mock-summary').waitFor();
  assert.match(await app.testid('mock-summary').innerText(), /1 of 3 questions/);
  assert.equal(await app.page.evaluate((key) => localStorage.getItem(key), MOCK_KEY), null, 'the finished mock is no longer stored');
  // The score is in the history on the setup screen.
  await app.testid('mock-again').click();
  assert.equal(await app.testid('mock-history-item').count(), 1);
  assert.deepEqual(app.page.errors, []);
});

test('a corrupt stored mock is discarded with a notice, and the setup screen works', async () => {
  const app = await env.app();
  await app.open('/');
  await app.page.evaluate((key) => localStorage.setItem(key, '{"version":1,"ids":["nope"],"index":7}'), MOCK_KEY);
  await app.open('/mock');
  await app.testid('mock-notice').waitFor();
  assert.match(await app.testid('mock-notice').innerText(), /could not be resumed/);
  assert.equal(await app.page.evaluate((key) => localStorage.getItem(key), MOCK_KEY), null);
  await startMock(app, 1, 1);
  assert.deepEqual(app.page.errors, []);
});

test('the summary puts your answer beside the model answer, and follow-ups are asked', async () => {
  const app = await env.app();
  await startMock(app, 1, 3);
  await app.testid('attempt').fill('my own words');
  await app.testid('mock-follow-ups').click();
  const asked = await app.testid('mock-follow-up').allInnerTexts();
  assert.ok(asked.length >= 1 && asked.every((q) => q.trim().endsWith('?')), `follow-up questions: ${asked}`);
  await app.testid('reveal').click();
  await app.testid('grade-good').click();
  await app.testid('mock-summary').waitFor();
  const item = app.testid('mock-summary-item');
  assert.match(await item.locator('[data-testid="mock-your-answer"]').innerText(), /my own words/);
  await item.locator('[data-testid="mock-model-answer"]').waitFor();
  assert.ok((await item.locator('[data-testid="mock-model-answer"]').innerText()).length > 20);
});

test('on a phone the mock timer stays in view while reading the answer', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await startMock(app, 1, 3);
  await app.testid('reveal').tap();
  await app.testid('answer-short').waitFor();
  await app.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const box = await app.testid('mock-timer').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `timer in view: ${JSON.stringify(box)}`);
});
