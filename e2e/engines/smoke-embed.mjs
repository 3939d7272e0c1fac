// Smoke suite, the embeds and the strict CSP, in WebKitGTK and Firefox ESR
// against the release build in dist/: the script embed's shadow roots, the
// iframe embed's height, and the standalone page and a script embed under the
// strict CSP. The standalone app: smoke-app.mjs (how to run: see there).
import assert from 'node:assert/strict';

import { categoryOfIds } from '../lib/content.mjs';
import { cardId, openApp, revealAndGrade, tid, waitForCardOtherThan, waitForStoredIds, waitForTestid } from './app.mjs';
import { engineSuites } from './suite.mjs';

const CATEGORY = categoryOfIds();
const FRAME = 'iframe[src*="embed=1"]';
// The policy of e2e/specs/csp.spec.mjs (STRICT_CSP there; keep the two the same),
// and its script-embed host page: no inline script, no inline style.
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; object-src 'none'";
const CSP_EMBED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP host</title><link rel="icon" href="data:,"></head><body>
<h1>A strict host page</h1><div id="w1" data-pyprep data-categories="dsa"></div><div id="w2" data-pyprep data-mode="card" data-questions="gil"></div>
<script type="module" src="embed.js"></script></body></html>`;

engineSuites((suite) => {
  const { name, fresh, test } = suite;

  test('script embed: the hostile fixture mounts two widgets in shadow roots, styled and isolated', async (t) => {
    const { site, page } = await fresh();
    await page.goto(`${site.url}fixtures/hostile.html`);
    const state = await page.waitFor(() => {
      const mounts = [...document.querySelectorAll('[data-pyprep]')];
      for (const m of mounts) {
        const failed = m.shadowRoot?.querySelector('[data-testid="embed-error"], [data-testid="config-error"]');
        if (failed) return `failed: ${failed.textContent}`;
      }
      return mounts.length === 2 && mounts.every((m) => m.shadowRoot?.querySelector('[data-testid="card"]')) ? 'ready' : null;
    }, [], 'two widgets with a card');
    assert.equal(state, 'ready');

    const shape = await page.eval(() =>
      [...document.querySelectorAll('[data-pyprep]')].map((m) => ({
        categories: m.dataset.categories,
        shadow: Boolean(m.shadowRoot),
        widgetInShadow: Boolean(m.shadowRoot?.querySelector('[data-testid="widget"]')),
        widgetInLight: Boolean(m.querySelector('[data-testid="widget"]')),
        adopted: m.shadowRoot?.adoptedStyleSheets?.length ?? 0,
        styleElements: m.shadowRoot?.querySelectorAll('style, link[rel="stylesheet"]').length ?? 0,
      })),
    );
    for (const [i, m] of shape.entries()) {
      assert.ok(m.shadow && m.widgetInShadow && !m.widgetInLight, `widget ${i} renders in an open shadow root: ${JSON.stringify(m)}`);
      assert.ok(m.adopted + m.styleElements > 0, `widget ${i} has its own styles in its shadow root`);
    }
    assert.equal(await page.eval(() => document.querySelector('[data-testid="widget"]')), null, 'nothing of the widget in the light DOM');
    t.diagnostic(`${name}: shadow-root styles ${shape.map((m) => `${m.adopted} adopted + ${m.styleElements} <style>/<link>`).join(', ')}`);

    // Each widget practises its own category, by real clicks inside its shadow root; both save under one key.
    const graded = [];
    for (const host of [0, 1]) {
      const id = await cardId(page, host);
      const cats = shape[host].categories.split(',').map((c) => c.trim());
      assert.ok(cats.includes(CATEGORY.get(id)), `widget ${host} (${cats}) shows ${id} of ${CATEGORY.get(id)}`);
      graded.push(await revealAndGrade(page, 'good', host));
    }
    await waitForStoredIds(page, graded);

    // Styled: inside the shadow root the hostile page CSS (30px italic Comic Sans, red on yellow, uppercase) does not apply.
    const PROPS = ['font-family', 'font-size', 'font-style', 'color', 'background-color', 'text-transform', 'letter-spacing', 'margin-top', 'padding-top', 'border-top-style'];
    const styles = (host, ids, props) =>
      page.eval(
        (h, testids, names) => {
          const root = document.querySelectorAll('[data-pyprep]')[h].shadowRoot;
          return Object.fromEntries(testids.map((id) => {
            const el = root.querySelector(`[data-testid="${id}"]`);
            const s = el && getComputedStyle(el);
            return [id, s ? Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)])) : null];
          }));
        },
        host, ids, props,
      );
    const hostP = await page.eval((names) => {
      const p = [...document.querySelectorAll('p')].find((e) => !e.closest('[data-pyprep]'));
      const s = getComputedStyle(p);
      return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]));
    }, PROPS);
    const blog = await styles(0, ['card', 'question-text', 'reveal'], PROPS);
    for (const p of ['font-family', 'color', 'text-transform', 'font-size']) {
      assert.notEqual(blog['question-text'][p], hostP[p], `question-text ${p} is the widget's own, not the page's (${hostP[p]})`);
    }
    assert.equal(hostP.color, 'rgb(255, 0, 0)', 'the page keeps its own (red) text: the widget CSS does not reach it');
    assert.equal(await page.eval(() => document.adoptedStyleSheets?.length ?? 0), 0, 'no stylesheet adopted by the host document');

    // Isolated: the same widget on a page without CSS, at the same width, computes the same styles.
    const config = await page.eval(() => {
      const el = document.querySelector('[data-pyprep]');
      const s = getComputedStyle(el);
      return { categories: el.dataset.categories, width: el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) };
    });
    site.addPage('/examples/plain-host.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain host</title></head>
<body><div data-pyprep data-categories="${config.categories}" style="width:${config.width}px"></div>
<script type="module" src="../embed.js"></script></body></html>`);
    const errorsOnBlog = await page.errors();
    await page.goto(`${site.url}examples/plain-host.html`);
    await cardId(page, 0);
    const plain = await styles(0, ['card', 'question-text', 'reveal'], PROPS);
    const diffs = [];
    for (const [id, props] of Object.entries(plain)) {
      for (const [p, v] of Object.entries(props ?? {})) if (blog[id]?.[p] !== v) diffs.push(`${id} ${p}: blog ${blog[id]?.[p]} / plain ${v}`);
    }
    assert.deepEqual(diffs, [], 'the widget computes the same styles on the hostile blog as on a plain page');
    assert.deepEqual(errorsOnBlog, []);
    assert.deepEqual(await page.errors(), []);
  });

  test('iframe embed: course.html sizes its iframe to the content', async (t) => {
    const { site, page } = await fresh();
    await page.goto(`${site.url}examples/course.html`);
    const fits = (sel) => {
      const f = document.querySelector(sel);
      const d = f?.contentDocument;
      const w = d?.querySelector('[data-testid="widget"]');
      if (!w || !d.querySelector('[data-testid="card"]')) return null;
      const bottom = Math.ceil(w.getBoundingClientRect().bottom + d.defaultView.scrollY);
      const ok = d.documentElement.scrollHeight <= f.clientHeight + 4 && f.clientHeight - bottom <= 48 && f.clientHeight >= bottom - 4;
      return ok ? { frame: f.clientHeight, scroll: d.documentElement.scrollHeight, widgetBottom: bottom } : null;
    };
    const before = await page.waitFor(fits, [FRAME], 'the iframe to fit the first card');

    await page.enterFrame(FRAME);
    const id = await cardId(page);
    await page.click(tid('reveal'));
    await waitForTestid(page, 'answer-short');
    await page.leaveFrame();
    const grown = await page.waitFor(
      (sel, h) => {
        const f = document.querySelector(sel);
        const scroll = f.contentDocument.documentElement.scrollHeight;
        return f.clientHeight > h + 40 && Math.abs(f.clientHeight - scroll) <= 4 ? { frame: f.clientHeight, scroll } : null;
      },
      [FRAME, before.frame],
      'the iframe to grow with the revealed answer',
    );

    await page.enterFrame(FRAME);
    // A DOM click: this test is about the frame's height, and a pointer
    // click can land beside the button while the parent resizes the frame.
    await page.eval((sel) => document.querySelector(sel).click(), tid('grade-good'));
    await waitForCardOtherThan(page, id);
    await page.leaveFrame();
    const shrunk = await page.waitFor(
      (sel, h) => document.querySelector(sel).clientHeight < h - 40,
      [FRAME, grown.frame],
      'the iframe to shrink again for the next card',
    );
    assert.ok(shrunk);
    const after = await page.waitFor(fits, [FRAME], 'the iframe to fit the next card');
    t.diagnostic(`${name}: iframe height ${before.frame} px -> ${grown.frame} px (answer) -> ${after.frame} px (next card)`);
    assert.deepEqual(await page.errors(), []);
  });

  test('strict CSP: the standalone page practises and a script embed renders, with no violations', async (t) => {
    // Every response carries the policy; the only recorder is /__csp-recorder.js (inline scripts would be blocked).
    const { site, page } = await fresh({ csp: STRICT_CSP });
    site.addPage('/csp-embed.html', CSP_EMBED);
    const seen = [];
    const violations = async (where) => {
      const v = await page.eval(() => window.__csp ?? null);
      assert.ok(Array.isArray(v), `the CSP recorder ran on ${where}`);
      seen.push(...v.map((x) => `${where}: ${x}`));
    };

    await openApp(page, site.url, '/practice');
    const id = await revealAndGrade(page, 'good');
    await waitForStoredIds(page, [id]);
    await violations('/#/practice');

    await page.goto(`${site.url}csp-embed.html`);
    for (const host of [0, 1]) await waitForTestid(page, 'reveal', host);
    await violations('/csp-embed.html');
    assert.deepEqual(seen, [], 'no securitypolicyviolation events');
    // Firefox reads the console over BiDi; in WebKit the error recorder is inline, so not injected here.
    if (!suite.engine.needsRecorder) assert.deepEqual(await page.errors(), []);
    t.diagnostic(`${name}: practised ${id} and rendered two widgets under the strict CSP, 0 violations`);
  });
});
