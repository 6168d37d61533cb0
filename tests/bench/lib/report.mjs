// What the benchmark scripts share beyond statistics: the machine and build they ran on, their
// section of BENCHMARKS.md (each script replaces only its own, from its heading to the next "## "),
// and the targets they checked, kept as JSON for scripts/bench.sh's summary.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = resolve(process.env.HOSO_DIST || join(ROOT, 'dist'));
// Where the scripts leave their raw results (scripts/bench.sh sets it).
export const OUT = resolve(process.env.HOSO_BENCH_OUT || join(ROOT, 'build', 'bench'));
export const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');

export function machine() {
  const c = cpus();
  return `${c.length} × ${c[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
}
export const load = () => loadavg().map((x) => x.toFixed(1)).join(', ');
export const today = () => new Date().toISOString().slice(0, 10);

export function build(dist = DIST) {
  try { return JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8')); } catch { return { hash: '?' }; }
}
export function commit() {
  try {
    const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    return head;
  } catch { return '?'; }
}

export function chromiumVersion() {
  try {
    const out = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return (out.match(/Chromium [\d.]+/) || ['Chromium'])[0];
  } catch { return 'Chromium'; }
}

const INTRO = '# Benchmarks\n\nMeasured, not asserted: each section says how it was measured, on which machine and when.\n\n';

// Replaces the section that starts with `heading` (up to the next "## ") or adds it: at the end,
// or, with `first`, before every other section.
export function writeSection(heading, body, { first = false } = {}) {
  let text = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : INTRO;
  const section = body.replace(/\n*$/, '\n');
  const start = text.indexOf(`${heading}\n`);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (next >= 0 ? '\n' + text.slice(next + 1) : '');
  } else if (first && text.indexOf('\n## ') >= 0) {
    const at = text.indexOf('\n## ') + 1;
    text = text.slice(0, at) + section + '\n' + text.slice(at);
  } else {
    text = text.replace(/\n*$/, '\n\n') + section;
  }
  writeFileSync(BENCHMARKS, text.replace(/\n{3,}/g, '\n\n'));
  console.error(`wrote ${heading.replace(/^#+ /, '')} in ${BENCHMARKS}`);
}

// The targets a script checked: [{figure, value, target, met, unit}], read by bench_summary.mjs.
export function saveTargets(name, targets) {
  mkdirSync(join(OUT, 'targets'), { recursive: true });
  writeFileSync(join(OUT, 'targets', `${name}.json`), JSON.stringify(targets, null, 1));
  for (const t of targets) {
    if (t.reference) console.log(`reference    : ${t.figure}: ${t.value} against ${t.target} (${t.met ? 'as good or better' : 'worse'}; not a target)`);
    else console.log(`${t.met ? 'target met   ' : 'TARGET MISSED'}: ${t.figure}: ${t.value} (target ${t.target})`);
  }
}

export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : dflt;
};
export const flag = (name) => process.argv.includes(`--${name}`);
