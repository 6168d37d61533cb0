// What the benchmark scripts share beyond statistics: the machine and build they ran on, and their
// results, saved as JSON in benchmarks/results/<name>.json (committed beside BENCHMARKS.md).
// BENCHMARKS.md is built from those files alone by bench_summary.mjs; no script writes Markdown
// into it, and nothing is read back from Markdown.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = resolve(process.env.HOSO_DIST || join(ROOT, 'dist'));
// Where the scripts leave raw, uncommitted output (scripts/bench.sh sets it).
export const OUT = resolve(process.env.HOSO_BENCH_OUT || join(ROOT, 'build', 'bench'));
// The machine-readable results, one file per benchmark, committed.
export const RESULTS = resolve(process.env.HOSO_BENCH_RESULTS || join(ROOT, 'benchmarks', 'results'));
export const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
// scripts/bench.sh gives every script of one run the same id, so the summary can tell a section of
// this run from one left over by another; a script run by hand gets an id of its own.
export const RUN_ID = process.env.HOSO_BENCH_RUN || `standalone-${new Date().toISOString()}`;
export const QUICK = process.env.HOSO_BENCH_QUICK === '1';

// Taken when the script starts, so the load it ran under is measured rather than described.
const startedAt = new Date();
const loadBefore = loadavg();

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
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch { return '?'; }
}
function dirty() {
  try {
    return execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', 'src', 'web', 'tests/bench', 'CMakeLists.txt'],
      { encoding: 'utf8' }).trim() !== '';
  } catch { return null; }
}
export const sha256File = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function chromiumVersion() {
  try {
    const out = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return (out.match(/Chromium [\d.]+/) || ['Chromium'])[0];
  } catch { return 'Chromium'; }
}

// Saves one benchmark's results: `figures` are the measurements (numbers, in the units their keys
// name: _ms, _bytes, _fps), which the summary's targets are computed from; `markdown` is the
// section's body, rendered by the script from the same figures. `name` is the file's name and the
// benchmark's key in the summary.
export function saveResults(name, { title, markdown, figures, browser = chromiumVersion() }) {
  const b = build();
  let wasmSha256 = null;
  try { wasmSha256 = sha256File(join(DIST, 'hoso.wasm')); } catch { /* not a web benchmark's dist */ }
  const json = {
    name,
    title,
    script: relative(ROOT, resolve(process.argv[1])),
    options: process.argv.slice(2).filter((a) => a !== '--write'),
    run: { id: RUN_ID, quick: QUICK },
    started: startedAt.toISOString(),
    finished: new Date().toISOString(),
    machine: { cpu: cpus()[0].model.trim(), cores: cpus().length, memory_GiB: Math.round(totalmem() / 2 ** 30), os: `Linux ${release()}` },
    browser,
    build: { dist: basename(DIST), hash: b.hash, hoso_wasm_sha256: wasmSha256 },
    commit: { head: commit(), dirty: dirty() },
    load_average: { cores: cpus().length, before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
    figures,
    markdown: markdown.replace(/\n*$/, '\n'),
  };
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.json`);
  writeFileSync(file, JSON.stringify(json, null, 1) + '\n');
  console.error(`wrote ${relative(ROOT, file)} (run ${RUN_ID})`);
}

export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : dflt;
};
export const flag = (name) => process.argv.includes(`--${name}`);

// Slows the page's CPU by `rate` (Chrome DevTools' emulation of a cheap phone; 1 undoes it). Frame
// times measured with performance.now() in the page grow with it.
export async function throttleCpu(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}
