// Speed figure (not a test) in the two engines beside Chromium: the time from
// navigation to the first practice card, in WebKitGTK and Firefox ESR against
// the release build, unthrottled (CPU throttling is Chromium-only). Median of
// RUNS runs, each on a new origin (cold HTTP cache, no service worker). The
// moment is taken in the page: a MutationObserver injected as the first
// script notes performance.now() when the reveal button first appears.
// `make bench` runs it after scripts/bench.mjs, under xvfb-run (WebKitGTK
// needs a display). ENGINES=firefox limits it to one engine. A last row
// measures headless Chromium the same way, for comparison (scripts/bench.mjs
// takes its own figure from outside the page, so it reads somewhat higher).
import { launch } from '../e2e/lib/browser.mjs';
import { launchEngine, selectedEngines } from '../e2e/engines/drivers.mjs';
import { serveDist } from '../e2e/engines/server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function row(label, runs) {
  console.log(`${label.padEnd(58)} ${median(runs).toFixed(1).padStart(7)}   (${runs.map((r) => r.toFixed(0)).join(', ')})`);
}

const dist = await serveDist();
try {
  console.log(`median of ${RUNS} runs, ms (release build, unthrottled, new origin per run)`);
  console.log('engine                                                     first card   (runs)');
  for (const name of selectedEngines()) {
    const engine = await launchEngine(name);
    try {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) {
        const site = await dist.front({ inject: ['first-card'] });
        const page = await engine.newPage();
        try {
          await page.goto(`${site.url}#/practice`);
          runs.push(await page.waitFor(() => window.__firstCard ?? null, [], 'the first card', 30_000));
        } finally {
          await page.close();
          await site.close();
        }
      }
      row(engine.version, runs);
    } finally {
      await engine.quit();
    }
  }
  const chromium = await launch();
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const site = await dist.front({ inject: ['first-card'] });
      const context = await chromium.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${site.url}#/practice`);
        runs.push(await (await page.waitForFunction(() => window.__firstCard ?? null, null, { timeout: 30_000 })).jsonValue());
      } finally {
        await context.close();
        await site.close();
      }
    }
    row(`Chromium ${chromium.version()} (same method, for comparison)`, runs);
  } finally {
    await chromium.close();
  }
} finally {
  await dist.close();
}
