// Smoke suite, the standalone app, in the two engines beside Chromium:
// WebKitGTK (Safari's engine) and Firefox ESR, against the release build in
// dist/: the page loads, practice and reload, a corrupt stored value, offline
// after one visit, the phone layout. The embeds: smoke-embed.mjs.
//
//   xvfb-run -a node --test --test-concurrency=1 e2e/engines/smoke-*.mjs     (scripts/test.sh does this)
//   ENGINES=firefox node --test e2e/engines/smoke-app.mjs  (one engine; Firefox needs no display)
//
// Every test gets a new origin (a new port), so storage and service workers
// never carry over from one test to the next (suite.mjs).
import assert from 'node:assert/strict';

import {
  STORAGE_KEY, appReady, cardId, homeTotal, openApp, revealAndGrade, storedIds, storedProgress, tid,
  waitForCardOtherThan, waitForStoredIds, waitForTestid,
} from './app.mjs';
import { engineSuites } from './suite.mjs';

engineSuites((suite) => {
  const { name, fresh, test } = suite;

  test('the standalone page loads with no console errors', async (t) => {
    const { site, page } = await fresh();
    await openApp(page, site.url, '/');
    await page.waitFor(() => document.documentElement.hasAttribute('data-pyprep-interactive'), [], 'the app to be interactive');
    await openApp(page, site.url, '/practice');
    await cardId(page);
    await page.click(tid('reveal'));
    await waitForTestid(page, 'answer-short');
    assert.deepEqual(await page.errors(), []);
    t.diagnostic(`${name}: ${suite.engine.needsRecorder ? 'errors read by the injected recorder (console.error, uncaught errors, rejections, failed loads)' : 'errors read over WebDriver BiDi (console and uncaught errors)'}`);
  });

  test('three graded cards survive a reload', async () => {
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
  });

  test('a corrupt stored value is backed up and the learner is told', async (t) => {
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
  });

  test('offline after one visit (service worker)', async (t) => {
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
  });

  test('phone 390x844: after reveal, grade-good exists, is reachable and clickable', async (t) => {
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
  });
});
