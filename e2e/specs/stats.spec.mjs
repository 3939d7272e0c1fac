// The stats screen empty and with a week of reviews, and a question page's
// schedule status with "Practise this now".
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';

const env = useApp();
const DAY = 86_400_000;

/** Stores reviews made `daysAgo` days ago; a question's card (lapses) is the one of its last entry. */
async function storeReviews(app, reviews) {
  await app.page.evaluate(([key, reviews, DAY]) => {
    const now = Date.now();
    const p = JSON.parse(localStorage.getItem(key) ?? '{"version":1,"questions":{}}');
    for (const { id, daysAgo, grade, lapses = 0 } of reviews) {
      const q = (p.questions[id] ??= { reviews: [], bookmarked: false, note: '', updated_ms: now, rev: 1 });
      q.reviews.push({ at_ms: now - daysAgo * DAY, grade });
      q.reviews.sort((a, b) => a.at_ms - b.at_ms);
      q.card = {
        due_ms: now + 2 * DAY, stability: 3, difficulty: 5, elapsed_days: 1, scheduled_days: 2,
        reps: q.reviews.length, lapses, state: 'review', last_review_ms: now - daysAgo * DAY,
      };
    }
    localStorage.setItem(key, JSON.stringify(p));
  }, [STORAGE_KEY, reviews, DAY]);
  await app.reload();
}

test('stats with no reviews is a friendly start, not a page of zeros', async () => {
  const app = await env.app();
  await app.open('/stats');
  const empty = app.testid('stats-empty');
  await empty.waitFor();
  assert.match(await empty.innerText(), /Nothing here yet/);
  assert.match(await app.testid('mastered-help').innerText(), /21 days/);
  assert.equal(await app.testid('stats-heatmap').count(), 0);
  assert.doesNotMatch(await app.page.locator('main').innerText(), /0-day streak|busiest day 0/);
  await empty.getByRole('link').click();
  await app.testid('card').waitFor();
  assert.deepEqual(app.page.errors, []);
});

test('stats after a week: retention, a dated heatmap, hardest cards and time spent', async () => {
  const app = await env.app();
  await app.open('/');
  await storeReviews(app, [
    { id: 'list-vs-tuple', daysAgo: 0, grade: 'good' },
    { id: 'gil', daysAgo: 2, grade: 'good' },
    { id: 'gil', daysAgo: 0, grade: 'again', lapses: 2 },
    { id: 'trie', daysAgo: 2, grade: 'again', lapses: 1 },
  ]);
  await app.open('/stats');
  assert.equal(await app.testid('stats-retention').innerText(), '50%', '2 of 4 reviews not graded Again');
  assert.equal(await app.testid('stats-reviews').innerText(), '4');
  assert.match(await app.testid('stats-time').innerText(), /about \d+ min|under a minute/);
  assert.match(await app.testid('mastered-help').innerText(), /21 days/);
  // Per category: advanced holds gil only (1 of 2 kept).
  const advanced = app.page.locator('[data-testid="stats-mastery"] tr[data-category="advanced"] [data-testid="stats-category-retention"]');
  assert.equal(await advanced.innerText(), '50%');
  // The heatmap: 12 weeks of days up to today, each labelled with its date and count.
  const days = app.testid('heat-day');
  const n = await days.count();
  assert.ok(n > 77 && n <= 84, `${n} days`);
  const today = await app.page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const cell = app.page.locator(`[data-testid="heat-day"][data-date="${today}"]`);
  assert.equal(await cell.getAttribute('data-count'), '2');
  assert.equal(await cell.getAttribute('aria-label'), `${today}: 2 reviews`);
  assert.equal(await cell.locator('title').textContent(), `${today}: 2 reviews`);
  const axis = await app.testid('stats-heatmap').locator('text').allTextContents();
  assert.ok(axis.includes('Mon') && axis.some((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(t)), `axis: ${axis}`);
  assert.match(await app.testid('stats-heatmap-summary').innerText(), /4 reviews over the last 12 weeks, on 2 days/);
  // Hardest: most lapses first.
  const hardest = await app.testid('stats-hardest-item').evaluateAll((items) => items.map((i) => i.dataset.id));
  assert.deepEqual(hardest, ['gil', 'trie']);
  assert.deepEqual(app.page.errors, []);
});

for (const viewport of [{ width: 390, height: 844 }, { width: 320, height: 640 }]) {
  test(`on a ${viewport.width} px phone the table by category fits: every figure in view with its label, no sideways scroll`, async () => {
    const app = await env.app({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await app.open('/');
    await storeReviews(app, [
      { id: 'gil', daysAgo: 2, grade: 'good' },
      { id: 'gil', daysAgo: 0, grade: 'again', lapses: 1 },
    ]);
    await app.open('/stats');
    const table = app.testid('stats-mastery');
    await table.waitFor();
    const fit = await table.evaluate((t) => {
      const wrap = t.parentElement;
      const cells = [...t.querySelectorAll('tbody th, tbody td')].map((c) => c.getBoundingClientRect());
      return {
        scroll: wrap.scrollWidth - wrap.clientWidth,
        outside: cells.filter((r) => r.left < 0 || r.right > innerWidth + 0.5).length,
        cells: cells.length,
      };
    });
    assert.equal(fit.cells, 36, 'six categories, a name and five figures each');
    assert.equal(fit.scroll, 0, 'the table does not scroll sideways');
    assert.equal(fit.outside, 0, 'no figure is cut at the screen edge');
    const advanced = table.locator('tr[data-category="advanced"]');
    // Each figure is shown after its label (the cell's ::before), as the column header would say.
    const shown = await advanced.locator('td').evaluateAll((cells) => cells.map((c) => `${getComputedStyle(c, '::before').content} ${c.textContent}`));
    assert.deepEqual(shown, ['"New " 19', '"Learning " 1', '"Due " 0', '"Mastered " 0/20', '"Remembered " 50%']);
    // Still a table to a screen reader: the row header and the column headers are there.
    assert.equal(await table.getByRole('columnheader', { name: 'Remembered' }).count(), 1);
    assert.equal(await table.getByRole('rowheader', { name: 'Advanced Python Concepts' }).count(), 1);
    assert.deepEqual(app.page.errors, []);
  });
}

test('the question page shows the SRS status and history, and practises the card now', async () => {
  const app = await env.app();
  await app.open('/q/gil');
  assert.match(await app.testid('card-status').innerText(), /New[\s\S]*Not practised yet/);
  await storeReviews(app, [{ id: 'gil', daysAgo: 3, grade: 'hard' }]);
  await app.open('/q/gil');
  const status = await app.testid('card-status').innerText();
  assert.match(status, /Learning/);
  assert.match(status, /Next review \d{4}-\d\d-\d\d/);
  assert.match(status, /Last reviewed \d{4}-\d\d-\d\d \(Hard\)/);
  assert.equal(await app.testid('review-history').locator('li').count(), 1);
  await app.testid('practise-this').click();
  assert.equal(await app.cardId(), 'gil');
  await app.testid('reveal').click();
  await app.testid('grade-good').click();
  await app.page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).questions.gil.reviews.length === 2, STORAGE_KEY);
  assert.deepEqual(app.page.errors, []);
});
