// axe-core finds no violations on any screen, in the light and dark themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { toolPath } from '../lib/browser.mjs';
import { useApp } from '../lib/fixture.mjs';

const env = useApp();
const ROUTES = ['/', '/browse', '/browse?q=dictonary', '/q/quicksort', '/practice', '/study', '/mock', '/stats', '/settings'];

async function violations(app) {
  const source = await readFile(toolPath('axe-core/axe.min.js'), 'utf8');
  await app.page.evaluate(source);
  const result = await app.page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`no axe violations on any screen (${scheme})`, async () => {
    const app = await env.app({ colorScheme: scheme });
    for (const route of ROUTES) {
      await app.open(route);
      if (route === '/practice') {
        await app.testid('reveal').click();
        await app.testid('answer-short').waitFor();
      }
      assert.deepEqual(await violations(app), [], `${route} (${scheme})`);
    }
  });
}
