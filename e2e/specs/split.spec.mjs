// The parts that load on first use (src/ui/parts.rs, scripts/split_wasm.mjs):
// the first card downloads none of them; a screen's part loads when it is
// opened (the standalone page also fetches them all once it is idle); a
// failed part download says so, offers a retry and loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();

const PART = /\/(split_[a-z]+|chunk_\d+)-[0-9a-f]{8,16}\.wasm$/;
const MAIN = /\/pyprep-[0-9a-f]+_bg\.wasm$/;
const partFiles = readdirSync('dist').filter((f) => PART.test(`/${f}`));

/** Records the path of every request `page` makes, in order. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

test('the build has its parts: one file per screen part and Run, and shared ones', () => {
  const parts = partFiles.filter((f) => f.startsWith('split_')).map((f) => f.replace(/-.*/, '')).sort();
  assert.deepEqual(parts, ['split_browse', 'split_code', 'split_home', 'split_mock', 'split_run', 'split_settings', 'split_stats', 'split_study']);
});

test('the standalone first card downloads no part; once idle, the page fetches every part', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 } });
  const seen = requests(app.page);
  await app.page.addInitScript(() => {
    addEventListener('pyprep:interactive', () => {
      window.__atInteractive = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    });
  });
  await app.open('/practice');
  await app.testid('reveal').waitFor();
  const atInteractive = await app.page.evaluate(() => window.__atInteractive);
  assert.ok(atInteractive.some((p) => MAIN.test(p)), `the main wasm was loaded: ${atInteractive}`);
  assert.deepEqual(atInteractive.filter((p) => PART.test(p)), [], 'no part before the first card is interactive');
  await app.page.waitForFunction((n) => performance.getEntriesByType('resource').filter((e) => /\/(split_[a-z]+|chunk_\d+)-/.test(e.name)).length >= n, partFiles.length, { timeout: 20000 });
  const fetched = new Set(seen.filter((p) => PART.test(p)).map((p) => p.slice(1)));
  assert.deepEqual([...fetched].sort(), [...partFiles].sort(), 'every part file once the page is idle');
  // And they work: a screen of each kind.
  await app.open('/stats');
  await app.testid('stats-empty').waitFor();
  assert.deepEqual(app.page.errors, []);
});

test('a one-card script embed downloads its own files and no part, for the card and its reveal', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 } });
  const { page } = app;
  const seen = requests(page);
  const url = `${env.server.url}one-card.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>post</title><p>A post.</p><div data-pyprep data-categories="oop" data-run="false"></div><script type="module" src="./embed.js"></script>',
    }),
  );
  await page.goto(url);
  await page.getByTestId('reveal').click();
  await page.getByTestId('answer-short').waitFor();
  await page.getByTestId('grade-good').click();
  const files = seen.filter((p) => p !== '/one-card.html').map((p) => p.replace(/-[0-9a-f]{8,16}(?=[._])/, '-#'));
  assert.deepEqual(
    [...new Set(files)].sort(),
    ['/answers/oop-#.json', '/embed.js', '/pyprep-#.js', '/pyprep-#_bg.wasm', '/split-#.js', '/widget-#.css'],
    'embed.js, the glue and its link module, the main wasm, the stylesheet and the one category',
  );
  assert.deepEqual(page.errors, []);
});

test('a part that fails to download says so; Retry loads it and nothing is lost', async () => {
  const app = await env.app({ serviceWorkers: 'block' }); // page.route does not see what a service worker serves
  const { page } = app;
  // From the start: the download the page makes once idle fails too.
  let failing = true;
  await page.route(/\/split_stats-[0-9a-f]{8,16}\.wasm$/, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  await app.open('/practice');
  const id = await app.revealAndGrade('good');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/split_stats-')));
  await app.open('/stats');
  await app.testid('part-failed').waitFor();
  assert.match(await app.testid('part-failed').innerText(), /^Stats could not be downloaded\. Check the connection/);
  assert.deepEqual(await app.storedIds(), [id], 'the grade is still stored');
  failing = false;
  await app.testid('part-retry').click();
  await app.testid('stats-reviews').waitFor();
  assert.equal(await app.testid('part-failed').count(), 0);
  // The only errors are the browser's own lines for the aborted downloads.
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
});

test('opening on the start page fetches its part beside the main wasm; opening on a card does not', async () => {
  const app = await env.app({ serviceWorkers: 'block' });
  const { page } = app;
  await app.open('/');
  await app.testid('count-new').first().waitFor();
  const started = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => /\/(split_home|pyprep-[0-9a-f]+_bg)[-.]/.test(e.name)).map((e) => ({ name: e.name, at: e.startTime, initiator: e.initiatorType })),
  );
  const main = started.find((e) => /_bg\.wasm$/.test(e.name));
  const home = started.find((e) => /split_home-/.test(e.name));
  assert.ok(main && home, `both downloaded: ${JSON.stringify(started)}`);
  assert.equal(home.initiator, 'link', 'the start page part is preloaded by first-<hash>.js, not fetched by the wasm');
  assert.deepEqual(page.errors, []);

  const other = await env.app({ serviceWorkers: 'block' });
  await other.open('/practice');
  await other.testid('reveal').waitFor();
  assert.equal(await other.page.locator('link[rel=preload][href*="split_home"]').count(), 0, 'no start page part preloaded for a card');
});
