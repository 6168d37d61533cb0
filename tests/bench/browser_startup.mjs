// Start-up, size and idle (issue 9), in headless Chromium:
//  - time from navigation to hoso.ready: a first visit (empty profile: no HTTP cache, no service
//    worker), a repeat visit online (reload, the worker serving), a repeat visit offline (reload
//    with the network off: context.setOffline(true)) and the app reopened offline (the browser
//    restarted on the same profile with the network off);
//  - bytes of every file raw and gzip, what a first visit asks the server for (the page and the
//    worker's precache), and the secretariat's edition (hoso-full.*) fetched when its role is chosen;
//  - frames drawn per second while idle (target 0).
//
//   node tests/bench/browser_startup.mjs [--runs 5] [--write]
// --write saves the results to benchmarks/results/startup.json (BENCHMARKS.md is built from it).
import { readdirSync, readFileSync, statSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, openBrowser, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { DIST, arg, flag, saveResults } from './lib/report.mjs';

const RUNS = arg('runs', 5);
const IDLE_S = 5;
// The peer (Enketo) is measured in the same run by browser_peer.mjs, never typed in here; the size
// budget is tests/tools/check_size.mjs's test, not a benchmark.

// ---- sizes ------------------------------------------------------------------------------------
const edition = (rel) => rel.startsWith('hoso-full.') ? 'secretariat' : rel.startsWith('schema/') || rel === 'build.json' ? 'never fetched' : 'first visit';
function files() {
  const rows = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      const rel = relative(DIST, p);
      const b = readFileSync(p);
      rows.push({ rel, raw: b.length, gz: gzipSync(b, { level: 9 }).length, edition: edition(rel) });
    }
  })(DIST);
  return rows.sort((a, b) => b.gz - a.gz);
}

// ---- timing -----------------------------------------------------------------------------------
// hoso.ready's resolution in page time (ms since this document's navigation started).
function instrument() {
  Object.defineProperty(window, 'hoso', {
    configurable: true,
    get() { return this.__hoso; },
    set(v) { this.__hoso = v; v.ready.then(() => { window.__readyAt = performance.now(); }); },
  });
}
async function readyAt(page) {
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000, polling: 20 });
  return page.evaluate(() => window.__readyAt);
}
async function controlled(page) {
  await page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    await sw.ready;
    if (!sw.controller) await new Promise((r) => sw.addEventListener('controllerchange', r, { once: true }));
  });
}
async function idleFps(page) {
  await page.waitForTimeout(1500);
  const f0 = await page.evaluate(() => window.hoso.frames());
  await page.waitForTimeout(IDLE_S * 1000);
  return ((await page.evaluate(() => window.hoso.frames())) - f0) / IDLE_S;
}

const server = await startServer(DIST);
const t = { first: [], repeat: [], repeatOffline: [], reopenedOffline: [], idle: [] };
let firstVisitRequests = null, offlineRequests = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    let b = await openBrowser({ device: DESKTOP });
    const profile = b.profile;
    try {
      await b.context.addInitScript(instrument);
      const page = b.context.pages()[0];
      const asked = server.requests.length;
      await page.goto(server.url);
      t.first.push(await readyAt(page));
      t.idle.push(await idleFps(page));
      await controlled(page);
      await page.waitForTimeout(500);  // the worker's precache is done once it controls the page
      if (!firstVisitRequests) firstVisitRequests = server.requests.slice(asked);

      await page.reload();
      t.repeat.push(await readyAt(page));

      await b.context.setOffline(true);
      const before = server.requests.length;
      await page.reload();
      t.repeatOffline.push(await readyAt(page));
      offlineRequests += server.requests.length - before;
      await b.close();

      b = await openBrowser({ device: DESKTOP, profile });
      await b.context.addInitScript(instrument);
      await b.context.setOffline(true);
      const before2 = server.requests.length;
      const page2 = b.context.pages()[0];
      await page2.goto(server.url);
      t.reopenedOffline.push(await readyAt(page2));
      offlineRequests += server.requests.length - before2;
    } finally {
      await b.close();
      rmSync(profile, { recursive: true, force: true });
    }
    console.error(`run ${i + 1}/${RUNS}: first ${fmt(t.first.at(-1), 0)} ms, repeat ${fmt(t.repeat.at(-1), 0)} ms, ` +
      `offline ${fmt(t.repeatOffline.at(-1), 0)} ms, reopened offline ${fmt(t.reopenedOffline.at(-1), 0)} ms, idle ${t.idle.at(-1)} fps`);
  }
} finally { await server.close(); }

// ---- the section ------------------------------------------------------------------------------
const rows = files();
const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
const first = rows.filter((r) => r.edition === 'first visit');
const full = rows.filter((r) => r.edition === 'secretariat');
const asked = {};
for (const p of firstVisitRequests || []) {
  const rel = decodeURIComponent(p).replace(/^\//, '') || 'index.html';
  asked[rel.endsWith('/') ? rel + 'index.html' : rel] = (asked[rel] || 0) + 1;
}
const wireRaw = Object.entries(asked).reduce((a, [rel, n]) => a + (existsSync(join(DIST, rel)) ? statSync(join(DIST, rel)).size * n : 0), 0);
const ms = (xs) => [fmt(median(xs), 0), fmt(p95(xs), 0)];

const idleMed = median(t.idle), idleP95 = p95(t.idle);
const figures = {
  runs: RUNS,
  ready_ms: { first_visit: describe(t.first), repeat_online: describe(t.repeat), repeat_offline: describe(t.repeatOffline), reopened_offline: describe(t.reopenedOffline) },
  idle_fps: describe(t.idle),
  offline_requests: offlineRequests,
  first_visit: { raw_bytes: sum(first, 'raw'), gzip_bytes: sum(first, 'gz') },
  secretariat_edition: { raw_bytes: sum(full, 'raw'), gzip_bytes: sum(full, 'gz') },
  first_visit_asked: { requests: (firstVisitRequests || []).length, raw_bytes: wireRaw },
  files: rows.map((r) => ({ file: r.rel, raw_bytes: r.raw, gzip_bytes: r.gz, fetched: r.edition, first_visit_requests: asked[r.rel] || 0 })),
};
const kB = (x) => `${fmt(x / 1000, 1)} kB (${fmt(x / 1024, 1)} KiB)`;
const lines = [
  `Headless Chromium (SwiftShader: WebGL2 drawn on the CPU), served from 127.0.0.1 by the test server (no compression,`,
  `no HTTP caching: \`Cache-Control: no-cache\`, no ETag). ${RUNS} runs; each run starts a fresh browser on an empty profile.`,
  'Times run from navigation to `hoso.ready` (stored data loaded, first frame drawn) in the page\'s own clock.',
  '',
  table([
    ['time to `hoso.ready`', 'median', 'p95'],
    ['first visit, online (empty profile; against Enketo: see "Against a peer")', ...ms(t.first).map((x) => `${x} ms`)],
    ['repeat visit, online (reload; the service worker serves)', ...ms(t.repeat).map((x) => `${x} ms`)],
    ['repeat visit, offline (reload with the network off)', ...ms(t.repeatOffline).map((x) => `${x} ms`)],
    ['reopened offline (browser restarted on the profile, network off)', ...ms(t.reopenedOffline).map((x) => `${x} ms`)],
  ]),
  '',
  '- A first visit cannot be offline: the app needs one visit online to be cached. "Reopened offline" is the first',
  '  start of a new browser session without network (cold process, warm cache): a phone opening the app in the field.',
  `- Offline, the server saw ${offlineRequests} request(s) in all ${RUNS * 2} offline starts: everything came from the worker's cache.`,
  '',
  table([
    ['idle', 'median', 'p95', 'max'],
    [`frames drawn per second while idle (${IDLE_S} s after start-up, per run)`, fmt(idleMed, 2), fmt(idleP95, 2), fmt(Math.max(...t.idle), 2)],
  ]),
  '',
  table([
    ['transfer', 'raw', 'gzip -9'],
    ['first visit (the unit\'s edition: every file but hoso-full.*, schema/, build.json)', kB(sum(first, 'raw')), kB(sum(first, 'gz'))],
    ['the secretariat\'s edition on top (hoso-full.*, fetched when the role is chosen)', kB(sum(full, 'raw')), kB(sum(full, 'gz'))],
    [`what a first visit asked the server for (page and worker precache, ${(firstVisitRequests || []).length} requests)`, kB(wireRaw), ''],
  ]),
  '',
  '- The worker\'s precache takes the files the page has just loaded from the HTTP cache (`cache: \'force-cache\'`, each',
  '  checked against the build\'s SHA-256), so each file crosses the network once, even from this server, which sends no ETag.',
  '- kB = 1,000 bytes, KiB = 1,024 bytes. gzip is level 9, as a static host compressing ahead of time would serve it.',
  '',
  table([['file', 'raw bytes', 'gzip bytes', 'fetched', 'first-visit requests'],
    ...rows.map((r) => [r.rel, String(r.raw), String(r.gz), r.edition, String(asked[r.rel] || 0)]),
    ['**first visit total**', String(sum(first, 'raw')), String(sum(first, 'gz')), '', ''],
    ['**secretariat edition**', String(sum(full, 'raw')), String(sum(full, 'gz')), '', ''],
    ['**all files**', String(sum(rows, 'raw')), String(sum(rows, 'gz')), '', '']]),
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
if (flag('write')) saveResults('startup', { title: 'Start-up, size and idle (issue 9)', markdown, figures });
