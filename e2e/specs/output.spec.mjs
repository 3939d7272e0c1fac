// Predict-the-output cards (issue 16, item 1): predict a sample's output
// right and wrong, the code-card session in Practise, the list in Browse,
// and a widget with data-mode="output". The expected output is read from
// the built answer files in dist/, not from the app under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { newPage } from '../lib/browser.mjs';
import { categoryOfIds } from '../lib/content.mjs';
import { openMadeUpPage } from '../lib/examples.mjs';
import { useApp } from '../lib/fixture.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';
import { WidgetPage } from '../pages/widget.mjs';

const env = useApp();
const CATEGORY = categoryOfIds();

/** Every card's expected output, by card id, from dist/code/*.json. */
function builtOutputs() {
  const dir = resolve('dist/code');
  const all = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    Object.assign(all, JSON.parse(readFileSync(resolve(dir, file), 'utf8')).outputs ?? {});
  }
  return all;
}
const OUTPUTS = builtOutputs();

/** The question id of a card id (`<question>_out-<hash>`). */
const questionOf = (cardId) => cardId.split('_out-')[0];

async function codeCardId(root) {
  const card = root.getByTestId('code-card');
  await card.waitFor();
  return card.getAttribute('data-id');
}

/** The kinds of the comparison's lines, in order. */
async function lineKinds(root) {
  await root.getByTestId('comparison').waitFor();
  return root.getByTestId('line-check').evaluateAll((rows) => rows.map((r) => r.dataset.kind));
}

async function storedEntry(page, id) {
  await page.waitForFunction(
    ([key, cid]) => (JSON.parse(localStorage.getItem(key) ?? '{}').questions?.[cid]?.reviews ?? []).length > 0,
    [STORAGE_KEY, id],
  );
  return page.evaluate(([key, cid]) => JSON.parse(localStorage.getItem(key)).questions[cid], [STORAGE_KEY, id]);
}

test('predict an output right: every line matches, the suggested grade is stored and survives a reload', async () => {
  const app = await env.app();
  await app.open('/practice/code');
  const id = await codeCardId(app.page);
  const expected = OUTPUTS[id]?.expected;
  assert.ok(expected, `the built answer file has the output of ${id}`);
  const lines = expected.split('\n');
  // Trailing spaces, CRLF and a trailing blank line do not count.
  await app.testid('prediction').fill(lines.map((l) => `${l}  `).join('\r\n') + '\r\n\r\n');
  await app.testid('check').click();
  assert.deepEqual(await lineKinds(app.page), lines.map(() => 'same'));
  const summary = app.testid('comparison-summary');
  assert.equal(await summary.getAttribute('data-exact'), 'true');
  assert.match(await summary.innerText(), /^Right: all \d+ lines match\.$/);
  // Checked within 30 s and all right: Easy is suggested.
  const suggested = app.page.locator('[data-testid^="grade-"][data-suggested="true"]');
  assert.equal(await suggested.getAttribute('data-testid'), 'grade-easy');
  await suggested.click();
  await app.testid('after-grade').waitFor();
  const entry = await storedEntry(app.page, id);
  assert.equal(entry.reviews[0].grade, 'easy');
  assert.ok(entry.card, 'scheduled by FSRS');
  await app.reload();
  const after = await app.storedProgress();
  assert.equal(after.questions[id].reviews.length, 1, 'still stored after a reload');
  assert.deepEqual(app.page.errors, []);
});

test('predict an output wrong: differing, missing and extra lines are shown in words', async () => {
  const app = await env.app();
  // A card with at least three lines of output.
  const id = Object.keys(OUTPUTS).find((k) => OUTPUTS[k].expected.split('\n').length >= 4);
  await app.open(`/code/${id}`);
  assert.equal(await codeCardId(app.page), id);
  const lines = OUTPUTS[id].expected.split('\n');
  // First line wrong, second left out, the rest right, one line too many.
  const guess = [`${lines[0]} (wrong)`, ...lines.slice(2), 'one line too many'];
  await app.testid('prediction').fill(guess.join('\n'));
  await app.testid('prediction').press('Control+Enter');
  const kinds = await lineKinds(app.page);
  assert.equal(kinds[0], 'differs', kinds.join());
  assert.equal(kinds[1], 'missing', kinds.join());
  assert.equal(kinds.at(-1), 'extra', kinds.join());
  assert.equal(kinds.filter((k) => k === 'same').length, lines.length - 2);
  // Said in words, not only by colour.
  const rows = app.testid('line-check');
  assert.match(await rows.nth(0).innerText(), /differs[\s\S]*printed[\s\S]*you wrote[\s\S]*\(wrong\)/);
  assert.match(await rows.nth(1).innerText(), /missing/);
  assert.match(await rows.last().innerText(), /extra[\s\S]*one line too many/);
  const summary = app.testid('comparison-summary');
  assert.equal(await summary.getAttribute('data-exact'), 'false');
  assert.match(await summary.innerText(), new RegExp(`^${lines.length - 2} of ${lines.length + 1} lines match\\.$`));
  const suggested = await app.page.locator('[data-testid^="grade-"][data-suggested="true"]').getAttribute('data-testid');
  assert.ok(['grade-hard', 'grade-again'].includes(suggested), suggested);
  // The learner may grade otherwise: Good is taken.
  await app.testid('grade-good').click();
  assert.equal((await storedEntry(app.page, id)).reviews[0].grade, 'good');
  assert.deepEqual(app.page.errors, []);
});

test('Practise has a Code cards tab: a session of due and new code cards, with skip', async () => {
  const app = await env.app();
  await app.open('/practice');
  await app.testid('tab-code').click();
  await app.page.waitForURL(/#\/practice\/code$/);
  assert.equal(await app.testid('tab-code').getAttribute('aria-current'), 'page');
  const first = await codeCardId(app.page);
  assert.match(await app.testid('queue-remaining').innerText(), /^10 left in this session$/);
  // The code arrives with the category's code file.
  await app.testid('code').locator('.hl-kw, .hl-fn, .hl-bi').first().waitFor();
  assert.ok(await app.testid('code').locator('.hl-kw, .hl-fn, .hl-bi').count(), 'the code is highlighted');
  await app.testid('next').click();
  await app.page.waitForFunction((old) => document.querySelector('[data-testid="code-card"]')?.dataset.id !== old, first);
  const second = await codeCardId(app.page);
  assert.notEqual(second, first);
  // A category scope keeps to its cards.
  await app.open('/practice/code?c=web');
  assert.equal(CATEGORY.get(questionOf(await codeCardId(app.page))), 'web');
  // Back on the questions tab: the question practice.
  await app.testid('tab-questions').click();
  await app.testid('card').waitFor();
  assert.deepEqual(app.page.errors, []);
});

test('a code card grade can be undone: the card is back checked with its own comparison, the review gone; Previous shows the comparison too', async () => {
  const app = await env.app();
  await app.open('/practice/code');
  const id = await codeCardId(app.page);
  const first = OUTPUTS[id].expected.split('\n')[0];
  await app.testid('prediction').fill(`${first}\nnot printed`);
  await app.testid('check').click();
  const kinds = await lineKinds(app.page);
  assert.equal(kinds[0], 'same');
  await app.testid('grade-good').click();
  await app.page.waitForFunction((old) => document.querySelector('[data-testid="code-card"]')?.dataset.id !== old, id);
  await storedEntry(app.page, id);
  assert.match(await app.testid('after-grade').innerText(), /^Graded Good: next review .+\.\s*Undo$/);
  await app.testid('undo').click();
  await app.page.waitForFunction((want) => document.querySelector('[data-testid="code-card"]')?.dataset.id === want, id);
  await app.testid('grade-good').waitFor();
  assert.deepEqual(await lineKinds(app.page), kinds, 'the same comparison as before the grade');
  await app.page.waitForFunction(
    ([key, cid]) => (JSON.parse(localStorage.getItem(key)).questions[cid]?.reviews ?? []).length === 0,
    [STORAGE_KEY, id],
  );
  assert.equal((await app.storedProgress()).questions[id]?.card ?? null, null, 'no scheduling left from the undone grade');
  assert.equal(await app.testid('undo').count(), 0, 'one undo per grade');
  // Graded again with a key, then Previous: graded, with the comparison made, and never graded twice.
  await app.page.keyboard.press('4');
  await app.page.waitForFunction((old) => document.querySelector('[data-testid="code-card"]')?.dataset.id !== old, id);
  await app.testid('prev').click();
  await app.testid('already-graded').waitFor();
  assert.deepEqual(await lineKinds(app.page), kinds);
  await app.page.keyboard.press('3');
  const reviews = (await storedEntry(app.page, id)).reviews;
  assert.deepEqual(reviews.map((r) => r.grade), ['easy'], 'one review only');
  // Ctrl+Z takes the grade back as well, once Escape has left the next card's prediction box
  // (inside it, Ctrl+Z is the text's own undo).
  await app.testid('next').click();
  await app.page.waitForFunction(() => document.activeElement?.dataset.testid === 'prediction');
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Control+z');
  await app.page.waitForFunction((want) => document.querySelector('[data-testid="code-card"]')?.dataset.id === want, id);
  await app.page.waitForFunction(
    ([key, cid]) => (JSON.parse(localStorage.getItem(key)).questions[cid]?.reviews ?? []).length === 0,
    [STORAGE_KEY, id],
  );
  assert.deepEqual(app.page.errors, []);
});

test('Browse lists every code card by category with its status; one opens as a single card', async () => {
  const app = await env.app();
  await app.open('/browse');
  await app.testid('tab-code').click();
  await app.page.waitForURL(/#\/browse\/code$/);
  const links = app.testid('code-link');
  // The code cards' screen is a part that loads on first use.
  await app.testid('code-count').waitFor();
  assert.equal(await links.count(), Object.keys(OUTPUTS).length);
  assert.equal(await links.count(), 100);
  assert.match(await app.testid('code-count').innerText(), /^100 code cards/);
  const ml = app.page.locator('[data-testid="code-list-category"][data-category="ml"] [data-testid="code-link"]');
  assert.equal(await ml.count(), 1, 'numpy, pandas and scikit-learn samples are not offered');
  const target = await links.nth(5).getAttribute('data-id');
  await links.nth(5).click();
  await app.page.waitForURL(new RegExp(`#/code/${target}$`));
  assert.equal(await codeCardId(app.page), target);
  await app.testid('check').click();
  await app.testid('grade-again').click();
  await app.testid('code-done').waitFor();
  await storedEntry(app.page, target);
  await app.open('/browse/code');
  const row = app.page.locator(`[data-testid="code-link"][data-id="${target}"]`).locator('..');
  assert.equal(await row.getByTestId('code-status').textContent(), 'learning', 'graded Again: back in a minute');
  assert.deepEqual(app.page.errors, []);
});

test('a widget with data-mode="output" practises the code cards of its categories and saves the grade', async () => {
  const page = await newPage(env.browser);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>code cards</title></head>
<body><div data-pyprep data-mode="output" data-categories="oop" style="width:420px"></div>
<script type="module" src="../embed.js"></script></body></html>`;
  await openMadeUpPage(page, env.server.url, 'output-host.html', html);
  const widget = new WidgetPage(page, 0);
  await widget.ready();
  assert.equal(await widget.testid('widget').getAttribute('data-mode'), 'output');
  const id = await codeCardId(widget.root);
  assert.equal(CATEGORY.get(questionOf(id)), 'oop');
  await widget.testid('prediction').fill(OUTPUTS[id].expected);
  await widget.testid('check').click();
  assert.ok((await lineKinds(widget.root)).every((k) => k === 'same'));
  await widget.testid('grade-good').click();
  assert.equal((await storedEntry(page, id)).reviews[0].grade, 'good');
  assert.equal(await widget.testid('tab-code').count(), 0, 'no app tabs inside a widget');
  assert.deepEqual(page.errors ?? [], []);
});

test('a code card whose code file fails to download says so; Try again shows it, and question cards never fetch code files', async () => {
  const app = await env.app({ serviceWorkers: 'block' }); // page.route does not see what a service worker serves
  const { page } = app;
  const codeFiles = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/code/')) codeFiles.push(r.url());
  });
  await app.open('/practice');
  await app.revealAndGrade('good');
  assert.deepEqual(codeFiles, [], 'a question card and its reveal fetch no code file');
  const id = Object.keys(OUTPUTS)[0];
  let failing = true;
  await page.route(/\/code\/[a-z-]+-[0-9a-f]{16}\.json$/, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  await app.open(`/code/${id}`);
  await app.testid('code-failed').waitFor();
  assert.match(await app.testid('code-failed').innerText(), /could not be shown/);
  failing = false;
  await app.testid('code-failed').getByRole('button', { name: 'Try again' }).click();
  await app.testid('prediction').waitFor();
  assert.equal(await app.testid('code-card').getAttribute('data-id'), id);
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
});
