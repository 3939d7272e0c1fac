// Screenshots of the screens that load on first use: the start page, a
// part's "Loading…" line (its download held back) and its failure notice with
// Retry (its download refused), at 390x844 and 320x640, light and dark, into
// the folder given (default shots/). Not a test: for looking at.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const [w, h] of [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const options = { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme, serviceWorkers: 'block' };
    const page = await newPage(browser, options);
    // Held from the start (the page fetches every part once idle): the stats
    // part never arrives while the shot is taken.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/\/split_stats-/, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.goto(`${server.url}#/`);
    await page.getByTestId('count-new').first().waitFor();
    await page.screenshot({ path: join(out, `parts-${w}-${scheme}-home.png`) });
    await page.goto(`${server.url}#/stats`);
    await page.getByTestId('part-loading').waitFor();
    await page.screenshot({ path: join(out, `parts-${w}-${scheme}-loading.png`) });
    release();
    await page.context().close();

    const failing = await newPage(browser, options);
    await failing.route(/\/split_settings-/, (route) => route.abort('internetdisconnected'));
    await failing.goto(`${server.url}#/settings`);
    await failing.getByTestId('part-failed').waitFor();
    await failing.screenshot({ path: join(out, `parts-${w}-${scheme}-failed.png`) });
    await failing.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
