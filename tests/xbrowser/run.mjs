// Issue 10, "any browser": the same journeys (journeys.mjs) in Chromium (playwright-core),
// Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK (selenium-webdriver with
// WebKitWebDriver and the MiniBrowser), one browser at a time; then the packages the three made
// from the same data are compared by their content hash.
//
//   node tests/xbrowser/run.mjs [--engines chromium,firefox,webkit] [--only REGEX]
//   node tests/xbrowser/run.mjs --bench [--runs 5] [--write]
//
// Serves HOSO_DIST (default dist/). Firefox and WebKit need a display: without DISPLAY the runner
// starts itself again under `xvfb-run -a` (Debian's xvfb). Screenshots and the exported packages
// go to artifacts/xbrowser/. Prints "N passed, N failed" and exits 1 on any failure. --only: just
// the steps whose name matches (case-insensitive), to work on a few; those after the first load
// each start from a page load of their own, except the reload that follows the typing.
// --bench: time from navigation to hoso.ready, median of --runs cold loads (a fresh browser
// each), per engine; --write saves it to benchmarks/results/xbrowser.json (BENCHMARKS.md is built
// from it by tests/bench/bench_summary.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { run as journeys, coldStart, DESKTOP } from './journeys.mjs';
import { median, fmt, table, describe } from '../bench/lib/stats.mjs';
import { saveResults } from '../bench/lib/report.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = resolve(process.env.HOSO_DIST || join(ROOT, 'dist'));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : dflt;
};
const ENGINES = opt('engines', 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
const BENCH = argv.includes('--bench');
const WRITE = argv.includes('--write');
const RUNS = Number(opt('runs', 5));
const ONLY = opt('only', null) && new RegExp(opt('only'), 'i');
const XVFB_SCREEN = '-screen 0 1920x1200x24';

// Firefox and WebKit draw on an X display: start again under Xvfb if there is none.
if (!process.env.DISPLAY && !process.env.HOSO_XB_CHILD && ENGINES.some((e) => e !== 'chromium')) {
  const which = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error('xbrowser: no DISPLAY and no xvfb-run (Debian package xvfb; scripts/setup.sh test installs it)');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const r = spawnSync('xvfb-run', ['-a', '-s', XVFB_SCREEN, process.execPath, ...process.execArgv, process.argv[1], ...argv],
    { stdio: 'inherit', env: { ...process.env, HOSO_XB_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`xbrowser: no app in ${DIST} (build it, or set HOSO_DIST)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const launchers = {
  chromium: () => import('./drivers/chromium.mjs'),
  firefox: () => import('./drivers/firefox.mjs'),
  webkit: () => import('./drivers/webkit.mjs'),
};
for (const e of ENGINES) if (!launchers[e]) { console.error(`xbrowser: unknown engine ${e}`); process.exit(2); }

const results = [];
function record(engine, name, error, ms) {
  results.push({ engine, name, error, ms });
  const head = `${error ? 'FAIL' : 'ok  '} ${engine.padEnd(8)} ${name} (${(ms / 1000).toFixed(1)} s)`;
  console.log(head);
  if (error) console.log(`     ${String(error.stack || error).split('\n').slice(0, 6).join('\n     ')}`);
}

// One browser at a time; always closed, even when a journey throws.
async function withBrowser(engine, fn) {
  const { launch } = await launchers[engine]();
  const driver = await launch({ width: DESKTOP.w, height: DESKTOP.h });
  try { return await fn(driver); } finally { await driver.close().catch(() => {}); }
}

const server = await startServer(DIST);
const versions = {};
const timings = {};

async function testAll() {
  const packages = {};
  for (const engine of ENGINES) {
    const t0 = Date.now();
    try {
      await withBrowser(engine, async (driver) => {
        versions[engine] = await driver.version().catch(() => engine);
        console.log(`\n---- ${engine}: ${versions[engine]}`);
        const out = await journeys({ engine, driver, server, root: ROOT, record, only: ONLY });
        if (out.package) packages[engine] = out.package;
      });
    } catch (e) {
      record(engine, 'the browser starts', e, Date.now() - t0);
    }
    timings[engine] = Date.now() - t0;
    console.log(`---- ${engine}: ${(timings[engine] / 1000).toFixed(1)} s`);
  }
  if (ENGINES.length > 1 && !ONLY) {
    const t0 = Date.now();
    const hashes = Object.entries(packages).map(([e, p]) => `${e} ${p.hash} (${p.bytes} B, ${p.name})`);
    console.log(`\npackages:\n  ${hashes.join('\n  ')}`);
    let error = null;
    if (Object.keys(packages).length !== ENGINES.length) error = new Error(`a package from every engine (got ${Object.keys(packages).join(', ') || 'none'})`);
    else if (new Set(Object.values(packages).map((p) => p.hash)).size !== 1) error = new Error('the same content hash in every engine');
    else if (new Set(Object.values(packages).map((p) => p.file)).size !== 1) error = new Error('the same file, byte for byte, in every engine');
    record('all', 'the same data exports to the same package (content hash and bytes) in every engine', error, Date.now() - t0);
  }
  const others = ENGINES.filter((e) => e !== 'chromium').reduce((a, e) => a + timings[e], 0);
  if (ENGINES.some((e) => e !== 'chromium')) {
    console.log(`\nFirefox and WebKit part: ${(others / 1000).toFixed(1)} s (budget 300 s)`);
  }
}

async function bench() {
  const rows = [['engine', 'median', 'min', 'max', 'runs (ms)']];
  const engines = {};
  for (const engine of ENGINES) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = Date.now();
      try {
        await withBrowser(engine, async (driver) => {
          versions[engine] ??= await driver.version().catch(() => engine);
          times.push(await coldStart({ driver, server }));
        });
      } catch (e) {
        record(engine, `cold start ${i + 1}`, e, Date.now() - t0);
      }
    }
    // An engine that never started shows as missing, not as a number.
    engines[engine] = { version: versions[engine] || engine, ready_ms: describe(times), runs_ms: times };
    rows.push([versions[engine] || engine, ...(times.length
      ? [`${fmt(median(times), 0)} ms`, `${fmt(Math.min(...times), 0)} ms`, `${fmt(Math.max(...times), 0)} ms`, times.map((t) => t.toFixed(0)).join(', ')]
      : ['**MISSING** (no cold start succeeded)', '', '', ''])]);
    if (times.length) record(engine, `time to hoso.ready, median of ${times.length} cold loads: ${fmt(median(times), 0)} ms`, null, 0);
  }
  const markdown = [
    `Time from navigation to \`hoso.ready\` (stored data loaded, first frame drawn), in the page's own clock`,
    `(\`performance.now()\` when the promise resolves), median of ${RUNS} cold loads: each a fresh browser with an`,
    'empty profile (no HTTP cache, no service worker, empty IndexedDB), desktop window 1280×800, served from 127.0.0.1.',
    '',
    table(rows),
    '',
    '- Chromium runs headless with SwiftShader (WebGL2 on the CPU); Firefox ESR and the WebKitGTK MiniBrowser run',
    '  headful under Xvfb with Mesa llvmpipe (headless Firefox has no WebGL2 here). All draw on the CPU, so these are',
    '  slower than on a phone or laptop with a GPU; they compare engines, not devices.',
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  if (WRITE) saveResults('xbrowser', { title: 'Cross-browser start-up (issue 10)', markdown, browser: Object.values(versions).join('; '), figures: { runs: RUNS, engines } });
}

const t0 = Date.now();
try {
  if (BENCH) await bench();
  else await testAll();
} catch (e) {
  record('runner', 'runs to the end', e, Date.now() - t0);
} finally {
  await server.close();
}
const failed = results.filter((r) => r.error).length;
console.log(`\n${results.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);
