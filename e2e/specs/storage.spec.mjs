// Storage edge cases: a corrupted stored value, two tabs, no storage at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';
import { AppPage, STORAGE_KEY } from '../pages/app.mjs';

const env = useApp();

/** Two tabs of one browser profile: the first on the practice screen, the other on home with nothing graded. */
async function twoTabs() {
  const first = await env.app();
  await first.open('/practice');
  const other = new AppPage(await first.page.context().newPage(), first.baseUrl);
  await other.open('/');
  assert.equal(await other.homeTotal('count-new'), 120);
  return [first, other];
}

/** In the page: true when the home screen's new-card counts sum to `total`. */
const newTotal = (total) =>
  [...document.querySelectorAll('[data-testid="count-new"]')].reduce((s, e) => s + Number.parseInt(e.textContent.replace(/\D+/g, '') || '0', 10), 0) === total;

test('a corrupted stored value is kept aside, the learner is told, and the app works', async () => {
  const app = await env.app({ acceptDownloads: true });
  await app.open('/');
  await app.page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "questions": [oops'), STORAGE_KEY);
  await app.reload();
  await app.testid('corrupt-notice').waitFor();
  const backups = () =>
    app.page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('pyprep:python:backup:')).map((k) => localStorage.getItem(k)),
    );
  assert.deepEqual(await backups(), ['{"version": 1, "questions": [oops']);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.testid('corrupt-download').click()]);
  assert.ok(download.suggestedFilename().endsWith('.json') || download.suggestedFilename().endsWith('.txt'));

  await app.open('/practice');
  const id = await app.revealAndGrade('good');
  assert.deepEqual(await app.storedIds(), [id]);
  await app.reload();
  assert.deepEqual(await backups(), ['{"version": 1, "questions": [oops'], 'the backup is never overwritten');
  assert.deepEqual(app.page.errors.filter((e) => !e.includes('Failed to load resource')), []);
});

test('two tabs: a change in one shows in the other, and grading different questions loses nothing', async () => {
  const [first, other] = await twoTabs();

  const x = await first.revealAndGrade('good');
  await other.page.waitForFunction(newTotal, 119);

  await other.open('/practice');
  const y = await other.cardId();
  assert.notEqual(y, x, 'the other tab does not offer the question just graded');
  // Both tabs grade a different question at once: neither write may drop the other's.
  if ((await first.cardId()) === y) {
    await first.testid('next').click();
    await first.waitForCardOtherThan(y);
  }
  const z = await first.cardId();
  assert.notEqual(z, y);
  await Promise.all([first.revealAndGrade('easy'), other.revealAndGrade('hard')]);
  await first.reload();
  const ids = await first.storedIds();
  for (const id of [x, y, z]) assert.ok(ids.includes(id), `${id} kept (stored: ${ids})`);
});

test('two tabs: a reset in one is not undone by the other tab grading afterwards', async () => {
  const [first, other] = await twoTabs();

  const x = await first.revealAndGrade('good');
  await other.page.waitForFunction(newTotal, 119);

  await first.open('/settings');
  await first.testid('reset').click();
  await first.testid('reset-confirm').click();
  await first.page.waitForFunction((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions).length === 0, STORAGE_KEY);
  // The other tab still held the old progress; it takes the reset instead of bringing x back.
  await other.page.waitForFunction(newTotal, 120, { timeout: 10_000 });

  await other.open('/practice');
  if ((await other.cardId()) === x) {
    await other.testid('next').click();
    await other.waitForCardOtherThan(x);
  }
  const y = await other.revealAndGrade('good');
  assert.notEqual(y, x);
  await other.page.waitForFunction((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions).length > 0, STORAGE_KEY);
  await first.reload();
  assert.deepEqual(await first.storedIds(), [y], 'only the card graded after the reset is stored');
  await first.open('/');
  assert.equal(await first.homeTotal('count-new'), 119);
  assert.deepEqual(first.page.errors.filter((e) => !e.includes('Failed to load resource')), []);
});

test('with localStorage blocked the app works in memory and says so', async () => {
  const app = await env.app();
  await app.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await app.open('/practice');
  await app.testid('storage-notice').waitFor();
  const id = await app.revealAndGrade('good');
  assert.ok(id);
  await app.open('/');
  assert.equal(await app.homeTotal('count-new'), 119);
  assert.deepEqual(app.page.errors.filter((e) => !/blocked/.test(e)), []);
});

// Yew's scheduler yields to the browser (a zero timeout) once it has worked
// for 16 ms, between the renders and the effects. On a slow machine the
// effect that schedules the save runs a task after the click; a pagehide in
// that gap must still save. `slow` makes every clock read 20 ms later than the
// one before, so the scheduler always yields there.
for (const slow of [false, true]) {
  const when = slow ? ', even when the scheduler yields before the effects run' : '';
  test(`a grade is saved after the frame, off the click, and at once on pagehide${when}`, async () => {
    const app = await env.app();
    await app.open('/practice');
    await app.testid('reveal').click();
    await app.testid('grade-good').waitFor();
    const seen = await app.page.evaluate(async (slow) => {
      const stored = () => Object.keys(JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions ?? {}).length;
      const realNow = Date.now;
      let skew = 0;
      if (slow) Date.now = () => realNow.call(Date) + (skew += 20);
      try {
        document.querySelector('[data-testid="grade-good"]').click();
        const duringClick = stored();
        // Let the render (and, unless the scheduler yields, its effects) run
        // in microtasks, but not the timers.
        for (let i = 0; i < 20; i += 1) await Promise.resolve();
        const rendered = document.querySelector('[data-testid="after-grade"]') !== null;
        const beforeTimer = stored();
        dispatchEvent(new Event('pagehide'));
        return { duringClick, rendered, beforeTimer, afterPagehide: stored() };
      } finally {
        Date.now = realNow;
      }
    }, slow);
    assert.deepEqual(seen, { duringClick: 0, rendered: true, beforeTimer: 0, afterPagehide: 1 });
    // The effects that were put off still run, and the page still works.
    await app.testid('reveal').waitFor();
    assert.deepEqual(app.page.errors, []);
  });
}

// A note is saved a second after typing stops or when the box is left. A tab
// closed (pagehide) or put in the background (visibilitychange) within that
// second, with the box still focused, must keep it too.
for (const leaving of ['pagehide', 'hidden']) {
  test(`a note typed just before the page is left is saved at once (${leaving})`, async () => {
    const app = await env.app();
    await app.open('/q/gil');
    await app.testid('note').pressSequentially('free-threaded', { delay: 5 });
    const seen = await app.page.evaluate((leaving) => {
      const note = () => JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.gil?.note ?? null;
      const before = note();
      if (leaving === 'pagehide') {
        dispatchEvent(new Event('pagehide'));
      } else {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      }
      return { before, after: note(), focused: document.activeElement?.dataset.testid ?? null };
    }, leaving);
    assert.deepEqual(seen, { before: null, after: 'free-threaded', focused: 'note' });
    assert.deepEqual(app.page.errors, []);
  });
}

// Yew puts a textarea's given value back on any render where the two differ,
// so a render for something else while a note waits for its save (here a
// change merged from another tab) must not wipe what is being typed.
test('a note being typed survives a change merged from another tab', async () => {
  const app = await env.app();
  await app.open('/q/gil');
  const otherPage = await app.page.context().newPage();
  otherPage.errors = [];
  otherPage.on('pageerror', (err) => otherPage.errors.push(String(err)));
  const other = new AppPage(otherPage, app.baseUrl);
  await other.open('/q/decorators-basics');
  await app.testid('note').pressSequentially('typed here', { delay: 5 });
  await other.testid('bookmark').click();
  // The merge has been rendered in the first tab: its storage write is in.
  await app.page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').questions?.['decorators-basics']?.bookmarked === true, STORAGE_KEY);
  await app.testid('note').pressSequentially(', and more', { delay: 5 });
  assert.equal(await app.testid('note').inputValue(), 'typed here, and more');
  // Saved a second after typing stops, with the other tab's bookmark kept.
  await app.page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').questions?.gil?.note === 'typed here, and more', STORAGE_KEY);
  await app.reload();
  assert.equal(await app.testid('note').inputValue(), 'typed here, and more');
  const stored = await app.page.evaluate((key) => JSON.parse(localStorage.getItem(key)).questions['decorators-basics'].bookmarked, STORAGE_KEY);
  assert.equal(stored, true);
  assert.deepEqual([...app.page.errors, ...other.page.errors], []);
});

// The text waiting for its save belongs to its question: when the route
// changes under a focused note box (a back gesture, a link from elsewhere),
// the next card's box starts from that card's own note.
test('a note being typed stays with its question when the route changes under it', async () => {
  const app = await env.app();
  await app.open('/q/gil');
  await app.testid('note').pressSequentially('about the GIL', { delay: 5 });
  await app.page.evaluate(() => {
    location.hash = '#/q/decorators-basics';
  });
  await app.page.waitForFunction(() => document.querySelector('[data-testid="card"]')?.dataset.id === 'decorators-basics');
  assert.equal(await app.testid('note').inputValue(), '');
  // The old card's text is saved as it goes (after the frame, like any change).
  await app.page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').questions?.gil?.note === 'about the GIL', STORAGE_KEY);
  const notes = await app.page.evaluate((key) => {
    const questions = JSON.parse(localStorage.getItem(key) ?? '{}').questions ?? {};
    return { gil: questions.gil?.note ?? null, other: questions['decorators-basics']?.note ?? null };
  }, STORAGE_KEY);
  assert.deepEqual(notes, { gil: 'about the GIL', other: null });
  await app.page.goBack();
  await app.page.waitForFunction(() => document.querySelector('[data-testid="card"]')?.dataset.id === 'gil');
  assert.equal(await app.testid('note').inputValue(), 'about the GIL');
  assert.deepEqual(app.page.errors, []);
});
