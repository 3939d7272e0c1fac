// Browse and search: ranked results with marks and snippets, typo
// tolerance, the filter in the URL and the title (B14), inline code in
// titles (B6), tags of a scoped widget (B16), zero results, Practise these.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';
import { newPage } from '../lib/browser.mjs';

const env = useApp();

/** Types `text` into the search box one key at a time, as a person does. */
async function typeSearch(app, text) {
  await app.testid('search').click();
  await app.testid('search').pressSequentially(text);
}

/** The ids of the listed results, in order. */
function resultIds(app) {
  return app.page.$$eval('[data-testid="question-link"]', (links) => links.map((a) => a.dataset.id));
}

/** Waits until the result count reads at least `min` questions. */
async function waitForCount(app, min) {
  await app.page.waitForFunction(
    (least) => Number.parseInt(document.querySelector('[data-testid="result-count"]')?.textContent ?? '', 10) >= least,
    min,
  );
}

/** Waits for results matched against the answers too, not only the question text. */
async function waitForFullResults(app) {
  await app.page.waitForFunction(
    () => document.querySelectorAll('[data-testid="question-link"]').length > 0 && !document.querySelector('[data-testid="search-partial"]'),
  );
}

test('B14: the search and filters live in the URL and the title, and survive a reload', async () => {
  const app = await env.app();
  await app.open('/browse');
  const before = await app.page.evaluate(() => history.length);
  await typeSearch(app, 'numpy');
  await app.page.waitForFunction(() => location.hash.includes('q=numpy'));
  assert.equal(await app.page.title(), 'Browse: numpy · pyprep');
  assert.equal(await app.page.evaluate(() => history.length), before, 'typing replaces the entry, never pushes one per key');
  await app.testid('filter-category').selectOption('ml');
  await app.page.waitForFunction(() => location.hash.includes('c=ml'));
  await waitForFullResults(app);
  const ids = await resultIds(app);
  assert.ok(ids.length > 0 && ids.includes('numpy-purpose'), `numpy results: ${ids}`);

  await app.reload();
  // Question text matches at once; the list is whole once the answers are in.
  await waitForFullResults(app);
  assert.equal(await app.testid('search').inputValue(), 'numpy');
  assert.equal(await app.testid('filter-category').inputValue(), 'ml');
  assert.deepEqual(await resultIds(app), ids, 'the same list after the reload');
  assert.equal(await app.page.title(), 'Browse: numpy · pyprep');

  // A shared link opens the same search in a new page.
  const url = app.page.url();
  const other = await newPage(env.browser);
  await other.goto(url);
  await other.getByTestId('question-link').first().waitFor();
  assert.equal(await other.getByTestId('search').inputValue(), 'numpy');

  // Every route has its own title.
  await app.open('/q/numpy-purpose');
  await app.page.waitForFunction(() => document.title === 'What is the purpose of the NumPy library in Python? · pyprep');
  await app.open('/stats');
  await app.page.waitForFunction(() => document.title === 'Stats · pyprep');
  await app.open('/settings');
  await app.page.waitForFunction(() => document.title === 'Settings · pyprep');
  assert.deepEqual(app.page.errors, []);
  assert.deepEqual(other.errors, []);
});

test('a title match ranks first, with the hit marked; an answer match shows a snippet', async () => {
  const app = await env.app();
  await app.open('/browse?q=dictionary');
  await app.testid('snippet').first().waitFor();
  const rows = await app.page.$$eval('.result', (items) =>
    items.map((li) => ({
      id: li.querySelector('[data-testid="question-link"]').dataset.id,
      titleMark: li.querySelector('[data-testid="question-link"] mark')?.textContent ?? null,
      snippet: li.querySelector('[data-testid="snippet"]')?.textContent ?? null,
    })),
  );
  assert.equal(rows[0].id, 'dict-vs-list');
  assert.equal(rows[0].titleMark?.toLowerCase(), 'dictionary');
  const firstAnswerOnly = rows.findIndex((r) => r.titleMark === null);
  assert.ok(firstAnswerOnly > 0, 'some results match in the answer only');
  assert.ok(rows.slice(firstAnswerOnly).every((r) => r.titleMark === null), 'every title match comes before them');
  assert.match(rows[firstAnswerOnly].snippet, /dictionar/i, `the snippet says why: ${rows[firstAnswerOnly].snippet}`);
  assert.deepEqual(app.page.errors, []);
});

test('a typo search: "dictonary" finds the dictionary question', async () => {
  const app = await env.app();
  await app.open('/browse');
  await typeSearch(app, 'dictonary');
  await app.page.waitForFunction(
    () => document.querySelector('[data-testid="question-link"]')?.dataset.id === 'dict-vs-list',
  );
  const mark = await app.page.locator('[data-testid="question-link"][data-id="dict-vs-list"] mark').first().textContent();
  assert.equal(mark.toLowerCase(), 'dictionary', 'the word the typo matched is marked');
  assert.deepEqual(app.page.errors, []);
});

test('zero results say so and "Clear filters" brings every question back', async () => {
  const app = await env.app();
  await app.open('/browse?q=zzqxv&tag=numpy');
  await app.testid('no-results').waitFor();
  assert.match(await app.testid('no-results').innerText(), /zzqxv/);
  assert.equal(await app.testid('practise-these').count(), 0, 'nothing to practise');
  await app.testid('clear-filters').click();
  await waitForCount(app, 100);
  assert.equal(await app.testid('search').inputValue(), '');
  assert.equal(await app.testid('filter-tag').inputValue(), '');
  await app.page.waitForFunction(() => location.hash === '#/browse');
  assert.equal(await app.page.title(), 'Browse · pyprep');
  assert.deepEqual(app.page.errors, []);
});

test('B6: backticks render as code in Browse titles and in the mock summary', async () => {
  const app = await env.app();
  await app.open('/browse?q=self');
  const link = app.page.locator('[data-testid="question-link"][data-id="self-keyword"]');
  await link.waitFor();
  assert.equal(await link.locator('code').first().textContent(), 'self');
  assert.ok(!(await link.textContent()).includes('`'), 'no raw backticks');

  // The mock summary lists a question graded Again with its title.
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}index.html?embed=1&mode=mock&questions=self-keyword`);
  await page.getByTestId('mock-count').fill('1');
  await page.getByTestId('mock-start').click();
  await page.getByTestId('reveal').click();
  await page.getByTestId('grade-again').click();
  const item = page.getByTestId('mock-review-item');
  await item.waitFor();
  assert.equal(await item.locator('code').first().textContent(), 'self');
  assert.ok(!(await item.textContent()).includes('`'), `no raw backticks: ${await item.textContent()}`);
  assert.deepEqual(page.errors, []);
});

test('B16: a browse widget scoped to ML offers only tags that occur in ML', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}index.html?embed=1&mode=browse&categories=ml`);
  await page.getByTestId('filter-tag').waitFor();
  const tags = await page.$$eval('[data-testid="filter-tag"] option', (options) => options.map((o) => o.value).filter(Boolean));
  assert.ok(tags.length > 0 && !tags.includes('django') && !tags.includes('flask'), `tags: ${tags}`);
  // Each offered tag finds at least one question.
  for (const tag of tags) {
    await page.getByTestId('filter-tag').selectOption(tag);
    const n = Number.parseInt(await page.getByTestId('result-count').textContent(), 10);
    assert.ok(n > 0, `${tag} finds questions`);
  }
  assert.deepEqual(page.errors, []);
});

test('each row shows its category and a status badge that differs per status', async () => {
  const app = await env.app();
  await app.open('/practice');
  const graded = await app.revealAndGrade('good');
  await app.open('/browse');
  const row = app.page.locator(`[data-testid="question-link"][data-id="${graded}"]`).locator('xpath=..');
  await row.waitFor();
  const badge = row.getByTestId('status-badge');
  assert.equal(await badge.getAttribute('data-status'), 'learning');
  assert.equal((await badge.textContent()).trim(), 'learning');
  const newRow = app.page.locator('.result').filter({ hasNot: app.page.locator(`[data-id="${graded}"]`) }).first();
  const newBadge = newRow.getByTestId('status-badge');
  assert.equal(await newBadge.getAttribute('data-status'), 'new');
  const style = (el) => el.evaluate((b) => `${getComputedStyle(b).borderStyle} ${getComputedStyle(b).color}`);
  assert.notEqual(await style(badge), await style(newBadge), 'the badges look different');
  assert.ok((await row.getByTestId('result-category').textContent()).trim().length > 0);
  assert.deepEqual(app.page.errors, []);
});

test('"Practise these" turns the result list into a session over exactly those questions', async () => {
  const app = await env.app();
  await app.open('/browse?q=numpy');
  await app.testid('practise-these').waitFor();
  // Until every answer file is in, the results grow as answers match too.
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="search-partial"]'));
  const ids = await resultIds(app);
  await app.testid('practise-these').click();
  await app.testid('card').waitFor();
  assert.match(await app.testid('queue-remaining').textContent(), new RegExp(`^${ids.length} left`));
  const seen = [];
  for (let i = 0; i < Math.min(3, ids.length); i += 1) seen.push(await app.revealAndGrade('good'));
  for (const id of seen) assert.ok(ids.includes(id), `${id} is one of the results`);
  assert.deepEqual(seen, ids.slice(0, seen.length), 'in the order of the list');
  assert.deepEqual(app.page.errors, []);
});

test('a search with many matches lists the best 40 first, then all on "Show all"; Practise these takes them all', async () => {
  const app = await env.app();
  await app.open('/browse');
  // Every answer in, so that the count below is the final one.
  await app.page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/answers/')).length >= 6);
  // A word in most answers.
  await typeSearch(app, 'python');
  await app.testid('show-all').waitFor();
  await app.page.waitForFunction(
    () => document.querySelector('[data-testid="show-all"]')?.textContent.includes(document.querySelector('[data-testid="result-count"]').textContent.split(' ')[0]),
  );
  const count = Number.parseInt(await app.testid('result-count').textContent(), 10);
  assert.ok(count > 40 && count < 120, `"python" matches many questions, not all: ${count}`);
  assert.equal((await resultIds(app)).length, 40, 'the best 40 of the matches');
  assert.equal(await app.testid('show-all').innerText(), `Show all ${count} matches`);
  assert.equal(await app.testid('practise-these').innerText(), `Practise these ${count}`);
  await app.testid('show-all').click();
  assert.equal((await resultIds(app)).length, count);
  assert.equal(await app.testid('show-all').count(), 0);
  // A new query starts again from its best 40; no query lists everything.
  await app.testid('search').fill('');
  await waitForCount(app, 120);
  assert.equal((await resultIds(app)).length, 120, 'no query: every question, as before');
  assert.equal(await app.testid('show-all').count(), 0);
  assert.deepEqual(app.page.errors, []);
});
