// Every interface string lives in assets/i18n/{vi,en}.json, or for the secretariat's screens in
// assets/i18n/secretariat/{vi,en}.json (compiled into the full edition only): each key the code
// uses exists in both languages, both catalogues have the same keys, and no file of the unit's
// edition uses a key that only the full edition has (it would show the bare key).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const read = (rel) => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const secVi = read('assets/i18n/secretariat/vi.json'), secEn = read('assets/i18n/secretariat/en.json');
const vi = { ...read('assets/i18n/vi.json'), ...secVi };
const en = { ...read('assets/i18n/en.json'), ...secEn };
// The full edition's own files (HOSO_SECRETARIAT_SOURCES in cmake/web.cmake).
const fullEditionOnly = /(secretariat_session|secretariat_ui|intake_screen|registry_screen|council_screen|awards_screen|campaigns_screen)\.(cpp|hpp)$/;
const used = new Set();
const problems = [];
const keyLike = /"([a-z_]+(?:\.[a-z0-9_]+)+)"/g;
const call = /\btrf?\(\s*"([a-z0-9_.]+)"/g;
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { walk(p); continue; }
    if (!/\.(cpp|hpp)$/.test(name)) continue;
    const text = readFileSync(p, 'utf8');
    const here = new Set();
    for (const m of text.matchAll(call)) here.add(m[1]);
    // Keys kept in tables ({..., "nav.dashboard", ...}) are checked too when a catalogue has
    // them in one language only.
    for (const m of text.matchAll(keyLike)) if (m[1] in vi || m[1] in en) here.add(m[1]);
    for (const k of here) {
      used.add(k);
      if ((k in secVi || k in secEn) && !fullEditionOnly.test(name)) problems.push(`${name} (unit's edition) uses ${k} of i18n/secretariat/`);
    }
  }
})(join(root, 'src'));
for (const k of used) {
  if (!(k in vi)) problems.push(`missing in vi.json: ${k}`);
  if (!(k in en)) problems.push(`missing in en.json: ${k}`);
}
for (const k of Object.keys(vi)) if (!(k in en)) problems.push(`only in vi.json: ${k}`);
for (const k of Object.keys(en)) if (!(k in vi)) problems.push(`only in en.json: ${k}`);
// Every character of every string can be drawn: it is in the font's ranges (kRanges in
// src/ui/theme.cpp; Noto Sans Regular has no arrows, so "→" would be drawn as "�").
const theme = readFileSync(join(root, 'src/ui/theme.cpp'), 'utf8');
const ranges = [...theme.match(/kRanges\[\] = \{([^}]*)\}/)[1].matchAll(/0x([0-9A-Fa-f]+)/g)].map((m) => parseInt(m[1], 16));
const drawable = (cp) => cp === 10 || ranges.some((_, i) => i % 2 === 0 && cp >= ranges[i] && cp <= ranges[i + 1]);
for (const [file, cat] of [['vi.json', vi], ['en.json', en]]) {
  for (const [k, text] of Object.entries(cat)) {
    for (const ch of text.normalize('NFC')) if (!drawable(ch.codePointAt(0))) problems.push(`${file} ${k}: "${ch}" (U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}) is not in the font`);
  }
}
for (const p of problems) console.log(p);
console.log(`strings: ${used.size} keys used; ${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
process.exit(problems.length ? 1 : 0);
