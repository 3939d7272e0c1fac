// Speed benchmark (not a test; `make bench` builds first). Headless Chromium
// against the release build served gzip from loopback, in a phone viewport
// with touch (390x844), unthrottled and at 4x CPU throttling, median of RUNS
// fresh visits per path:
//   standalone     index.html#/practice
//   script embed   a host page with one widget of one category (dsa)
//   iframe embed   a host page with index.html?embed=1&categories=dsa in an iframe
//   10x deck       the standalone page built from a generated deck of 1,200
//                  questions (scripts/gen_deck.mjs; skipped with BENCH_10X=0)
// BENCH_DIST=<dir> measures another build (say, an older commit's dist/).
// For each: the gzip bytes the server sent until the first card was on the
// page with its Reveal button, the time to that, and for reveal, grade (to
// the next card) and a search keystroke the time from the input event to the
// DOM change and to the next paint (the task after the next animation frame),
// from the moment the event is dispatched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { launch } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

const host = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title></head>
<body><main style="max-width:40rem;margin:auto;padding:1rem;font:1.05rem/1.6 Georgia,serif">
<h1>Lists or tuples?</h1><p>Before the widget, some prose of the post.</p>${body}<p>After the widget.</p></main></body></html>`;
const PAGES = {
  '/bench/script.html': host('<div data-pyprep data-categories="dsa"></div><script type="module" src="../embed.js"></script>'),
  '/bench/iframe.html': host('<iframe src="../index.html?embed=1&categories=dsa" title="Python practice" style="width:100%;height:900px;border:0"></iframe>'),
};

/** Runs in every frame before its scripts: notes when a Reveal button first exists (shadow roots included). */
function watchFirstCard() {
  const found = (root) =>
    !!root.querySelector('[data-testid=reveal]') ||
    [...root.querySelectorAll('[data-pyprep]')].some((el) => el.shadowRoot && found(el.shadowRoot));
  const tick = () => {
    if (found(document)) window.__firstCard = performance.timeOrigin + performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The widget's root in `ctx`: the mount point's shadow root, or the document. */
const ROOT = "(document.querySelector('[data-pyprep]')?.shadowRoot ?? document)";

/**
 * Arms a timer in `ctx` for the next `event` inside the widget, then runs
 * `trigger`; resolves with { dom, paint } in ms from the event's timestamp to
 * `done` holding after a DOM mutation, and to the next paint after that,
 * both from the moment the event is dispatched.
 */
async function timed(ctx, event, done, trigger) {
  await ctx.evaluate(
    ([rootSrc, event, doneSrc]) => {
      const root = new Function(`return ${rootSrc}`)();
      const done = new Function('root', doneSrc);
      window.__timing = new Promise((resolve) => {
        root.addEventListener(
          event,
          () => {
            // From the event's dispatch (not e.timeStamp, which for a
            // synthesised tap is the start of the touch gesture).
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (!done(root)) return;
              observer.disconnect();
              const dom = performance.now() - t0;
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve({ dom, paint: performance.now() - t0 });
                channel.port2.postMessage(0);
              });
            });
            observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          },
          { capture: true, once: true },
        );
      });
    },
    [ROOT, event, done],
  );
  await trigger();
  return ctx.evaluate(() => window.__timing);
}

/** One fresh visit of `url`: bytes and time to the first card, then the interactions. */
async function visit(browser, server, url, { rate, frame = false, search = true }) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(watchFirstCard);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  server.sent(0);
  await page.goto(url, { waitUntil: 'commit' });
  const ctx = frame ? await (await page.waitForSelector('iframe')).contentFrame() : page;
  await ctx.waitForFunction(() => window.__firstCard, null, { polling: 50, timeout: 60_000 });
  const bytes = server.sent();
  const start = await page.evaluate(() => performance.timeOrigin);
  const firstCard = (await ctx.evaluate(() => window.__firstCard)) - start;
  // A learner reads the question first: let the card's answer file arrive.
  await ctx.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/answers/')), null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const widget = ctx.locator(frame ? 'html' : 'body');
  const reveal = await timed(ctx, 'click', "return !!root.querySelector('[data-testid=answer-short]')", () =>
    widget.getByTestId('reveal').tap(),
  );
  await ctx.evaluate(`window.__id = ${ROOT}.querySelector('[data-testid=card]').dataset.id`);
  const grade = await timed(
    ctx,
    'click',
    "const c = root.querySelector('[data-testid=card]'); return !!root.querySelector('[data-testid=reveal]') && (!c || c.dataset.id !== window.__id)",
    () => widget.getByTestId('grade-good').tap(),
  );
  let keystroke = null;
  if (search) keystroke = await searchKey(page);
  await context.close();
  return { bytes, firstCard, reveal, grade, keystroke };
}

/** Browse on the standalone page: the time of the fourth keystroke of "heap". */
async function searchKey(page) {
  await page.evaluate(() => { location.hash = '#/browse'; });
  const box = page.getByTestId('search');
  await box.waitFor();
  await box.pressSequentially('hea');
  await page.waitForTimeout(200);
  const before = await page.getByTestId('result-count').textContent();
  return timed(page, 'input', `return root.querySelector('[data-testid=result-count]')?.textContent !== ${JSON.stringify(before)}`, () =>
    box.press('p'),
  );
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

async function measure(browser, server, path, options) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await visit(browser, server, `${server.url}${path}`, options));
  const m = (f) => median(runs.map(f));
  return {
    bytes: m((r) => r.bytes),
    firstCard: m((r) => r.firstCard),
    reveal: [m((r) => r.reveal.dom), m((r) => r.reveal.paint)],
    grade: [m((r) => r.grade.dom), m((r) => r.grade.paint)],
    keystroke: options.search ? [m((r) => r.keystroke.dom), m((r) => r.keystroke.paint)] : null,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n) => (n === null ? '–' : n.toFixed(0));
const pair = (p) => (p ? `${ms(p[0])} / ${ms(p[1])}` : '–');

function table(rows) {
  const head = ['path', 'cpu', 'gzip before 1st card', '1st card ms', 'reveal dom/paint', 'grade+next dom/paint', 'search key dom/paint'];
  const body = rows.map(([path, rate, r]) => [path, `${rate}x`, kb(r.bytes), ms(r.firstCard), pair(r.reveal), pair(r.grade), pair(r.keystroke)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

/** Builds the 10x deck into a temporary dist/; returns its path (the caller removes it). */
function build10x() {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-10x-'));
  execFileSync('node', ['scripts/gen_deck.mjs', join(dir, 'content'), '10'], { stdio: 'inherit' });
  console.error('bench: building the 10x deck (a second release build)...');
  execFileSync('trunk', ['build', '--release', '--dist', join(dir, 'dist')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PYPREP_CONTENT_DIR: join(dir, 'content'), RUSTUP_TOOLCHAIN: process.env.WASM_TOOLCHAIN ?? '' },
  });
  return dir;
}

const browser = await launch();
const rows = [];
let tenDir = null;
try {
  const server = await serve(resolve(process.env.BENCH_DIST ?? 'dist'), { gzip: true, pages: PAGES });
  for (const rate of [1, 4]) {
    rows.push(['standalone', rate, await measure(browser, server, '#/practice', { rate, search: true })]);
    rows.push(['script embed', rate, await measure(browser, server, 'bench/script.html', { rate, search: false })]);
    rows.push(['iframe embed', rate, await measure(browser, server, 'bench/iframe.html', { rate, frame: true, search: false })]);
  }
  await server.close();
  if (process.env.BENCH_10X !== '0') {
    tenDir = build10x();
    const big = await serve(join(tenDir, 'dist'), { gzip: true });
    for (const rate of [1, 4]) rows.push(['10x deck standalone', rate, await measure(browser, big, '#/practice', { rate, search: true })]);
    await big.close();
  }
} finally {
  await browser.close();
  if (tenDir) rmSync(tenDir, { recursive: true, force: true });
}
console.log(`\nmedian of ${RUNS} fresh visits, phone viewport 390x844 with touch, gzip from loopback, headless Chromium`);
table(rows.sort((a, b) => a[1] - b[1]));
const real = rows.find((r) => r[0] === 'standalone' && r[1] === 4);
const ten = rows.find((r) => r[0] === '10x deck standalone' && r[1] === 4);
if (real && ten) {
  console.log(`\n10x deck against the real one (4x): bytes ${(ten[2].bytes / real[2].bytes).toFixed(2)}x, first card ${(ten[2].firstCard / real[2].firstCard).toFixed(2)}x, search key ${(ten[2].keystroke[0] / real[2].keystroke[0]).toFixed(2)}x`);
}
