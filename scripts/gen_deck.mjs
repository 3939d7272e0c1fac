// Writes a deck N times the size of content/ into <dir> for `make bench`:
//   node scripts/gen_deck.mjs <dir> <N>
// Every question of every category file is kept and followed by N-1 copies
// with ids `<id>-v2` ... `<id>-vN` and "(variant k)" after the question text,
// so the copies are valid content (build.rs checks them like the real deck)
// and search finds N times as many matches. README.md (the tag vocabulary)
// is copied as is.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, times] = process.argv.slice(2);
const n = Number(times);
if (!dir || !Number.isInteger(n) || n < 1) {
  console.error('usage: node scripts/gen_deck.mjs <dir> <N>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
copyFileSync('content/README.md', join(dir, 'README.md'));
let questions = 0;
for (const file of readdirSync('content').filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  const text = readFileSync(join('content', file), 'utf8');
  const start = text.search(/^## /m);
  const head = text.slice(0, start);
  const sections = text.slice(start).split(/^(?=## )/m);
  const out = [head];
  for (const section of sections) {
    const id = section.match(/^## (\S+)/)[1];
    out.push(section.endsWith('\n\n') ? section : `${section.trimEnd()}\n\n`);
    for (let k = 2; k <= n; k += 1) {
      out.push(
        section
          .replace(/^## \S+/, `## ${id}-v${k}`)
          .replace(/^Question: (.*)$/m, (_, q) => `Question: ${q} (variant ${k})`)
          .trimEnd() + '\n\n',
      );
    }
    questions += n;
  }
  writeFileSync(join(dir, file), out.join('').trimEnd() + '\n');
}
console.error(`gen_deck: ${questions} questions in ${dir}`);
