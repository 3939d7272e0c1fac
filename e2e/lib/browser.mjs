// Starts Debian's Chromium through playwright-core with the pinned flags
// (scripts/versions.env, exported by scripts/setup.sh into .tools/env).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(resolve('.tools/node/package.json'));
const { chromium } = require('playwright-core');

/** Launches headless Chromium (with `extraArgs` after the pinned flags); the caller closes it. */
export function launch(extraArgs = []) {
  const flags = (process.env.CHROMIUM_FLAGS ?? '--headless --no-sandbox --disable-gpu').split(/\s+/).filter(Boolean);
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...flags, ...extraArgs],
  });
}

/**
 * A new page that records console errors and uncaught exceptions, so a
 * test can assert there were none.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  return page;
}

/** Path of an npm tool package installed by setup.sh (e.g. axe-core). */
export function toolPath(request) {
  return require.resolve(request);
}
