// The native benchmarks' section of BENCHMARKS.md: Google Benchmark's JSON (run with
// --benchmark_repetitions), summarised as the median and p95 of the repetitions; and the core's
// SHA-256 against `sha256sum` (GNU coreutils) on this machine.
//
//   build/bench/hoso_bench --benchmark_repetitions=5 --benchmark_out=native.json --benchmark_out_format=json
//   node tests/bench/native_summary.mjs native.json [--write]
// --write saves the results to benchmarks/results/native.json (BENCHMARKS.md is built from it).
// scripts/bench.sh does both.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { flag, saveResults } from './lib/report.mjs';
const file = process.argv[2];
if (!file || file.startsWith('--')) { console.error('usage: native_summary.mjs native.json [--write]'); process.exit(2); }
const json = JSON.parse(readFileSync(file, 'utf8'));

const WHAT = {
  BM_Validate: 'validate every dossier (findings)',
  BM_SerialiseWorkspace: 'workspace → JSON',
  BM_ParseWorkspace: 'JSON → workspace',
  BM_FilterAndSortByName: 'list: filter and Vietnamese sort by name',
  BM_GenerateWorkspace: 'generate dossiers (dev hook)',
  BM_BuildPackage: 'build a package: 100 dossiers, 20 MB attachments',
  BM_VerifyPackage: 'verify that package (schema, hashes, NFC)',
  BM_IntakeOf100Packages: '**intake of 100 packages holding 1,000 dossiers**',
  BM_RegisterViewOf1000Rows: 'register view of 1,000 rows',
  BM_RegisterFilterAndSort: 'register: search without diacritics and sort',
  BM_StoreSaveEditedDossier: 'store: save one edited dossier (atomic write, previous kept)',
  BM_StoreSaveUnchangedDossier: 'store: save an unchanged dossier (skipped)',
  BM_StoreLoadAll: 'store: load every dossier',
  BM_BackupMake: 'one-file backup: make',
  BM_BackupVerify: 'one-file backup: verify',
  BM_Sha256: 'SHA-256 (core)',
  BM_Nfc: 'NFC of 20,000 characters',
  BM_Fold: 'fold for search (no diacritics)',
  BM_SortNames: 'Vietnamese sort of names',
  BM_SortNamesByKey: 'Vietnamese sort, by precomputed key',
  BM_CanonicalDump: 'canonical JSON dump',
};

const runs = new Map();
for (const b of json.benchmarks) {
  if (b.run_type !== 'iteration' || b.error_occurred) continue;
  const r = runs.get(b.run_name) || { unit: b.time_unit, real: [], cpu: [], bps: [], counters: {} };
  r.real.push(b.real_time);
  r.cpu.push(b.cpu_time);
  if (b.bytes_per_second) r.bps.push(b.bytes_per_second);
  for (const k of ['dossiers', 'rows', 'package_MB']) if (b[k] !== undefined) r.counters[k] = b[k];
  runs.set(b.run_name, r);
}
const errors = json.benchmarks.filter((b) => b.error_occurred).map((b) => `${b.name}: ${b.error_message}`);

const unit = (u) => ({ ns: 'ns', us: 'µs', ms: 'ms', s: 's' })[u] || u;
const rows = [['benchmark', 'what', 'median', 'p95', 'min', 'max', 'reps', 'throughput (median)']];
for (const [name, r] of runs) {
  const base = name.split('/')[0];
  const extra = Object.entries(r.counters).map(([k, v]) => `${k} ${fmt(v, k === 'package_MB' ? 1 : 0)}`).join(', ');
  rows.push([`\`${name}\``, (WHAT[base] || '') + (extra ? ` (${extra})` : ''),
    `${fmt(median(r.real), 2)} ${unit(r.unit)}`, `${fmt(p95(r.real), 2)} ${unit(r.unit)}`,
    `${fmt(Math.min(...r.real), 2)} ${unit(r.unit)}`, `${fmt(Math.max(...r.real), 2)} ${unit(r.unit)}`,
    String(r.real.length), r.bps.length ? `${fmt(median(r.bps) / 1e6, 0)} MB/s` : '']);
}

// The core's SHA-256 against sha256sum on 64 MiB (a process start is ~1 ms of it).
const SUM_MB = 64;
const dir = mkdtempSync(join(tmpdir(), 'hoso-sha-'));
const data = join(dir, 'data.bin');
const fd = openSync(data, 'w');
const chunk = Buffer.alloc(1 << 20);
for (let i = 0; i < SUM_MB; i++) writeSync(fd, randomFillSync(chunk));
closeSync(fd);
const sums = [];
let sumVersion = 'sha256sum';
try {
  sumVersion = execFileSync('sha256sum', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  execFileSync('sha256sum', [data]);  // warm the page cache
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    execFileSync('sha256sum', [data]);
    sums.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
} finally { rmSync(dir, { recursive: true, force: true }); }
const sumRate = (SUM_MB * 2 ** 20) / 1e6 / (median(sums) / 1000);
const core = runs.get('BM_Sha256/16777216') || runs.get('BM_Sha256/1048576');
const coreRate = core && core.bps.length ? median(core.bps) / 1e6 : NaN;

const ctx = json.context || {};
const repetitions = ctx.repetitions || json.benchmarks[0]?.repetitions || null;
const lines = [
  `\`build/bench/hoso_bench --benchmark_repetitions=${repetitions ?? '?'}\` (the Release native build of tests/bench/*.cpp), summarised by`,
  '`tests/bench/native_summary.mjs`. Real time per iteration; median and p95 over the repetitions. MB/s: 10⁶ bytes a second.',
  '',
  table(rows),
  '',
  table([
    ['SHA-256, natively', 'throughput (median)', 'runs'],
    [`the core's code (\`BM_Sha256/${core && runs.get('BM_Sha256/16777216') ? '16777216' : '1048576'}\`)`, `${fmt(coreRate, 0)} MB/s`, String(core ? core.bps.length : 0)],
    [`\`sha256sum\` (${sumVersion}), ${SUM_MB} MiB file from the page cache`, `${fmt(sumRate, 0)} MB/s`, String(sums.length)],
  ]),
  '',
  `- The core's SHA-256 runs at **${fmt(coreRate / sumRate, 2)}×** the speed of \`sha256sum\` at the median (one thread each, same machine).`,
  ...(errors.length ? [`- Benchmarks that reported an error: ${errors.join('; ')}.`] : []),
  '- No targets in the issues for these: measured, not asserted.',
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
if (flag('write')) saveResults('native', {
  title: 'Native (Google Benchmark)', markdown, browser: null,
  figures: {
    repetitions,
    benchmarks: Object.fromEntries([...runs].map(([name, r]) => [name, {
      unit: r.unit, real_time: describe(r.real), cpu_time: describe(r.cpu),
      bytes_per_second_median: r.bps.length ? median(r.bps) : null, counters: r.counters,
    }])),
    errors,
    sha256: { core_MB_per_s: Number.isFinite(coreRate) ? coreRate : null, sha256sum_MB_per_s: sumRate, sha256sum: sumVersion },
  },
});
