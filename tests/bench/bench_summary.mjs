// Builds the whole of BENCHMARKS.md from the benchmark scripts' results (benchmarks/results/*.json),
// and from nothing else: no figure is typed in here or read back from Markdown. The summary's
// targets are computed from the measurements in those files; a section from another run than this
// one (another run id) is shown as STALE and its targets as MISSING, as is a benchmark with no
// results; the summary never says "all met" while one is missing.
//
//   node tests/bench/bench_summary.mjs --begin [--quick]     (scripts/bench.sh, at the start of a run)
//       starts a run: writes benchmarks/results/run.json with a new run id and prints the id;
//   node tests/bench/bench_summary.mjs [--write] [--missing "name=why"]...   (at the end)
//       closes the run (the load and time at the end, and why a benchmark is missing, into
//       run.json) and writes BENCHMARKS.md; without --write it only prints it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fmt, table } from './lib/stats.mjs';
import { BENCHMARKS, DIST, RESULTS, ROOT, build, commit, flag, sha256File } from './lib/report.mjs';

const RUN_FILE = join(RESULTS, 'run.json');
const text = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : undefined;
};
const many = (name) => process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] !== undefined ? [process.argv[i + 1]] : []));
const loadNow = () => loadavg().map((x) => +x.toFixed(2));

if (flag('begin')) {
  const now = new Date();
  const id = `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${process.pid}`;
  let wasm = null;
  try { wasm = sha256File(join(DIST, 'hoso.wasm')); } catch { /* no web build */ }
  const run = {
    id, quick: flag('quick'), started: now.toISOString(), options: text('options') || '',
    machine: { cpu: cpus()[0].model.trim(), cores: cpus().length, memory_GiB: Math.round(totalmem() / 2 ** 30), os: `Linux ${release()}` },
    build: { dist: relative(ROOT, DIST) || DIST, hash: build().hash, hoso_wasm_sha256: wasm },
    commit: commit(), load_average: { before: loadNow() },
  };
  writeFileSync(RUN_FILE, JSON.stringify(run, null, 1) + '\n');
  console.log(id);
  process.exit(0);
}

// ---- this run and the results ----------------------------------------------------------------
const results = {};
for (const f of existsSync(RESULTS) ? readdirSync(RESULTS) : []) {
  if (!f.endsWith('.json') || f === 'run.json') continue;
  try {
    const r = JSON.parse(readFileSync(join(RESULTS, f), 'utf8'));
    results[r.name || f.slice(0, -5)] = r;
  } catch (e) { console.error(`bench_summary: ${f} unreadable (${e.message}): counted as missing`); }
}
let run = existsSync(RUN_FILE) ? JSON.parse(readFileSync(RUN_FILE, 'utf8')) : null;
if (!run) {
  // No run started by scripts/bench.sh: the newest results' run stands for it.
  const newest = Object.values(results).sort((a, b) => b.finished.localeCompare(a.finished))[0];
  run = { id: newest ? newest.run.id : '(none)', quick: newest ? newest.run.quick : false, started: newest?.started, load_average: {} };
}
if (flag('write') && !run.finished) {
  run.finished = new Date().toISOString();
  run.load_average.after = loadNow();
  run.missing = Object.fromEntries(many('missing').map((m) => [m.split('=')[0], m.split('=').slice(1).join('=')]));
  writeFileSync(RUN_FILE, JSON.stringify(run, null, 1) + '\n');
}
const current = (name) => (results[name] && results[name].run.id === run.id ? results[name] : undefined);

// Every benchmark of a full run, in the order of the sections.
const KNOWN = {
  startup: 'start-up, size and idle (browser_startup.mjs)',
  frames: 'frame time and memory (browser_frames.mjs)',
  mirror: 'the accessible mirror (browser_mirror.mjs)',
  store: 'storage and start-up with 1,000 dossiers (browser_store.mjs)',
  register: 'the register in the browser (browser_register.mjs)',
  peer: 'against a peer, Enketo (browser_peer.mjs)',
  packages: 'packages and hashing (browser_packages.mjs)',
  sizemap: 'where the wasm\'s bytes go (wasm_size_map.mjs)',
  native: 'native, Google Benchmark (native_summary.mjs)',
  xbrowser: 'cross-browser start-up (tests/xbrowser/run.mjs --bench)',
};
const names = [...Object.keys(KNOWN), ...Object.keys(results).filter((n) => !(n in KNOWN)).sort()];
const statusOf = (n) => (current(n) ? 'this run' : results[n] ? 'STALE' : 'MISSING');

// ---- the targets, computed from the figures ----------------------------------------------------
const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const ms = (x, d = 2) => `${fmt(x, d)} ms`;
const kB = (x) => `${fmt(x / 1000, 1)} kB`;
const MB = (x) => `${fmt(x / 1e6, 1)} MB`;
const peerAt = (R, app, rate) => R.peer.figures[app][rate];
// Each: what is measured, by which benchmark(s), the value, the bound and how it is compared.
// `value` and `bound` return undefined when a figure is absent: the target is then MISSING.
const TARGETS = [
  // The soak runs only when asked (scripts/bench.sh --soak, 30 minutes): its targets when it ran.
  ...(results.soak ? [
    { what: 'soak: edits seen as saved, then lost', from: ['soak'], op: '=',
      value: (R) => num(R.soak.figures.seen_saved_lost), bound: () => 0, show: String },
    { what: 'soak: edits not yet saved at a close, reload or hide, then lost', from: ['soak'], op: '=',
      value: (R) => num(R.soak.figures.leave_lost), bound: () => 0, show: String },
  ] : []),
  { what: 'insertText → value in `hoso.state()`, median', from: ['peer'], op: '≤',
    value: (R) => num(peerAt(R, 'hoso', 1).insert_text_to_state_ms.median), bound: () => 4, show: ms },
  { what: 'insertText → next painted frame, median', from: ['peer'], op: '≤',
    value: (R) => num(peerAt(R, 'hoso', 1).insert_text_to_paint_ms.median),
    bound: (R) => (num(peerAt(R, 'enketo', 1).insert_text_to_paint_ms.median) ?? NaN) * 2,
    boundText: (R, b) => `2 × Enketo's in this run (${ms(b / 2)}) = ${ms(b)}`, show: ms },
  { what: 'frame CPU time, p95, typing into a 20,000-character field', from: ['frames'], op: '≤',
    value: (R) => num(R.frames.figures.typing_frame_ms.p95), bound: () => 4, show: ms },
  { what: 'frame CPU time, p95, scrolling the 1,000-dossier list', from: ['frames'], op: '≤',
    value: (R) => num(R.frames.figures.scroll_frame_ms.p95), bound: () => 4, show: ms },
  { what: 'frame CPU time, p95, scrolling the 1,000-row register', from: ['register'], op: '≤',
    value: (R) => num(R.register.figures.scroll_frame_ms.p95), bound: () => 4, show: ms },
  { what: 'first visit of the unit\'s edition, gzip -9 (what it asks the server for)', from: ['peer'], op: '≤',
    value: (R) => num(peerAt(R, 'hoso', 1).first_visit.gzip_bytes), bound: (R) => num(peerAt(R, 'enketo', 1).first_visit.gzip_bytes),
    boundText: (R, b) => `Enketo's in this run: ${kB(b)}`, show: kB },
  { what: 'start-up with 1,000 dossiers stored, navigation → `hoso.ready`, median', from: ['store'], op: '≤',
    value: (R) => num(R.store.figures.dossiers_1000.startup_ms.median), bound: () => 600, show: (x) => ms(x, 0) },
  { what: 'wasm heap with 1,000 dossiers, largest seen (MB = 10⁶ B)', from: ['frames'], op: '<',
    value: (R) => num(R.frames.figures.heap_bytes.max), bound: () => 64e6, show: MB },
  { what: 'frames drawn per second while idle after start-up (every run)', from: ['startup'], op: '=',
    value: (R) => num(R.startup.figures.idle_fps.max), bound: () => 0, show: (x) => `${fmt(x, 2)} fps` },
  { what: 'frames drawn per second while idle, 1,000 dossiers (every restart)', from: ['frames'], op: '=',
    value: (R) => num(R.frames.figures.idle_fps.max), bound: () => 0, show: (x) => `${fmt(x, 2)} fps` },
  { what: 'frames drawn while idle with the list of 1,000 shown (mirror)', from: ['mirror'], op: '=',
    value: (R) => num(R.mirror.figures.idle.frames), bound: () => 0, show: String },
  { what: 'DOM mutations in the accessible mirror while idle', from: ['mirror'], op: '=',
    value: (R) => num(R.mirror.figures.idle.mutations), bound: () => 0, show: String },
  { what: 'SHA-256 in wasm agrees with crypto.subtle on every hash', from: ['packages'], op: '=',
    value: (R) => (typeof R.packages.figures.sha256.same_hashes === 'boolean' ? Number(R.packages.figures.sha256.same_hashes) : undefined),
    bound: () => 1, show: (x) => (x ? 'yes' : 'no') },
  { what: 'a size map of the wasm by function and source folder, in the output', from: ['sizemap'], op: '≥',
    value: (R) => num(R.sizemap.figures.functions), bound: () => 1, boundText: () => 'present', show: (x) => `${x} functions mapped` },
  { what: 'native benchmarks ran without an error', from: ['native'], op: '=',
    value: (R) => (Array.isArray(R.native.figures.errors) ? R.native.figures.errors.length : undefined), bound: () => 0, show: (x) => `${x} errors` },
];
const compare = { '≤': (a, b) => a <= b, '<': (a, b) => a < b, '=': (a, b) => a === b, '≥': (a, b) => a >= b };
const R = Object.fromEntries(names.map((n) => [n, current(n)]));
const checked = TARGETS.map((t) => {
  const absent = t.from.filter((n) => !R[n]);
  if (absent.length) return { ...t, status: 'MISSING', measured: '', limit: '', why: absent.map((n) => `${n}: ${statusOf(n).toLowerCase()}`).join(', ') };
  let value, bound;
  try { value = t.value(R); bound = t.bound(R); } catch { /* a figure the results do not hold */ }
  if (value === undefined || !Number.isFinite(bound)) return { ...t, status: 'MISSING', measured: '', limit: '', why: 'figure absent from the results' };
  return { ...t, status: compare[t.op](value, bound) ? 'met' : 'MISSED', measured: t.show(value),
    limit: t.boundText ? t.boundText(R, bound) : t.op === '=' ? t.show(bound) : `${t.op} ${t.show(bound)}` };
});
const count = (s) => checked.filter((t) => t.status === s).length;
const missingBenchmarks = names.filter((n) => statusOf(n) !== 'this run');

// ---- the summary ------------------------------------------------------------------------------
const loads = (l) => (l && l.length ? l.map((x) => fmt(x, 1)).join(', ') : '?');
const cores = run.machine?.cores || cpus().length;
const busy = [run.load_average?.before, run.load_average?.after].some((l) => l && l[0] > cores);
const minutes = run.finished && run.started ? (Date.parse(run.finished) - Date.parse(run.started)) / 60000 : NaN;
const complete = missingBenchmarks.length === 0 && count('MISSING') === 0;

let verdict;
if (!complete) {
  verdict = `**Not a complete run: ${count('MISSING')} of ${checked.length} targets MISSING**` +
    (missingBenchmarks.length ? ` (benchmarks without results from this run: ${missingBenchmarks.join(', ')})` : '') +
    `. Of those measured: ${count('met')} met, ${count('MISSED')} MISSED.`;
} else if (count('MISSED')) {
  verdict = `**Targets missed: ${count('MISSED')} of ${checked.length}**; ${count('met')} met; every benchmark present.`;
} else {
  verdict = `**All ${checked.length} targets met**, every benchmark present, all from this run.`;
}
if (run.quick) verdict += ' Quick run: fewer samples than a full run; not for comparison.';

// Throttled CPU: the same figures again, reported (the issue sets no target for them).
const cell = (name, f) => {
  if (!R[name]) return statusOf(name) === 'STALE' ? 'MISSING (stale results)' : 'MISSING';
  try { const v = f(R[name].figures); return v === undefined ? 'MISSING (not measured: no --throttle pass)' : v; } catch { return 'MISSING (not measured)'; }
};
const thr = (fig) => (fig.throttled ? fig.throttled : undefined);
const rateOf = (fig, f) => (fig ? `${f} (÷${fig.rate})` : undefined);
const peerThrottled = (fig, app, key, digits = 2) => {
  const rate = (fig.rates || []).find((r) => r > 1);
  return rate ? `${ms(fig[app][rate][key].median, digits)} (÷${rate})` : undefined;
};
const throttled = [
  ['insertText → value in `hoso.state()`, median', cell('peer', (f) => ms(f.hoso[1].insert_text_to_state_ms.median)),
    cell('peer', (f) => peerThrottled(f, 'hoso', 'insert_text_to_state_ms')), cell('peer', (f) => peerThrottled(f, 'enketo', 'insert_text_to_state_ms'))],
  ['insertText → next painted frame, median', cell('peer', (f) => ms(f.hoso[1].insert_text_to_paint_ms.median)),
    cell('peer', (f) => peerThrottled(f, 'hoso', 'insert_text_to_paint_ms')), cell('peer', (f) => peerThrottled(f, 'enketo', 'insert_text_to_paint_ms'))],
  ['first visit, navigation → ready, median', cell('peer', (f) => ms(f.hoso[1].ready_ms.median, 0)),
    cell('peer', (f) => peerThrottled(f, 'hoso', 'ready_ms', 0)), cell('peer', (f) => peerThrottled(f, 'enketo', 'ready_ms', 0))],
  ['frame CPU time, p95, typing into a 20,000-character field', cell('frames', (f) => ms(f.typing_frame_ms.p95)),
    cell('frames', (f) => rateOf(thr(f), ms(thr(f)?.typing_frame_ms.p95))), '—'],
  ['frame CPU time, p95, scrolling the 1,000-dossier list', cell('frames', (f) => ms(f.scroll_frame_ms.p95)),
    cell('frames', (f) => rateOf(thr(f), ms(thr(f)?.scroll_frame_ms.p95))), '—'],
  ['frame CPU time, p95, scrolling the 1,000-row register', cell('register', (f) => ms(f.scroll_frame_ms.p95)),
    cell('register', (f) => rateOf(thr(f), ms(thr(f)?.scroll_frame_ms.p95))), '—'],
  ['start-up with 1,000 dossiers stored, median', cell('store', (f) => ms(f.dossiers_1000.startup_ms.median, 0)),
    cell('store', (f) => rateOf(thr(f), ms(thr(f)?.dossiers_1000_startup_ms.median, 0))), '—'],
];

const enketo = R.peer ? (() => {
  const h = R.peer.figures.hoso[1], e = R.peer.figures.enketo[1];
  const ratio = (a, b) => (b > 0 ? `${fmt(a / b, 2)}×` : '—');
  return table([['figure (same run, same browser, same server)', 'hoso', 'Enketo', 'hoso ÷ Enketo'],
    ['first-visit transfer, gzip -9', kB(h.first_visit.gzip_bytes), kB(e.first_visit.gzip_bytes), ratio(h.first_visit.gzip_bytes, e.first_visit.gzip_bytes)],
    ['navigation → ready, median', ms(h.ready_ms.median, 0), ms(e.ready_ms.median, 0), ratio(h.ready_ms.median, e.ready_ms.median)],
    ['insertText → value in the app\'s state, median', ms(h.insert_text_to_state_ms.median), ms(e.insert_text_to_state_ms.median), ratio(h.insert_text_to_state_ms.median, e.insert_text_to_state_ms.median)],
    ['insertText → next painted frame, median', ms(h.insert_text_to_paint_ms.median), ms(e.insert_text_to_paint_ms.median), ratio(h.insert_text_to_paint_ms.median, e.insert_text_to_paint_ms.median)]]);
})() : `Against Enketo: MISSING (the peer benchmark has no results from this run: ${statusOf('peer').toLowerCase()}).`;

const why = (n) => (run.missing && run.missing[n] ? ` (${run.missing[n]})` : '');
const benchRows = names.map((n) => {
  const r = results[n], s = statusOf(n);
  return [KNOWN[n] || n, s === 'this run' ? 'this run' : s === 'STALE' ? `**STALE**: run ${r.run.id}` : `**MISSING**${why(n)}`,
    r ? r.finished.slice(0, 16).replace('T', ' ') : '', r ? `${loads(r.load_average.before)} → ${loads(r.load_average.after)}` : ''];
});

const machineLine = run.machine
  ? `${run.machine.cores} × ${run.machine.cpu}, ${run.machine.memory_GiB} GiB, ${run.machine.os}`
  : '(not recorded: no run started by scripts/bench.sh)';
const out = [
  '# Benchmarks',
  '',
  ...(run.quick ? ['> **QUICK RUN** (`scripts/bench.sh --quick`): fewer runs and samples than a full run, on whatever load the',
    '> machine had. Its numbers show that the suite works; they are not the benchmark\'s figures and are not for comparison.', ''] : []),
  'Written by `tests/bench/bench_summary.mjs` from the results in `benchmarks/results/*.json` alone (one file per benchmark',
  'script, written by the script at the end of its run; `run.json` describes the run). Nothing here is typed in by hand;',
  'to change it, run the benchmarks again (`scripts/bench.sh`), or rebuild it from the same results with',
  '`node tests/bench/bench_summary.mjs --write`. Sizes: kB = 1,000 bytes, KiB = 1,024 bytes, MB = 10⁶ bytes.',
  '',
  '## Summary',
  '',
  `Run \`${run.id}\`${run.quick ? ' (**quick run**)' : ''}: started ${run.started ? run.started.slice(0, 16).replace('T', ' ') : '?'} UTC` +
    `${Number.isFinite(minutes) ? `, ${fmt(minutes, 1)} min in all` : ''}${run.options ? `, \`scripts/bench.sh ${run.options}\`` : ''}.`,
  `Machine: ${machineLine}. Build measured: dist content hash ${run.build?.hash ?? '?'}` +
    `${run.build?.hoso_wasm_sha256 ? ` (hoso.wasm SHA-256 ${run.build.hoso_wasm_sha256.slice(0, 16)}…)` : ''}; repository at ${run.commit ?? '?'}.`,
  `Load average (1, 5, 15 min), measured: ${loads(run.load_average?.before)} at the start, ${loads(run.load_average?.after)} at the end, on ${cores} cores` +
    (busy ? ' — above the core count: the machine was busy, so times (p95s most) are pessimistic.' : '.'),
  '',
  verdict,
  '',
  table([['target', 'measured', 'target', ''],
    ...checked.map((t) => [t.what, t.measured, t.limit, t.status === 'met' ? 'met' : t.status === 'MISSED' ? '**MISSED**' : `**MISSING** (${t.why})`])]),
  '',
  'Against Enketo (enketo-core, measured by `browser_peer.mjs` in the same run), a reference as well as two of the targets above:',
  '',
  enketo,
  '',
  'CPU throttled (`Emulation.setCPUThrottlingRate`, a cheap phone): the same figures, reported, no targets:',
  '',
  table([['figure', 'full speed', 'CPU throttled', 'Enketo, CPU throttled'], ...throttled]),
  '',
  'The benchmarks of this run (each section below is its script\'s results file, rendered):',
  '',
  table([['benchmark', 'results', 'finished (UTC)', 'load average before → after'], ...benchRows]),
  '',
];
for (const n of names) {
  const r = results[n];
  if (!r) {
    out.push(`## ${KNOWN[n] ? KNOWN[n][0].toUpperCase() + KNOWN[n].slice(1) : n}`, '', `**MISSING**: no results${why(n)}.`, '');
    continue;
  }
  out.push(`## ${r.title}`, '');
  if (statusOf(n) === 'STALE') out.push(`> **STALE**: these results come from run \`${r.run.id}\` (${r.finished.slice(0, 10)}), not from this run; none of its figures count above.`, '');
  if (r.run.quick && !run.quick) out.push('> **Quick run**: fewer samples than a full run.', '');
  out.push(
    `\`node ${r.script}${r.options.length ? ' ' + r.options.join(' ') : ''}\`, finished ${r.finished.slice(0, 16).replace('T', ' ')} UTC` +
      `${r.browser ? ` in ${r.browser}` : ''}; build ${r.build.hash}, repository at ${r.commit.head}${r.commit.dirty ? ' (with uncommitted changes)' : ''}; ` +
      `load average ${loads(r.load_average.before)} before, ${loads(r.load_average.after)} after (${r.load_average.cores} cores).`,
    '',
    r.markdown.trimEnd(),
    '',
  );
}
const markdown = out.join('\n').replace(/\n{3,}/g, '\n\n');
if (flag('write')) {
  writeFileSync(BENCHMARKS, markdown);
  console.error(`wrote ${relative(ROOT, BENCHMARKS)} from ${Object.keys(results).length} results files (run ${run.id})`);
} else {
  console.log(markdown);
}
// What scripts/bench.sh prints at the end.
console.error(verdict.replace(/\*\*/g, ''));
for (const t of checked.filter((x) => x.status !== 'met')) console.error(`  ${t.status}: ${t.what}: ${t.measured || t.why}${t.limit ? ` (target ${t.limit})` : ''}`);
