// One server and one browser per spec file, started before its tests.
import { after, before } from 'node:test';

import { launch, newPage } from './browser.mjs';
import { serve } from './server.mjs';
import { AppPage } from '../pages/app.mjs';

/** Registers before/after hooks; returns an object whose `app(options)` opens a fresh page. */
export function useApp() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  env.app = async (options = {}) => {
    const page = await newPage(env.browser, options);
    return new AppPage(page, env.server.url);
  };
  return env;
}
