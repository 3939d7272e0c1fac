// Which functions an interaction spends its time in (not a test): samples the
// main thread with the DevTools CPU profiler over five reveals (ACT=reveal)
// or five grades (ACT=grade) on the standalone page (phone viewport, touch,
// 4x CPU throttling unless RATE says otherwise) and prints the 40 largest
// self times. "(program)" is the browser's own work (style, layout, parsing);
// the harness's injected script shows up too (previewNode, query, ...).
// Wasm functions are named only in a build made with WASM_NAMES=1:
//   WASM_NAMES=1 SETUP_PROFILE=build scripts/build.sh && node scripts/profile_cpu.mjs
import { openPractice } from './profile_page.mjs';

const RATE = Number(process.env.RATE ?? 4);
const ACT = process.env.ACT ?? 'reveal';
const { page, cdp, close } = await openPractice(RATE);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

const reveal = async () => {
  await page.getByTestId('reveal').click();
  await page.getByTestId('answer-short').waitFor();
};
const grade = async () => {
  const id = await page.evaluate(() => document.querySelector('[data-testid="card"]').dataset.id);
  await page.getByTestId('grade-good').click();
  await page.waitForFunction((old) => document.querySelector('[data-testid="card"]')?.dataset.id !== old, id);
};

const self = new Map();
let total = 0;
for (let round = 0; round < 5; round += 1) {
  if (ACT === 'grade') await reveal();
  await cdp.send('Profiler.start');
  await (ACT === 'grade' ? grade() : reveal());
  await page.waitForTimeout(200);
  const { profile } = await cdp.send('Profiler.stop');
  if (ACT !== 'grade') await grade();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const name = frame.functionName || `(anonymous ${frame.url.split('/').pop()})`;
    if (name === '(idle)') return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  });
  await page.waitForTimeout(300);
}
const group = (name) => {
  if (name === '(program)' || name === '(garbage collector)') return 'browser';
  if (name.includes('::') || name.startsWith('<') || name.startsWith('wasm-function')) return 'wasm';
  if (name.startsWith('__wbg') || name === 'wasm-to-js' || name === 'js-to-wasm') return 'glue';
  return 'other JS and DOM calls';
};
const groups = new Map();
for (const [name, ms] of self) groups.set(group(name), (groups.get(group(name)) ?? 0) + ms);
console.log([...groups].map(([g, ms]) => `${g} ${ms.toFixed(1)} ms`).join(', '));
console.log(`${ACT} x5 at ${RATE}x CPU: ${total.toFixed(1)} ms sampled (idle left out); largest self times:`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(ms.toFixed(1).padStart(8), name.slice(0, 150));
await close();
process.exit(0);
