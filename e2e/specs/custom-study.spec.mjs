// Custom study: bookmarked cards, a tag, a search result, a category mix,
// "learn N more new cards today" (kept for the day, the setting untouched)
// and "review ahead".
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();

/** Opens the custom study screen from the practice screen's link. */
async function openStudy(app) {
  await app.open('/practice');
  await app.testid('custom-study-link').click();
  await app.testid('custom-study').waitFor();
}

/** Ids of the cards of the session, by grading each one Good. */
async function gradeAll(app, grade = 'good') {
  const ids = [];
  while ((await app.testid('card').count()) > 0 && ids.length < 50) ids.push(await app.revealAndGrade(grade));
  return ids;
}

test('practise the bookmarked cards', async () => {
  const app = await env.app();
  for (const id of ['numpy-purpose', 'self-keyword']) {
    await app.open(`/q/${id}`);
    await app.testid('bookmark').click();
    await app.page.waitForFunction(
      (qid) => JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.[qid]?.bookmarked === true,
      id,
    );
  }
  await openStudy(app);
  assert.match(await app.testid('study-bookmarked-count').textContent(), /^2 cards/);
  await app.testid('study-bookmarked').click();
  await app.testid('card').waitFor();
  assert.match(await app.testid('study-label').textContent(), /Bookmarked cards \(2 cards\)/);
  assert.match(await app.page.title(), /^Custom study: Bookmarked cards · pyprep$/);
  const ids = await gradeAll(app, 'easy');
  assert.deepEqual(ids.sort(), ['numpy-purpose', 'self-keyword'].sort());
  // Graded cards leave the session: done, not "2 more ready" again.
  await app.testid('practice-done').waitFor();
  assert.doesNotMatch(await app.testid('practice-done').innerText(), /more ready/);
  assert.deepEqual(app.page.errors, []);
});

test('practise a tag', async () => {
  const app = await env.app();
  await openStudy(app);
  await app.testid('study-tag-select').selectOption('numpy');
  const label = await app.testid('study-tag').textContent();
  const n = Number.parseInt(label.replace(/\D+/g, ''), 10);
  assert.ok(n > 0, label);
  await app.testid('study-tag').click();
  await app.testid('card').waitFor();
  assert.match(app.page.url(), /#\/practice\?study=tag&tag=numpy$/);
  assert.match(await app.testid('queue-remaining').textContent(), new RegExp(`^${n} left`));
  // After a reload the same session is rebuilt from the URL.
  await app.reload();
  await app.testid('card').waitFor();
  assert.match(await app.testid('study-label').textContent(), /Tag: numpy/);
  assert.deepEqual(app.page.errors, []);
});

test('practise a search result, from the custom study screen through Browse', async () => {
  const app = await env.app();
  await openStudy(app);
  await app.testid('study-search').fill('pandas');
  await app.testid('study-search').press('Enter');
  await app.page.waitForFunction(() => location.hash.startsWith('#/browse?q=pandas'));
  await app.testid('practise-these').click();
  await app.testid('card').waitFor();
  assert.match(await app.testid('study-label').textContent(), /chosen questions?/);
  assert.deepEqual(app.page.errors, []);
});

test('practise a category mix', async () => {
  const app = await env.app();
  const inMix = [];
  for (const c of ['ml', 'web']) {
    await app.open(`/browse?c=${c}`);
    await app.reload();
    await app.testid('question-link').first().waitFor();
    inMix.push(...(await app.page.$$eval('[data-testid="question-link"]', (links) => links.map((a) => a.dataset.id))));
  }
  await openStudy(app);
  await app.page.locator('[data-testid="study-category"][data-category="ml"]').check();
  await app.page.locator('[data-testid="study-category"][data-category="web"]').check();
  await app.testid('study-mix').click();
  await app.testid('card').waitFor();
  assert.match(app.page.url(), /#\/practice\?c=(ml,web|web,ml)$/);
  for (let i = 0; i < 3; i += 1) {
    const id = await app.revealAndGrade('good');
    assert.ok(inMix.includes(id), `${id} is an ml or web question`);
  }
  assert.deepEqual(app.page.errors, []);
});

test('learn 5 more new cards today: the allowance rises for today, survives a reload, the setting stays', async () => {
  const app = await env.app();
  await app.open('/practice');
  assert.match(await app.testid('queue-remaining').textContent(), /^10 left/);
  await app.testid('custom-study-link').click();
  await app.testid('study-more-count').fill('5');
  await app.testid('study-more').click();
  await app.page.waitForFunction(() => location.hash === '#/practice');
  await app.page.waitForFunction(() => /^15 left/.test(document.querySelector('[data-testid="queue-remaining"]')?.textContent ?? ''));
  await app.reload();
  assert.match(await app.testid('queue-remaining').textContent(), /^15 left/);
  await app.open('/study');
  assert.match(await app.testid('study-allowance').textContent(), /10 a day \+ 5 extra today/);
  await app.open('/settings');
  const stored = await app.storedProgress();
  assert.equal(stored?.settings?.daily_new_limit ?? 10, 10, 'the daily setting is unchanged');
  // A bad count is refused with a message, and nothing changes.
  await app.open('/study');
  await app.testid('study-more-count').fill('0');
  assert.equal(await app.testid('study-more').isDisabled(), true);
  assert.match(await app.page.locator('.field-error').first().textContent(), /whole number/);
  assert.deepEqual(app.page.errors, []);
});

test('review ahead: the cards due in the next days, before they are due', async () => {
  const app = await env.app();
  await app.open('/practice');
  const first = await app.revealAndGrade('easy');
  await openStudy(app);
  await app.testid('study-ahead-days').fill('30');
  assert.match(await app.testid('study-ahead').textContent(), /^Review 1 card$/);
  await app.testid('study-ahead').click();
  await app.testid('card').waitFor();
  assert.equal(await app.cardId(), first);
  assert.match(app.page.url(), /study=ahead&days=30$/);
  assert.deepEqual(app.page.errors, []);
});
