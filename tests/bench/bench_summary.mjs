// The summary at the top of BENCHMARKS.md, written last by scripts/bench.sh, and the same results
// as JSON beside it (BENCHMARKS.json). It is computed only from the measurements the benchmark
// scripts saved in this run ($HOSO_BENCH_OUT/targets/<name>.json, written by saveTargets), never
// read back from Markdown. A benchmark this run expected but that saved nothing (it crashed, or was
// not run) is MISSING, and the summary never says "all met" while one is missing.
//   node tests/bench/bench_summary.mjs [--write] [--minutes M] [--expect "native startup …"] [--load-start "a, b, c"]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { table } from './lib/stats.mjs';
import { DIST, OUT, ROOT, arg, flag, machine, load, today, build, commit, chromiumVersion, writeSection } from './lib/report.mjs';

const HEADING = '## Summary';
// Every benchmark of a full run, in the order the summary lists them, and what each measures.
const KNOWN = {
  native: 'native (Google Benchmark)',
  startup: 'start-up, size and idle',
  sizemap: 'where the wasm\'s bytes go',
  frames: 'frame time and memory',
  mirror: 'the accessible mirror (cost per frame, idle)',
  packages: 'packages and hashing',
  store: 'storage (keystroke → IndexedDB, start-up with 1,000 dossiers)',
  register: 'the register in the browser',
  peer: 'against a peer (Enketo)',
  xbrowser: 'cross-browser start-up',
};
const text = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : undefined;
};
const expected = (text('expect') || Object.keys(KNOWN).join(' ')).split(/\s+/).filter(Boolean);

const dir = join(OUT, 'targets');
const saved = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
const order = (n) => (Object.keys(KNOWN).indexOf(n) + 1) || 99;
const names = [...new Set([...expected, ...saved])].sort((a, b) => order(a) - order(b));
const benchmarks = {};
for (const n of names) {
  const file = join(dir, `${n}.json`);
  let targets = null;
  if (existsSync(file)) {
    try { targets = JSON.parse(readFileSync(file, 'utf8')); } catch { targets = null; }
  }
  benchmarks[n] = { what: KNOWN[n] || n, ran: Array.isArray(targets), targets: Array.isArray(targets) ? targets : [] };
}
const missing = names.filter((n) => !benchmarks[n].ran);
const targets = names.flatMap((n) => benchmarks[n].targets.map((t) => ({ ...t, from: n })));
const missed = targets.filter((t) => !t.met);

let cpu = '';
try { cpu = execFileSync('lscpu', { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Model name')).split(':')[1].trim(); } catch { /* machine() has it */ }
const minutes = arg('minutes', NaN);
const loadStart = text('load-start') || '?';
const loadEnd = load();
const b = build();
const head = commit();

const verdictLine = missing.length
  ? `**Not a complete run: ${missing.length} benchmark(s) MISSING (${missing.map((n) => benchmarks[n].what).join('; ')}).** ` +
    (missed.length ? `Of the targets measured, ${missed.length} of ${targets.length} missed.` : `The ${targets.length} targets measured were met; the missing ones are not counted as met.`)
  : missed.length
    ? `**Targets missed (${missed.length} of ${targets.length}):** ${missed.map((t) => `${t.figure}: ${t.value} (target ${t.target})`).join('; ')}.`
    : `**All ${targets.length} targets met**, every benchmark present.`;

const lines = [
  HEADING,
  '',
  `Written ${today()} by \`scripts/bench.sh\`${Number.isFinite(minutes) ? ` (the whole run took ${minutes} min)` : ''}, from this run's measurements only`,
  '(`BENCHMARKS.json` beside this file holds them); no figure here is typed in by hand.',
  `Machine: ${machine()}${cpu && !machine().includes(cpu) ? ` (${cpu})` : ''}, Linux; ${chromiumVersion()} headless for the browser figures.`,
  `Build measured: dist content hash ${b.hash} (${DIST.replace(/.*\/(build\/|)/, '$1')}); the repository was at ${head} when the run ended.`,
  `Load average (1, 5, 15 min) at the start of the run: ${loadStart}; at the end: ${loadEnd}.`,
  '',
  verdictLine,
  '',
  table([['benchmark', 'target', 'measured', 'target', ''],
    ...names.flatMap((n) => (benchmarks[n].ran
      ? (benchmarks[n].targets.length
        ? benchmarks[n].targets.map((t) => [benchmarks[n].what, t.figure, t.value, t.target, t.met ? 'met' : '**MISSED**'])
        : [[benchmarks[n].what, '(no target: figures in its section)', '', '', 'ran']])
      : [[benchmarks[n].what, '', '', '', '**MISSING**']]))]),
  '',
  'Sizes: KiB = 1,024 bytes. Each section below is replaced only by its own script.',
  '',
];
const section = lines.join('\n');
console.log(section);
if (missing.length) console.log(`\nMISSING: ${missing.join(', ')}`);
console.log(missed.length ? `\nTARGETS MISSED: ${missed.length} of ${targets.length}` : missing.length ? `\nno target measured was missed, but ${missing.length} benchmark(s) are missing` : `\nall ${targets.length} targets met`);
for (const t of missed) console.log(`  MISSED: ${t.figure}: ${t.value} (target ${t.target})`);
if (flag('write')) {
  writeSection(HEADING, section, { first: true });
  const json = {
    written: new Date().toISOString(), minutes: Number.isFinite(minutes) ? minutes : null, machine: machine(), cpu,
    browser: chromiumVersion(), build: b.hash, commit: head, load_start: loadStart, load_end: loadEnd,
    complete: missing.length === 0, missing, missed: missed.length, targets: targets.length, benchmarks,
  };
  writeFileSync(join(ROOT, 'BENCHMARKS.json'), JSON.stringify(json, null, 1) + '\n');
}
