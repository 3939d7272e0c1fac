// Practise three cards, reload, and find the same state.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();

test('three graded cards survive a reload', async () => {
  const app = await env.app();
  await app.open('/practice');
  const graded = [];
  for (const grade of ['good', 'easy', 'again']) graded.push(await app.revealAndGrade(grade));
  assert.equal(new Set(graded).size, 3, 'each grade moved to a new card');
  assert.deepEqual(await app.storedIds(), [...graded].sort());

  await app.reload();
  assert.deepEqual(await app.storedIds(), [...graded].sort());
  const stored = await app.storedProgress();
  assert.equal(stored.version, 1);
  for (const id of graded) assert.equal(stored.questions[id].reviews.length, 1, id);

  await app.open('/');
  assert.equal(await app.homeTotal('count-new'), 117);
  // A card graded Again is due again soon; the others are learning.
  assert.equal((await app.homeTotal('count-learning')) + (await app.homeTotal('count-mastered')), 3);
  assert.deepEqual(app.page.errors, []);
});

test('the typed answer is kept as the note of that question', async () => {
  const app = await env.app();
  await app.open('/practice');
  const id = await app.cardId();
  await app.testid('note').fill('A list is mutable; a tuple is not.');
  await app.testid('reveal').click();
  await app.testid('answer-short').waitFor();
  await app.open(`/q/${id}`);
  await app.page.waitForFunction(
    () => document.querySelector('[data-testid="note"]')?.value === 'A list is mutable; a tuple is not.',
  );
  await app.reload();
  assert.equal(await app.testid('note').inputValue(), 'A list is mutable; a tuple is not.');
});
