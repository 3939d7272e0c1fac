// A mock interview end to end: configure, answer against the clock, summary,
// and the grades reach the scheduler.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

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
