// The page both profile scripts measure: the release build's standalone
// practice screen, served gzip, on a phone viewport with touch, at `rate`x
// CPU throttling, once every answer file is in and the page has settled.
import { resolve } from 'node:path';

import { launch } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

export async function openPractice(rate) {
  const server = await serve(resolve('dist'), { gzip: true });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${server.url}#/practice`);
  await page.getByTestId('reveal').waitFor();
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/answers/')).length >= 6);
  await page.waitForTimeout(500);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { page, cdp, close };
}
