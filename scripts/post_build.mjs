// Trunk post_build hook (see Trunk.toml): runs once Trunk has written the
// whole build into $TRUNK_STAGING_DIR, before it replaces dist/. Writes
//   embed.js              the script embed's loader: stable name, bakes in the
//                         hashed file names of this build
//   manifest.webmanifest  web app manifest (icons come from assets/icons/,
//                         copied by index.html's copy-dir link)
//   sw.js                 service worker precaching exactly this build
//   answers/*.json        the answer files build.rs wrote (target/answers/), one per
//                         category, preloaded by embed.js for its categories
//   code/*.json           the code files (output cards' code and output), one per
//                         category, fetched only when a code card shows
//   run-worker.js, pyodide/, wheels/, run-files.json
//                         Run in the page (copyRunFiles): loaded on the first Run only,
//                         cached by the service worker after that, never precached
//   split-<hash>.js, *-<hash>.wasm
//                         the parts of the app that load on first use, split out of
//                         the main wasm (split_wasm.mjs)
// examples/ and icons/ are copied by Trunk itself (copy-dir links in index.html).
// Every URL written here is relative, so the build works from any sub-path.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitWasm } from './split_wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: this script runs as a Trunk post_build hook');

/** Theme colours, the page background of styles/theme.css (--bg). */
const THEME = { light: '#ffffff', dark: '#0f1419' };

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

/** The one staged file whose name matches `pattern`; fails the build otherwise. */
function theOne(files, pattern, what) {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) fail(`expected one ${what} (${pattern}) in the build, found ${found.length}: ${found.join(', ')}`);
  return found[0];
}

function fail(message) {
  console.error(`post_build: ${message}`);
  process.exit(1);
}

function write(name, text) {
  writeFileSync(join(staging, name), text);
  console.log(`post_build: wrote ${name} (${Buffer.byteLength(text)} bytes)`);
}

// The answer files of this build, as build.rs listed them.
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const answersDir = join(source, 'target', 'answers');
if (!existsSync(join(answersDir, 'manifest.txt'))) fail('target/answers/manifest.txt is missing: build.rs writes it');
const answerFiles = readFileSync(join(answersDir, 'manifest.txt'), 'utf8').split('\n').filter(Boolean);
mkdirSync(join(staging, 'answers'), { recursive: true });
mkdirSync(join(staging, 'code'), { recursive: true });
for (const f of answerFiles) {
  if (!existsSync(join(answersDir, f))) fail(`${f} (listed by build.rs) is missing`);
  copyFileSync(join(answersDir, f), join(staging, f));
}
/** Category id -> answer file, e.g. { dsa: 'answers/dsa-0123456789abcdef.json' }. */
const answersByCategory = Object.fromEntries(answerFiles.filter((f) => f.startsWith('answers/')).map((f) => [f.slice('answers/'.length).replace(/-[0-9a-f]{16}\.json$/, ''), f]));
console.log(`post_build: copied ${answerFiles.length} answer files`);

// index.html: no inline script, so a `script-src 'self'` CSP allows the
// page: Trunk's inline module loader moves into boot-<hash>.js. (The answer
// files are not preloaded: the app fetches the first card's category as the
// card appears and the others once the first screen is painted, so they never
// compete with the wasm for the first card.)
{
  const page = join(staging, 'index.html');
  let html = readFileSync(page, 'utf8');
  const inline = /<script type="module">([\s\S]*?)<\/script>/g;
  const loaders = [...html.matchAll(inline)];
  if (loaders.length !== 1) fail(`expected Trunk's one inline module loader in index.html, found ${loaders.length}`);
  const code = loaders[0][1].trim() + '\n';
  const boot = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, boot), code);
  html = html.replace(loaders[0][0], `<script type="module" src="./${boot}"></script>`);
  if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) fail('index.html still has an inline script');
  writeFileSync(page, html);
}

/**
 * The widget's stylesheet: build.rs wrote theme.css + app.css + screens.css + code.css with every rem in
 * pixels (target/answers/widget.css); staged as widget-<hash>.css.
 */
function widgetSheet() {
  const from = join(answersDir, 'widget.css');
  if (!existsSync(from)) fail('target/answers/widget.css is missing: build.rs writes it');
  const text = readFileSync(from);
  const name = `widget-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(staging, name), text);
  return name;
}

const staged = listFiles(staging);
const build = {
  js: theOne(staged, /^pyprep(-[0-9a-f]+)?\.js$/, 'JS glue'),
  wasm: theOne(staged, /^pyprep(-[0-9a-f]+)?_bg\.wasm$/, 'wasm module'),
  css: widgetSheet(),
};
// The parts that load on first use come out of the main wasm (split_wasm.mjs).
const split = splitWasm({ staging, source, js: build.js, wasm: build.wasm, fail });
build.split = split.files;
build.link = split.link;
build.first = firstScreen(split.parts);
for (const f of ['index.html', 'register-sw.js', 'icons/icon.svg', 'icons/icon-maskable.svg', 'examples/blog.html', 'examples/course.html']) {
  if (!existsSync(join(staging, f))) fail(`${f} is missing from the build (see the copy-dir links in index.html)`);
}

write('embed.js', embedLoader(build, answersByCategory));
write('manifest.webmanifest', `${JSON.stringify(manifest(), null, 2)}\n`);

const run = copyRunFiles();

// The service worker comes last so that its list holds every other file.
const precache = ['./', ...listFiles(staging).filter((f) => f !== 'sw.js' && !run.files.includes(f))];
const digest = createHash('sha256');
for (const f of precache.slice(1)) digest.update(`${f}\0`).update(readFileSync(join(staging, f))).update('\0');
const cacheName = `pyprep-${digest.digest('hex').slice(0, 12)}`;
write('sw.js', serviceWorker(cacheName, precache, [...Object.values(build).flat(), ...answerFiles], run));

/**
 * Run in the page (issue 16): copies the worker (assets/run-worker.js), the
 * Pyodide files it loads (from the npm package scripts/setup.sh installs into
 * target/run/) and the bundled wheels into the build, writes run-files.json
 * (sizes for the progress bar, wheel files by name), and reports how the
 * Python samples were classified. Returns the files and a digest of them:
 * the service worker caches these on first use instead of precaching them.
 */
function copyRunFiles() {
  const from = join(source, 'target', 'run');
  const pyodide = join(from, 'node_modules', 'pyodide');
  if (!existsSync(join(pyodide, 'package.json'))) fail('target/run/node_modules/pyodide is missing: run scripts/setup.sh');
  const files = ['run-worker.js'];
  copyFileSync(join(source, 'assets', 'run-worker.js'), join(staging, 'run-worker.js'));
  mkdirSync(join(staging, 'pyodide'), { recursive: true });
  // The worker imports the two .mjs files; it fetches the other three.
  const sizes = {};
  for (const f of ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']) {
    if (!existsSync(join(pyodide, f))) fail(`the pyodide package has no ${f}`);
    copyFileSync(join(pyodide, f), join(staging, 'pyodide', f));
    files.push(`pyodide/${f}`);
    if (!f.endsWith('.mjs')) sizes[`pyodide/${f}`] = statSync(join(pyodide, f)).size;
  }
  const wheelDir = join(from, 'wheels');
  const wheelFiles = existsSync(wheelDir) ? readdirSync(wheelDir).filter((f) => f.endsWith('.whl')).sort() : [];
  if (wheelFiles.length === 0) fail('target/run/wheels has no wheels: run scripts/setup.sh');
  mkdirSync(join(staging, 'wheels'), { recursive: true });
  const wheels = {};
  for (const f of wheelFiles) {
    copyFileSync(join(wheelDir, f), join(staging, 'wheels', f));
    files.push(`wheels/${f}`);
    // The distribution's name as the classifier spells it: lower case, '-'.
    wheels[f.split('-')[0].toLowerCase().replace(/_/g, '-')] = { file: `wheels/${f}`, size: statSync(join(wheelDir, f)).size };
  }
  const list = `${JSON.stringify({ pyodide: sizes, wheels }, null, 1)}\n`;
  write('run-files.json', list);
  files.push('run-files.json');
  const counts = { stdlib: 0, wheels: 0, local: 0 };
  for (const f of answerFiles) {
    for (const m of readFileSync(join(staging, f), 'utf8').matchAll(/data-run=\\?"(stdlib|wheels|local)/g)) counts[m[1]] += 1;
  }
  console.log(`post_build: Run in the page: ${counts.stdlib} stdlib samples, ${counts.wheels} with bundled wheels, ${counts.local} local only`);
  const digest = createHash('sha256');
  for (const f of files) digest.update(`${f}\0`).update(readFileSync(join(staging, f))).update('\0');
  return { files, cache: `pyprep-run-${digest.digest('hex').slice(0, 12)}` };
}

/**
 * first-<hash>.js, a classic script in index.html's head: when the page opens
 * on the start page, it starts downloading that screen's part beside the main
 * wasm (the start page is a part: a card never needs it).
 */
function firstScreen(parts) {
  if (!parts.home) fail('the split has no home part (src/ui/parts.rs)');
  const code = `// Starts the start page's part beside the main wasm when the page opens on it (scripts/post_build.mjs).
(() => {
  const route = location.hash.replace(/^#\\/?/, "").split(/[/?]/)[0];
  if (route !== "") return;
  for (const file of ${JSON.stringify(parts.home)}) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = file;
    document.head.append(link);
  }
})();
`;
  const name = `first-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  const page = join(staging, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!html.includes('</head>')) fail('index.html has no </head>');
  writeFileSync(page, html.replace('</head>', `<script src="./${name}"></script></head>`));
  return name;
}

/** The loader a host page includes with <script type="module" src=".../embed.js">. */
function embedLoader({ js, wasm, css, link }, answers) {
  return `// pyprep script embed loader, generated by scripts/post_build.mjs for this build.
// Usage: <div data-pyprep data-categories="dsa"></div>
//        <script type="module" src="https://example.org/pyprep/embed.js"></script>
// Loads the hashed build next to this file (relative to import.meta.url), then
// mounts a widget into every [data-pyprep] element. window.pyprep.mount()
// mounts elements added later. Never registers a service worker.
const at = (file) => new URL(file, import.meta.url).href;
const ANSWERS = ${JSON.stringify(answers)};

// Start every download at once: the wasm and the answer files of the
// categories on this page download while the JS glue and styles arrive
// (the wasm's own fetches then find them in the preload cache).
function preload(file) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = at(file);
  document.head.append(link);
}
preload(${JSON.stringify(wasm)});
{
  // The glue imports the link module of the parts that load on first use.
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.crossOrigin = "anonymous";
  link.href = at(${JSON.stringify(link)});
  document.head.append(link);
}
{
  const wanted = new Set();
  for (const el of document.querySelectorAll("[data-pyprep]")) {
    // data-questions names no category here: the wasm fetches those itself.
    if (el.dataset.questions) continue;
    const list = (el.dataset.categories ?? "").split(",").map((c) => c.trim().toLowerCase()).filter(Boolean);
    for (const c of list.length ? list : Object.keys(ANSWERS)) wanted.add(c);
  }
  for (const c of wanted) if (ANSWERS[c]) preload(ANSWERS[c]);
}

async function load() {
  const sheet = (file) =>
    fetch(at(file)).then((r) => {
      if (!r.ok) throw new Error(\`HTTP \${r.status} for \${r.url}\`);
      return r.text();
    });
  const [cssText, glue] = await Promise.all([sheet(${JSON.stringify(css)}), import(at(${JSON.stringify(js)}))]);
  await glue.default({ module_or_path: at(${JSON.stringify(wasm)}) });
  if (typeof glue.mount_all !== "function") throw new Error("this build has no mount_all export");
  const base = new URL("./", import.meta.url).href;
  const mount = () => glue.mount_all(cssText, base);
  window.pyprep = { mount };
  mount();
}

function showFailure(error) {
  console.error("pyprep: the practice widget could not load.", error);
  for (const el of document.querySelectorAll("[data-pyprep]:not([data-pyprep-mounted])")) {
    const note = document.createElement("p");
    note.setAttribute("role", "alert");
    note.dataset.testid = "embed-error";
    note.textContent = \`The Python practice widget could not load (\${error?.message ?? error}). Reload the page to try again.\`;
    el.dataset.pyprepError = "";
    el.replaceChildren(note);
  }
}

load().catch(showFailure);
`;
}

/** The web app manifest of the standalone page. */
function manifest() {
  return {
    name: 'pyprep: Python interview practice',
    short_name: 'pyprep',
    description: 'Practise Python interview questions with model answers and spaced repetition, offline.',
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: THEME.light,
    theme_color: THEME.light,
    icons: [
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: 'icons/icon-maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
    ],
  };
}

/** The service worker: cache-first for this build's files, network for the rest. */
function serviceWorker(cacheName, files, hashed, run) {
  return `// pyprep service worker, generated by scripts/post_build.mjs: precaches exactly
// this build. A new release has a new cache name; activating it deletes the old one.
const CACHE = ${JSON.stringify(cacheName)};
// Run in the page: the interpreter's files are cached on first use, not
// precached (most visits never press Run), in a cache of their own.
const RUN_CACHE = ${JSON.stringify(run.cache)};
const RUN_FILES = ${JSON.stringify(run.files)};
const FILES = ${JSON.stringify(files, null, 1)};
// Content-hashed names: any copy is the right one, the HTTP cache may serve them.
const HASHED = new Set(${JSON.stringify(hashed)});
const url = (file) => new URL(file, self.location).href;
const PRECACHED = new Set(FILES.map(url));
const ROOT = url("./");
const INDEX = url("index.html");
const RUN = new Set(RUN_FILES.map(url));

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (file) => {
      const response = await fetch(url(file), { cache: HASHED.has(file) ? "default" : "no-cache" });
      if (!response.ok) throw new Error(\`pyprep: cannot precache \${file}: HTTP \${response.status}\`);
      // A navigation must not be answered with a redirected response (hosts that
      // redirect index.html to ./): keep the body and headers only.
      await cache.put(url(file), response.redirected ? new Response(await response.blob(), response) : response);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    precache().then(
      () => self.skipWaiting(),
      async (error) => {
        await caches.delete(CACHE);
        throw error;
      },
    ),
  );
});

// Deletes older pyprep caches of this deployment (those holding this index.html);
// another pyprep build elsewhere on the same origin keeps its cache.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("pyprep-") && name !== CACHE && (await (await caches.open(name)).match(INDEX))) {
          await caches.delete(name);
        }
        if (name.startsWith("pyprep-run-") && name !== RUN_CACHE && (await (await caches.open(name)).match(url("run-worker.js")))) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const path = request.url.split(/[?#]/)[0];
  if (RUN.has(path)) {
    event.respondWith(runFile(event, path));
    return;
  }
  const key =
    request.mode === "navigate" && (path === ROOT || path === INDEX)
      ? INDEX
      : PRECACHED.has(request.url)
        ? request.url
        : null;
  if (!key) return; // not ours: the network, uncached
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit ?? fetch(request)),
  );
});

// Cache-first; a miss is fetched and kept, so Run works offline after one use.
// The copy is stored while the worker reads the response (its progress bar moves).
async function runFile(event, path) {
  const cache = await caches.open(RUN_CACHE);
  const hit = await cache.match(path);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.status === 200) event.waitUntil(cache.put(path, response.clone()));
  return response;
}
`;
}
