#!/usr/bin/env bash
# Raw, gzip -9 and brotli bytes of every file in dist/, the total, and what a
# browser downloads on each path: the standalone page (index.html + JS glue +
# wasm + CSS) and the script embed (embed.js + the same three), with the
# difference between them. Not a test: run after a build (make size builds first).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run make build first" >&2; exit 1; }
node - <<'JS'
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    e.isDirectory() ? walk(p) : files.push(p);
  }
})('dist');
const rows = files.sort().map((f) => {
  const b = fs.readFileSync(f);
  return [path.relative('dist', f), b.length, zlib.gzipSync(b, { level: 9 }).length,
    zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
});
const sum = (name, picked) => picked.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], [name, 0, 0, 0]);
const total = sum('total', rows);
const one = (re) => rows.filter((r) => re.test(r[0]));
const app = [...one(/^pyprep(-[0-9a-f]+)?\.js$/), ...one(/^pyprep(-[0-9a-f]+)?_bg\.wasm$/), ...one(/^(theme|app)(-[0-9a-f]+)?\.css$/)];
const standalone = sum('standalone path (index.html + JS + wasm + CSS)', [...one(/^index\.html$/), ...app]);
const embed = sum('embed path (embed.js + JS + wasm + CSS)', [...one(/^embed\.js$/), ...app]);
const diff = ['embed adds over standalone', ...[1, 2, 3].map((i) => embed[i] - standalone[i])];
const w = Math.max(...[...rows, standalone, embed].map((r) => r[0].length), 5);
const signed = (n) => (n > 0 ? `+${n}` : String(n));
const line = (r, fmt = String) => console.log(`${r[0].padEnd(w)}  ${r.slice(1).map((n) => fmt(n).padStart(9)).join('  ')}`);
console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) line(r);
console.log('');
if (app.length !== 4) console.log('(no JS glue, wasm and two stylesheets found: not a Trunk release build?)');
line(standalone);
if (one(/^embed\.js$/).length) {
  line(embed);
  line(diff, signed);
} else {
  console.log('(no embed.js: the post_build hook did not run)');
}
JS

# What the wasm is made of: code and data apart, the 30 largest functions and
# the code per crate. The names come from Trunk's wasm-bindgen output optimised
# again like the release (`wasm-opt -Oz`) but with `-g`, which keeps them.
. .tools/env
wasm=$(ls dist/pyprep-*_bg.wasm)
bindgen=target/wasm-bindgen/release/pyprep_bg.wasm
if [ -f "$bindgen" ]; then
  mkdir -p target/size
  wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$bindgen" -o target/size/named.wasm
  node scripts/wasm_parts.mjs "$wasm" target/size/named.wasm
else
  node scripts/wasm_parts.mjs "$wasm"
fi
