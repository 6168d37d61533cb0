// The soak (issue 17): minutes of scripted editing across 1,000 dossiers, interrupted at random by
// reloads, tab closes, renderer crashes and hidden pages, then every edit accounted for. The rule
// it checks: whatever a person typed and saw as saved is still there after any of these.
//
// How: Debian's Chromium on one persistent profile (IndexedDB survives every reload and close),
// 1,000 generated dossiers (hoso.dev.generate, seeded). Then, until the time is up, a seeded PRNG
// picks a dossier (mostly any of the 1,000, sometimes one edited lately, so edits build on edits),
// the script finds it with the list's search (by its id, which the search matches: unique), opens it,
// clicks its name field and types a unique marker (" soak-<n> (sửa)") with real input events. What
// the app showed is the expected value. Then, at random, one of:
//   - before the app says "saved": crash the renderer (CDP Page.crash: no pagehide, no beforeunload;
//     such an edit may be lost), close the tab (page.close with beforeunload: the leave-page save
//     must keep it), reload, or hide the page (visibilitychange) and go on;
//   - or wait for "saved" (keystroke → saved is the save latency), then maybe reload, close, crash
//     or hide.
// Whether the app had said "saved" for an edit when it was interrupted is read from the statuses the
// storage layer reports to the wasm (Module._hoso_storage_status, wrapped from the page: a "saving"
// after the keystroke, then a "saved"). After each interruption the reopened app is asked whether the
// edit is there (so a loss is known when it happened); at the end, every dossier is read back from
// IndexedDB (the IDBFS database "/data", store FILE_DATA) and from hoso.state() after a last reload.
// An edit is kept when its marker is in the dossier's name in both.
//
//   node tests/bench/soak.mjs [--minutes 30] [--seed 17] [--dossiers 1000] [--write]
//   scripts/bench.sh --soak   (the same, 30 minutes, with --write, after the other benchmarks)
// Not part of scripts/test.sh. --write saves benchmarks/results/soak.json (bench_summary.mjs); the figures
// go to $HOSO_BENCH_OUT/soak.json, the targets (edits seen as saved and lost: 0; edits not yet saved
// at a close, reload or hide and lost: 0) to targets/soak.json. Exit code 1 when an edit seen as
// saved is lost.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table } from './lib/stats.mjs';
import { DIST, OUT, arg, flag, machine, load, today, build, commit, chromiumVersion, saveResults } from './lib/report.mjs';
import { generateDossiers } from './lib/frames.mjs';

const MINUTES = arg('minutes', 30);
const SEED = arg('seed', 17);
const N = arg('dossiers', 1000);
const HEADING = '## Soak (issue 17)';
const SAVE_TIMEOUT = 30000;                // a save slower than this is reported, not waited for

// mulberry32: a small seeded PRNG, so a run can be repeated.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// ---- in the page -------------------------------------------------------------------------------

// Logs every save status the storage layer reports to the app, with the page's clock (the app's
// last_saved is taken from the same clock). Installed after each start; nothing in the app changes.
function installStatusLog() {
  if (window.__saveLog) return;
  window.__saveLog = [];
  const M = window.Module, report = M._hoso_storage_status;
  M._hoso_storage_status = function (code, message) {
    window.__saveLog.push({ code, at: Date.now() });
    return report.apply(this, arguments);
  };
}
// The time of the first "saved" after a "saving" reported at or after the page's time t (an edit's
// own save: the edit makes the app report "saving"), or 0.
function savedAfter(t) {   // pre_storage.js's STATUS: saved 0, saving 1
  const log = window.__saveLog || [];
  const i = log.findIndex((e) => e.at >= t && e.code === 1);
  const j = i < 0 ? -1 : log.findIndex((e, k) => k > i && e.code === 0);
  return j < 0 ? 0 : log[j].at;
}
// What the person sees of one dossier, with the save state and the heap (one hoso.state() call: it
// serialises the whole workspace, so only the little needed crosses to node).
function look(id) {
  const s = window.hoso.state();
  const d = s.workspace.dossiers.find((x) => x.id === id);
  return {
    screen: s.screen, open: s.dossier_id, save: s.save, now: Date.now(), heap: window.Module.HEAPU8.length,
    value: d ? (d.nominee.kind === 'individual' ? d.nominee.full_name : d.nominee.name) : null,
  };
}
// Every dossier's name as IndexedDB holds it (IDBFS: key = the file's path, contents = its bytes).
function storedNames() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA');
      const keys = store.getAllKeys(), values = store.getAll();
      values.onsuccess = () => {
        db.close();
        const out = {};
        keys.result.forEach((k, i) => {
          const m = /^\/data\/dossiers\/([^/]+)\.json$/.exec(k);
          if (!m || !values.result[i].contents) return;
          const d = JSON.parse(new TextDecoder().decode(values.result[i].contents)).data;
          out[m[1]] = d.nominee.kind === 'individual' ? d.nominee.full_name : d.nominee.name;
        });
        resolve(out);
      };
      values.onerror = () => { db.close(); reject(values.error); };
    };
  });
}
// The page as a person leaving it to another tab: hidden (the app saves at once), then shown again.
async function hideAndShow(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;   // the prototype's getter again
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

// ---- the run -----------------------------------------------------------------------------------

const server = await startServer(DIST);
const b = await openBrowser({ device: DESKTOP });
const edits = [];          // {n, id, marker, expected, interruption, savedSeen, latency, keptOnReopen, kept}
const counts = { reload: 0, close: 0, crash: 0, hide: 0 };
let heapMax = 0, app, ids, kinds, elapsedMinutes = 0, anomalies = [];
const recent = [];

// A new page of the app on the same profile. The Web Lock of a page that just closed or crashed
// is released as its document goes away: a page that starts read-only meanwhile is closed and tried
// again rather than edited.
async function openApp() {
  for (let i = 0; ; i++) {
    const a = new App(await b.context.newPage(), server);
    await a.goto();
    if ((await a.state()).save.state !== 'read_only' || i >= 40) {
      await a.page.evaluate(installStatusLog);
      return a;
    }
    await a.page.close();
    await new Promise((r) => setTimeout(r, 250));
  }
}
async function reloadApp() {
  await app.reload();
  await app.page.evaluate(installStatusLog);
}
async function closeApp() {
  const closed = new Promise((r) => app.page.once('close', r));
  await app.page.close({ runBeforeUnload: true });
  await closed;
  app = await openApp();
}
async function crashApp() {
  const crashed = new Promise((r) => { app.page.once('crash', r); setTimeout(r, 15000); });
  const cdp = await app.page.context().newCDPSession(app.page);
  cdp.send('Page.crash').catch(() => {});   // never answers: the renderer is gone
  await crashed;
  await app.page.close().catch(() => {});
  app = await openApp();
}

async function openDossier(id) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await app.click('list.search');
    await app.press('Control+A');
    await app.insertText(id);
    await app.click(`list.row.${id}`);
    const seen = await app.page.evaluate(look, id);
    if (seen.open === id && seen.screen === 'dossier') return seen;
  }
  throw new Error(`dossier ${id} does not open`);
}

// One edit: a dossier picked, opened, typed into, and perhaps interrupted.
async function oneEdit(n) {
  const id = recent.length && random() < 0.3 ? pick(recent) : pick(ids);
  await openDossier(id);
  const field = kinds[id] === 'individual' ? 'nominee.full_name' : 'nominee.name';
  await app.click(field);
  await app.press('End');
  const marker = ` soak-${n} (sửa)`;
  const typedAt = await app.page.evaluate(() => Date.now());
  await app.insertText(marker);
  const seen = await app.page.evaluate(look, id);
  heapMax = Math.max(heapMax, seen.heap);
  const edit = { n, id, marker: `soak-${n}`, expected: seen.value, interruption: null, savedSeen: false, latency: null };
  edits.push(edit);
  if (!seen.value || !seen.value.split(' ').includes(edit.marker)) {
    anomalies.push(`edit ${n}: the field did not show what was typed (${JSON.stringify(seen.value)})`);
    edit.notTyped = true;
    return;
  }
  recent.push(id);
  if (recent.length > 20) recent.shift();

  // At once, before the save (a debounced save is 0.5 s away): 20 % of edits.
  let r = random(), early = true, kind = r < 0.04 ? 'crash' : r < 0.10 ? 'close' : r < 0.16 ? 'reload' : r < 0.20 ? 'hide' : null;
  if (!kind) {
    early = false;
    const at = await app.page.waitForFunction(savedAfter, typedAt, { timeout: SAVE_TIMEOUT, polling: 20 })
      .then((h) => h.jsonValue()).catch(() => 0);
    if (at) { edit.savedSeen = true; edit.latency = at - typedAt; }
    else anomalies.push(`edit ${n}: not saved within ${SAVE_TIMEOUT / 1000} s`);
    r = random();
    kind = r < 0.04 ? 'reload' : r < 0.08 ? 'close' : r < 0.11 ? 'crash' : r < 0.15 ? 'hide' : null;
  }
  if (!kind) return;
  // Whether the app had said "saved" for this edit when it was interrupted.
  if (early) {
    const at = await app.page.evaluate(savedAfter, typedAt);
    if (at) { edit.savedSeen = true; edit.latency = at - typedAt; }
  }
  edit.interruption = kind;
  counts[kind]++;
  if (kind === 'reload') await reloadApp();
  else if (kind === 'close') await closeApp();
  else if (kind === 'crash') await crashApp();
  else await hideAndShow(app.page);
  if (kind !== 'hide') await app.click('nav.dossiers');
  const after = await app.page.evaluate(look, id);
  edit.keptOnReopen = !!after.value && after.value.split(' ').includes(edit.marker);
  if (!edit.keptOnReopen)
    console.error(`soak: edit ${n} (${id}) lost at a ${kind}${edit.savedSeen ? ' AFTER the app said saved' : ' before the app said saved'}`);
}

const t0 = Date.now();
try {
  app = await App.open(b.context, server);
  await generateDossiers(app, N, { seed: SEED });
  const all = (await app.state()).workspace.dossiers;
  ids = all.map((d) => d.id);
  kinds = Object.fromEntries(all.map((d) => [d.id, d.nominee.kind]));
  await reloadApp();
  await app.click('nav.dossiers');
  console.error(`soak: ${N} dossiers generated (seed ${SEED}) in ${((Date.now() - t0) / 1000).toFixed(0)} s; editing for ${MINUTES} min`);

  const start = Date.now(), end = start + MINUTES * 60000;
  for (let n = 1; Date.now() < end; n++) {
    try {
      await oneEdit(n);
    } catch (e) {
      // A step of the script that failed (an item not drawn in time on the loaded machine, ...):
      // noted, and the soak goes on in a fresh page rather than stopping with nothing accounted.
      anomalies.push(`edit ${n}: the script failed (${String(e.message || e).split('\n')[0]}); went on in a new page`);
      console.error(`soak: edit ${n}: ${e.stack || e}`);
      await app.page.close({ runBeforeUnload: true }).catch(() => {});
      app = await openApp();
      await app.click('nav.dossiers');
    }
    if (n % 50 === 0)
      console.error(`soak: ${n} edits in ${((Date.now() - start) / 60000).toFixed(1)} min; ${JSON.stringify(counts)}; heap ${(heapMax / 2 ** 20).toFixed(0)} MB`);
  }
  elapsedMinutes = (Date.now() - start) / 60000;

  // ---- every edit accounted for ----------------------------------------------------------------
  await app.until('everything saved', (s) => s.save.state === 'saved', 60000);
  const stored = await app.page.evaluate(storedNames);
  await reloadApp();
  const shown = Object.fromEntries((await app.state()).workspace.dossiers.map((d) =>
    [d.id, d.nominee.kind === 'individual' ? d.nominee.full_name : d.nominee.name]));
  for (const e of edits) {
    const has = (v) => !!v && v.split(' ').includes(e.marker);
    e.keptStored = has(stored[e.id]);
    e.keptShown = has(shown[e.id]);
    e.kept = e.keptStored && e.keptShown;
  }
  // The last edit of each dossier, when kept: the name is exactly what the person last saw.
  const last = new Map(edits.filter((e) => !e.notTyped).map((e) => [e.id, e]));
  for (const e of last.values())
    if (e.kept && (stored[e.id] !== e.expected || shown[e.id] !== e.expected))
      anomalies.push(`dossier ${e.id}: holds ${JSON.stringify(stored[e.id])} / shows ${JSON.stringify(shown[e.id])}, last seen ${JSON.stringify(e.expected)}`);
  if (Object.keys(shown).length !== N) anomalies.push(`${Object.keys(shown).length} dossiers after the soak, not ${N}`);
  heapMax = Math.max(heapMax, await app.page.evaluate(() => window.Module.HEAPU8.length));
  if (app.errors.length) anomalies.push(`console errors: ${app.errors.slice(0, 5).join(' | ')}`);
} finally {
  await b.close().catch(() => {});
  rmSync(b.profile, { recursive: true, force: true });
  await server.close();
}

// ---- figures -------------------------------------------------------------------------------------
const typed = edits.filter((e) => !e.notTyped);
const count = (f) => typed.filter(f).length;
const savedLost = typed.filter((e) => e.savedSeen && !e.kept);
const byInterruption = (kind, early) => {
  const xs = typed.filter((e) => e.interruption === kind && !e.savedSeen === early);
  return { edits: xs.length, lost: xs.filter((e) => !e.kept).length };
};
const latencies = typed.filter((e) => e.latency != null).map((e) => e.latency);
const figures = {
  minutes: elapsedMinutes, dossiers: N, seed: SEED,
  edits: typed.length, kept: count((e) => e.kept), lost: count((e) => !e.kept),
  seen_saved: count((e) => e.savedSeen), seen_saved_lost: savedLost.length,
  not_seen_saved: count((e) => !e.savedSeen), not_seen_saved_lost: count((e) => !e.savedSeen && !e.kept),
  interruptions: counts,
  before_saved: Object.fromEntries(['crash', 'close', 'reload', 'hide'].map((k) => [k, byInterruption(k, true)])),
  after_saved: Object.fromEntries(['crash', 'close', 'reload', 'hide'].map((k) => [k, byInterruption(k, false)])),
  edits_per_minute: typed.length / (elapsedMinutes || 1),
  save_latency_ms: { median: median(latencies), p95: p95(latencies), max: latencies.length ? Math.max(...latencies) : NaN, samples: latencies.length },
  heap_max_mb: heapMax / 2 ** 20,
  anomalies,
  lost_edits: typed.filter((e) => !e.kept).map(({ n, id, interruption, savedSeen, keptOnReopen, keptStored, keptShown }) =>
    ({ n, id, interruption, savedSeen, keptOnReopen, keptStored, keptShown })),
};
const leaveLost = ['close', 'reload', 'hide'].reduce((s, k) => s + figures.before_saved[k].lost, 0);
const loadMeasured = load();
const bld = build();
const targets = [
  { figure: `edits seen as saved and then lost (soak, ${fmt(elapsedMinutes, 0)} min)`, value: `${savedLost.length} of ${figures.seen_saved}`, target: '0', met: savedLost.length === 0 },
  { figure: 'edits typed before "saved", then the page closed, reloaded or hidden, and lost', value: `${leaveLost}`, target: '0', met: leaveLost === 0 },
];

const row = (label, k) => {
  const x = figures.before_saved[k], y = figures.after_saved[k];
  return [label, `${counts[k]}`, `${x.edits} (lost ${x.lost})`, `${y.edits} (lost ${y.lost})`];
};
const ran = MINUTES >= 30 ? `${fmt(elapsedMinutes, 1)} minutes` : `**a ${fmt(elapsedMinutes, 1)}-minute run** (\`--minutes ${MINUTES}\`; the full soak is 30)`;
const lines = [
  HEADING,
  '',
  `Measured ${today()} by \`node tests/bench/soak.mjs --minutes ${MINUTES} --write\` (\`scripts/bench.sh --soak\` runs 30) on ${machine()},`,
  `${chromiumVersion()} headless, build ${bld.hash} (HEAD ${commit()} when run): ${ran} of scripted editing across`,
  `${N.toLocaleString('en')} generated dossiers (seed ${SEED}) on one persistent profile. Each edit: a dossier picked at random (30 % one`,
  'of the last 20 edited), found with the list\'s search, its name field clicked and a unique marker typed with real input.',
  'Then at random: before the app says "saved", a renderer crash (CDP `Page.crash`: no page-leave event at all), a tab',
  'close with beforeunload, a reload, or the page hidden; or, after "saved", the same. "Seen as saved": the storage layer',
  'had reported "saving" after the keystroke and then "saved" before the interruption. Kept: the marker is in the dossier',
  'both in IndexedDB (read directly) and in `hoso.state()` after a last reload.',
  '',
  table([
    ['', 'measured', 'target', ''],
    ['edits typed', `${figures.edits} (${fmt(figures.edits_per_minute, 1)} a minute)`, '', ''],
    ['kept / lost', `${figures.kept} / ${figures.lost}`, '', ''],
    ['seen as saved, then lost', `${savedLost.length} of ${figures.seen_saved}`, '0', targets[0].met ? 'met' : '**MISSED**'],
    ['not yet saved at a close, reload or hide, then lost', `${leaveLost}`, '0', targets[1].met ? 'met' : '**MISSED**'],
    ['not yet saved at a renderer crash, then lost (allowed)', `${figures.before_saved.crash.lost} of ${figures.before_saved.crash.edits}`, '', ''],
    ['save latency, keystroke → "saved": median, p95, max', `${fmt(figures.save_latency_ms.median, 0)} ms, ${fmt(figures.save_latency_ms.p95, 0)} ms, ${fmt(figures.save_latency_ms.max, 0)} ms (${latencies.length} edits)`, '', ''],
    ['wasm heap, max', `${fmt(figures.heap_max_mb, 0)} MB`, '', ''],
  ]),
  '',
  table([
    ['interruption', 'times', 'edits not yet saved (lost)', 'edits seen as saved (lost)'],
    row('renderer crash', 'crash'), row('tab closed (beforeunload)', 'close'), row('reload', 'reload'), row('page hidden, then shown', 'hide'),
  ]),
  '',
  `- Anomalies: ${anomalies.length ? anomalies.join('; ') : 'none'}.`,
  '- The save latency includes the 0.5 s debounce (a save at most 2 s after the first of a run of keys).',
  `- Load average (1, 5, 15 min) when done: ${loadMeasured} (2 cores shared with other work).`,
  '',
];
const section = lines.join('\n');
console.log(section);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'soak.json'), JSON.stringify({
  written: new Date().toISOString(), machine: machine(), browser: chromiumVersion(), build: bld.hash, commit: commit(),
  load: loadMeasured, ...figures, targets,
}, null, 1) + '\n');
// Into benchmarks/results/soak.json, from which bench_summary.mjs writes its section and targets.
if (flag('write')) {
  saveResults('soak', { title: HEADING.replace(/^## /, ''), markdown: lines.slice(2).join('\n'),
    figures: { ...figures, seen_saved_lost: savedLost.length, leave_lost: leaveLost } });
}
if (savedLost.length) {
  console.error(`soak: ${savedLost.length} edit(s) seen as saved were LOST`);
  process.exitCode = 1;
}
