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
const glue = [...one(/^pyprep(-[0-9a-f]+)?\.js$/), ...one(/^pyprep(-[0-9a-f]+)?_bg\.wasm$/), ...one(/^split-[0-9a-f]+\.js$/)];
const standalone = sum('standalone (index.html, boot, JS glue, split link, main wasm, 4 CSS)', [...one(/^index\.html$/), ...one(/^boot-[0-9a-f]+\.js$/), ...glue, ...one(/^(theme|app|screens|code)-[0-9a-f]+\.css$/)]);
const embed = sum('script embed (embed.js, JS glue, split link, main wasm, widget CSS)', [...one(/^embed\.js$/), ...glue, ...one(/^widget-[0-9a-f]+\.css$/)]);
const answers = one(/^answers\//).sort((a, b) => a[2] - b[2]);
const w = Math.max(...[...rows, standalone, embed].map((r) => r[0].length), 5) + 4;
const line = (r) => console.log(`${r[0].padEnd(w)}  ${r.slice(1).map((n) => String(n).padStart(9)).join('  ')}`);
console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) line(r);
console.log('\nwhat each path downloads before its first card (no answer file yet)');
if (glue.length !== 3) console.log('(no JS glue and wasm found: not a Trunk release build?)');
line(standalone);
line(embed);
// The parts that load on first use (scripts/split_wasm.mjs): each with the
// shared modules it needs, as the link module lists them.
const link = one(/^split-[0-9a-f]+\.js$/)[0];
if (link) {
  const parts = JSON.parse(/const PARTS = (\{.*\});/.exec(fs.readFileSync(path.join('dist', link[0]), 'utf8'))[1]);
  const byName = new Map(rows.map((r) => [r[0], r]));
  console.log('\nthe parts that load on first use, each with the shared modules it needs');
  for (const [name, list] of Object.entries(parts)) line(sum(`part ${name} (${list.length} files)`, list.map((f) => byName.get(f))));
  line(sum('every part file', one(/^(split_[a-z]+|chunk_\d+)-[0-9a-f]+\.wasm$/)));
}
if (answers.length) {
  const plus = (base, a) => [`${base[0].split(' (')[0]} + ${a[0]}`, base[1] + a[1], base[2] + a[2], base[3] + a[3]];
  console.log('\nwith one category\'s answer file (the smallest and the largest)');
  line(plus(embed, answers[0]));
  line(plus(embed, answers[answers.length - 1]));
  line(sum(`all ${answers.length} answer files`, answers));
}
JS

# What the main wasm is made of: code and data apart, the 30 largest functions
# and the code per crate. The names come from the main module's wasm-bindgen
# output (scripts/split_wasm.mjs keeps it), before wasm-opt: its functions are
# about 10% larger than the shipped ones (wasm-opt -g loses most names of a
# split module, so it cannot be optimised again with names).
wasm=$(ls dist/pyprep-*_bg.wasm)
bindgen=target/split/bg/pyprep_bg.wasm
if [ -f "$bindgen" ]; then
  node scripts/wasm_parts.mjs "$wasm" "$bindgen"
else
  node scripts/wasm_parts.mjs "$wasm"
fi
