// `make size`, second half: what the shipped wasm is made of.
//   node scripts/wasm_parts.mjs <shipped.wasm> [<named.wasm>]
// Prints the wasm's code and data bytes apart (raw and gzip -9 of each section
// alone), then, from a copy optimised the same way but with function names kept
// (scripts/size.sh makes it with `wasm-opt -Oz -g`), the 30 largest functions and
// the code bytes per crate. Not a test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [shipped, named] = process.argv.slice(2);
if (!shipped) {
  console.error('usage: node scripts/wasm_parts.mjs <shipped.wasm> [<named.wasm>]');
  process.exit(2);
}

/** The module's sections: { id, name (custom only), start, end } over the bytes. */
function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const [size, after] = leb(bytes, pos);
    const s = { id, start: after, end: after + size };
    if (id === 0) {
      const [len, p] = leb(bytes, after);
      s.name = bytes.toString('utf8', p, p + len);
    }
    out.push(s);
    pos = s.end;
  }
  return out;
}

/** An unsigned LEB128 at `pos`: [value, position after it]. */
function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, pos];
    shift += 7;
  }
}

const KIND = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count' };
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const bytes = readFileSync(shipped);
const parts = new Map();
for (const s of sections(bytes)) {
  const name = s.id === 0 ? `custom "${s.name}"` : KIND[s.id] ?? `section ${s.id}`;
  const group = s.id === 10 ? 'code' : s.id === 11 ? 'data' : 'other';
  const p = parts.get(group) ?? { raw: 0, chunks: [], names: [] };
  p.raw += s.end - s.start;
  p.chunks.push(bytes.subarray(s.start, s.end));
  p.names.push(name);
  parts.set(group, p);
}
console.log(`\n${shipped}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
console.log('part   raw KiB  gzip KiB  (each part compressed alone)');
for (const group of ['code', 'data', 'other']) {
  const p = parts.get(group);
  if (!p) continue;
  const gz = gzipSync(Buffer.concat(p.chunks), { level: 9 }).length;
  console.log(`${group.padEnd(5)} ${kb(p.raw)}   ${kb(gz)}   ${[...new Set(p.names)].join(', ')}`);
}

if (!named) process.exit(0);

// Function sizes from the named copy: code section bodies, names from the
// "name" custom section (subsection 1), imports counted first.
const nb = readFileSync(named);
const secs = sections(nb);
let imported = 0;
const imp = secs.find((s) => s.id === 2);
if (imp) {
  let [count, p] = leb(nb, imp.start);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 2; j++) {
      const [len, q] = leb(nb, p);
      p = q + len;
    }
    const kind = nb[p++];
    if (kind === 0) { imported++; p = leb(nb, p)[1]; }
    else if (kind === 1) { p++; const flags = nb[p++]; p = leb(nb, p)[1]; if (flags & 1) p = leb(nb, p)[1]; }
    else if (kind === 2) { const flags = nb[p++]; p = leb(nb, p)[1]; if (flags & 1) p = leb(nb, p)[1]; }
    else if (kind === 3) { p += 2; }
    else if (kind === 4) { p++; p = leb(nb, p)[1]; }
  }
}
const names = new Map();
const nameSec = secs.find((s) => s.id === 0 && s.name === 'name');
if (nameSec) {
  let [len, p] = leb(nb, nameSec.start);
  p += len;
  while (p < nameSec.end) {
    const sub = nb[p++];
    const [size, q] = leb(nb, p);
    if (sub === 1) {
      let [count, r] = leb(nb, q);
      for (let i = 0; i < count; i++) {
        const [index, r1] = leb(nb, r);
        const [n, r2] = leb(nb, r1);
        names.set(index, nb.toString('utf8', r2, r2 + n));
        r = r2 + n;
      }
    }
    p = q + size;
  }
}
const code = secs.find((s) => s.id === 10);
const funcs = [];
let [count, p] = leb(nb, code.start);
for (let i = 0; i < count; i++) {
  const [size, q] = leb(nb, p);
  funcs.push({ name: names.get(imported + i) ?? `func ${imported + i}`, size: size + (q - p) });
  p = q + size;
}
const total = funcs.reduce((t, f) => t + f.size, 0);
const plain = (n) => n.replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
console.log(`\n30 largest of ${funcs.length} functions (${total} code bytes, raw)`);
for (const f of [...funcs].sort((a, b) => b.size - a.size).slice(0, 30)) {
  const n = plain(f.name);
  console.log(`${String(f.size).padStart(7)}  ${(100 * f.size / total).toFixed(1).padStart(4)}%  ${n.length > 110 ? `${n.slice(0, 107)}...` : n}`);
}

/** Where a function's bytes are counted: our modules by module, libraries by crate (sorting apart). */
function owner(name) {
  const n = plain(name).replace(/^[<&]+(mut )?/, "");
  const ours = n.match(/pyprep::([a-z_]+(?:::[a-z_]+)?)/);
  if (n.startsWith('core::slice::sort')) return 'core::slice::sort (every sort call site)';
  if (/^core::(fmt::float|num::(flt2dec|dec2flt|bignum|diy_float))|^zmij|as core::str::traits::FromStr>::from_str/.test(n)) return 'float formatting and parsing';
  if (/CompStateInner<COMP>|CreateRunner<COMP>/.test(n)) return 'yew: component bodies (our views, inlined)';
  if (ours && !/^(yew|core|alloc|serde|hashbrown)/.test(n)) return `pyprep::${ours[1]}`;
  const crate = n.match(/^([a-z_0-9]+)/);
  return crate ? crate[1] : n.slice(0, 40);
}
const by = new Map();
for (const f of funcs) by.set(owner(f.name), (by.get(owner(f.name)) ?? 0) + f.size);
console.log('\ncode bytes by owner (raw; 25 largest)');
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${String(v).padStart(7)}  ${(100 * v / total).toFixed(1).padStart(4)}%  ${k}`);
}
