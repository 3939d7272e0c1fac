// Screenshots of the embeds at 390x844 and 320x640, light and dark, into the
// folder given (default shots/): each widget of examples/blog.html, the
// iframe of examples/course.html right after a grade, and the app's
// shortcuts dialog on a phone. Not a test: for looking at. Needs a release
// build in dist/ and setup's tools.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shot = (page, name) => page.screenshot({ path: join(out, name) });
for (const [w, h] of [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const options = { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme };
    const page = await newPage(browser, options);
    await page.goto(`${server.url}examples/blog.html`);
    const mounts = page.locator('[data-pyprep]');
    await mounts.nth(0).getByTestId('card').waitFor();
    await mounts.nth(1).getByTestId('card').waitFor();
    for (const [i, name] of ['card', 'compact', 'mock'].entries()) {
      await mounts.nth(i).getByTestId('widget').waitFor();
      await mounts.nth(i).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `blog-${w}-${scheme}-${name}.png`);
    }
    await page.goto(`${server.url}examples/course.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('reveal').tap();
    await frame.getByTestId('answer-short').waitFor();
    await frame.getByTestId('grade-good').scrollIntoViewIfNeeded();
    await frame.getByTestId('grade-good').dispatchEvent('click');
    await page.waitForTimeout(1200);
    await shot(page, `course-${w}-${scheme}-after-grade.png`);
    await page.goto(`${server.url}#/practice`);
    await page.locator('button.help-button').tap();
    await page.getByTestId('shortcuts-dialog').waitFor();
    await shot(page, `shortcuts-${w}-${scheme}.png`);
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
