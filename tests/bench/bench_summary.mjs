// The summary at the top of BENCHMARKS.md, written last by scripts/bench.sh: the machine, the
// date, the build and commit, and every target the benchmark scripts checked (their
// $HOSO_BENCH_OUT/targets/*.json), met or missed. Prints plainly which targets are missed.
//   node tests/bench/bench_summary.mjs [--write] [--minutes M]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { table } from './lib/stats.mjs';
import { BENCHMARKS, DIST, OUT, arg, flag, machine, today, build, commit, chromiumVersion, writeSection } from './lib/report.mjs';

const HEADING = '## Summary (issue 9)';
const ORDER = ['startup', 'frames', 'packages', 'native'];
const dir = join(OUT, 'targets');
const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
names.sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
const all = names.flatMap((n) => JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')).map((t) => ({ ...t, from: n })));
// Sections written by scripts that keep no targets file (e.g. the secretariat's register) still
// say met or MISSED in their tables: those rows count too.
const MINE = ['## Summary', '## Start-up, size and idle', '## Frame time and memory', '## Packages and hashing', '## Native'];
if (existsSync(BENCHMARKS)) {
  for (const sec of readFileSync(BENCHMARKS, 'utf8').split(/\n(?=## )/)) {
    const heading = sec.split('\n')[0].replace(/^#+\s*/, '');
    if (!sec.startsWith('## ') || MINE.some((m) => sec.startsWith(m))) continue;
    for (const line of sec.split('\n')) {
      if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const v = cells.find((c) => /(^|\W)(met|MISSED)\**$/.test(c));
      if (!v) continue;
      all.push({ figure: `${cells[0]} (${heading})`, value: `median ${cells[1]}, p95 ${cells[2]}`, target: v.replace(/:?\s*\**(met|MISSED)\**$/, '') || 'see its section', met: !/MISSED/.test(v), from: heading });
    }
  }
}
const targets = all.filter((t) => !t.reference);
const reference = all.filter((t) => t.reference);
const missed = targets.filter((t) => !t.met);

let cpu = '';
try { cpu = execFileSync('lscpu', { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('Model name')).split(':')[1].trim(); } catch { /* machine() has it */ }
const minutes = arg('minutes', NaN);
const b = build();
const lines = [
  HEADING,
  '',
  `Written ${today()} by \`scripts/bench.sh\`${Number.isFinite(minutes) ? ` (the whole run took ${minutes} min)` : ''}.`,
  `Machine: ${machine()}${cpu && !machine().includes(cpu) ? ` (${cpu})` : ''}, Linux; ${chromiumVersion()} headless for the browser figures.`,
  `Build measured: dist content hash ${b.hash} (${DIST.replace(/.*\/(build\/|)/, '$1')}); the repository was at ${commit()} when the run ended.`,
  'The machine has 2 cores and was shared with other builds while measuring: medians are fair, p95s pessimistic.',
  '',
  missed.length
    ? `**Targets missed (${missed.length} of ${targets.length}):** ${missed.map((t) => `${t.figure}: ${t.value} (target ${t.target})`).join('; ')}.`
    : `**All ${targets.length} targets met.**`,
  '',
  table([['target', 'measured', 'target', ''],
    ...targets.map((t) => [t.figure, t.value, t.target, t.met ? 'met' : '**MISSED**'])]),
  '',
  ...(reference.length ? [
    'Against Enketo (297 KB gzip, interactive in ~450 ms on this machine in headless Chromium), a reference, not a target:',
    '',
    table([['figure', 'hoso', 'Enketo', ''], ...reference.map((t) => [t.figure, t.value, t.target, t.met ? 'as good or better' : 'worse'])]),
    '',
  ] : []),
  'Sections below: start-up, size and idle; frame time and memory; packages and hashing in the browser; native',
  '(Google Benchmark, intake of 100 packages included); storage (keystroke → IndexedDB); cross-browser start-up;',
  'and the section of any other tests/bench/browser_*.mjs (now the secretariat\'s register, issue 7), whose met/MISSED',
  'rows count above too. Each section is replaced only by its own script.',
  '',
];
const section = lines.join('\n');
console.log(section);
console.log(missed.length ? `\nTARGETS MISSED: ${missed.length} of ${targets.length}` : `\nall ${targets.length} targets met`);
for (const t of missed) console.log(`  MISSED: ${t.figure}: ${t.value} (target ${t.target})`);
if (flag('write')) writeSection(HEADING, section, { first: true });
