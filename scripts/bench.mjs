// Speed benchmark (not a test): in headless Chromium against the release
// build, the time from navigation to the first practice card being
// interactive, and the time each of reveal, grade and a search keystroke
// takes until the DOM shows its result. Median of RUNS runs, with and
// without 4x CPU throttling. Run with `make bench` (builds first).
import { launch } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const RUNS = Number(process.env.RUNS ?? 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** In the page: runs `act`, resolves with ms until `done()` holds (checked on every DOM mutation). */
function timeInPage(page, act, done) {
  return page.evaluate(
    ([actSrc, doneSrc]) =>
      new Promise((resolve) => {
        const act = new Function(actSrc);
        const done = new Function(doneSrc);
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        act();
      }),
    [act, done],
  );
}

async function once(browser, url, rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}#/practice`, { waitUntil: 'commit' });
  await page.getByTestId('reveal').waitFor();
  const interactive = await page.evaluate(() => performance.now());
  const reveal = await timeInPage(
    page,
    "document.querySelector('[data-testid=reveal]').click()",
    "return !!document.querySelector('[data-testid=answer-short]')",
  );
  const grade = await timeInPage(
    page,
    "window.__id = document.querySelector('[data-testid=card]').dataset.id; document.querySelector('[data-testid=grade-good]').click()",
    "const c = document.querySelector('[data-testid=card]'); return !c || c.dataset.id !== window.__id",
  );
  await page.goto(`${url}#/browse`);
  await page.getByTestId('search').waitFor();
  const search = await timeInPage(
    page,
    "const s = document.querySelector('[data-testid=search]'); s.value = 'heap'; s.dispatchEvent(new Event('input', { bubbles: true }))",
    "return document.querySelectorAll('[data-testid=question-link]').length < 120",
  );
  await context.close();
  return { interactive, reveal, grade, search };
}

const server = await serve();
const browser = await launch();
try {
  console.log(`median of ${RUNS} runs, ms (release build, headless Chromium)`);
  console.log('cpu          first card  reveal   grade  search key');
  for (const rate of [1, 4]) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, server.url, rate));
    const m = (k) => median(runs.map((r) => r[k])).toFixed(1).padStart(7);
    console.log(`${rate === 1 ? 'unthrottled' : '4x slower  '}  ${m('interactive')}    ${m('reveal')} ${m('grade')} ${m('search')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
