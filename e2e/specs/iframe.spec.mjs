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
async function openCourse(setup = async () => {}, options = {}) {
  const page = await newPage(env.browser, options);
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

/** Where the current card's top (its category line) is in the host page's viewport. */
function cardTopInHost(page) {
  return page.evaluate((sel) => {
    const f = document.querySelector(sel);
    const meta = f.contentDocument.querySelector('[data-testid="card"] .card-meta');
    return meta ? { top: Math.round(f.getBoundingClientRect().top + meta.getBoundingClientRect().top), viewport: innerHeight } : null;
  }, FRAME);
}

test('B10: on a phone, after a grade the next card\'s top is in the host page\'s viewport', async () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  const { page, widget } = await openCourse(async () => {}, phone);
  await widget.testid('reveal').tap();
  await widget.testid('answer-short').waitFor();
  await waitUntilFits(page);
  // The reader scrolls down the long answer to the grade bar at its end.
  await widget.testid('grade-good').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  const id = await widget.cardId();
  await widget.testid('grade-good').dispatchEvent('click');
  await widget.waitForCardOtherThan(id);
  await waitUntilFits(page);
  await page
    .waitForFunction(
      (sel) => {
        const f = document.querySelector(sel);
        const meta = f.contentDocument.querySelector('[data-testid="card"] .card-meta');
        if (!meta) return false;
        const top = f.getBoundingClientRect().top + meta.getBoundingClientRect().top;
        return top >= 0 && top <= innerHeight - 100;
      },
      FRAME,
      { timeout: 3000 },
    )
    .catch(async () => assert.fail(`the next card's top is out of view: ${JSON.stringify(await cardTopInHost(page))} (scrolled to ${scrolled} for the grade)`));
  assert.deepEqual(page.errors, []);
});

/** The widget's theme attribute and background inside the frame of `page`. */
async function frameLook(page) {
  const frame = await (await page.locator(FRAME).elementHandle()).contentFrame();
  await frame.getByTestId('card').waitFor();
  return frame.evaluate(() => {
    const w = document.querySelector('[data-testid="widget"]');
    return { theme: w.dataset.theme, widget: getComputedStyle(w).backgroundColor, page: getComputedStyle(document.body).backgroundColor };
  });
}

const LIGHT = { theme: 'light', widget: 'rgb(255, 255, 255)', page: 'rgb(255, 255, 255)' };
const DARK_BG = 'rgb(15, 20, 25)';

test('the iframe theme: course.html (theme=light) stays light on a reader\'s dark system', async () => {
  const { page } = await openCourse(async () => {}, { colorScheme: 'dark' });
  assert.match(await page.locator(FRAME).getAttribute('src'), /[?&]theme=light(&|$)/);
  assert.deepEqual(await frameLook(page), LIGHT, 'not a black frame in a light page');
  assert.deepEqual(page.errors, []);
});

for (const [theme, scheme, want] of [
  ['auto', 'light', { theme: 'auto', widget: 'rgb(255, 255, 255)', page: 'rgb(255, 255, 255)' }],
  ['dark', 'light', { theme: 'dark', widget: DARK_BG, page: DARK_BG }],
  ['light', 'dark', LIGHT],
]) {
  test(`the iframe theme from its query: theme=${theme} on a ${scheme} system`, async () => {
    const page = await newPage(env.browser, { colorScheme: scheme });
    const url = `${env.server.url}examples/theme-host.html`;
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body style="background:#fff">
<iframe src="../index.html?embed=1&questions=gil&theme=${theme}" title="practice" style="width:100%;height:900px;border:0"></iframe></body></html>`,
      }),
    );
    await page.goto(url);
    assert.deepEqual(await frameLook(page), want);
    assert.deepEqual(page.errors, []);
  });
}
