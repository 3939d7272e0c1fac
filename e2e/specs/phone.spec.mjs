// Phones: an iPhone-sized touch screen. A practice session by taps, swipes on
// the card, 44 px tap targets, 16 px inputs, nothing sideways at 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { mountedWidgets, openMadeUpPage } from '../lib/examples.mjs';
import { useApp } from '../lib/fixture.mjs';

const env = useApp();
const IPHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const NARROW = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * A horizontal swipe across `locator` by `dx` CSS px, as real touch input
 * through the DevTools protocol: one move every 16 ms over ~160 ms, then the
 * finger rests ~100 ms before lifting. (Without event timestamps the moves
 * come microseconds apart, Chromium starts a fling at absurd speed, and the
 * next tap only stops that fling instead of clicking.)
 */
async function swipe(page, locator, dx) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, 'the swiped element is on screen');
  const y = box.y + Math.min(box.height / 2, 40);
  const x0 = box.x + box.width / 2 - dx / 2;
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  let n = 0;
  try {
    const touch = (type, x) =>
      cdp.send('Input.dispatchTouchEvent', { type, timestamp: t0 + 0.016 * n++, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', x0);
    for (let i = 1; i <= 10; i += 1) await touch('touchMove', x0 + (dx * i) / 10);
    for (let i = 0; i < 6; i += 1) await touch('touchMove', x0 + dx);
    await touch('touchEnd');
  } finally {
    await cdp.detach();
  }
}

/**
 * Tappable controls under `scope` (a Locator; shadow roots pierced) smaller
 * than 44x44 CSS px. A checkbox or radio counts by its label; a link inside a
 * sentence is exempt (WCAG 2.5.8 "inline"); visually hidden elements (1 px,
 * e.g. skip links until focused) are not visible targets.
 */
async function smallTargets(scope) {
  return scope.locator('button, a[href], input, select, textarea, summary, [role="button"]').evaluateAll((els) =>
    els.flatMap((el) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return [];
      let target = el;
      if (el.matches('input[type="checkbox"], input[type="radio"]')) target = el.closest('label') ?? (el.id ? el.getRootNode().querySelector(`label[for="${el.id}"]`) : null) ?? el;
      if (el.tagName === 'A') {
        const block = el.parentElement;
        if (block && block.textContent.trim().length > el.textContent.trim().length && style.display === 'inline') return [];
      }
      const r = target.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return [];
      if (r.width >= 44 - 0.5 && r.height >= 44 - 0.5) return [];
      const name = el.dataset.testid ?? el.id ?? '';
      return [`${el.tagName.toLowerCase()}${name ? `[${name}]` : ''} "${(el.textContent || el.value || '').trim().slice(0, 30)}" ${r.width.toFixed(1)}x${r.height.toFixed(1)}`];
    }),
  );
}

/** Text fields under `scope` whose font-size is below 16 px (iOS zooms into those). */
async function smallInputs(scope) {
  return scope
    .locator('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="range"]):not([type="file"]), textarea, select')
    .evaluateAll((els) =>
      els
        .filter((el) => el.getBoundingClientRect().width > 1)
        .map((el) => [el.dataset.testid ?? el.id ?? el.tagName, Number.parseFloat(getComputedStyle(el).fontSize)])
        .filter(([, size]) => size < 16)
        .map(([name, size]) => `${name}: ${size}px`),
    );
}

test('a full practice session by touch: tap reveal and grade on three cards', async () => {
  const app = await env.app(IPHONE);
  await app.open('/');
  await app.testid('nav-practice').tap();
  await app.testid('card').waitFor();
  const graded = [];
  for (const grade of ['good', 'again', 'easy']) {
    const id = await app.cardId();
    await app.testid('reveal').tap();
    await app.testid('answer-short').waitFor();
    await app.testid(`grade-${grade}`).tap();
    await app.waitForCardOtherThan(id);
    graded.push(id);
  }
  assert.equal(new Set(graded).size, 3);
  assert.deepEqual(await app.storedIds(), [...graded].sort());
  const stored = await app.storedProgress();
  for (const id of graded) assert.equal(stored.questions[id].reviews.length, 1, id);
  assert.equal(await app.horizontalOverflow(), 0);
  assert.deepEqual(app.page.errors, []);
});

test('swiping the card left goes to the next card, swiping right goes back', async () => {
  const app = await env.app(IPHONE);
  await app.open('/practice');
  const first = await app.cardId();
  await swipe(app.page, app.testid('question-text'), -150);
  await app.waitForCardOtherThan(first);
  const second = await app.cardId();
  assert.notEqual(second, first);
  await swipe(app.page, app.testid('question-text'), 150);
  await app.page.waitForFunction((id) => document.querySelector('[data-testid="card"]')?.dataset.id === id, first);
  assert.deepEqual(await app.storedIds(), [], 'swiping grades nothing');
  assert.deepEqual(app.page.errors, []);
});

test('every visible control of the practice screen is at least 44x44 CSS px', async () => {
  const app = await env.app(IPHONE);
  await app.open('/practice');
  await app.testid('card').waitFor();
  const before = await smallTargets(app.page.locator('body'));
  await app.page.locator('details.scope > summary').tap();
  await app.testid('practice-category').first().waitFor();
  const picker = await smallTargets(app.page.locator('body'));
  await app.testid('reveal').tap();
  await app.testid('answer-short').waitFor();
  const after = await smallTargets(app.page.locator('body'));
  assert.deepEqual({ before, picker, after }, { before: [], picker: [], after: [] });
});

test('text inputs are at least 16 px on every screen, so iOS does not zoom', async () => {
  const app = await env.app(IPHONE);
  const found = {};
  for (const [route, testid] of [['/practice', 'attempt'], ['/browse', 'search'], ['/mock', 'mock-count'], ['/settings', 'new-limit']]) {
    await app.open(route);
    await app.testid(testid).waitFor();
    found[route] = await smallInputs(app.page.locator('body'));
  }
  assert.deepEqual(found, { '/practice': [], '/browse': [], '/mock': [], '/settings': [] });
});

test('nothing scrolls sideways at 320 px wide, answers and tables included', async () => {
  const app = await env.app(NARROW);
  const overflow = {};
  for (const route of ['/', '/browse', '/practice', '/mock', '/stats', '/settings', '/q/list-vs-tuple']) {
    await app.open(route);
    overflow[route] = await app.horizontalOverflow();
  }
  await app.open('/practice');
  for (let i = 0; i < 5; i += 1) {
    const id = await app.cardId();
    await app.testid('reveal').tap();
    await app.testid('answer-short').waitFor();
    overflow[`/practice revealed ${id}`] = await app.horizontalOverflow();
    await app.testid('grade-good').tap();
    await app.waitForCardOtherThan(id);
  }
  assert.deepEqual(Object.entries(overflow).filter(([, px]) => px !== 0), []);
  assert.deepEqual(app.page.errors, []);
});

// blog.html's own hostile CSS (10 px margins, 6 px paddings and 5 px borders on
// every element, 30 px text) leaves its widgets ~140 px at 320 px and makes the
// host page itself scroll sideways, so the phone check of a script embed uses a
// plain host page: the widget gets the full width of a 320 px phone.
test('a script-embedded widget on a 320 px phone page: fits, 44 px targets, 16 px inputs, and the card swipes', async () => {
  const app = await env.app(NARROW);
  const { page } = app;
  await openMadeUpPage(page, env.server.url, 'phone-host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>phone host</title></head>
<body><p>A host paragraph.</p><div data-pyprep data-categories="dsa"></div><script type="module" src="../embed.js"></script></body></html>`);
  const [w] = await mountedWidgets(page);
  const first = await w.cardId();
  assert.equal(await app.horizontalOverflow(), 0, 'the page does not scroll sideways');
  assert.deepEqual(await smallTargets(w.root), [], 'widget controls before reveal');
  assert.deepEqual(await smallInputs(w.root), [], 'widget inputs');

  await swipe(page, w.testid('question-text'), -150);
  await w.waitForCardOtherThan(first);
  await swipe(page, w.testid('question-text'), 150);
  await w.waitForCard(first);

  for (let i = 0; i < 3; i += 1) {
    await w.testid('reveal').tap();
    await w.testid('answer-short').waitFor();
    assert.deepEqual(await smallTargets(w.root), [], 'widget controls after reveal');
    assert.equal(await app.horizontalOverflow(), 0, `the revealed answer ${await w.cardId()} does not push the page sideways`);
    const id = await w.cardId();
    await w.testid('grade-good').tap();
    await w.waitForCardOtherThan(id);
  }
  assert.deepEqual(page.errors, []);
});

test('on a 320x640 phone the first question is whole above the sticky Reveal bar, the swipe tip below the card', async () => {
  const app = await env.app(NARROW);
  await app.open('/practice');
  await app.testid('swipe-hint').waitFor();
  const question = await app.testid('question-text').boundingBox();
  const reveal = await app.testid('reveal').boundingBox();
  assert.ok(question.y >= 0 && question.y + question.height <= reveal.y, `question ${JSON.stringify(question)} vs reveal bar at ${reveal.y}`);
  const card = await app.testid('card').boundingBox();
  const tip = await app.testid('swipe-hint').boundingBox();
  assert.ok(tip.y >= card.y + card.height, 'the tip is below the card');
});

// A swipe is not a tap: the note box keeps the focus while the next card
// takes the place of this one (the same card on screen, a new question). The
// text typed stays with its own card, saved, and the next card's box starts
// from that card's note.
test('a swipe while a note is being typed keeps the note with its card', async () => {
  const app = await env.app(IPHONE);
  await app.open('/practice');
  const first = await app.cardId();
  await app.page.locator('details.note > summary').tap();
  await app.testid('note').pressSequentially('swiped away', { delay: 5 });
  await swipe(app.page, app.testid('question-text'), -150);
  await app.waitForCardOtherThan(first);
  assert.equal(await app.testid('note').inputValue(), '', "the next card's own note");
  await app.page.waitForFunction((id) => JSON.parse(localStorage.getItem('pyprep:python:v1') ?? '{}').questions?.[id]?.note === 'swiped away', first);
  await swipe(app.page, app.testid('question-text'), 150);
  await app.page.waitForFunction((id) => document.querySelector('[data-testid="card"]')?.dataset.id === id, first);
  assert.equal(await app.testid('note').inputValue(), 'swiped away');
  assert.deepEqual(app.page.errors, []);
});
