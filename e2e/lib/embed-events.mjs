// Records what a widget tells its host: the pyprep:* DOM events (as they
// reach window, with the element they were dispatched on) and, in the top
// window only, pyprep postMessages from iframes. Installed as an init script
// so that `pyprep:ready`, fired during load, is recorded too.
export const EVENT_TYPES = ['pyprep:ready', 'pyprep:graded', 'pyprep:session-complete', 'pyprep:progress-changed'];

/** Adds the recorder to every page of `target` (a Page or a BrowserContext). */
export async function recordEmbedEvents(target) {
  await target.addInitScript((types) => {
    window.__pyprepEvents = [];
    window.__pyprepMessages = [];
    for (const type of types) {
      window.addEventListener(type, (e) => {
        const mounts = [...document.querySelectorAll('[data-pyprep]')];
        window.__pyprepEvents.push({
          type,
          mount: mounts.indexOf(e.target),
          bubbles: e.bubbles,
          composed: e.composed,
          detail: JSON.parse(JSON.stringify(e.detail ?? null)),
        });
      });
    }
    if (window === window.top) {
      window.addEventListener('message', (e) => {
        if (e.data && e.data.source === 'pyprep') window.__pyprepMessages.push(JSON.parse(JSON.stringify(e.data)));
      });
    }
  }, EVENT_TYPES);
}

/** The events recorded so far (optionally of one type). */
export async function embedEvents(page, type) {
  const all = await page.evaluate(() => window.__pyprepEvents ?? []);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Waits until at least `count` events of `type` were recorded; returns them. */
export async function waitForEmbedEvents(page, type, count = 1) {
  await page.waitForFunction(
    ([t, n]) => (window.__pyprepEvents ?? []).filter((e) => e.type === t).length >= n,
    [type, count],
  );
  return embedEvents(page, type);
}

/** The pyprep postMessages the top window received (optionally of one type). */
export async function embedMessages(page, type) {
  const all = await page.evaluate(() => window.__pyprepMessages ?? []);
  return type ? all.filter((m) => m.type === type) : all;
}

/** Waits until at least `count` postMessages of `type` arrived; returns them. */
export async function waitForEmbedMessages(page, type, count = 1) {
  await page.waitForFunction(
    ([t, n]) => (window.__pyprepMessages ?? []).filter((m) => m.type === t).length >= n,
    [type, count],
  );
  return embedMessages(page, type);
}
