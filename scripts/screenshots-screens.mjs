// Screenshots of Home, Mock (setup, running after reveal scrolled down,
// summary), Stats (empty and with reviews), Settings (a refused daily limit
// and an import error) and a question page's status, at 390x844 and
// 320x640, light and dark, into the folder given (default shots/).
// Not a test: for looking at. Needs a release build in dist/ and setup's tools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { serve } from '../e2e/lib/server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
mkdirSync(out, { recursive: true });
const bad = join(tmpdir(), 'pyprep-shot-notes.txt');
writeFileSync(bad, 'my notes');
const server = await serve();
const browser = await launch();
const DAY = 86_400_000;

/** A few days of reviews, one lapsed card. */
function seed() {
  const now = Date.now();
  const questions = {};
  const ids = ['list-vs-tuple', 'gil', 'trie', 'quicksort', 'decorators', 'generators'];
  ids.forEach((id, i) => {
    const reviews = [0, 1, 3, 6, 13].filter((d) => d >= i % 3).map((d, k) => ({ at_ms: now - d * DAY - k * 40_000, grade: (i + k) % 4 === 0 ? 'again' : 'good' }));
    reviews.sort((a, b) => a.at_ms - b.at_ms);
    questions[id] = {
      reviews, bookmarked: false, note: '', updated_ms: now, rev: 1,
      card: { due_ms: now + (i - 2) * DAY, stability: 4 + i * 5, difficulty: 5, elapsed_days: 1, scheduled_days: 2, reps: reviews.length, lapses: i % 3, state: 'review', last_review_ms: now },
    };
  });
  return JSON.stringify({ version: 1, questions });
}

for (const [w, h] of [[390, 844], [320, 640]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, { viewport: { width: w, height: h }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    const shot = (name, fullPage = false) => page.screenshot({ path: join(out, `${name}-${w}-${scheme}.png`), fullPage });
    const open = async (route) => {
      await page.goto(`${server.url}#${route}`);
      await page.getByTestId('nav-home').waitFor();
    };
    await open('/');
    await shot('home-first-visit', true);
    await open('/stats');
    await page.getByTestId('stats-empty').waitFor();
    await shot('stats-empty');
    await open('/mock');
    await page.getByTestId('mock-count').fill('2');
    await page.getByTestId('mock-start').tap();
    await page.getByTestId('attempt').fill('A list is mutable, a tuple is not, so a tuple can be a dict key.');
    await page.getByTestId('mock-follow-ups').tap();
    await page.getByTestId('mock-follow-up').first().scrollIntoViewIfNeeded();
    await shot('mock-follow-ups');
    await page.getByTestId('reveal').tap();
    await page.getByTestId('answer-short').waitFor();
    await page.evaluate(() => window.scrollTo(0, 1400));
    await shot('mock-revealed-scrolled');
    await page.getByTestId('grade-good').tap();
    await page.getByTestId('reveal').tap();
    await page.getByTestId('grade-again').tap();
    await page.getByTestId('mock-summary-item').first().scrollIntoViewIfNeeded();
    await page.getByTestId('mock-model-answer').first().locator('p').first().waitFor();
    await shot('mock-summary');
    await page.getByTestId('mock-again').tap();
    await shot('mock-setup-history', true);
    await page.evaluate((raw) => localStorage.setItem('pyprep:python:v1', raw), seed());
    await page.reload();
    await open('/stats');
    await page.getByTestId('stats-heatmap').waitFor();
    await shot('stats-data', true);
    await open('/');
    await shot('home-returning');
    await open('/q/gil');
    await page.getByTestId('card-status').scrollIntoViewIfNeeded();
    await shot('question-status');
    await open('/settings');
    await page.getByTestId('new-limit').fill('3.5');
    await page.getByTestId('new-limit').press('Tab');
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-error').waitFor();
    await shot('settings-errors', true);
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
