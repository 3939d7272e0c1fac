// Screenshots of the code cards (predict the output): a card before
// checking, its comparison after a partly wrong prediction, and the Browse
// list, at 390x844 and 320x640, light and dark, into the folder given
// (default shots/). Not a test: for looking at. Needs a release build in dist/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
const card = process.argv[3] ?? 'deep-vs-shallow-copy_out-';
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const [w, h] of [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    await page.goto(`${server.url}#/browse/code`);
    const link = page.locator(`[data-testid="code-link"][data-id^="${card}"]`).first();
    await link.waitFor();
    await page.screenshot({ path: join(out, `code-list-${w}-${scheme}.png`) });
    await link.tap();
    await page.getByTestId('prediction').waitFor();
    const expected = await page.evaluate(async (id) => {
      const files = (await (await fetch('sw.js')).text()).match(/code\/[a-z-]+-[0-9a-f]+\.json/g) ?? [];
      for (const f of new Set(files)) {
        const o = (await (await fetch(f)).json()).outputs?.[id];
        if (o) return o.expected;
      }
      return '';
    }, await page.getByTestId('code-card').getAttribute('data-id'));
    const lines = expected.split('\n');
    await page.getByTestId('prediction').fill([`${lines[0]}!`, ...lines.slice(2), 'an extra line'].join('\n'));
    await page.screenshot({ path: join(out, `code-card-${w}-${scheme}-question.png`), fullPage: true });
    await page.getByTestId('check').tap();
    await page.getByTestId('comparison').waitFor();
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `code-card-${w}-${scheme}-checked.png`) });
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
