// Run the examples in the page (issue 16): Pyodide in a Web Worker, loaded on
// the first Run only, from our own files. Every request is logged, so the
// tests can tell what reached the server, and when.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { newPage } from '../lib/browser.mjs';
import { openMadeUpPage } from '../lib/examples.mjs';
import { serveHtml } from '../lib/server.mjs';
import { useApp } from '../lib/fixture.mjs';
import { serveLogged } from '../lib/logged-server.mjs';
import { AppPage } from '../pages/app.mjs';
import { WidgetPage } from '../pages/widget.mjs';

const env = useApp();
let origin;
before(async () => {
  origin = await serveLogged();
});
after(async () => {
  await origin?.close();
});

/** A request for the interpreter or anything else Run loads. */
const isRunFile = (path) => /^\/(pyodide\/|wheels\/|run-worker\.js|run-files\.json)/.test(path);
const SLOW = { timeout: 90_000 };

/** The sample of `question` (in content/<file>) whose code contains `marker`, and its verified output. */
function sample(file, marker) {
  const text = readFileSync(resolve('content', file), 'utf8');
  const blocks = [...text.matchAll(/```python[^\n]*\n([\s\S]*?)```\n(?:\n?```output\n([\s\S]*?)```)?/g)];
  const found = blocks.find((b) => b[1].includes(marker));
  assert.ok(found, `no sample in ${file} contains ${marker}`);
  return { code: found[1], output: (found[2] ?? '').replace(/[ \t]+$/gm, '').trimEnd() };
}

// oop.md, inheritance-types: a stdlib sample whose output Pyodide prints exactly.
const STDLIB = { question: 'inheritance-types', marker: 'class LowerUserDict', ...sample('oop.md', 'class LowerUserDict') };

/** Opens a question's page with its Example part unfolded. */
async function openExample(app, question) {
  await app.open(`/q/${question}`);
  const example = app.testid('part-example');
  await example.waitFor();
  if (!(await example.evaluate((d) => d.open))) await example.locator('summary').click();
}

/** Opens a question's page and its Example part; returns { app, panel } for the sample holding `marker`. */
async function openSample(app, question, marker) {
  await openExample(app, question);
  const block = app.page.locator('.code-block', { has: app.page.locator('pre', { hasText: marker }) });
  const panel = block.getByTestId('run-panel');
  await panel.waitFor();
  return { app, panel };
}

const outputOf = (panel) => panel.getByTestId('run-output').innerText().then((t) => t.replace(/[ \t]+$/gm, '').trimEnd());

async function waitForStatus(panel, pattern, timeout = 60_000) {
  await panel.getByTestId('run-status').filter({ hasText: pattern }).waitFor({ timeout });
}

test('nothing of Pyodide is requested before the first Run; Run then shows a stdlib sample\'s verified output with a download bar', SLOW, async () => {
  const page = await newPage(env.browser);
  const app = new AppPage(page, origin.url);
  const { panel } = await openSample(app, STDLIB.question, STDLIB.marker);
  // The service worker registers and precaches once the page is idle: still nothing of Run.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForTimeout(500);
  assert.deepEqual(origin.requests.filter(isRunFile), [], 'Run files were requested before Run');
  assert.ok(!(await page.evaluate(() => caches.keys())).some((k) => k.startsWith('pyprep-run-')), 'no Run cache before Run');

  await panel.getByTestId('run-button').click();
  await panel.getByTestId('run-progress').waitFor();
  await waitForStatus(panel, 'Finished');
  assert.equal(await outputOf(panel), STDLIB.output);
  assert.equal(await panel.getByTestId('run-stderr').count(), 0, 'nothing on stderr');
  const loaded = origin.requests.filter(isRunFile);
  for (const f of ['/run-worker.js', '/pyodide/pyodide.mjs', '/pyodide/pyodide.asm.wasm', '/pyodide/python_stdlib.zip']) {
    assert.ok(loaded.includes(f), `${f} was loaded from our own origin`);
  }
  assert.ok(!loaded.some((p) => p.startsWith('/wheels/')), 'a stdlib sample loads no wheels');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an edited example runs as edited; Tab indents with spaces; Reset brings the original back; errors go to stderr', SLOW, async () => {
  const app = await env.app();
  const { panel } = await openSample(app, STDLIB.question, STDLIB.marker);
  await panel.getByTestId('run-edit').click();
  const editor = panel.getByTestId('run-editor');
  assert.equal(await editor.inputValue(), STDLIB.code.replace(/\n$/, ''));
  await editor.fill('for i in range(3):\n');
  await editor.press('End');
  await editor.press('Tab');
  await editor.type('print("edited", i * 7)');
  assert.equal(await editor.inputValue(), 'for i in range(3):\n    print("edited", i * 7)');
  // No keyboard trap: Escape, then Tab, moves on.
  await editor.press('Escape');
  await editor.press('Tab');
  assert.equal(await editor.evaluate((el) => el.getRootNode().activeElement === el), false, 'Tab after Escape leaves the editor');
  assert.equal(await editor.inputValue(), 'for i in range(3):\n    print("edited", i * 7)', 'and inserts nothing');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');
  assert.equal(await outputOf(panel), 'edited 0\nedited 7\nedited 14');

  await editor.fill('print("before")\nraise ValueError("bad input")');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');
  assert.match(await outputOf(panel), /^before\nTraceback[\s\S]*ValueError: bad input$/);
  assert.match(await panel.getByTestId('run-stderr').innerText(), /ValueError: bad input/);
  const colours = await panel.evaluate((p) => [...p.querySelectorAll('.run-output span')].map((s) => getComputedStyle(s).color));
  assert.notEqual(colours[0], colours[1], 'stderr is styled apart from stdout');

  await panel.getByTestId('run-reset').click();
  assert.equal(await editor.inputValue(), STDLIB.code.replace(/\n$/, ''));
  assert.deepEqual(app.page.errors, []);
  await app.page.context().close();
});

test('an infinite loop is stopped by the time limit, and by Stop; the next Run works in a fresh worker', { timeout: 120_000 }, async () => {
  const app = await env.app();
  const { panel } = await openSample(app, STDLIB.question, STDLIB.marker);
  await panel.getByTestId('run-edit').click();
  const editor = panel.getByTestId('run-editor');
  await editor.fill('print("looping")\nwhile True:\n    pass');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, /stops after 10 s/);
  const started = Date.now();
  await waitForStatus(panel, 'time limit of 10 s', 30_000);
  const took = Date.now() - started;
  assert.ok(took > 8_000 && took < 20_000, `stopped after ${took} ms`);
  assert.equal(await outputOf(panel), 'looping');
  assert.equal(await panel.getByTestId('run-button').isEnabled(), true);

  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, /stops after/);
  await panel.getByTestId('run-stop').click();
  await waitForStatus(panel, /^Stopped\.$/, 5_000);

  await editor.fill('print(sum(range(10)))');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');
  assert.equal(await outputOf(panel), '45');
  assert.deepEqual(app.page.errors, []);
  await app.page.context().close();
});

test('a second Run while one runs stops the first; a numpy sample says it runs locally only; a Flask sample runs with its bundled wheels', SLOW, async () => {
  const app = await env.app();
  const { panel } = await openSample(app, STDLIB.question, STDLIB.marker);
  await panel.getByTestId('run-edit').click();
  await panel.getByTestId('run-editor').fill('while True:\n    pass');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, /stops after/);
  const other = app.page.getByTestId('run-panel').nth(0);
  assert.notEqual(await other.evaluate((p) => p.closest('.code-block').innerText), await panel.evaluate((p) => p.closest('.code-block').innerText));
  await other.getByTestId('run-button').click();
  await waitForStatus(panel, 'another example was run', 5_000);
  await waitForStatus(other, 'Finished');

  await openExample(app, 'pandas-missing-data');
  const local = app.page.getByTestId('run-local').first();
  await local.waitFor();
  assert.match(await local.innerText(), /Runs locally only: this example needs (numpy|pandas)/);

  // web.md, django-vs-flask: the first Flask sample.
  const flask = sample('web.md', 'from flask import');
  const web = await openSample(app, 'django-vs-flask', 'from flask import');
  await web.panel.getByTestId('run-button').click();
  await waitForStatus(web.panel, 'Finished');
  assert.equal(await outputOf(web.panel), flask.output);
  assert.deepEqual(app.page.errors, []);
  await app.page.context().close();
});

test('Run works offline after one use (the service worker cached the interpreter on first use)', SLOW, async () => {
  const page = await newPage(env.browser);
  const app = new AppPage(page, origin.url);
  await app.open('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await app.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  let { panel } = await openSample(app, STDLIB.question, STDLIB.marker);
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.context().setOffline(true);
  const seen = origin.requests.length;
  await app.reload();
  ({ panel } = await openSample(app, STDLIB.question, STDLIB.marker));
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');
  assert.equal(await outputOf(panel), STDLIB.output);
  // (The browser's own update check of sw.js is not ours.)
  assert.deepEqual(origin.requests.slice(seen).filter((p) => p !== '/sw.js'), [], 'no request reached the server while offline');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the widget runs examples too, and data-run="false" turns Run off', SLOW, async () => {
  const page = await newPage(env.browser);
  const html = `<!doctype html><meta charset="utf-8"><title>run</title>
    <div data-pyprep data-mode="card" data-questions="${STDLIB.question}"></div>
    <div data-pyprep data-mode="card" data-questions="${STDLIB.question}" data-run="false"></div>
    <script type="module" src="../embed.js"></script>`;
  await openMadeUpPage(page, env.server.url, 'run.html', html);
  const [on, off] = [new WidgetPage(page, 0), new WidgetPage(page, 1)];
  for (const w of [on, off]) {
    await w.ready();
    await w.testid('reveal').click();
    const example = w.testid('part-example');
    if (!(await example.evaluate((d) => d.open))) await example.locator('summary').click();
  }
  const panel = on.root.locator('.code-block', { has: page.locator('pre', { hasText: STDLIB.marker }) }).getByTestId('run-panel');
  await panel.getByTestId('run-button').click();
  await waitForStatus(panel, 'Finished');
  assert.equal(await outputOf(panel), STDLIB.output);
  assert.equal(await off.testid('run-panel').count(), 0, 'data-run="false": no Run button');
  assert.ok((await off.testid('answer-rest').textContent()).includes('LowerUserDict'), 'the code is still shown');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a script embed on another origin runs examples (a worker from a blob module that imports ours)', SLOW, async () => {
  const page = await newPage(env.browser);
  // The host serving dist/ answers with CORS, as the README asks of it.
  await page.context().route(`${env.server.url}**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  const host = await serveHtml(`<!doctype html><meta charset="utf-8"><title>another site</title>
    <div data-pyprep data-mode="card" data-questions="${STDLIB.question}"></div>
    <script type="module" src="${env.server.url}embed.js"></script>`);
  try {
    await page.goto(host.url);
    const widget = new WidgetPage(page, 0);
    await widget.ready();
    await widget.testid('reveal').click();
    const example = widget.testid('part-example');
    if (!(await example.evaluate((d) => d.open))) await example.locator('summary').click();
    const panel = widget.root.locator('.code-block', { has: page.locator('pre', { hasText: STDLIB.marker }) }).getByTestId('run-panel');
    await panel.getByTestId('run-button').click();
    await waitForStatus(panel, 'Finished');
    assert.equal(await outputOf(panel), STDLIB.output);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
    await host.close();
  }
});

test('on a phone, where the answer parts start folded, opening the Example gives its code a Run button', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const requested = [];
  app.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await app.open(`/q/${STDLIB.question}`);
  const example = app.page.getByTestId('part-example');
  await example.waitFor();
  assert.equal(await example.evaluate((d) => d.open), false, 'folded on a phone');
  await example.locator('summary').tap();
  const block = example.locator('.code-block').filter({ has: app.page.locator('pre', { hasText: STDLIB.marker }) });
  await block.getByTestId('run-panel').getByTestId('run-button').waitFor({ timeout: 5000 });
  assert.equal(requested.filter(isRunFile).length, 0, 'still nothing of Pyodide before a Run');
  assert.deepEqual(app.page.errors, []);
});
