// Every interface string lives in assets/i18n/{vi,en}.json: each key the code uses exists in both,
// and both catalogues have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const vi = JSON.parse(readFileSync(join(root, 'assets/i18n/vi.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(root, 'assets/i18n/en.json'), 'utf8'));
const used = new Set();
const keyLike = /"([a-z_]+(?:\.[a-z0-9_]+)+)"/g;
const call = /\btrf?\(\s*"([a-z0-9_.]+)"/g;
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { walk(p); continue; }
    if (!/\.(cpp|hpp)$/.test(name)) continue;
    const text = readFileSync(p, 'utf8');
    for (const m of text.matchAll(call)) used.add(m[1]);
    // Keys kept in tables ({..., "nav.dashboard", ...}) are checked too when a catalogue has
    // them in one language only.
    for (const m of text.matchAll(keyLike)) if (m[1] in vi || m[1] in en) used.add(m[1]);
  }
})(join(root, 'src'));
const problems = [];
for (const k of used) {
  if (!(k in vi)) problems.push(`missing in vi.json: ${k}`);
  if (!(k in en)) problems.push(`missing in en.json: ${k}`);
}
for (const k of Object.keys(vi)) if (!(k in en)) problems.push(`only in vi.json: ${k}`);
for (const k of Object.keys(en)) if (!(k in vi)) problems.push(`only in en.json: ${k}`);
for (const p of problems) console.log(p);
console.log(`strings: ${used.size} keys used; ${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
process.exit(problems.length ? 1 : 0);
