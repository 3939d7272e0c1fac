#!/usr/bin/env bash
# Raw, gzip -9 and brotli bytes of every file in dist/, and the total.
# Not a test: run after a build (make size builds first).
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
const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], ['total', 0, 0, 0]);
const w = Math.max(...rows.map((r) => r[0].length), 5);
console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) console.log(`${r[0].padEnd(w)}  ${String(r[1]).padStart(9)}  ${String(r[2]).padStart(9)}  ${String(r[3]).padStart(9)}`);
JS
