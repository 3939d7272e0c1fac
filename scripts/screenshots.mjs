// Screenshots of the practice screen before and after reveal, at 390x844
// and 320x640, light and dark, into the folder given (default shots/).
// Not a test: for looking at. Needs a release build in dist/ and setup's tools.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const only = process.argv[3]; // "run": the Run panel's screens only
for (const [w, h] of only === 'run' ? [] : [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    await page.goto(`${server.url}#/practice`);
    await page.getByTestId('reveal').waitFor();
    await page.screenshot({ path: join(out, `practice-${w}-${scheme}-question.png`) });
    await page.getByTestId('reveal').tap();
    await page.getByTestId('answer-short').waitFor();
    await page.screenshot({ path: join(out, `practice-${w}-${scheme}-revealed.png`) });
    const example = page.getByTestId('part-example').locator('summary');
    if (await example.count()) {
      await example.tap();
      await page.getByTestId('part-example').locator('pre').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, `practice-${w}-${scheme}-example.png`) });
    }
    await page.context().close();
  }
}
// Run in the page: an edited example with stdout and stderr, and the
// progress bar of the first Run; a sample that runs locally only.
for (const [w, h] of [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    await page.goto(`${server.url}#/q/inheritance-types`);
    const example = page.getByTestId('part-example');
    await example.waitFor();
    if (!(await example.evaluate((d) => d.open))) await example.locator('summary').tap();
    const panel = page.locator('.code-block', { has: page.locator('pre', { hasText: 'class LowerUserDict' }) }).getByTestId('run-panel');
    await panel.getByTestId('run-edit').tap();
    await panel.getByTestId('run-editor').fill('for word in ["ada", "alan"]:\n    print(word.title())\nraise ValueError("bad input")');
    await panel.getByTestId('run-button').tap();
    await panel.getByTestId('run-progress').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `run-${w}-${scheme}-loading.png`) });
    await panel.getByTestId('run-status').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    await panel.getByTestId('run-output').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `run-${w}-${scheme}-output.png`) });
    await page.goto(`${server.url}#/q/pandas-missing-data`);
    await example.waitFor();
    if (!(await example.evaluate((d) => d.open))) await example.locator('summary').tap();
    await page.getByTestId('run-local').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `run-${w}-${scheme}-local.png`) });
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
