// Iframe embed (examples/course.html): the widget without the app chrome, an
// iframe whose height follows its content, events by postMessage, blocked
// storage inside the frame, and partitioned storage in a cross-site frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, newPage } from '../lib/browser.mjs';
import { embedMessages, recordEmbedEvents, waitForEmbedMessages } from '../lib/embed-events.mjs';
import { useApp } from '../lib/fixture.mjs';
import { serveHtml } from '../lib/server.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';
import { WidgetPage } from '../pages/widget.mjs';

const env = useApp();
const FRAME = 'iframe[src*="embed=1"]';

/** Opens course.html (after `setup(page)`, e.g. extra init scripts); returns { page, frame, widget } once the widget shows a card. */
async function openCourse(setup = async () => {}) {
  const page = await newPage(env.browser);
  await recordEmbedEvents(page);
  await setup(page);
  await page.goto(`${env.server.url}examples/course.html`);
  const handle = await page.locator(FRAME).elementHandle();
  const frame = await handle.contentFrame();
  const widget = new WidgetPage(frame, null);
  await widget.ready();
  await widget.cardId();
  return { page, frame, widget };
}

/** In the host page: the iframe's height and its content's (the widget's bottom edge, and the frame document's scrollHeight). */
function frameHeights(page) {
  return page.evaluate((sel) => {
    const f = document.querySelector(sel);
    const d = f.contentDocument;
    const w = d.querySelector('[data-testid="widget"]');
    return {
      frame: f.clientHeight,
      scroll: d.documentElement.scrollHeight,
      widgetBottom: w ? Math.ceil(w.getBoundingClientRect().bottom + d.defaultView.scrollY) : null,
    };
  }, FRAME);
}

/** Waits until the iframe neither clips its content nor leaves more than `slack` px empty below the widget. */
async function waitUntilFits(page, slack = 48) {
  await page.waitForFunction(
    ([sel, s]) => {
      const f = document.querySelector(sel);
      const d = f.contentDocument;
      const w = d?.querySelector('[data-testid="widget"]');
      if (!w) return false;
      const bottom = w.getBoundingClientRect().bottom + d.defaultView.scrollY;
      return d.documentElement.scrollHeight <= f.clientHeight + 4 && f.clientHeight - bottom <= s && f.clientHeight >= bottom - 4;
    },
    [FRAME, slack],
  );
}

test('course.html: the iframe renders the widget without the app chrome', async () => {
  const { page, frame, widget } = await openCourse();
  assert.equal(await widget.testid('widget').count(), 1);
  assert.equal(await frame.getByTestId('nav-home').count(), 0, 'no app navigation inside the frame');
  assert.equal(await frame.locator('header.app-header, nav.main-nav').count(), 0, 'no app header inside the frame');
  assert.match(frame.url(), /[?&]embed=1(&|$)/);
  await widget.revealAndGrade('good');
  assert.deepEqual(page.errors, []);
});

test('the iframe height follows its content: it grows when the answer is revealed', async () => {
  const { page, widget } = await openCourse();
  await waitUntilFits(page);
  const before = await frameHeights(page);
  await widget.testid('reveal').click();
  await widget.testid('answer-short').waitFor();
  await page.waitForFunction(
    ([sel, h]) => {
      const f = document.querySelector(sel);
      return f.clientHeight > h + 40 && Math.abs(f.clientHeight - f.contentDocument.documentElement.scrollHeight) <= 4;
    },
    [FRAME, before.frame],
  );
  const after = await frameHeights(page);
  assert.ok(after.frame > before.frame, `grew from ${before.frame} to ${after.frame}`);
  assert.ok(after.widgetBottom <= after.frame + 4, `nothing clipped: widget ends at ${after.widgetBottom}, frame ${after.frame}`);
  const heights = await embedMessages(page, 'height');
  assert.ok(heights.length >= 2, 'height messages were posted');
  for (const m of heights) assert.ok(Number.isFinite(m.height) && m.height > 0, `height message: ${JSON.stringify(m)}`);
  assert.deepEqual(page.errors, []);
});

test('the iframe height follows its content: it shrinks again when the next card shows', async () => {
  const { page, widget } = await openCourse();
  await widget.testid('reveal').click();
  await widget.testid('answer-short').waitFor();
  await waitUntilFits(page);
  const grown = await frameHeights(page);
  const id = await widget.cardId();
  await widget.testid('grade-good').click();
  await widget.waitForCardOtherThan(id);
  await page.waitForFunction(([sel, h]) => document.querySelector(sel).clientHeight < h - 40, [FRAME, grown.frame]);
  await waitUntilFits(page);
  const shrunk = await frameHeights(page);
  assert.ok(shrunk.frame < grown.frame, `shrank from ${grown.frame} to ${shrunk.frame}`);
  assert.ok(shrunk.frame - shrunk.widgetBottom <= 48, `no big gap below the widget: frame ${shrunk.frame}, widget ends at ${shrunk.widgetBottom}`);
});

test('events reach the host by postMessage with the documented payload, and host-log shows graded', async () => {
  const { page, widget } = await openCourse();
  const [ready] = await waitForEmbedMessages(page, 'ready');
  assert.equal(ready.source, 'pyprep');
  assert.equal(typeof ready.mode, 'string');
  assert.ok(Number.isInteger(ready.questions) && ready.questions > 0, `ready.questions: ${ready.questions}`);

  const x = await widget.revealAndGrade('hard');
  const [graded] = await waitForEmbedMessages(page, 'graded');
  assert.deepEqual(Object.keys(graded).sort(), ['grade', 'questionId', 'remaining', 'reviewed', 'source', 'type']);
  assert.equal(graded.questionId, x);
  assert.equal(graded.grade, 'hard');
  assert.equal(graded.reviewed, 1);
  assert.ok(Number.isInteger(graded.remaining) && graded.remaining >= 0, `remaining: ${graded.remaining}`);

  const y = await widget.revealAndGrade('easy');
  const second = (await waitForEmbedMessages(page, 'graded', 2))[1];
  assert.deepEqual(
    { questionId: second.questionId, grade: second.grade, reviewed: second.reviewed, remaining: second.remaining },
    { questionId: y, grade: 'easy', reviewed: 2, remaining: graded.remaining - 1 },
  );

  const log = page.getByTestId('host-log');
  await page.waitForFunction(() => /graded/i.test(document.querySelector('[data-testid="host-log"]')?.textContent ?? ''));
  assert.match(await log.textContent(), /graded/i);
  assert.deepEqual(page.errors, []);
});

test('with storage blocked inside the frame the widget works in memory and shows storage-notice', async () => {
  const { page, frame, widget } = await openCourse(async (p) => {
    await p.addInitScript(() => {
      if (new URLSearchParams(location.search).get('embed') !== '1') return;
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
  });
  await widget.testid('storage-notice').waitFor();
  assert.equal(await frame.evaluate(() => { try { localStorage; return 'readable'; } catch { return 'blocked'; } }), 'blocked');
  const x = await widget.revealAndGrade('good');
  const y = await widget.revealAndGrade('good');
  assert.notEqual(x, y);
  const graded = await waitForEmbedMessages(page, 'graded', 2);
  assert.deepEqual(graded.map((m) => [m.questionId, m.reviewed]), [[x, 1], [y, 2]], 'the in-memory session counts both grades');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null, 'nothing reached the host origin\'s storage');
  assert.deepEqual(page.errors.filter((e) => !/blocked/.test(e)), []);
});

test('framed by another site the widget keeps saving (partitioned) and says it is for this site only; a same-site embed says nothing', async () => {
  // The host page on 127.0.0.1, the frame from localhost: two different sites.
  const distPort = new URL(env.server.url).port;
  const host = await serveHtml(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
    <body><h1>Someone else's course</h1>
    <iframe src="http://localhost:${distPort}/index.html?embed=1&categories=oop" title="Python practice" style="width:100%;height:900px;border:0"></iframe>
    </body></html>`);
  // Playwright's contexts are off-the-record, where Chrome blocks third-party
  // cookies and storage outright (the blocked case above). A normal profile
  // gets partitioned storage instead; this flag gives the same here.
  const browser = await launch(['--disable-features=AlwaysBlock3pcsIncognito']);
  try {
    const page = await newPage(browser);
    await recordEmbedEvents(page);
    await page.goto(host.url);
    assert.equal(new URL(page.url()).hostname, '127.0.0.1');
    const frame = await (await page.locator(FRAME).elementHandle()).contentFrame();
    assert.equal(new URL(frame.url()).hostname, 'localhost');
    const widget = new WidgetPage(frame, null);
    await widget.ready();
    await widget.testid('storage-notice').waitFor();
    assert.match(await widget.testid('storage-notice').textContent(), /this site only/);
    const x = await widget.revealAndGrade('good');
    const [graded] = await waitForEmbedMessages(page, 'graded');
    assert.equal(graded.questionId, x);
    // Saved in the frame's (partitioned) storage, not only kept in memory.
    await frame.waitForFunction(([key, id]) => localStorage.getItem(key)?.includes(id), [STORAGE_KEY, x]);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await host.close();
  }

  const { page, widget } = await openCourse();
  await widget.revealAndGrade('good');
  assert.equal(await widget.testid('storage-notice').count(), 0, 'a same-origin embed (course.html) shows no storage notice');
  assert.deepEqual(page.errors, []);
});
