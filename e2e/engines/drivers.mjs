// One small driver abstraction over the two engines the Chromium suite does
// not cover, so the smoke tests (and the bench) read the same for both:
//   webkit   WebKitGTK's MiniBrowser through Debian's WebKitWebDriver
//            (classic WebDriver, selenium-webdriver); needs a display (Xvfb).
//   firefox  Firefox ESR over WebDriver BiDi (puppeteer-core); headless.
//
// An Engine opens Pages. A Page acts in its current document (the top one, or
// a frame after enterFrame):
//   goto(url) reload() eval(fn, ...args) waitFor(fn, args, what, timeout)
//   click(target) enterFrame(css) leaveFrame() setViewport(w, h) errors() close()
// `fn` runs in the page: it must be self-contained (it is sent as source).
// A click target is a CSS selector, or { host, css } for an element inside
// the open shadow root of the host-th [data-pyprep] mount point. Clicks are
// the driver's own (scrolled into view, real pointer input), not el.click().
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import { ERRORS_KEY } from './server.mjs';

const require = createRequire(resolve('.tools/node/package.json'));

export const ENGINES = ['webkit', 'firefox'];

/** The engines to run: $ENGINES (comma-separated) or both. */
export function selectedEngines() {
  const want = (process.env.ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of want) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e} in ENGINES (known: ${ENGINES.join(', ')})`);
  return want;
}

/** Starts an engine: resolves to { name, version, needsRecorder, newPage(), quit() }. */
export function launchEngine(name) {
  if (name === 'webkit') return launchWebKit();
  if (name === 'firefox') return launchFirefox();
  throw new Error(`unknown engine ${name}`);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Polls `once()` until it returns a truthy value; throws after `timeout` ms naming `what`. */
async function poll(once, what, timeout) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await once();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await sleep(50);
  }
}

// --- WebKitGTK ----------------------------------------------------------------

function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib).filter((d) => /^webkit2?gtk-[\d.]+$/.test(d)).sort().reverse()) {
      const bin = `${lib}/${dir}/MiniBrowser`;
      if (existsSync(bin)) return bin;
    }
  }
  throw new Error('no WebKitGTK MiniBrowser found (Debian: libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver; scripts/setup.sh test installs it)');
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function launchWebKit() {
  const driverBin = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
  if (!existsSync(driverBin)) throw new Error(`${driverBin} is missing (Debian: webkit2gtk-driver; scripts/setup.sh test installs it)`);
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run the engine suite under `xvfb-run -a`');
  const { Builder, By } = require('selenium-webdriver');
  const binary = miniBrowser();
  const port = await freePort();
  const proc = spawn(driverBin, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const server = `http://127.0.0.1:${port}`;
  await poll(async () => (await fetch(`${server}/status`)).ok, 'WebKitWebDriver to listen', 15_000).catch((e) => {
    proc.kill();
    throw new Error(`${e.message}\n${stderr}`);
  });
  let driver;
  try {
    driver = await new Builder()
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } })
      .usingServer(`${server}/`)
      .build();
  } catch (e) {
    proc.kill();
    throw new Error(`WebKitWebDriver did not start MiniBrowser: ${e.message}\n${stderr}`);
  }
  const caps = await driver.getCapabilities();
  const version = `WebKitGTK ${caps.get('browserVersion')} (MiniBrowser, WebKitWebDriver)`;
  const startRect = await driver.manage().window().getRect();

  class WebKitPage {
    async goto(url) {
      await driver.switchTo().defaultContent();
      await driver.get(url);
    }

    async reload() {
      await driver.switchTo().defaultContent();
      await driver.navigate().refresh();
    }

    eval(fn, ...args) {
      return driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args);
    }

    waitFor(fn, args = [], what = String(fn), timeout = 20_000) {
      return poll(() => this.eval(fn, ...args), what, timeout);
    }

    async element(target) {
      const { host = null, css } = typeof target === 'string' ? { css: target } : target;
      if (host === null) return driver.findElement(By.css(css));
      const hosts = await driver.findElements(By.css('[data-pyprep]'));
      if (!hosts[host]) throw new Error(`no mount point #${host}`);
      return (await hosts[host].getShadowRoot()).findElement(By.css(css));
    }

    async click(target) {
      await (await this.element(target)).click();
    }

    async enterFrame(css) {
      await driver.switchTo().frame(await driver.findElement(By.css(css)));
    }

    async leaveFrame() {
      await driver.switchTo().defaultContent();
    }

    /** Sizes the window so the viewport is w x h where the window allows it; resolves to the viewport got. */
    async setViewport(width, height) {
      const win = driver.manage().window();
      await win.setRect({ width, height });
      const inner = await this.eval(() => ({ width: innerWidth, height: innerHeight }));
      const rect = await win.getRect();
      await win.setRect({ width: width + (rect.width - inner.width), height: height + (rect.height - inner.height) });
      return this.eval(() => ({ width: innerWidth, height: innerHeight }));
    }

    /** Errors the injected recorder saw on this origin (WebKitWebDriver cannot read the console). */
    async errors() {
      const seen = await this.eval((key) => {
        if (!window.__enginesRecorder) return null;
        try {
          return JSON.parse(sessionStorage.getItem(key) || '[]');
        } catch {
          return [];
        }
      }, ERRORS_KEY);
      if (!seen) throw new Error('the error recorder did not run in this document (blocked by a CSP?): its errors cannot be read');
      return seen;
    }

    async close() {
      await driver.switchTo().defaultContent();
      await driver.get('about:blank');
      await driver.manage().window().setRect({ width: startRect.width, height: startRect.height });
    }
  }

  return {
    name: 'webkit',
    version,
    // No console access through classic WebDriver: pages get the recorder script.
    needsRecorder: true,
    // One MiniBrowser session for all tests (a session takes ~3 s to start);
    // each test uses a new origin, so no state carries over.
    newPage: async () => new WebKitPage(),
    quit: async () => {
      try {
        await driver.quit();
      } finally {
        proc.kill();
      }
    },
  };
}

// --- Firefox ESR ----------------------------------------------------------------

async function launchFirefox() {
  const executablePath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing (Debian: firefox-esr; scripts/setup.sh test installs it)`);
  const puppeteer = require('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath, headless: true });
  const version = `Firefox ${(await browser.version()).replace(/^firefox\//i, '')} (WebDriver BiDi, puppeteer-core)`;

  class FirefoxPage {
    constructor(context, page) {
      this.context = context;
      this.page = page;
      this.frame = page.mainFrame();
      this.seen = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') this.seen.push(msg.text());
      });
      page.on('pageerror', (err) => this.seen.push(`uncaught: ${err?.stack ?? err}`));
    }

    async goto(url) {
      this.frame = this.page.mainFrame();
      await this.page.goto(url);
    }

    async reload() {
      this.frame = this.page.mainFrame();
      await this.page.reload();
    }

    eval(fn, ...args) {
      return this.frame.evaluate(fn, ...args);
    }

    waitFor(fn, args = [], what = String(fn), timeout = 20_000) {
      return poll(() => this.eval(fn, ...args), what, timeout);
    }

    async click(target) {
      const { host = null, css } = typeof target === 'string' ? { css: target } : target;
      const handle = await this.frame.evaluateHandle(
        (h, sel) => (h === null ? document : document.querySelectorAll('[data-pyprep]')[h]?.shadowRoot)?.querySelector(sel) ?? null,
        host,
        css,
      );
      const el = handle.asElement();
      if (!el) {
        await handle.dispose();
        throw new Error(`no element ${css}${host === null ? '' : ` in mount point #${host}`}`);
      }
      try {
        await el.click();
      } finally {
        await el.dispose();
      }
    }

    async enterFrame(css) {
      const handle = await this.frame.waitForSelector(css);
      this.frame = await handle.contentFrame();
      await handle.dispose();
    }

    async leaveFrame() {
      this.frame = this.page.mainFrame();
    }

    async setViewport(width, height) {
      await this.page.setViewport({ width, height });
      return this.page.mainFrame().evaluate(() => ({ width: innerWidth, height: innerHeight }));
    }

    async errors() {
      return [...this.seen];
    }

    async close() {
      await this.context.close();
    }
  }

  return {
    name: 'firefox',
    version,
    needsRecorder: false,
    newPage: async () => {
      const context = await browser.createBrowserContext();
      return new FirefoxPage(context, await context.newPage());
    },
    quit: () => browser.close(),
  };
}
