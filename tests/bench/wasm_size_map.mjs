// Where the bytes of the unit's wasm go (issue 19): every function body's size in the code section,
// named through the symbol map the build writes beside it (--emit-symbol-map: build/web/hoso.js.symbols),
// demangled, and summed by where its code comes from (the namespace names the source folder: hoso::ui
// is src/ui, hoso::app src/app, hoso::store src/store, the rest of hoso src/core; ImGui, nlohmann/json,
// libc++ and libc by their own names); then the data segments (strings, tables, the embedded font and
// assets) and the largest functions. Raw bytes of the wasm, and gzip -9 of the whole file for scale.
//
// The map must be of the build the browser benchmarks measured: the wasm beside the symbols is
// compared with $HOSO_DIST's (dist/), and a map of another build is refused.
//
//   node tests/bench/wasm_size_map.mjs [--build build/web] [--edition hoso] [--top 40] [--write]
// --build defaults to $HOSO_WASM_BUILD, else build/web. --write saves the results to
// benchmarks/results/sizemap.json (BENCHMARKS.md is built from it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, table } from './lib/stats.mjs';
import { DIST, ROOT, flag, saveResults, sha256File } from './lib/report.mjs';

const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
};
const BUILD = resolve(opt('build', process.env.HOSO_WASM_BUILD || join(ROOT, 'build', 'web')));
const EDITION = opt('edition', 'hoso');
const TOP = Number(opt('top', 40));

const wasmFile = join(BUILD, `${EDITION}.wasm`), symbolsFile = join(BUILD, `${EDITION}.js.symbols`);
if (!existsSync(wasmFile) || !existsSync(symbolsFile)) {
  console.error(`wasm_size_map: needs ${wasmFile} and ${symbolsFile} (scripts/build.sh web)`);
  process.exit(1);
}
const distWasm = join(DIST, `${EDITION}.wasm`);
if (existsSync(distWasm) && sha256File(distWasm) !== sha256File(wasmFile)) {
  console.error(`wasm_size_map: ${wasmFile} is not the build measured (${distWasm} differs); give --build the folder of that build`);
  process.exit(1);
}
const wasm = readFileSync(wasmFile);

// ---- the wasm binary: sections, imported functions, function bodies, data segments ------------
let at = 8;
function uleb() {
  let result = 0, shift = 0, byte;
  do { byte = wasm[at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
}
const sections = [];
let importedFunctions = 0;
const bodies = [];   // size of each defined function's body, in order
const segments = []; // size of each data segment
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
while (at < wasm.length) {
  const id = wasm[at++];
  const size = uleb();
  const start = at;
  sections.push({ name: SECTION_NAMES[id] || `section ${id}`, size: size + (start - (start - 1)) });
  if (id === 2) {   // imports: count the functions (kind 0)
    for (let n = uleb(), i = 0; i < n; i++) {
      at += uleb(); at += uleb();   // module, field names
      const kind = wasm[at++];
      if (kind === 0) { uleb(); importedFunctions++; }
      else if (kind === 1) { at++; const f = uleb(); uleb(); if (f & 1) uleb(); }
      else if (kind === 2) { const f = uleb(); uleb(); if (f & 1) uleb(); }
      else if (kind === 3) { at += 2; }
    }
  } else if (id === 10) {
    for (let n = uleb(), i = 0; i < n; i++) { const s = uleb(); bodies.push(s); at += s; }
  } else if (id === 11) {
    for (let n = uleb(), i = 0; i < n; i++) {
      const flags = uleb();
      if (flags === 2) uleb();
      if (flags !== 1) { while (wasm[at] !== 0x0b) at++; at++; }   // the offset expression
      const s = uleb(); segments.push(s); at += s;
    }
  }
  at = start + size;
}

// ---- names: index → mangled (the symbol map), demangled in one call -----------------------------
const mangled = new Map();
for (const line of readFileSync(symbolsFile, 'utf8').split('\n')) {
  const i = line.indexOf(':');
  // The map escapes characters that are not valid in its format as \xx (hex): "f\28int\29".
  if (i > 0) mangled.set(Number(line.slice(0, i)), line.slice(i + 1).replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
}
const list = bodies.map((size, k) => ({ index: importedFunctions + k, size, name: mangled.get(importedFunctions + k) || `(function ${importedFunctions + k})` }));
let demangled = [];
try {
  demangled = execFileSync('c++filt', { input: list.map((f) => f.name).join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
} catch { demangled = list.map((f) => f.name); }
list.forEach((f, k) => { f.pretty = demangled[k] || f.name; });

// Where a function's code comes from: the first of our namespaces named anywhere in it (a
// std::function or a template instantiated for a hoso type is hoso's code), else the library.
function origin(name) {
  const ours = name.match(/\bhoso::(ui|app|store|web|doc)?/);
  if (ours) return { ui: 'src/ui (screens)', app: 'src/app', store: 'src/store', web: 'src/platform/web', doc: 'src/core' }[ours[1]] || 'src/core';
  if (/^hoso_/.test(name)) return 'src/platform/web';
  if (/\b(ImGui|Im[A-Z]\w*|stb\w*)\b/.test(name)) return 'Dear ImGui (and stb)';
  if (/nlohmann/.test(name)) return 'nlohmann/json';
  if (/^(glfw|emscripten|_emscripten|dlmalloc|emmalloc|claim_more_memory|__[a-z])|^[a-z_0-9]+$/.test(name)) return 'libc, malloc, Emscripten';
  if (/std::|__cxa|__cxxabiv1|operator (new|delete)|itanium_demangle/.test(name)) return 'libc++ / libc++abi';
  return 'other';
}
const byOrigin = new Map();
for (const f of list) {
  const o = origin(f.pretty);
  const e = byOrigin.get(o) || { bytes: 0, count: 0 };
  e.bytes += f.size; e.count++;
  byOrigin.set(o, e);
}
const codeBytes = list.reduce((s, f) => s + f.size, 0);
const dataBytes = segments.reduce((s, x) => s + x, 0);
const gz = gzipSync(wasm, { level: 9 }).length;
const pct = (x) => `${fmt((100 * x) / wasm.length, 1)} %`;
const short = (s) => (s.length > 110 ? s.slice(0, 107) + '…' : s).replace(/\|/g, '\\|');

const markdown = [
  `From \`${EDITION}.wasm\` and \`${EDITION}.js.symbols\` (the same wasm as the dist measured, byte for byte):`,
  `${wasm.length} B raw, ${gz} B gzip -9 (${fmt(gz / 1000, 1)} kB). Function bodies ${codeBytes} B (${list.length} functions),`,
  `data segments ${dataBytes} B (${segments.length}: string literals, tables, the embedded font and assets). Sizes are raw bytes of`,
  'the wasm; gzip shrinks code and data differently, so the shares of the gzip figure differ somewhat. Names come from',
  'the optimised build\'s function map: code the optimiser inlined is counted in its caller (so an exported entry',
  'point such as hoso_ui_scale carries what it inlined), and functions it merged carry the name that survived, so',
  'single rows can mislead; the totals by origin are the figure to steer by. The origin is the source folder a',
  'function\'s namespace names (the optimised build carries no line tables, so not the single file).',
  '',
  table([['where from (by namespace: hoso::ui is src/ui …)', 'bytes', 'share of the wasm', 'functions'],
    ...[...byOrigin.entries()].sort((a, b) => b[1].bytes - a[1].bytes).map(([o, e]) => [o, String(e.bytes), pct(e.bytes), String(e.count)]),
    ['data segments', String(dataBytes), pct(dataBytes), '—'],
    ['sections\' other bytes (types, imports, exports, tables, names)', String(wasm.length - codeBytes - dataBytes), pct(wasm.length - codeBytes - dataBytes), '—']]),
  '',
  `The ${TOP} largest functions:`,
  '',
  table([['function', 'bytes', 'from'], ...[...list].sort((a, b) => b.size - a.size).slice(0, TOP).map((f) => [short(f.pretty), String(f.size), origin(f.pretty)])]),
  '',
].join('\n');
console.log(markdown);
const ranked = [...list].sort((a, b) => b.size - a.size);
if (flag('write')) saveResults('sizemap', {
  title: 'Where the wasm\'s bytes go (issue 19)', markdown, browser: null,
  figures: {
    edition: EDITION, wasm_bytes: wasm.length, gzip_bytes: gz, code_bytes: codeBytes, functions: list.length,
    data_bytes: dataBytes, data_segments: segments.length,
    by_origin: Object.fromEntries([...byOrigin.entries()].sort((a, b) => b[1].bytes - a[1].bytes).map(([o, e]) => [o, { bytes: e.bytes, functions: e.count }])),
    largest_functions: ranked.slice(0, TOP).map((f) => ({ name: f.pretty, bytes: f.size, origin: origin(f.pretty) })),
  },
});
