// Export, reset and import restore everything; a hostile import changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useApp } from '../lib/fixture.mjs';

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
