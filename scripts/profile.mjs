// Where an interaction's time goes (not a test): traces one reveal, one grade
// and one search keystroke on the standalone page (phone viewport, touch, 4x
// CPU throttling unless RATE says otherwise) and prints, per interaction, the
// main thread's time by trace event (script, style, layout, paint, HTML parse)
// from the input event to the end of the next frame.
//   node scripts/profile.mjs        (after a release build)
import { openPractice } from './profile_page.mjs';

const RATE = Number(process.env.RATE ?? 4);
const { page, cdp, close } = await openPractice(RATE);

/** Traces `act` plus 400 ms; returns the main thread's complete events. */
async function trace(act) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack,blink.user_timing', transferMode: 'ReportEvents' });
  await act();
  await page.waitForTimeout(400);
  await cdp.send('Tracing.end');
  await done;
  cdp.removeAllListeners('Tracing.dataCollected');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
}

/** Total self time by event name, for the events nested in the first EventDispatch of `type` and the frame after it. */
function summary(events, type) {
  const start = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === type);
  if (!start) return 'no input event traced';
  const from = start.ts;
  const paint = events.filter((e) => e.ts >= from && e.name === 'Paint').sort((a, b) => a.ts - b.ts)[0];
  const to = paint ? paint.ts + paint.dur : from + 400_000;
  const inside = events.filter((e) => e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const total = (to - from) / 1000;
  // A layout inside the handler was forced by script: say by whom.
  const forced = inside.filter((e) => e.name === 'Layout' && e.ts < from + start.dur);
  const by = forced.map((e) => `${(e.dur / 1000).toFixed(1)} ms at ${(e.args?.beginData?.stackTrace ?? []).slice(0, 3).map((f) => f.functionName || '(anonymous)').join(' < ') || '?'}`);
  if (by.length) console.log(`  forced layouts in the ${type} handler: ${by.join(', ')}`);
  const parts = [...self].filter(([, v]) => v > 200).sort((a, b) => b[1] - a[1]).slice(0, 8);
  const handler = (start.dur / 1000).toFixed(1);
  return `${total.toFixed(1)} ms from the ${type} to the end of the first paint after it (its handler ${handler} ms): ${parts.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`;
}

console.log(`main thread, ${RATE}x CPU, phone viewport`);
console.log('reveal:', summary(await trace(() => page.getByTestId('reveal').tap()), 'click'));
console.log('grade: ', summary(await trace(() => page.getByTestId('grade-good').tap()), 'click'));
await page.evaluate(() => { location.hash = '#/browse'; });
const box = page.getByTestId('search');
await box.waitFor();
await box.pressSequentially('hea');
await page.waitForTimeout(300);
console.log('search:', summary(await trace(() => box.press('p')), 'keydown'));
await close();
