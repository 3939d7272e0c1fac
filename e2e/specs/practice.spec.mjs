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

test('the attempt is apart from the note: shown after reveal, never kept, never pre-filled', async () => {
  const app = await env.app();
  await app.open('/practice');
  const id = await app.cardId();
  await app.testid('attempt').fill('A list is mutable; a tuple is not.');
  // Ctrl+Enter in the attempt box reveals.
  await app.testid('attempt').press('Control+Enter');
  await app.testid('answer-short').waitFor();
  assert.match(await app.testid('attempt-shown').innerText(), /A list is mutable; a tuple is not\./);
  // The note is its own field, kept for the question.
  await app.page.locator('details.note > summary').click();
  await app.testid('note').fill('Remember: tuples hash.');
  await app.testid('note').blur();
  await app.testid('grade-again').click();
  await app.waitForCardOtherThan(id);
  await app.page.waitForFunction(
    (qid) => JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.[qid]?.note === 'Remember: tuples hash.',
    id,
  );
  const stored = await app.storedProgress();
  assert.ok(!JSON.stringify(stored).includes('A list is mutable'), 'the attempt is not stored');
  await app.open(`/q/${id}`);
  assert.equal(await app.testid('note').inputValue(), 'Remember: tuples hash.');
  // The card comes back later in a new session: its attempt box is empty.
  await app.open('/practice');
  assert.equal(await app.testid('attempt').inputValue(), '');
});
