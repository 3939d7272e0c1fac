// Splits the app's wasm so that the first card loads only what it needs
// (issue 11). Called by post_build.mjs before anything else reads the build.
//
// src/ui/parts.rs marks the split points (wasm_split_helpers): every screen but
// practice, and the Run panels. Here:
//   1. wasm-split-cli splits the linked wasm Cargo wrote for Trunk (it keeps its
//      relocations: .cargo/config.toml) into the main module, one module per
//      part and small modules of code that several parts share;
//   2. wasm-bindgen makes the JS glue for the main module, and wasm-opt -Oz
//      optimises every module, as Trunk does for the whole one;
//   3. the main module and its glue replace Trunk's under Trunk's names (their
//      integrity hashes in index.html are updated); the others are staged as
//      <name>-<hash>.wasm with the link module split-<hash>.js.
// The link module is written here, not taken from wasm-split-cli: it fetches
// a part's files with retries and never reports a failure to the wasm (whose
// split runtime would panic). It tells the page with a `pyprep-split-failed`
// event and tries again on `pyprep-split-retry` or when the browser goes online.
// The build keeps the bindgen output (target/split/bg/) for `make size`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Splits the staged build in `staging`; `source` is the project root. `fail`
 * ends the build with a message. Returns the names of the files it staged.
 */
export function splitWasm({ staging, source, js, wasm, fail }) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  const linked = join(targetDir, 'wasm32-unknown-unknown', profile, 'pyprep.wasm');
  if (!existsSync(linked)) fail(`${linked} is missing: Trunk's cargo build writes it`);
  const work = join(source, 'target', 'split');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const run = (tool, args) => {
    try {
      execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      fail(`${tool} ${args.join(' ')} failed:\n${e.stderr ?? e.message}`);
    }
  };

  // 1. Split.
  const parts = join(work, 'parts');
  run('wasm-split-cli', [linked, parts]);
  const generated = readFileSync(join(parts, '__wasm_split.js'), 'utf8');
  const { shared, chunks, splits } = readLinkModule(generated, fail);

  // 2. Glue for the main module; optimise every module.
  const bg = join(work, 'bg');
  run('wasm-bindgen', [join(parts, 'main.wasm'), '--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bg, '--out-name', 'pyprep']);
  // WASM_NAMES=1 keeps the function names, for a CPU profile that names them.
  const names = process.env.WASM_NAMES === '1' ? ['-g'] : [];
  const opt = (from, to) => run('wasm-opt', ['-Oz', ...names, ...FEATURES, from, '-o', to]);

  const staged = [];
  const stage = (stem, from) => {
    const optimised = join(work, `${stem}.opt.wasm`);
    opt(from, optimised);
    const bytes = readFileSync(optimised);
    const name = `${stem}-${hash(bytes)}.wasm`;
    writeFileSync(join(staging, name), bytes);
    staged.push(name);
    return name;
  };
  const chunkFiles = Object.fromEntries(Object.entries(chunks).map(([v, file]) => [v, stage(file.replace(/\.wasm$/, ''), join(parts, file))]));
  const splitFiles = Object.fromEntries(
    Object.entries(splits).map(([name, { file, deps }]) => [name, [...deps.map((d) => chunkFiles[d]), stage(file.replace(/\.wasm$/, ''), join(parts, file))]]),
  );

  // 3. The link module, the main module and its glue.
  const link = linkModule(js, shared, splitFiles);
  const linkName = `split-${hash(link)}.js`;
  writeFileSync(join(staging, linkName), link);
  staged.push(linkName);

  const mainOpt = join(work, 'main.opt.wasm');
  opt(join(bg, 'pyprep_bg.wasm'), mainOpt);
  const mainBytes = readFileSync(mainOpt);
  writeFileSync(join(staging, wasm), mainBytes);
  let glue = readFileSync(join(bg, 'pyprep.js'), 'utf8');
  const imports = [...glue.matchAll(/from "\.\/__wasm_split\.js"/g)].length;
  if (imports === 0) fail('the wasm-bindgen glue does not import the split link module');
  glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${linkName}"`);
  writeFileSync(join(staging, js), glue);

  const page = join(staging, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const [file, bytes] of [[js, Buffer.from(glue)], [wasm, mainBytes]]) {
    const tag = new RegExp(`(href="\\./${file.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`);
    if (!tag.test(html)) fail(`index.html has no integrity hash for ${file}`);
    html = html.replace(tag, `$1${sri(bytes)}$2`);
  }
  // The glue imports the link module: fetch it beside the glue, not after.
  html = html.replace('</head>', `<link rel="modulepreload" href="./${linkName}" crossorigin="anonymous" integrity="${sri(Buffer.from(link))}"></head>`);
  writeFileSync(page, html);

  const size = (f) => statSync(join(staging, f)).size;
  console.log(`post_build: split the wasm: main ${mainBytes.length} bytes, ${Object.keys(splits).length} parts (${Object.keys(splits).join(', ')}), ${Object.keys(chunks).length} shared modules, ${staged.filter((f) => f.endsWith('.wasm')).reduce((n, f) => n + size(f), 0)} bytes`);
  return { files: staged, link: linkName, parts: splitFiles };
}

/**
 * What wasm-split-cli's own link module says: the main module's exports the
 * parts import, the shared modules and each part's file and shared modules.
 * Fails the build if its shape is not the one this reads.
 */
function readLinkModule(text, fail) {
  const sharedMatch = text.match(/const \{ ([^}]*) \} = initSync\(undefined, undefined\);/);
  if (!sharedMatch) fail('wasm-split-cli wrote a link module of an unknown shape (no initSync exports)');
  const shared = sharedMatch[1].split(',').map((s) => s.trim()).filter(Boolean);
  const chunks = {};
  for (const m of text.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);/g)) {
    chunks[m[1]] = m[2];
  }
  const splits = {};
  const exportPattern = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n\}\n, \[([^\]]*)\]\)\);/g;
  for (const m of text.matchAll(exportPattern)) {
    const deps = m[3].split(',').map((s) => s.trim()).filter(Boolean);
    for (const d of deps) if (!chunks[d]) fail(`the link module names an unknown shared module ${d}`);
    splits[m[1]] = { file: m[2], deps };
  }
  const loads = [...text.matchAll(/makeLoad\(/g)].length - 1; // the definition itself
  if (loads !== Object.keys(chunks).length + Object.keys(splits).length) {
    fail(`read ${Object.keys(chunks).length} shared modules and ${Object.keys(splits).length} parts of ${loads} in wasm-split-cli's link module`);
  }
  if (Object.keys(splits).length === 0) fail('wasm-split-cli found no split points');
  return { shared, chunks, splits };
}

/** The link module: loads a part's files when the wasm asks for it. */
function linkModule(glue, shared, splitFiles) {
  return `// Loads the parts of pyprep that load on first use (scripts/split_wasm.mjs).
import { initSync } from "./${glue}";
const SHARED = ${JSON.stringify(shared)};
// Each part: its files, the shared modules first.
const PARTS = ${JSON.stringify(splitFiles)};
let imports;
function shared() {
  if (!imports) {
    const main = initSync(undefined, undefined);
    imports = { __wasm_split: Object.fromEntries(SHARED.map((name) => [name, main[name]])) };
  }
  return imports;
}
// One download and one instance per file, shared by every part that needs
// it; a failed attempt is forgotten so that the next one starts afresh.
const memo = (make) => {
  const cache = new Map();
  return (file) => {
    let pending = cache.get(file);
    if (!pending) {
      pending = make(file);
      pending.catch(() => cache.delete(file));
      cache.set(file, pending);
    }
    return pending;
  };
};
const download = memo((file) =>
  fetch(new URL(file, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(\`\${file}: HTTP \${response.status}\`);
    return response.arrayBuffer();
  }),
);
const instance = memo((file) => download(file).then((bytes) => WebAssembly.instantiate(bytes, shared())));
function whenRetried() {
  return new Promise((resolve) => {
    const go = () => {
      removeEventListener("pyprep-split-retry", go);
      removeEventListener("online", go);
      resolve();
    };
    addEventListener("pyprep-split-retry", go);
    addEventListener("online", go);
  });
}
async function load(part) {
  const files = PARTS[part];
  const own = files[files.length - 1];
  for (;;) {
    try {
      files.forEach(download);
      // The shared modules first: the part's own module calls into them.
      await Promise.all(files.slice(0, -1).map(instance));
      await instance(own);
      return;
    } catch (error) {
      console.warn(\`pyprep: the \${part} part could not be loaded\`, error);
      dispatchEvent(new CustomEvent("pyprep-split-failed", { detail: part }));
      await whenRetried();
    }
  }
}
function loader(part) {
  return (callback, data) => {
    load(part).then(() => shared().__wasm_split.__indirect_function_table.get(callback)(data, true));
  };
}
${Object.keys(splitFiles).map((part) => `export const __wasm_split_load_${part} = loader(${JSON.stringify(part)});`).join('\n')}
`;
}
