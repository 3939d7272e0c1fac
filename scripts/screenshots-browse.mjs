// Screenshots of Browse (a search with marks and snippets, zero results)
// and the custom study screen, at 390x844 and 320x640, light and dark, into
// the folder given (default shots/). Not a test: for looking at. Needs a
// release build in dist/ and setup's tools.
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
    const page = await newPage(browser, { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    const shot = (name) => page.screenshot({ path: join(out, `${name}-${w}-${scheme}.png`) });
    // One graded and one bookmarked card, so that badges differ.
    await page.goto(`${server.url}#/practice`);
    await page.getByTestId('reveal').tap();
    await page.getByTestId('grade-good').tap();
    await page.goto(`${server.url}#/q/dict-vs-list`);
    await page.getByTestId('bookmark').tap();
    await page.goto(`${server.url}#/browse?q=dictonary`);
    await page.getByTestId('snippet').first().waitFor();
    await page.getByTestId('result-count').scrollIntoViewIfNeeded();
    await shot('browse-search');
    await page.getByTestId('snippet').first().scrollIntoViewIfNeeded();
    await shot('browse-snippets');
    await page.goto(`${server.url}#/browse?q=self`);
    await page.reload();
    await page.getByTestId('question-link').first().scrollIntoViewIfNeeded();
    await shot('browse-code-title');
    await page.goto(`${server.url}#/browse?q=zzqxv&tag=numpy`);
    await page.reload();
    await page.getByTestId('no-results').scrollIntoViewIfNeeded();
    await shot('browse-no-results');
    await page.goto(`${server.url}#/browse?status=learning`);
    await page.reload();
    await page.getByTestId('status-badge').first().scrollIntoViewIfNeeded();
    await shot('browse-status-learning');
    await page.goto(`${server.url}#/practice?study=bookmarked`);
    await page.getByTestId('card').waitFor();
    await shot('study-session');
    await page.goto(`${server.url}#/study`);
    await page.getByTestId('custom-study').waitFor();
    await shot('study-top');
    await page.getByTestId('study-ahead').scrollIntoViewIfNeeded();
    await shot('study-bottom');
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
