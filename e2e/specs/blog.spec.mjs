// The demo blog post (examples/blog.html): three script embeds in the modes a
// blogger uses (a card in the text, a compact practice, a mock), in step with
// each other (B9), one frame each (none when compact), on the page's own
// background unless themed. Isolation under hostile CSS: embed.spec.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { addWidget, mountConfig, openExample } from '../lib/examples.mjs';
import { useApp } from '../lib/fixture.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';

const env = useApp();
const openBlog = (options) => openExample(env.browser, env.server.url, 'blog.html', options);

/** How many reviews of `id` are stored under the shared key. */
function storedReviews(page, id) {
  return page.evaluate(
    ([key, qid]) => JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions?.[qid]?.reviews?.length ?? 0,
    [STORAGE_KEY, id],
  );
}

/**
 * From the widget root down to its card: the elements with a visible border
 * on all four sides (a frame), as "testid-or-tag"; and the root's background.
 */
function frames(widget) {
  return widget.inWidget(([root]) => {
    const w = root.querySelector('[data-testid="widget"]');
    const framed = (el) => {
      const s = getComputedStyle(el);
      return ['top', 'right', 'bottom', 'left'].every(
        (side) => parseFloat(s.getPropertyValue(`border-${side}-width`)) > 0 && s.getPropertyValue(`border-${side}-style`) !== 'none',
      );
    };
    const card = w.querySelector('[data-testid="card"]');
    const chain = [];
    for (let el = card ?? w; el && el !== w.parentNode; el = el.parentElement) chain.push(el);
    return chain.filter(framed).map((el) => el.dataset.testid ?? el.tagName.toLowerCase());
  });
}

/** The computed background of the widget root and of the page body. */
async function backgrounds(page, widget) {
  const own = await widget.inWidget(([root]) => getComputedStyle(root.querySelector('[data-testid="widget"]')).backgroundColor);
  const host = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return { own, host };
}

test('blog.html is a real post: three widgets (card, compact practice, mock), no hostile styles, no errors', async () => {
  const { page, widgets } = await openBlog();
  assert.equal(widgets.length, 3);
  const configs = await Promise.all(widgets.map(mountConfig));
  assert.deepEqual(
    configs.map((c) => c.mode ?? 'practise'),
    ['card', 'practise', 'mock'],
  );
  assert.ok('compact' in configs[1], 'the category practice is compact');
  const font = await page.evaluate(() => getComputedStyle(document.querySelector('article p')).fontFamily);
  assert.doesNotMatch(font, /comic/i, 'the demo is not the hostile fixture');
  assert.equal(await widgets[0].cardId(), 'list-vs-tuple');
  await widgets[2].testid('widget').waitFor();
  assert.deepEqual(page.errors, []);
});

test('B9: a card graded in one widget leaves the other widget\'s queue at once, without a second review', async () => {
  const { page, widgets } = await openBlog();
  const [card, practice] = widgets;
  const id = await card.cardId();
  await practice.waitForCard(id);
  const before = await practice.queueRemaining();

  await card.testid('reveal').click();
  await card.testid('answer-short').waitFor();
  await card.testid('grade-good').click();
  await card.waitForCardOtherThan(id);

  // The compact practice moves past it by itself, one card fewer.
  await practice.waitForCardOtherThan(id);
  assert.equal(await practice.queueRemaining(), before - 1, 'the card left the other queue');
  assert.equal(await storedReviews(page, id), 1);
  // Previous shows it graded, read-only: nothing to grade twice.
  await practice.testid('prev').click();
  await practice.waitForCard(id);
  assert.equal(await practice.testid('grade-good').count(), 0, 'no grade bar on a card graded elsewhere');
  await practice.testid('already-graded').waitFor();
  assert.equal(await storedReviews(page, id), 1, 'one review, not two');
  assert.deepEqual(page.errors, []);
});

test('one frame per widget: the widget\'s own border, none on its card; a compact widget is flat', async () => {
  const { page, widgets } = await openBlog();
  await widgets[1].cardId();
  assert.deepEqual(await frames(widgets[0]), ['widget'], 'card mode: one frame, the widget\'s');
  assert.deepEqual(await frames(widgets[1]), [], 'compact: no frame at all');
  assert.deepEqual(await frames(widgets[2]), ['widget'], 'mock: one frame');
  assert.deepEqual(page.errors, []);
});

for (const scheme of ['light', 'dark']) {
  test(`the widget's background follows the host's unless themed (${scheme})`, async () => {
    const { page, widgets } = await openBlog({ colorScheme: scheme });
    for (const [i, w] of widgets.entries()) {
      const { own, host } = await backgrounds(page, w);
      assert.equal(own, host, `widget ${i} (auto) sits on the page's background`);
    }
    const theme = await widgets[0].inWidget(([root]) => root.querySelector('[data-testid="widget"]').dataset.theme);
    assert.equal(theme, scheme, `an auto widget on a ${scheme} page is ${scheme}`);
    // A themed widget keeps its own background (theme.css --bg), whatever the page's.
    const themed = scheme === 'light' ? 'dark' : 'light';
    const w = await addWidget(page, { questions: 'gil', theme: themed });
    await w.ready();
    const { own, host } = await backgrounds(page, w);
    assert.notEqual(own, host);
    assert.equal(own, themed === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(255, 255, 255)');
    assert.deepEqual(page.errors, []);
  });
}

test('an auto widget on a light page stays light when the reader\'s system is dark, and the reverse', async () => {
  const page = await env.browser.newPage({ colorScheme: 'dark' });
  await page.route(`${env.server.url}examples/light-host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>light host</title></head>
<body style="background:#fdfcf8"><div data-pyprep data-questions="gil"></div>
<div style="background:#111"><div data-pyprep data-questions="gil"></div></div>
<script type="module" src="../embed.js"></script></body></html>`,
    }),
  );
  await page.goto(`${env.server.url}examples/light-host.html`);
  const now = (n) =>
    page.evaluate((i) => {
      const w = document.querySelectorAll('[data-pyprep]')[i]?.shadowRoot?.querySelector('[data-testid="widget"]');
      return w && { theme: w.dataset.theme, bg: getComputedStyle(w).backgroundColor };
    }, n);
  const settles = async (n, want) => {
    await page.locator('[data-pyprep]').nth(n).getByTestId('card').waitFor();
    await page
      .waitForFunction(
        ([i, w]) => {
          const el = document.querySelectorAll('[data-pyprep]')[i]?.shadowRoot?.querySelector('[data-testid="widget"]');
          return el && el.dataset.theme === w.theme && getComputedStyle(el).backgroundColor === w.bg;
        },
        [n, want],
        { timeout: 5000 },
      )
      .catch(async () => assert.deepEqual(await now(n), want));
  };
  await settles(0, { theme: 'light', bg: 'rgb(253, 252, 248)' });
  await settles(1, { theme: 'dark', bg: 'rgb(17, 17, 17)' });
  await page.close();
});
