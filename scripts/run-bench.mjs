// Run in the page: what the interpreter costs. Not a test (make bench is the
// lead's): prints the gzip bytes of what the first Run downloads, and the time
// from pressing Run to the first output line (first Run with nothing cached;
// a second Run; after a reload, files cached and a new worker), unthrottled and
// at 4x CPU throttling (Chromium's DevTools throttling of the page; the worker
// is a target of its own), median of N runs.
//   node scripts/run-bench.mjs [runs=3]      (after a release build; . .tools/env first)
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const runs = Number(process.argv[2] ?? 3);
const dist = resolve('dist');
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

const interpreter = ['run-worker.js', 'run-files.json', ...readdirSync(join(dist, 'pyodide')).map((f) => `pyodide/${f}`)];
let raw = 0;
let zipped = 0;
for (const f of interpreter) {
  const size = readFileSync(join(dist, f)).length;
  const g = gz(f);
  raw += size;
  zipped += g;
  console.log(`${f.padEnd(28)} ${kb(size).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
}
console.log(`first Run of a stdlib sample downloads ${mb(raw)} raw, ${mb(zipped)} gzip`);
const wheels = readdirSync(join(dist, 'wheels'));
const wheelsGz = wheels.reduce((a, f) => a + gz(`wheels/${f}`), 0);
console.log(`bundled wheels: ${wheels.length} files, ${mb(wheelsGz)} gzip in all (a sample loads only its own)`);

const server = await serve(dist);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRun(page, rate, how) {
  if (how === 'reload') await page.reload();
  else if (how === 'open') await page.goto(`${server.url}#/q/inheritance-types`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const example = page.getByTestId('part-example');
  await example.waitFor();
  if (!(await example.evaluate((d) => d.open))) await example.locator('summary').click();
  const panel = page.locator('.code-block', { has: page.locator('pre', { hasText: 'class LowerUserDict' }) }).getByTestId('run-panel');
  const button = panel.getByTestId('run-button');
  await button.waitFor();
  const start = Date.now();
  await button.click();
  await panel.getByTestId('run-output').waitFor({ timeout: 300_000 });
  const ms = Date.now() - start;
  await panel.getByTestId('run-status').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
  await cdp.detach();
  return ms;
}

for (const rate of [1, 4]) {
  const t = { cold: [], again: [], cached: [] };
  for (let i = 0; i < runs; i += 1) {
    const page = await newPage(browser);
    t.cold.push(await timeRun(page, rate, 'open')); // nothing cached: download + start
    t.again.push(await timeRun(page, rate, 'same')); // a second Run: the interpreter is loaded
    t.cached.push(await timeRun(page, rate, 'reload')); // a new page: files cached, a new worker starts Python
    await page.context().close();
  }
  const line = (k) => `${median(t[k])} ms (${t[k].join(', ')})`;
  console.log(`CPU ${rate}x, time to first output: first Run ${line('cold')}; second Run ${line('again')}; after a reload ${line('cached')}`);
}
await browser.close();
await server.close();
