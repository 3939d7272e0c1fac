// The standalone app and the script-embedded widgets as the engine smoke
// suite drives them: the data-testid contract of e2e/pages/*.mjs over the
// driver abstraction of drivers.mjs (those page objects are Playwright
// locators; these are the same steps as in-page functions and driver clicks).
// `host` is null for the document (standalone page, or a frame's document
// after enterFrame) or the index of a [data-pyprep] mount point.
import { STORAGE_KEY } from '../pages/app.mjs';

export { STORAGE_KEY };

export const tid = (id) => `[data-testid="${id}"]`;

/** In the page: the card's question id in `h`'s root, or null. */
const cardIdIn = (h) =>
  (h === null ? document : document.querySelectorAll('[data-pyprep]')[h]?.shadowRoot)?.querySelector('[data-testid="card"]')?.dataset.id ?? null;

/** In the page: whether `css` matches inside `h`'s root. */
const hasIn = (h, css) => Boolean((h === null ? document : document.querySelectorAll('[data-pyprep]')[h]?.shadowRoot)?.querySelector(css));

/** Opens a hash route of the standalone app at `base` and waits until it has rendered. */
export async function openApp(page, base, route = '/') {
  await page.goto(`${base}#${route}`);
  await appReady(page);
}

export async function appReady(page) {
  await page.waitFor(hasIn, [null, tid('nav-home')], 'the app (nav-home)');
}

export function cardId(page, host = null) {
  return page.waitFor(cardIdIn, [host], `a card${host === null ? '' : ` in widget ${host}`}`);
}

export function waitForTestid(page, id, host = null, timeout) {
  return page.waitFor(hasIn, [host, tid(id)], `${id}${host === null ? '' : ` in widget ${host}`}`, timeout);
}

/** Reveals the answer and grades the current card with driver clicks; returns its id. */
export async function revealAndGrade(page, grade = 'good', host = null) {
  const id = await cardId(page, host);
  await page.click({ host, css: tid('reveal') });
  await waitForTestid(page, 'answer-short', host);
  await page.click({ host, css: tid(`grade-${grade}`) });
  await waitForCardOtherThan(page, id, host);
  return id;
}

export function waitForCardOtherThan(page, id, host = null) {
  return page.waitFor(
    (h, old) => {
      const card = (h === null ? document : document.querySelectorAll('[data-pyprep]')[h]?.shadowRoot)?.querySelector('[data-testid="card"]');
      return !card || card.dataset.id !== old;
    },
    [host, id],
    `a card other than ${id}`,
  );
}

/** The progress envelope in localStorage (null if none). */
export function storedProgress(page) {
  return page.eval((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);
}

/** Question ids that have progress stored, sorted. */
export async function storedIds(page) {
  return Object.keys((await storedProgress(page))?.questions ?? {}).sort();
}

/** Waits until the stored ids are exactly `ids` (saves may land a moment after the grade). */
export function waitForStoredIds(page, ids) {
  const want = [...ids].sort();
  return page.waitFor(
    (key, w) => JSON.stringify(Object.keys(JSON.parse(localStorage.getItem(key) ?? 'null')?.questions ?? {}).sort()) === JSON.stringify(w),
    [STORAGE_KEY, want],
    `stored progress for ${want.join(', ')}`,
  );
}

/** Sum of a per-category count on the home screen (count-new, count-learning, ...). */
export function homeTotal(page, id) {
  return page.eval(
    (sel) => [...document.querySelectorAll(sel)].reduce((s, e) => s + Number.parseInt(e.textContent.replace(/\D+/g, '') || '0', 10), 0),
    tid(id),
  );
}
