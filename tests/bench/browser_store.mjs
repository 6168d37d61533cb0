// Issue 4, measured in a real browser (headless Chromium, real IndexedDB through IDBFS):
//  - time from a keystroke to the change committed in IndexedDB, with 10 and with 1,000 dossiers;
//  - start-up time to hoso.ready with 1,000 dossiers stored (and with 10, for scale);
//  - bytes stored per dossier.
// The page is instrumented, not faked: a capture-phase keydown listener notes when each key is
// pressed, and IDBObjectStore.put is wrapped only to learn which transaction carries which file,
// whose "complete" event is the commit.
//
// --throttle 4 also times the start-ups with 1,000 dossiers with the CPU slowed 4×
// (Emulation.setCPUThrottlingRate: a cheap phone).
//
//   node tests/bench/browser_store.mjs [--samples 25] [--startups 9] [--throttle 4] [--write]
// --write saves the results to benchmarks/results/store.json (BENCHMARKS.md is built from it).
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { arg, flag, saveResults, throttleCpu } from './lib/report.mjs';
import { describe } from './lib/stats.mjs';

const SAMPLES = arg('samples', 25);
const STARTUPS = arg('startups', 9);
const THROTTLE = arg('throttle', 1);

function instrument() {
  window.__commits = [];
  window.__keys = [];
  window.addEventListener('keydown', () => window.__keys.push(performance.now()), true);
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const request = put.call(this, value, key);
    const tx = this.transaction;
    if (!tx.__files) {
      tx.__files = [];
      tx.addEventListener('complete', () => {
        const t = performance.now();
        for (const f of tx.__files) window.__commits.push([f, t]);
      });
    }
    tx.__files.push(String(key));
    return request;
  };
  // When hoso.ready resolves, in page time (ms since navigation started).
  Object.defineProperty(window, 'hoso', {
    configurable: true,
    get() { return this.__hoso; },
    set(v) {
      this.__hoso = v;
      v.ready.then(() => { window.__readyAt = performance.now(); });
    },
  });
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

async function storedSizes(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const out = { current: [], previous: [], other: 0, files: 0 };
      const cur = db.transaction('FILE_DATA').objectStore('FILE_DATA').openCursor();
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c) { db.close(); resolve(out); return; }
        const n = c.value.contents ? c.value.contents.byteLength : 0;
        const k = String(c.key);
        out.files++;
        if (/^\/data\/dossiers\/[^/]+\.json$/.test(k)) out.current.push(n);
        else if (/^\/data\/dossiers\/[^/]+\.json\.prev$/.test(k)) out.previous.push(n);
        else out.other += n;
        c.continue();
      };
    };
  }));
}

async function storedDossiers(page) {
  return (await storedSizes(page)).current.length;
}

// A fresh profile holding `n` generated dossiers, loaded by a fresh start of the app.
async function workspaceOf(server, n) {
  const b = await openBrowser({ device: DESKTOP });
  await b.context.addInitScript(instrument);
  const app = await App.open(b.context, server);
  await app.page.evaluate((k) => window.hoso.dev.generate(k), n);
  for (const t0 = Date.now(); (await storedDossiers(app.page)) !== n;) {
    if (Date.now() - t0 > 120000) throw new Error(`the ${n} dossiers were not stored`);
    await app.page.waitForTimeout(250);
  }
  await app.page.waitForFunction(() => window.hoso.state().save.state === 'saved', null, { timeout: 60000 });
  await app.reload();
  return { b, app };
}

// Keystrokes in a dossier's name field, each followed by the commit of that dossier's file.
// `leave`: the page is left right after each key (a pagehide event), so it saves without the debounce.
async function keystrokeToCommit(app, { leave = false } = {}) {
  await app.click('nav.dossiers');
  // A person's dossier (its name field is nominee.full_name), found with the search box.
  const person = (await app.state()).workspace.dossiers.filter((d) => d.nominee.kind === 'individual').at(-1);
  await app.click('list.search');
  await app.press('Control+A');  // replaces an earlier search
  await app.page.keyboard.insertText(person.nominee.full_name);
  await app.click(`list.row.${person.id}`);
  const file = `/data/dossiers/${person.id}.json`;
  await app.click('nominee.full_name');
  await app.press('End');
  const samples = [];
  for (let i = 0; i < SAMPLES + 2; i++) {
    await app.page.evaluate(() => { window.__commits = []; window.__keys = []; });
    await app.page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    if (leave) await app.page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const latency = await app.page.waitForFunction((f) => {
      const k = window.__keys[0];
      const c = window.__commits.find(([name, t]) => name === f && t > k);
      return k !== undefined && c ? c[1] - k : false;
    }, file, { timeout: 30000, polling: 5 }).then((h) => h.jsonValue());
    if (i >= 2) samples.push(latency);  // the first two warm up
    await app.page.waitForTimeout(150);
  }
  return samples;
}

async function startups(app) {
  const samples = [];
  for (let i = 0; i < STARTUPS + 1; i++) {
    await app.reload();
    const t = await app.page.evaluate(() => window.__readyAt);
    if (i >= 1) samples.push(t);
  }
  return samples;
}

async function main() {
  const server = await startServer();
  const results = {};
  try {
    for (const n of [10, 1000]) {
      const { b, app } = await workspaceOf(server, n);
      try {
        results[n] = {
          startup: await startups(app),
          keystroke: await keystrokeToCommit(app),
          leaving: await keystrokeToCommit(app, { leave: true }),
          sizes: await storedSizes(app.page),
          usage: await app.page.evaluate(() => navigator.storage.estimate().then((e) => e.usage)),
        };
        if (THROTTLE > 1 && n === 1000) {
          const cdp = await throttleCpu(app.page, THROTTLE);
          results.throttledStartup = await startups(app);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        }
      } finally { await b.close(); }
      console.error(`measured ${n} dossiers`);
    }
  } finally { await server.close(); }

  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const row = (label, xs) => `| ${label} | ${ms(median(xs))} | ${ms(percentile(xs, 95))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} | ${xs.length} |`;
  const s1000 = results[1000].sizes;
  const lines = [
    'Headless Chromium (SwiftShader), the release web build.',
    'Generated dossiers (`hoso.dev.generate(n)`) in a fresh profile; real IndexedDB through IDBFS.',
    '',
    '| measure | median | p95 | min | max | samples |',
    '|---|---|---|---|---|---|',
    row('keystroke → committed in IndexedDB, 10 dossiers', results[10].keystroke),
    row('keystroke → committed in IndexedDB, 1,000 dossiers', results[1000].keystroke),
    row('keystroke, then the page is left → committed, 10 dossiers', results[10].leaving),
    row('keystroke, then the page is left → committed, 1,000 dossiers', results[1000].leaving),
    row('start-up to `hoso.ready`, 10 dossiers stored', results[10].startup),
    row('start-up to `hoso.ready`, 1,000 dossiers stored', results[1000].startup),
    ...(THROTTLE > 1 ? [row(`start-up to \`hoso.ready\`, 1,000 dossiers stored, CPU throttled ${THROTTLE}×`, results.throttledStartup)] : []),
    '',
    `Bytes stored per dossier (1,000 dossiers): ${mean(s1000.current).toFixed(0)} B for its file on average ` +
      `(min ${Math.min(...s1000.current)}, max ${Math.max(...s1000.current)}); with its previous version ` +
      `(${s1000.previous.length} of them) ${(mean(s1000.current) + (s1000.previous.length ? mean(s1000.previous) * s1000.previous.length / s1000.current.length : 0)).toFixed(0)} B. ` +
      `Everything else (settings, minutes, folders): ${s1000.other} B; ${s1000.files} IndexedDB entries in all. ` +
      `The browser's own count (\`navigator.storage.estimate()\`, IndexedDB's files on disk included): ` +
      `${(results[1000].usage / 1e6).toFixed(1)} MB (10⁶ B) for 1,000 dossiers, ${(results[1000].usage / 1000).toFixed(0)} B a dossier.`,
    '',
    '- Keystroke → commit is mostly the 500 ms debounce after the last edit (DESIGN.md); the rest (the frame',
    `  that takes the key, writing the record to MEMFS, the IndexedDB transaction) took ${ms(median(results[10].keystroke) - 500)} with 10 dossiers`,
    `  and ${ms(median(results[1000].keystroke) - 500)} with 1,000 at the median.`,
    '- Leaving the page (hidden, pagehide, beforeunload) saves at once, without the debounce: the "page is left"',
    '  rows dispatch a pagehide event right after the key.',
    '- Start-up runs from navigation to `hoso.ready` in page time: IndexedDB loaded into MEMFS, the store reading',
    '  every record, the findings and the first frame.',
    '- Generated dossiers are smaller than filled-in ones (STORE.md: a dossier is tens of KB); a dossier edited',
    '  since it was first saved also keeps its previous version (.prev), about as large again.',
    '',
  ];
  const markdown = lines.join('\n');
  console.log(markdown);
  const figures = { samples: SAMPLES, startups: STARTUPS };
  for (const n of [10, 1000]) {
    figures[`dossiers_${n}`] = {
      startup_ms: describe(results[n].startup), keystroke_to_commit_ms: describe(results[n].keystroke),
      keystroke_then_leave_to_commit_ms: describe(results[n].leaving),
      stored_bytes: {
        dossier_file: { ...describe(results[n].sizes.current), mean: mean(results[n].sizes.current) },
        previous_version: { ...describe(results[n].sizes.previous), mean: mean(results[n].sizes.previous) },
        other: results[n].sizes.other, entries: results[n].sizes.files,
      },
      storage_estimate_bytes: results[n].usage,
    };
  }
  figures.throttled = THROTTLE > 1 ? { rate: THROTTLE, dossiers_1000_startup_ms: describe(results.throttledStartup) } : null;
  if (flag('write')) saveResults('store', { title: 'Storage (issue 4)', markdown, figures });
}

main().catch((e) => { console.error(e); process.exit(1); });
