// The deck as the content files define it: question id → category, read from
// content/*.md (`Category: x` then `## id` headings), so a test can check
// which category a card belongs to without trusting the app under test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Map of question id → category id, in file order. */
export function categoryOfIds(dir = resolve('content')) {
  const map = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    let category = null;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const cat = /^Category:\s*(\S+)\s*$/.exec(line);
      if (cat) category = cat[1];
      const heading = /^## (\S+)\s*$/.exec(line);
      if (heading) {
        if (!category) throw new Error(`${file}: question ${heading[1]} before any Category: line`);
        map.set(heading[1], category);
      }
    }
  }
  if (map.size === 0) throw new Error(`no questions found under ${dir}`);
  return map;
}

/** Question ids of one category, in file order. */
export function idsOf(map, category) {
  return [...map].filter(([, c]) => c === category).map(([id]) => id);
}
