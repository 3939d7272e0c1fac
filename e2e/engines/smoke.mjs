// Smoke suite in the two engines beside Chromium: WebKitGTK (Safari's engine)
// and Firefox ESR, against the release build in dist/. The same checks per
// engine: the standalone page, practice and reload, both embeds, a corrupt
// stored value, offline after one visit, the phone layout, and the strict CSP.
//
//   xvfb-run -a node --test e2e/engines/smoke.mjs     (scripts/test.sh does this)
//   ENGINES=firefox node --test e2e/engines/smoke.mjs  (one engine; Firefox needs no display)
//
// Every test gets a new origin (a new port), so storage and service workers
// never carry over from one test to the next.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { categoryOfIds } from '../lib/content.mjs';
import {
  STORAGE_KEY, appReady, cardId, homeTotal, openApp, revealAndGrade, storedIds, storedProgress, tid,
  waitForCardOtherThan, waitForStoredIds, waitForTestid,
} from './app.mjs';
import { launchEngine, selectedEngines } from './drivers.mjs';
import { serveDist } from './server.mjs';

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

for (const name of selectedEngines()) {
  describe(name, { concurrency: 1 }, () => {
    let dist;
    let engine;
    const open = [];

    before(async () => {
      dist = await serveDist();
      engine = await launchEngine(name);
      console.log(`${name}: ${engine.version}`);
    });
    after(async () => {
      await engine?.quit();
      await dist?.close();
    });

    /** A fresh origin (recorder injected where the engine needs it, unless `options` say otherwise) and a page; both closed after the test. */
    async function fresh(options = { inject: engine.needsRecorder ? ['recorder'] : [] }) {
      const site = await dist.front(options);
      const page = await engine.newPage();
      open.push(async () => {
        await page.close();
        await site.close();
      });
      return { site, page };
    }
    async function cleanUp() {
      while (open.length) await open.pop()().catch(() => {});
    }

    test('the standalone page loads with no console errors', async (t) => {
      try {
        const { site, page } = await fresh();
        await openApp(page, site.url, '/');
        await page.waitFor(() => document.documentElement.hasAttribute('data-pyprep-interactive'), [], 'the app to be interactive');
        await openApp(page, site.url, '/practice');
        await cardId(page);
        await page.click(tid('reveal'));
        await waitForTestid(page, 'answer-short');
        assert.deepEqual(await page.errors(), []);
        t.diagnostic(`${name}: ${engine.needsRecorder ? 'errors read by the injected recorder (console.error, uncaught errors, rejections, failed loads)' : 'errors read over WebDriver BiDi (console and uncaught errors)'}`);
      } finally {
        await cleanUp();
      }
    });

    test('three graded cards survive a reload', async () => {
      try {
        const { site, page } = await fresh();
        await openApp(page, site.url, '/practice');
        const graded = [];
        for (const grade of ['good', 'easy', 'again']) graded.push(await revealAndGrade(page, grade));
        assert.equal(new Set(graded).size, 3, 'each grade moved to a new card');
        await waitForStoredIds(page, graded);

        await page.reload();
        await appReady(page);
        assert.deepEqual(await storedIds(page), [...graded].sort());
        const stored = await storedProgress(page);
        assert.equal(stored.version, 1);
        for (const id of graded) assert.equal(stored.questions[id].reviews.length, 1, id);
        await openApp(page, site.url, '/');
        await page.waitFor((sel) => Boolean(document.querySelector(sel)), [tid('count-new')], 'the home counts');
        assert.equal(await homeTotal(page, 'count-new'), 117);
        assert.equal((await homeTotal(page, 'count-learning')) + (await homeTotal(page, 'count-mastered')), 3);
        assert.deepEqual(await page.errors(), []);
      } finally {
        await cleanUp();
      }
    });

    test('script embed: the hostile fixture mounts two widgets in shadow roots, styled and isolated', async (t) => {
      try {
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
      } finally {
        await cleanUp();
      }
    });

    test('iframe embed: course.html sizes its iframe to the content', async (t) => {
      try {
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
      } finally {
        await cleanUp();
      }
    });

    test('a corrupt stored value is backed up and the learner is told', async (t) => {
      try {
        const { site, page } = await fresh();
        await openApp(page, site.url, '/');
        await page.eval((key) => localStorage.setItem(key, '{broken'), STORAGE_KEY);
        const before = Date.now();
        await page.reload();
        await appReady(page);
        const notice = await page.waitFor(
          () => ['corrupt-notice', 'storage-notice'].find((id) => document.querySelector(`[data-testid="${id}"]`)) ?? null,
          [],
          'a corrupt-notice or storage-notice',
        );
        t.diagnostic(`${name}: the app shows ${notice}`);
        const backups = async () =>
          page.eval(() => Object.keys(localStorage).filter((k) => k.startsWith('pyprep:python:backup:')).map((k) => [k, localStorage.getItem(k)]));
        const found = await backups();
        assert.equal(found.length, 1, `one backup: ${JSON.stringify(found)}`);
        const [[key, value]] = found;
        assert.equal(value, '{broken');
        const ms = Number(/^pyprep:python:backup:(\d+)$/.exec(key)?.[1]);
        assert.ok(ms > before - 60_000 && ms < Date.now() + 60_000, `the backup key ends in the time in ms: ${key}`);

        await openApp(page, site.url, '/practice');
        const id = await revealAndGrade(page, 'good');
        await waitForStoredIds(page, [id]);
        await page.reload();
        await appReady(page);
        assert.deepEqual(await backups(), found, 'the backup is kept');
        assert.deepEqual(await page.errors(), []);
      } finally {
        await cleanUp();
      }
    });

    test('offline after one visit (service worker)', async (t) => {
      try {
        const { site, page } = await fresh();
        await openApp(page, site.url, '/');
        if (!(await page.eval(() => 'serviceWorker' in navigator))) {
          const why = `${name}: no navigator.serviceWorker in this setup; offline not tested`;
          t.diagnostic(`SKIP ${why}`);
          t.skip(why);
          return;
        }
        const active = await page
          .waitFor(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.active)), [], 'an active service worker', 30_000)
          .catch(() => false);
        if (!active) {
          const why = `${name}: the service worker did not activate within 30 s in this setup; offline not tested`;
          t.diagnostic(`SKIP ${why}`);
          t.skip(why);
          return;
        }
        if (!(await page.eval(() => Boolean(navigator.serviceWorker.controller)))) {
          await page.reload();
          await appReady(page);
        }
        await page.waitFor(() => Boolean(navigator.serviceWorker.controller), [], 'the service worker to control the page');

        site.offline = true;
        await page.reload();
        await appReady(page);
        await openApp(page, site.url, '/practice');
        const id = await revealAndGrade(page, 'good');
        await waitForStoredIds(page, [id]);
        await page.reload();
        await appReady(page);
        assert.deepEqual(await storedIds(page), [id], 'the grade made offline is still there after an offline reload');
        await openApp(page, site.url, '/');
        await page.waitFor((sel) => Boolean(document.querySelector(sel)), [tid('count-new')], 'the home counts');
        assert.equal(await homeTotal(page, 'count-new'), 119);
        // The browser's own update check of the service worker script (on every
        // registration) may try the network and fail: that is not the app.
        const appRequests = site.offlineRequests.filter((r) => !/\/sw\.js(\?|$)/.test(String(r)));
        assert.deepEqual(appRequests, [], 'no request of the app reached the network while offline');
        // The cut is real: a file the service worker does not hold cannot be fetched.
        const probe = await page.eval(() => fetch('./offline-probe.txt', { cache: 'no-store' }).then((r) => `HTTP ${r.status}`, (e) => `failed: ${e.name}`));
        assert.match(probe, /^failed/, `offline probe: ${probe}`);
        t.diagnostic(`${name}: the app loaded, practised and reloaded with the network cut`);
        // The probe's failure may be logged as a console error; nothing else may be.
        assert.deepEqual((await page.errors()).filter((e) => !/offline-probe/.test(e)), []);
      } finally {
        await cleanUp();
      }
    });

    test('phone 390x844: after reveal, grade-good exists, is reachable and clickable', async (t) => {
      try {
        const { site, page } = await fresh();
        await page.goto('about:blank');
        let viewport = await page.setViewport(390, 844);
        let how = 'window viewport';
        if (viewport.width !== 390 || viewport.height !== 844) {
          // MiniBrowser's window has a minimum width (its toolbar): the app runs in a 390x844
          // iframe instead, whose viewport is what media and container queries see.
          site.addPage('/examples/phone-frame.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>phone</title></head>
<body style="margin:0"><iframe id="phone" src="../index.html#/practice" title="phone" style="display:block;border:0;width:390px;height:844px"></iframe></body></html>`);
          viewport = await page.setViewport(Math.max(viewport.width, 390), 844);
          await page.goto(`${site.url}examples/phone-frame.html`);
          await page.enterFrame('#phone');
          await appReady(page);
          how = `390x844 iframe (the window cannot be narrower than ${viewport.width} px)`;
        } else {
          await openApp(page, site.url, '/practice');
        }
        const id = await cardId(page);
        const size = await page.eval(() => ({ width: innerWidth, height: innerHeight }));
        assert.deepEqual(size, { width: 390, height: 844 }, `the app's viewport (${how})`);

        await page.click(tid('reveal'));
        await waitForTestid(page, 'answer-short');
        const where = () => {
          const b = document.querySelector('[data-testid="grade-good"]');
          if (!b) return null;
          const r = b.getBoundingClientRect();
          const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0 && r.height > 0;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            inView,
            hit: Boolean(hit && (hit === b || b.contains(hit))),
            rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`,
            position: getComputedStyle(b.parentElement).position,
            overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        };
        const atReveal = await page.eval(where);
        assert.ok(atReveal, 'grade-good exists after reveal');
        t.diagnostic(`${name} (${how}): grade-good right after reveal: ${atReveal.inView ? 'in the viewport' : 'below the fold'} at ${atReveal.rect}, parent position ${atReveal.position}, sideways overflow ${atReveal.overflowX} px`);
        // The action bar sticks to the bottom of the screen: the grades are in view at once.
        assert.ok(atReveal.inView, `grade-good in the viewport right after reveal, without scrolling: ${atReveal.rect}`);
        const reachable = await page.eval(where);
        assert.ok(reachable.inView, `grade-good is reachable (in the viewport after scrolling to it): ${reachable.rect}`);
        assert.ok(reachable.hit, 'nothing covers grade-good: a tap at its centre hits it');

        await page.click(tid('grade-good'));
        await waitForCardOtherThan(page, id);
        await waitForStoredIds(page, [id]);
        assert.deepEqual(await page.errors(), []);
      } finally {
        await cleanUp();
      }
    });

    test('strict CSP: the standalone page practises and a script embed renders, with no violations', async (t) => {
      try {
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
        if (!engine.needsRecorder) assert.deepEqual(await page.errors(), []);
        t.diagnostic(`${name}: practised ${id} and rendered two widgets under the strict CSP, 0 violations`);
      } finally {
        await cleanUp();
      }
    });
  });
}
