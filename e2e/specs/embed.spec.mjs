// Script embed: two widgets in shadow roots on a page with an aggressive
// stylesheet (e2e/fixtures/hostile.html); right questions, shared progress,
// style isolation both ways, events, late mounting, configuration errors.
// The demo blog post (examples/blog.html): see blog.spec.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { newPage } from '../lib/browser.mjs';
import { categoryOfIds, idsOf } from '../lib/content.mjs';
import { embedEvents, waitForEmbedEvents } from '../lib/embed-events.mjs';
import { addWidget, builtSelectors, mountConfig, openFixture, openMadeUpPage } from '../lib/examples.mjs';
import { useApp } from '../lib/fixture.mjs';
import { STORAGE_KEY } from '../pages/app.mjs';
import { WidgetPage } from '../pages/widget.mjs';

const env = useApp();
const CATEGORY = categoryOfIds();

const openBlog = (options) => openFixture(env.browser, env.server.url, 'hostile.html', options);

/** The categories a mount point is configured with (data-categories, comma-separated). */
async function categoriesOf(widget) {
  const config = await mountConfig(widget);
  assert.ok(config.categories, `mount point ${widget.index} has data-categories (config: ${JSON.stringify(config)})`);
  return config.categories.split(',').map((c) => c.trim());
}

/** Question ids stored under the shared progress key. */
async function storedIds(page) {
  return page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions ?? {}).sort(), STORAGE_KEY);
}

/** An empty host page with one mount point configured like `config`, `width` px wide. */
function plainHost(config, width) {
  const attrs = Object.entries(config)
    .map(([k, v]) => ` data-${k}="${String(v).replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain host</title></head>
<body><div data-pyprep${attrs} style="width:${width}px"></div>
<script type="module" src="../embed.js"></script></body></html>`;
}

test('hostile.html loads with no console errors; its two widgets each practise only their own category', async () => {
  const { page, widgets } = await openBlog();
  assert.equal(widgets.length, 2, 'two script-embedded widgets');
  const scopes = [await categoriesOf(widgets[0]), await categoriesOf(widgets[1])];
  assert.notDeepEqual(scopes[0], scopes[1], 'the two widgets are of different categories');
  for (const cats of scopes) for (const c of cats) assert.ok(idsOf(CATEGORY, c).length > 0, `${c} is a category of the deck`);

  const ready = await waitForEmbedEvents(page, 'pyprep:ready', 2);
  for (const [i, cats] of scopes.entries()) {
    const mine = ready.filter((e) => e.mount === i);
    assert.equal(mine.length, 1, `one pyprep:ready from widget ${i}, dispatched on its mount point`);
    assert.equal(mine[0].detail.mode, 'practise');
    assert.equal(mine[0].detail.questions, cats.reduce((n, c) => n + idsOf(CATEGORY, c).length, 0), `widget ${i}: questions in scope`);
  }

  for (const [i, widget] of widgets.entries()) {
    const seen = [];
    for (const grade of ['good', 'easy', 'hard']) {
      const id = await widget.cardId();
      assert.ok(scopes[i].includes(CATEGORY.get(id)), `widget ${i} (${scopes[i]}) shows ${id} of ${CATEGORY.get(id)}`);
      seen.push(await widget.revealAndGrade(grade));
    }
    const id = await widget.cardId();
    assert.ok(scopes[i].includes(CATEGORY.get(id)), `widget ${i} (${scopes[i]}) shows ${id} of ${CATEGORY.get(id)}`);
    assert.equal(new Set(seen).size, 3, `widget ${i} moved to a new card after each grade`);
  }
  assert.deepEqual(page.errors, []);
});

test('both blog widgets save into the shared pyprep:python:v1 and neither drops the other\'s grades', async () => {
  const { page, widgets } = await openBlog();
  const [a, b] = widgets;
  const x = await a.revealAndGrade('good');
  await page.waitForFunction(
    ([key, id]) => Boolean(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions?.[id]),
    [STORAGE_KEY, x],
  );
  const y = await b.revealAndGrade('easy');
  await page.waitForFunction(
    ([key, id]) => Boolean(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions?.[id]),
    [STORAGE_KEY, y],
  );
  const z = await a.revealAndGrade('hard');
  await page.waitForFunction(
    ([key, id]) => Boolean(JSON.parse(localStorage.getItem(key) ?? '{"questions":{}}').questions?.[id]),
    [STORAGE_KEY, z],
  );
  assert.deepEqual(await storedIds(page), [x, y, z].sort(), 'every grade of both widgets is kept under one key');

  await page.reload();
  const [a2, b2] = [new WidgetPage(page, 0), new WidgetPage(page, 1)];
  await a2.ready();
  await b2.ready();
  assert.notEqual(await a2.cardId(), x, 'after a reload widget A does not offer the card it graded again');
  assert.notEqual(await b2.cardId(), y, 'after a reload widget B does not offer the card it graded again');
  assert.deepEqual(page.errors, []);
});

test('a grade in one widget shows at once in another widget of the same deck (browse widget, no reload)', async () => {
  const { page, widgets } = await openBlog();
  const [a] = widgets;
  const cats = await categoriesOf(a);
  const browse = await addWidget(page, { categories: cats.join(','), mode: 'browse' });
  await browse.ready();
  const x = await a.cardId();
  // The status badges of x's row in the browse list (null while it is not listed).
  const badgesOf = ([root, id]) => {
    const row = root?.querySelector(`[data-testid="question-link"][data-id="${id}"]`)?.closest('li');
    return row ? [...row.querySelectorAll('.badge')].map((b) => b.textContent.trim()) : null;
  };
  await browse.waitInWidget(([root, id]) => root?.querySelector(`[data-testid="question-link"][data-id="${id}"]`), x);
  const before = await browse.inWidget(badgesOf, x);
  assert.ok(!before.some((b) => ['learning', 'due', 'mastered'].includes(b)), `${x} starts new in the browse widget: ${before}`);

  await a.revealAndGrade('good');
  await browse.waitInWidget(([root, id]) => {
    const row = root?.querySelector(`[data-testid="question-link"][data-id="${id}"]`)?.closest('li');
    return row && [...row.querySelectorAll('.badge')].some((b) => ['learning', 'due', 'mastered'].includes(b.textContent.trim()));
  }, x);
  assert.deepEqual(page.errors, []);
});

test('a bookmark set in one widget shows in another widget on the same card without reload', async () => {
  const { page, widgets } = await openBlog();
  const [a] = widgets;
  const x = await a.cardId();
  const other = await addWidget(page, { questions: x });
  await other.ready();
  await other.waitForCard(x);
  assert.equal(await other.testid('bookmark').getAttribute('aria-pressed'), 'false');
  await a.testid('bookmark').click();
  await a.waitInWidget(([root]) => root?.querySelector('[data-testid="bookmark"]')?.getAttribute('aria-pressed') === 'true');
  await other.waitInWidget(([root]) => root?.querySelector('[data-testid="bookmark"]')?.getAttribute('aria-pressed') === 'true');
  assert.deepEqual(page.errors, []);
});

// Everything a host stylesheet could override on the widget's elements.
const STYLE_PROPS = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'color', 'background-color',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-right-width', 'border-bottom-width',
  'border-left-width', 'border-left-style', 'border-left-color', 'border-top-left-radius',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'text-transform', 'letter-spacing', 'text-align', 'text-decoration-line', 'text-shadow', 'box-shadow',
  'box-sizing', 'display', 'opacity', 'min-height', 'cursor',
];
const BEFORE_REVEAL = ['widget', 'card', 'question-text', 'bookmark', 'note', 'reveal', 'prev', 'next', 'queue-remaining'];
const AFTER_REVEAL = ['card', 'answer-short', 'grade-again', 'grade-hard', 'grade-good', 'grade-easy'];

/** Computed styles of the widget's elements by test id (missing ones as null). */
async function widgetStyles(widget, ids) {
  const out = {};
  for (const id of ids) out[id] = await widget.computed(id, STYLE_PROPS);
  return out;
}

function styleDifferences(got, want) {
  const diffs = [];
  for (const [id, props] of Object.entries(want)) {
    if (!props && !got[id]) continue;
    if (!props || !got[id]) {
      diffs.push(`${id}: ${got[id] ? 'only on the blog' : 'missing on the blog'}`);
      continue;
    }
    for (const [p, v] of Object.entries(props)) if (got[id][p] !== v) diffs.push(`${id} ${p}: blog ${got[id][p]} / plain ${v}`);
  }
  return diffs;
}

test('the host page\'s aggressive CSS does not change the widget\'s computed styles', async () => {
  const { page: blog, widgets } = await openBlog();
  const a = widgets[0];
  const config = await mountConfig(a);
  const width = await a.root.evaluate((el) => {
    const s = getComputedStyle(el);
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  });

  const plainPage = await newPage(env.browser);
  await openMadeUpPage(plainPage, env.server.url, 'plain-host.html', plainHost(config, width));
  const plain = new WidgetPage(plainPage, 0);
  await plain.ready();
  assert.equal(await plain.cardId(), await a.cardId(), 'both pages show the same first card');

  // The host stylesheet is aggressive: a paragraph of the blog looks unlike a default one.
  const hostP = await blog.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((e) => !e.closest('[data-pyprep]'));
    const s = getComputedStyle(p);
    return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.lineHeight, s.letterSpacing].join(' | ');
  });
  const defaultP = await plainPage.evaluate(() => {
    const p = document.body.appendChild(document.createElement('p'));
    const s = getComputedStyle(p);
    const out = [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.lineHeight, s.letterSpacing].join(' | ');
    p.remove();
    return out;
  });
  assert.notEqual(hostP, defaultP, 'hostile.html styles its own elements (else this test proves nothing)');

  const before = styleDifferences(await widgetStyles(a, BEFORE_REVEAL), await widgetStyles(plain, BEFORE_REVEAL));
  for (const w of [a, plain]) {
    await w.testid('reveal').click();
    await w.testid('answer-short').waitFor();
  }
  // The grade bar appears where Reveal was: move the pointer off it (hover styles).
  for (const p of [blog, plainPage]) await p.mouse.move(0, 0);
  const after = styleDifferences(await widgetStyles(a, AFTER_REVEAL), await widgetStyles(plain, AFTER_REVEAL));
  assert.deepEqual([...before, ...after], [], 'the widget looks the same on the blog as on a page without CSS');
  assert.deepEqual(blog.errors, []);
  assert.deepEqual(plainPage.errors, []);
});

// Every property the widget's own stylesheet could change on a host element.
const LEAK_PROPS = [
  ...STYLE_PROPS, 'outline-style', 'outline-width', 'visibility', 'position', 'clip-path',
  'overflow-x', 'white-space', 'list-style-type', 'vertical-align', 'color-scheme', 'accent-color', 'scroll-behavior',
];

/** A host page with an element for each tag and each class of the built stylesheet; with or without a widget. */
function leakHost(withWidget) {
  const { classes, ids } = builtSelectors();
  const tags = `<header><nav><a href="#x">host link</a></nav></header><main><h1>Host h1</h1><h2>Host h2</h2><h3>Host h3</h3>
<p>Host text with <a href="#y">a link</a>, <code>code</code>, <kbd>K</kbd>, <strong>strong</strong>.</p>
<button type="button">Host button</button><input type="text" value="host"><input type="search"><input type="checkbox">
<select><option>a</option></select><textarea>host</textarea><label>label</label>
<ul><li>item</li></ul><ol><li>item</li></ol><pre><code>x = 1</code></pre>
<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>
<details><summary>summary</summary>details</details><article>article</article><section>section</section>
<dialog>dialog</dialog><fieldset><legend>legend</legend></fieldset><svg width="10" height="10"></svg></main>`;
  const byClass = classes.map((c) => `<div class="${c}">.${c}</div><button type="button" class="${c}">.${c}</button>`).join('\n');
  const byId = ids.map((id) => `<div id="${id}">#${id}</div>`).join('\n');
  const widget = withWidget ? '<div data-pyprep data-categories="dsa"></div><script type="module" src="../embed.js"></script>' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leak host</title></head>
<body>${tags}<div id="host-classes">${byClass}${byId}</div>${widget}</body></html>`;
}

/** Computed styles of every host element (outside mount points), plus the root's attributes and custom properties. */
async function hostStyles(page, props) {
  return page.evaluate((names) => {
    const els = [document.documentElement, document.body, ...document.body.querySelectorAll('*')].filter(
      (el) => !el.closest('[data-pyprep]') && el.tagName !== 'SCRIPT',
    );
    const rootStyle = getComputedStyle(document.documentElement);
    return {
      rootAttributes: document.documentElement.getAttributeNames().map((n) => `${n}=${document.documentElement.getAttribute(n)}`),
      customProperties: ['--bg', '--text', '--accent', '--font', '--radius'].map((n) => rootStyle.getPropertyValue(n)).filter(Boolean),
      adopted: document.adoptedStyleSheets.length,
      elements: els.map((el) => {
        const s = getComputedStyle(el);
        const key = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}`;
        return [key, names.map((n) => `${n}: ${s.getPropertyValue(n)}`).join('; ')];
      }),
    };
  }, props);
}

test('the widget\'s CSS does not leak into the host page', async () => {
  const without = await newPage(env.browser);
  await openMadeUpPage(without, env.server.url, 'leak-host.html', leakHost(false));
  const withW = await newPage(env.browser);
  await openMadeUpPage(withW, env.server.url, 'leak-host.html', leakHost(true));
  const widget = new WidgetPage(withW, 0);
  await widget.ready();
  await widget.testid('reveal').click();
  await widget.testid('answer-short').waitFor();

  const want = await hostStyles(without, LEAK_PROPS);
  const got = await hostStyles(withW, LEAK_PROPS);
  assert.deepEqual(got.rootAttributes, want.rootAttributes, 'the widget leaves <html> attributes (theme, classes) alone');
  assert.deepEqual(got.customProperties, [], 'no custom property of the widget reaches the host :root');
  assert.equal(got.adopted, 0, 'no stylesheet adopted by the host document');
  assert.equal(got.elements.length, want.elements.length);
  const diffs = got.elements.flatMap(([key, s], i) => {
    if (s === want.elements[i][1]) return [];
    const a = s.split('; ');
    const b = want.elements[i][1].split('; ');
    return [`${key}: ${a.filter((x, j) => x !== b[j]).join('; ')} (without widget: ${b.filter((x, j) => x !== a[j]).join('; ')})`];
  });
  assert.deepEqual(diffs, [], 'host elements look the same with and without the widget');
  assert.deepEqual(withW.errors, []);
});

test('pyprep:graded and pyprep:session-complete fire on the mount point with the documented payload', async () => {
  const { page, widgets } = await openBlog();
  const [a] = widgets;
  // Listeners on the mount elements themselves, added before acting.
  await page.evaluate(() => {
    window.__onMount = [];
    document.querySelectorAll('[data-pyprep]').forEach((el, i) => {
      for (const type of ['pyprep:graded', 'pyprep:session-complete']) {
        el.addEventListener(type, (e) => window.__onMount.push({ mount: i, type, target: e.target === el, detail: JSON.parse(JSON.stringify(e.detail)) }));
      }
    });
  });
  const x = await a.cardId();
  const remainingBefore = (await a.testid('queue-remaining').count()) ? await a.queueRemaining() : null;
  await a.revealAndGrade('good');
  await page.waitForFunction(() => window.__onMount.length >= 1);
  const [graded] = await page.evaluate(() => window.__onMount);
  assert.equal(graded.mount, 0);
  assert.equal(graded.type, 'pyprep:graded');
  assert.equal(graded.target, true, 'dispatched on the mount point itself');
  assert.deepEqual(Object.keys(graded.detail).sort(), ['grade', 'questionId', 'remaining', 'reviewed']);
  assert.equal(graded.detail.questionId, x);
  assert.equal(graded.detail.grade, 'good');
  assert.equal(graded.detail.reviewed, 1);
  assert.ok(Number.isInteger(graded.detail.remaining) && graded.detail.remaining >= 0, `remaining is a count: ${graded.detail.remaining}`);
  if (remainingBefore !== null) {
    // Good on a new card is a 10-minute learning step: the card returns in
    // this session, so it still counts among the cards left.
    assert.equal(graded.detail.remaining, remainingBefore, 'remaining counts the card that returns');
    assert.equal(await a.queueRemaining(), graded.detail.remaining, 'and matches what the widget shows');
  }
  const [windowSide] = await embedEvents(page, 'pyprep:graded');
  assert.equal(windowSide.bubbles, true, 'bubbles');
  assert.equal(windowSide.composed, true, 'composed');

  // A short session: a widget of two questions nobody has graded yet.
  const pair = [...CATEGORY.keys()].filter((id) => id !== x).slice(-2);
  const short = await addWidget(page, { questions: pair.join(',') });
  await short.ready();
  const ready = (await waitForEmbedEvents(page, 'pyprep:ready', 3)).filter((e) => e.mount === short.index);
  assert.deepEqual(ready.map((e) => e.detail), [{ mode: 'practise', questions: 2 }]);
  await page.evaluate((index) => {
    const el = document.querySelectorAll('[data-pyprep]')[index];
    for (const type of ['pyprep:graded', 'pyprep:session-complete']) {
      el.addEventListener(type, (e) => window.__onMount.push({ mount: index, type, target: e.target === el, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
  }, short.index);
  // Easy: both cards leave the session (Good on a new card would be a
  // 10-minute learning step that comes back in it).
  const first = await short.revealAndGrade('easy');
  const second = await short.revealAndGrade('easy');
  assert.deepEqual([first, second].sort(), [...pair].sort(), 'the widget practised exactly the listed questions');
  await short.testid('practice-done').waitFor();
  await page.waitForFunction((i) => window.__onMount.some((e) => e.mount === i && e.type === 'pyprep:session-complete'), short.index);
  const mine = (await page.evaluate(() => window.__onMount)).filter((e) => e.mount === short.index);
  assert.deepEqual(
    mine.map((e) => [e.type, e.target, e.detail]),
    [
      ['pyprep:graded', true, { questionId: first, grade: 'easy', reviewed: 1, remaining: 1 }],
      ['pyprep:graded', true, { questionId: second, grade: 'easy', reviewed: 2, remaining: 0 }],
      ['pyprep:session-complete', true, { reviewed: 2, counts: { again: 0, hard: 0, good: 0, easy: 2 } }],
    ],
  );
  const onA = (await page.evaluate(() => window.__onMount)).filter((e) => e.mount === 0);
  assert.equal(onA.length, 1, 'the other widget\'s events are not dispatched on widget A');
  assert.deepEqual(page.errors, []);
});

test('window.pyprep.mount() mounts a widget added later and leaves the mounted ones as they are', async () => {
  const { page, widgets } = await openBlog();
  const [a] = widgets;
  await a.testid('reveal').click();
  await a.testid('answer-short').waitFor();
  const taken = new Set([...(await categoriesOf(widgets[0])), ...(await categoriesOf(widgets[1]))]);
  const other = ['dsa', 'oop', 'web', 'ml', 'system-design', 'advanced'].find((c) => !taken.has(c));

  const late = await addWidget(page, { categories: other });
  await late.ready();
  const id = await late.cardId();
  assert.equal(CATEGORY.get(id), other, `the late widget shows ${other}, got ${id}`);
  assert.equal(await late.root.getAttribute('data-pyprep-mounted'), '', 'marked as mounted');
  assert.equal(await a.testid('answer-short').count(), 1, 'widget A kept its revealed answer (not re-mounted)');
  assert.equal(await a.testid('widget').count(), 1, 'widget A still has one widget');

  // Calling mount() again adds nothing to mounted mount points.
  await page.evaluate(() => window.pyprep.mount());
  for (const w of [...widgets, late]) assert.equal(await w.testid('widget').count(), 1, `mount point ${w.index} has one widget`);
  await late.revealAndGrade('good');
  assert.deepEqual(page.errors, []);
});

test('a mount point with an unknown category shows config-error, and the other widgets keep working', async () => {
  const { page, widgets } = await openBlog();
  const bad = await addWidget(page, { categories: 'cooking' });
  await bad.testid('config-error').waitFor();
  assert.match(await bad.testid('config-error').textContent(), /cooking/);
  assert.equal(await bad.testid('card').count(), 0, 'no card in a misconfigured widget');
  await widgets[0].revealAndGrade('good');
  assert.deepEqual(page.errors, [], 'no panic, no console error');
});
