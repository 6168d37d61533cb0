// hoso against a peer in the same run (issue 19): Enketo (enketo-core, the ODK/Kobo web form
// engine) on a 32-field form shaped like a dossier, built from npm in tests/bench/peer/ (its own
// package.json; never part of the test command). Both are served by the same static server, loaded
// cold (a fresh profile each run) in the same headless Chromium, and measured the same way:
//  - first-visit transfer: every file the first visit asked the server for, gzip -9 (each file once,
//    and as asked, duplicates included);
//  - navigation → ready: hoso.ready / the peer's form initialised, in page time;
//  - insertText → value in the app's state: from the input event's timestamp until the typed text
//    is in hoso.state() (the dossier) / in the peer's field;
//  - insertText → next painted frame: until a rendering update after the app drew the value (a
//    requestAnimationFrame callback, then a task after it, which runs after the paint);
//  - main-thread busy time while idle: CDP Performance TaskDuration over 3 s, 2 s after ready.
// Each figure also with the CPU throttled --throttle times (4 by default: Emulation.setCPUThrottlingRate,
// a cheap phone; 1 skips the throttled pass).
//
//   node tests/bench/browser_peer.mjs [--runs 5] [--keys 20] [--throttle 4] [--write]
// --write saves the results to benchmarks/results/peer.json, from which BENCHMARKS.md's section and
// every comparison with Enketo in its summary are made. Builds the peer first when tests/bench/peer/dist/ is missing or older
// than its sources (npm ci in tests/bench/peer/).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, openBrowser, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { DIST, ROOT, arg, flag, saveResults } from './lib/report.mjs';

const RUNS = arg('runs', 5);
const KEYS = arg('keys', 20);
const THROTTLE = arg('throttle', 4);
const PEER = join(ROOT, 'tests', 'bench', 'peer');
const PEER_DIST = join(PEER, 'dist');

// ---- the peer page -------------------------------------------------------------------------------
function buildPeer() {
  const sources = ['package.json', 'package-lock.json', 'form.mjs', 'app.js', 'build.mjs'].map((f) => join(PEER, f));
  const built = join(PEER_DIST, 'index.html');
  const newest = Math.max(...sources.filter(existsSync).map((f) => statSync(f).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  if (!existsSync(join(PEER, 'node_modules', 'enketo-core')))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER, stdio: 'inherit' });
  execFileSync(process.execPath, [join(PEER, 'build.mjs')], { cwd: PEER, stdio: 'inherit' });
}

// ---- in the page ---------------------------------------------------------------------------------
// Installed before any of the app's scripts. __measureInput(check) resolves with the times (ms
// from the input event) at which check() first held and a frame was painted after that.
function instrument() {
  window.__readyAt = undefined;
  const mark = () => { window.__readyAt = performance.now(); };
  Object.defineProperty(window, 'hoso', {
    configurable: true, get() { return this.__hoso; }, set(v) { this.__hoso = v; v.ready.then(mark); },
  });
  Object.defineProperty(window, 'peer', {
    configurable: true, get() { return this.__peer; }, set(v) { this.__peer = v; v.ready.then(mark); },
  });
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  }));
  // __armInput(check) listens for the next input event; __measured is its result.
  window.__armInput = (checkSource) => { window.__measured = window.__measureInput(checkSource); };
  window.__measureInput = (checkSource) => new Promise((resolve) => {
    const check = new Function(`return (${checkSource})()`);
    const onInput = (e) => {
      document.removeEventListener('input', onInput, false);
      const t0 = e.timeStamp;
      // Times are taken before check() runs: hoso.state() serialises the workspace, and that cost
      // is the benchmark's, not the app's.
      const tValue = performance.now();
      if (check()) {   // the app took the value while handling the event: it shows at the next paint
        afterPaint().then((tPaint) => resolve({ value: tValue - t0, paint: tPaint - t0 }));
        return;
      }
      // Otherwise it takes it in a later task or animation frame; a task that sees it runs after
      // the rendering update that drew it.
      const poll = () => {
        const t = performance.now();
        if (check()) resolve({ value: t - t0, paint: t - t0 }); else setTimeout(poll, 0);
      };
      setTimeout(poll, 0);
    };
    document.addEventListener('input', onInput, false);
  });
}

// The text typed, one character per insertText, and how to see it in each app's state.
const WORD = 'Nguyễn Thị Hồng Nhung ';
const apps = {
  hoso: {
    dist: () => DIST,
    async field(page) {
      const items = await page.evaluate(() => window.hoso.items());
      const f = items.find((i) => i.id === 'nominee.full_name');
      if (!f) throw new Error('hoso: nominee.full_name is not on the first screen');
      await page.mouse.click(f.x + f.w / 2, f.y + Math.min(f.h / 2, 20));
      await page.waitForTimeout(200);
    },
    check: (typed) => `() => { const d = window.hoso.state().workspace.dossiers[0]; return !!d && d.nominee.full_name === ${JSON.stringify(typed)}; }`,
    firstVisit: (rel) => !rel.startsWith('hoso-full.'),
  },
  enketo: {
    dist: () => PEER_DIST,
    async field(page) {
      await page.click('[name="/data/full_name"]');
      await page.waitForTimeout(200);
    },
    check: (typed) => `() => window.peer.value('full_name') === ${JSON.stringify(typed)}`,
    firstVisit: () => true,
  },
};

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

async function coldRun(name, server, throttle) {
  const app = apps[name];
  const b = await openBrowser({ device: DESKTOP });
  try {
    await b.context.addInitScript(instrument);
    const page = b.context.pages()[0];
    const cdp = await page.context().newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const asked = server.requests.length;
    await page.goto(server.url);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 120000, polling: 20 });
    const ready = await page.evaluate(() => window.__readyAt);

    // Idle: what the main thread does with nothing to do.
    await cdp.send('Performance.enable');
    await page.waitForTimeout(2000);
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const b0 = await busy();
    await page.waitForTimeout(3000);
    const idleMs = (await busy() - b0) * 1000;

    // The first visit's requests (the service worker's precache included: it ran meanwhile).
    const paths = server.requests.slice(asked).map((p) => (p.endsWith('/') ? p + 'index.html' : p).replace(/^\//, ''));
    const bytes = (list) => list.filter((p) => app.firstVisit(p) && existsSync(join(app.dist(), p))).reduce((s, p) => s + gz(join(app.dist(), p)), 0);
    const transfer = { unique: bytes([...new Set(paths)]), asked: bytes(paths), requests: paths.length };

    // Typing, one character at a time, as an input method or a phone keyboard delivers it.
    await app.field(page);
    const lat = [];
    let typed = '';
    for (const ch of Array.from(WORD.repeat(Math.ceil(KEYS / Array.from(WORD).length))).slice(0, KEYS)) {
      typed += ch;
      await page.evaluate((src) => window.__armInput(src), app.check(typed));
      await cdp.send('Input.insertText', { text: ch });
      const result = page.evaluate(() => window.__measured);
      lat.push(await Promise.race([result, new Promise((_, no) => setTimeout(() => no(new Error(`${name}: "${typed}" never reached the state`)), 30000))]));
      await page.waitForTimeout(120);
    }
    await cdp.detach();
    return { ready, idleMs, transfer, value: lat.map((l) => l.value).slice(2), paint: lat.map((l) => l.paint).slice(2) };
  } finally {
    await b.close();
    rmSync(b.profile, { recursive: true, force: true });
  }
}

buildPeer();
const results = {};
const RATES = THROTTLE > 1 ? [1, THROTTLE] : [1];
for (const throttle of RATES) {
  for (const name of Object.keys(apps)) {
    const server = await startServer(apps[name].dist());
    try {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await coldRun(name, server, throttle));
      results[`${name}@${throttle}`] = {
        ready: runs.map((r) => r.ready), idle: runs.map((r) => r.idleMs),
        value: runs.flatMap((r) => r.value), paint: runs.flatMap((r) => r.paint),
        transfer: runs[0].transfer,
      };
      const r = results[`${name}@${throttle}`];
      console.error(`${name} (CPU ÷${throttle}): ready ${fmt(median(r.ready), 0)} ms, insertText→state ${fmt(median(r.value), 2)} ms, →paint ${fmt(median(r.paint), 2)} ms, idle ${fmt(median(r.idle), 1)} ms/3 s, first visit ${fmt(r.transfer.unique / 1000, 1)} kB gzip`);
    } finally { await server.close(); }
  }
}

// ---- report --------------------------------------------------------------------------------------
const kB = (x) => `${fmt(x / 1000, 1)} kB`;
const ratio = (a, b) => (b > 0 ? `${fmt(a / b, 2)}×` : '—');
const h = (t) => results[`hoso@${t}`], e = (t) => results[`enketo@${t}`];
const rows = [];
for (const t of RATES) {
  const tag = t === 1 ? '' : `, CPU throttled ${t}×`;
  rows.push(
    [`first-visit transfer, gzip -9, each file once${tag}`, kB(h(t).transfer.unique), kB(e(t).transfer.unique), ratio(h(t).transfer.unique, e(t).transfer.unique)],
    [`first-visit transfer as asked (${h(t).transfer.requests} / ${e(t).transfer.requests} requests)${tag}`, kB(h(t).transfer.asked), kB(e(t).transfer.asked), ratio(h(t).transfer.asked, e(t).transfer.asked)],
    [`navigation → ready, median (p95)${tag}`, `${fmt(median(h(t).ready), 0)} (${fmt(p95(h(t).ready), 0)}) ms`, `${fmt(median(e(t).ready), 0)} (${fmt(p95(e(t).ready), 0)}) ms`, ratio(median(h(t).ready), median(e(t).ready))],
    [`insertText → value in the app's state, median (p95)${tag}`, `${fmt(median(h(t).value), 2)} (${fmt(p95(h(t).value), 2)}) ms`, `${fmt(median(e(t).value), 2)} (${fmt(p95(e(t).value), 2)}) ms`, ratio(median(h(t).value), median(e(t).value))],
    [`insertText → next painted frame, median (p95)${tag}`, `${fmt(median(h(t).paint), 2)} (${fmt(p95(h(t).paint), 2)}) ms`, `${fmt(median(e(t).paint), 2)} (${fmt(p95(e(t).paint), 2)}) ms`, ratio(median(h(t).paint), median(e(t).paint))],
    [`main-thread busy time while idle, per 3 s, median${tag}`, `${fmt(median(h(t).idle), 1)} ms`, `${fmt(median(e(t).idle), 1)} ms`, ratio(median(h(t).idle), median(e(t).idle))],
  );
}
const peerVersion = (() => {
  try { return JSON.parse(readFileSync(join(PEER, 'node_modules', 'enketo-core', 'package.json'), 'utf8')).version; } catch { return '?'; }
})();
const markdown = [
  `Headless Chromium (SwiftShader). ${RUNS} cold loads of each app per row (a fresh profile each), ${KEYS} characters typed one`,
  'insertText at a time into the nominee\'s name (the first two of each run left out).',
  `The peer: enketo-core ${peerVersion} on a 32-field form (text, dates, numbers, choices, long texts) shaped like a dossier, built by`,
  'esbuild and sass in `tests/bench/peer/`. Its "state" is the field\'s value, which its form reads; hoso\'s is the dossier in',
  '`hoso.state()`. Both served by the same static server, without compression; sizes are what gzip -9 makes of each file',
  '(kB = 1,000 bytes).',
  '',
  table([['figure', 'hoso', 'Enketo', 'hoso ÷ Enketo'], ...rows]),
  '',
].join('\n');
console.log(markdown);
// Per app and CPU rate ("1", "4"): the samples' figures; the summary compares hoso with Enketo from these.
const figures = { runs: RUNS, keys: KEYS, enketo_core: peerVersion, rates: RATES };
for (const name of Object.keys(apps)) {
  figures[name] = {};
  for (const t of RATES) {
    const r = results[`${name}@${t}`];
    figures[name][t] = {
      ready_ms: describe(r.ready), insert_text_to_state_ms: describe(r.value), insert_text_to_paint_ms: describe(r.paint),
      idle_busy_ms_per_3s: describe(r.idle),
      first_visit: { gzip_bytes: r.transfer.unique, gzip_bytes_as_asked: r.transfer.asked, requests: r.transfer.requests },
    };
  }
}
if (flag('write')) saveResults('peer', { title: 'Against a peer: Enketo (issue 19)', markdown, figures });
