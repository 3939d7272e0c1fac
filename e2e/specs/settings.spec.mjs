// Export, reset and import restore everything; a hostile import changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useApp } from '../lib/fixture.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';

const env = useApp();

test('export, reset, import (replace) restores progress, bookmark and note', async () => {
  const app = await env.app({ acceptDownloads: true });
  await app.open('/practice');
  const graded = [await app.revealAndGrade('good'), await app.revealAndGrade('hard')];
  await app.open('/q/trie');
  await app.testid('bookmark').click();
  await app.page.waitForFunction(() => document.querySelector('[data-testid="bookmark"]').getAttribute('aria-pressed') === 'true');
  await app.testid('note').fill('prefix tree');
  await app.testid('note').blur();
  await app.page.waitForFunction(() => JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.trie?.note === 'prefix tree');
  const before = await app.storedProgress();

  await app.open('/settings');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.testid('export').click()]);
  const file = join(await mkdtemp(join(tmpdir(), 'pyprep-')), 'export.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(Object.keys(exported.questions).sort(), [...graded, 'trie'].sort());

  await app.testid('reset').click();
  await app.testid('reset-confirm').click();
  await app.page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{"questions":{}}').questions).length === 0);

  await app.testid('import-file').setInputFiles(file);
  await app.testid('import-preview').waitFor();
  assert.match(await app.testid('import-preview').textContent(), /3/);
  await app.testid('import-replace').click();
  await app.page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{"questions":{}}').questions).length === 3);
  const after = await app.storedProgress();
  assert.deepEqual(after.questions, before.questions);

  await app.reload();
  await app.open('/q/trie');
  assert.equal(await app.testid('bookmark').getAttribute('aria-pressed'), 'true');
  assert.equal(await app.testid('note').inputValue(), 'prefix tree');
  assert.deepEqual(app.page.errors, []);
});

test('a malformed or hostile import is rejected with a message and changes nothing', async () => {
  const app = await env.app();
  await app.open('/practice');
  await app.revealAndGrade('good');
  const before = await app.storedProgress();
  const dir = await mkdtemp(join(tmpdir(), 'pyprep-'));
  const cases = {
    'not-json.json': '{"questions": ',
    'future.json': JSON.stringify({ version: 99, questions: {} }),
    'hostile.json': JSON.stringify({ version: 1, questions: { '<img src=x onerror=alert(1)>': { note: 'x' } } }),
    // Issue 13 reproducers: an export date past what Date can show used to
    // throw in the preview and freeze the app; a generation at the limit
    // would have made a replace unreadable.
    'far-future.json': '{"version":1,"questions":{},"exported_at_ms":9000000000000000}',
  };
  await app.open('/settings');
  for (const [name, text] of Object.entries(cases)) {
    const file = join(dir, name);
    await writeFile(file, text);
    await app.testid('import-file').setInputFiles(file);
    await app.testid('import-error').waitFor();
    assert.ok((await app.testid('import-error').textContent()).trim().length > 10, `${name}: a clear message`);
    assert.equal(await app.testid('import-replace').count(), 0, `${name}: nothing to apply`);
  }
  assert.deepEqual(await app.storedProgress(), before);
  assert.equal(await app.page.locator('img').count(), 0);
  // Still responsive afterwards.
  await app.open('/practice');
  await app.testid('reveal').click();
  await app.testid('answer-short').waitFor();
  assert.deepEqual(app.page.errors, []);
});

test('a note stops at the limit where it is typed, and the progress stays readable', async () => {
  const app = await env.app();
  await app.open('/q/gil');
  await app.testid('note').fill('x'.repeat(20_001));
  await app.testid('note').blur();
  await app.page.waitForFunction(() => (JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.gil?.note ?? '').length > 0);
  const stored = await app.storedProgress();
  assert.equal(stored.questions.gil.note.length, 20_000, 'maxlength stops the typing at 20,000');
  await app.reload();
  assert.equal(await app.testid('storage-notice').count() + (await app.testid('corrupt-notice').count()), 0, 'nothing was set aside');
  assert.equal((await app.testid('note').inputValue()).length, 20_000);
});

test('B12: every daily limit typed gets a visible message, and a bad one changes nothing', async () => {
  const app = await env.app();
  await app.open('/settings');
  const field = app.testid('new-limit');
  const limit = async () => (await app.storedProgress())?.settings?.daily_new_limit ?? 10;
  for (const typed of ['-5', '3.5', '1001', '']) {
    await field.fill(typed);
    await field.press('Tab');
    const message = app.testid('new-limit-message');
    await message.waitFor();
    assert.match(await message.innerText(), /Not saved.*whole number from 0 to 1000/, `${JSON.stringify(typed)}: told why`);
    assert.ok(await message.isVisible(), `${JSON.stringify(typed)}: the message is visible`);
    assert.equal(await limit(), 10, `${JSON.stringify(typed)}: the limit stays 10`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `${JSON.stringify(typed)}: the field says it is invalid`);
  }
  // The largest accepted value is saved as typed, and says so.
  await field.fill('1000');
  await field.press('Tab');
  await app.page.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid="new-limit-message"]')?.textContent ?? ''));
  assert.match(await app.testid('new-limit-message').innerText(), /Saved: 1000 new cards a day/);
  assert.equal(await limit(), 1000);
  await field.fill('7');
  await field.press('Tab');
  await app.page.waitForFunction(() => /Saved: 7 /.test(document.querySelector('[data-testid="new-limit-message"]')?.textContent ?? ''));
  assert.match(await app.testid('new-limit-message').innerText(), /Saved: 7 new cards a day/);
  assert.equal(await limit(), 7);
  assert.equal(await field.getAttribute('aria-invalid'), null);
  await app.reload();
  assert.equal(await app.testid('new-limit').inputValue(), '7');
});

test('B15: import errors speak plain words, and an old error goes away after a reset', async () => {
  const app = await env.app();
  await app.open('/settings');
  const dir = await mkdtemp(join(tmpdir(), 'pyprep-'));
  for (const [name, text] of Object.entries({ 'notes.txt': 'my interview notes', 'broken.json': '{"a": ', 'other.json': '{"name":"x"}' })) {
    const file = join(dir, name);
    await writeFile(file, text);
    await app.testid('import-file').setInputFiles(file);
    await app.testid('import-error').waitFor();
    const said = await app.testid('import-error').innerText();
    assert.match(said, /This file is not a pyprep export/, `${name}: ${said}`);
    assert.doesNotMatch(said, /line \d|column|JSON:|expected|key must/i, `${name}: no parser words: ${said}`);
  }
  await app.testid('reset').click();
  await app.testid('reset-confirm').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="import-error"]'));
  assert.equal(await app.testid('import-error').count(), 0, 'the old error is gone after the reset');
});

test('the export file is named pyprep-progress-YYYY-MM-DD.json after the local date', async () => {
  const app = await env.app({ acceptDownloads: true, timezoneId: 'Pacific/Auckland' });
  await app.page.clock.install({ time: Date.UTC(2026, 11, 1, 20, 30) }); // 2 Dec 09:30 in Auckland
  await app.open('/settings');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.testid('export').click()]);
  assert.equal(download.suggestedFilename(), 'pyprep-progress-2026-12-02.json');
});

/** Sets the stored daily new-card limit (the value Settings writes) and reloads. */
async function setDailyLimit(app, limit) {
  await app.page.evaluate(([key, limit]) => {
    const p = JSON.parse(localStorage.getItem(key) ?? '{"version":1,"questions":{}}');
    p.settings = { ...(p.settings ?? {}), theme: 'system', daily_new_limit: limit };
    p.settings_updated_ms = Date.now();
    p.settings_rev = (p.settings_rev ?? 0) + 1;
    localStorage.setItem(key, JSON.stringify(p));
  }, [STORAGE_KEY, limit]);
  await app.reload();
}

/** The number in the Home button, and the length of the session it starts. */
async function homeButtonAndSession(app) {
  await app.open('/');
  const label = await app.testid('continue').innerText();
  await app.testid('continue').click();
  await app.testid('queue-remaining').waitFor();
  const session = Number.parseInt(await app.testid('queue-remaining').innerText(), 10);
  return { label, session };
}

test('B13: a first-time visitor is offered "Start: learn 10 cards", and the count is the session it starts', async () => {
  const app = await env.app();
  await app.open('/');
  assert.equal(await app.testid('continue').innerText(), 'Start: learn 10 cards');
  assert.equal(await app.testid('streak').count(), 0, 'no 0-day streak');
  assert.equal(await app.testid('category-bar').count(), 6, 'a progress bar per category');
  const first = await homeButtonAndSession(app);
  assert.equal(first.session, 10);
  // After some reviews, with three of them due again: the button counts due + new.
  for (let i = 0; i < 3; i += 1) await app.revealAndGrade('good');
  // The app saves after paint: let the last grade's save land before editing storage.
  await app.storedProgress();
  await app.page.evaluate((key) => {
    const p = JSON.parse(localStorage.getItem(key));
    for (const q of Object.values(p.questions)) if (q.card) q.card.due_ms = Date.now() - 60_000;
    localStorage.setItem(key, JSON.stringify(p));
  }, STORAGE_KEY);
  await app.reload();
  const later = await homeButtonAndSession(app);
  const counted = [...later.label.matchAll(/\d+/g)].map(Number)[0];
  assert.match(later.label, /^Continue/);
  assert.equal(counted, later.session, `"${later.label}" starts a session of ${later.session}`);
  assert.equal(later.session, 3 + 7, 'three due and the seven new cards left today');
  // The bars follow the progress.
  await app.open('/');
  const learning = await app.testid('category-bar').evaluateAll((bars) => bars.reduce((n, b) => n + Number(b.dataset.learning), 0));
  assert.equal(learning, 3);
});

test('B13: with the daily limit at 0 a new learner is told why there is nothing to start', async () => {
  const app = await env.app();
  await app.open('/');
  await setDailyLimit(app, 0);
  const label = await app.testid('continue').innerText();
  assert.doesNotMatch(label, /All done/, label);
  assert.match(label, /daily limit is 0/);
  await app.testid('continue').click();
  await app.page.waitForURL(/#\/settings/);
  await app.testid('new-limit').waitFor();
  // Back to 10: the button offers what the session holds.
  await setDailyLimit(app, 10);
  const { label: start, session } = await homeButtonAndSession(app);
  assert.equal(start, 'Start: learn 10 cards');
  assert.equal(session, 10);
});
