// The frame of the engine smoke suites (smoke-app.mjs, smoke-embed.mjs): for
// every selected engine, one describe block with the engine and the dist
// server started once; `fresh()` gives a test a new origin and page, and
// `test()` closes them after it, passed or failed.
import { after, before, describe, test as nodeTest } from 'node:test';

import { launchEngine, selectedEngines } from './drivers.mjs';
import { serveDist } from './server.mjs';

/** Calls `define(suite)` inside each engine's describe block; `suite.engine` is set once it has started. */
export function engineSuites(define) {
  for (const name of selectedEngines()) {
    describe(name, { concurrency: 1 }, () => {
      const suite = { name, engine: null, fresh, test };
      let dist;
      const open = [];

      before(async () => {
        dist = await serveDist();
        suite.engine = await launchEngine(name);
        console.log(`${name}: ${suite.engine.version}`);
      });
      after(async () => {
        await suite.engine?.quit();
        await dist?.close();
      });

      /** A fresh origin (recorder injected where the engine needs it, unless `options` say otherwise) and a page. */
      async function fresh(options = { inject: suite.engine.needsRecorder ? ['recorder'] : [] }) {
        const site = await dist.front(options);
        const page = await suite.engine.newPage();
        open.push(async () => {
          await page.close();
          await site.close();
        });
        return { site, page };
      }

      /** A test whose pages and origins are closed after it. */
      function test(title, body) {
        nodeTest(title, async (t) => {
          try {
            await body(t);
          } finally {
            while (open.length) await open.pop()().catch(() => {});
          }
        });
      }

      define(suite);
    });
  }
}
