// Opening the embed examples (dist/examples/*.html) and host pages made up on
// the fly, with the widgets' events recorded from the first script on.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { newPage } from './browser.mjs';
import { recordEmbedEvents } from './embed-events.mjs';
import { WidgetPage } from '../pages/widget.mjs';

/**
 * Opens dist/examples/<name> in a fresh context and waits until every script
 * embed on it has rendered; returns { page, widgets } (one WidgetPage per
 * [data-pyprep] mount point, in document order).
 */
export async function openExample(browser, baseUrl, name, options = {}) {
  return openPage(browser, `${baseUrl}examples/${name}`, options);
}

/** Like openExample, for an e2e fixture page (e2e/fixtures/<name>, served at /fixtures/). */
export async function openFixture(browser, baseUrl, name, options = {}) {
  return openPage(browser, `${baseUrl}fixtures/${name}`, options);
}

async function openPage(browser, url, options) {
  const page = await newPage(browser, options);
  await recordEmbedEvents(page);
  await page.goto(url);
  return { page, widgets: await mountedWidgets(page) };
}

/** WidgetPages for every [data-pyprep] mount point of `page`, each rendered. */
export async function mountedWidgets(page) {
  const count = await page.locator('[data-pyprep]').count();
  const widgets = [];
  for (let i = 0; i < count; i += 1) {
    const widget = new WidgetPage(page, i);
    await widget.ready();
    widgets.push(widget);
  }
  return widgets;
}

/**
 * Serves `html` at `<baseUrl>examples/<name>` for this page only (same origin
 * and directory as the real examples, so `../embed.js` is the build's loader)
 * and opens it.
 */
export async function openMadeUpPage(page, baseUrl, name, html) {
  const url = `${baseUrl}examples/${name}`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
}

/** Adds a mount point with the given data attributes and calls window.pyprep.mount(); returns its WidgetPage. */
export async function addWidget(page, attrs) {
  const index = await page.evaluate((a) => {
    const el = document.createElement('div');
    el.setAttribute('data-pyprep', '');
    for (const [k, v] of Object.entries(a)) el.setAttribute(`data-${k}`, v);
    document.body.append(el);
    window.pyprep.mount();
    return document.querySelectorAll('[data-pyprep]').length - 1;
  }, attrs);
  return new WidgetPage(page, index);
}

/** The data-* attributes of a mount point that configure it (not the ones the widget adds). */
export async function mountConfig(widget) {
  return widget.root.evaluate((el) =>
    Object.fromEntries(
      el
        .getAttributeNames()
        .filter((n) => n.startsWith('data-') && n !== 'data-pyprep' && !n.startsWith('data-pyprep-'))
        .map((n) => [n.slice(5), el.getAttribute(n)]),
    ),
  );
}

/** Class names and ids the built stylesheet mentions (to build host elements that its rules would hit if they leaked). */
export function builtSelectors() {
  const dist = resolve('dist');
  // The widget's one stylesheet holds all of the app's (theme, app, code).
  const sheets = readdirSync(dist).filter((f) => /^widget-[0-9a-f]+\.css$/.test(f));
  if (sheets.length !== 1) throw new Error('no widget-*.css in dist/: build first');
  const text = sheets
    .map((css) => readFileSync(resolve(dist, css), 'utf8'))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  // Selectors only: drop declaration blocks (colours like #fff are not ids).
  const selectors = text.replace(/\{[^{}]*\}/g, ' ');
  const classes = new Set([...selectors.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
  const ids = new Set([...selectors.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
  return { classes: [...classes].sort(), ids: [...ids].sort() };
}
