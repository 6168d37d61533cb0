// Packages and hashing in the browser (issues 6 and 9), headless Chromium, through the interface:
//  - export of a package of 100 dossiers with 20 MB of attachments: from the click on "Tạo gói và
//    tải về" (export.build) to the browser's download;
//  - its import on a fresh profile through the real file chooser: the file given → the plan on
//    screen (read, schema, every hash checked), the click on accept → the 100 dossiers in the
//    workspace, → saved in IndexedDB;
//  - SHA-256 throughput of the app's own code in wasm (hoso.dev.sha256) against crypto.subtle.digest
//    on the same 16 MiB in the same page, as a ratio.
// The dossiers come from `hoso.dev.generate(100, {attachmentBytes: 20e6, ready: true})`.
//
//   node tests/bench/browser_packages.mjs [--runs 3] [--write]
// --write saves the results to benchmarks/results/packages.json (BENCHMARKS.md is built from it).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { DIST, arg, flag, saveResults } from './lib/report.mjs';

const RUNS = arg('runs', 3);
const HASH_RUNS = arg('hash-runs', 5);
const N = 100;
const ATTACHMENT_BYTES = 20e6;
const HASH_MB = 16;
const UNIT = 'phong-hop-tac-quoc-te';

async function until(app, what, fn, arg, timeout = 300000, every = 50) {
  const t0 = Date.now();
  for (;;) {
    const v = await app.page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await app.page.waitForTimeout(every);
  }
}
// The save state's last commit to IndexedDB, and waiting for one after it (everything stored).
const lastSaved = (app) => app.page.evaluate(() => window.hoso.state().save.last_saved || 0);
const savedSince = (app, t, timeout = 300000, every = 100) => until(app, 'saved', (since) => {
  const s = window.hoso.state().save;
  return s.state === 'saved' && s.last_saved > since;
}, t, timeout, every);

// Scrolls the page until `id` is in view (the export screen is taller than the window).
async function reveal(app, id) {
  const vh = app.page.viewportSize().height, vw = app.page.viewportSize().width;
  for (let i = 0; i < 30; i++) {
    const it = (await app.items()).find((x) => x.id === id);
    if (it && it.h > 0 && it.y >= 70 && it.y + Math.min(it.h, 40) <= vh - 110) return it;
    await app.page.mouse.move(vw * 0.7, vh / 2);
    await app.page.mouse.wheel(0, it ? it.y - vh / 2 : vh * 0.9);
    await app.settle(80);
  }
  return app.item(id);
}
async function press(app, id) {
  if (await app.has('toast.close')) await app.click('toast.close');
  await reveal(app, id);
  return app.click(id);
}

const work = mkdtempSync(join(tmpdir(), 'hoso-bench-pkg-'));
const server = await startServer(DIST);
const r = { export: [], check: [], apply: [], saved: [], wasm: [], subtle: [] };
let file = null, packageBytes = 0, sameHash = true;
try {
  // ---- a unit with 100 ready dossiers and 20 MB of attachments exports its package ------------
  const unit = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(unit.context, server);
    const before = await lastSaved(app);
    await app.page.evaluate(([n, bytes]) => window.hoso.dev.generate(n, { attachmentBytes: bytes, ready: true }), [N, ATTACHMENT_BYTES]);
    await savedSince(app, before, 300000, 250);
    await app.click('nav.settings');
    await app.click('settings.unit');
    await app.click(`settings.unit=${UNIT}`);
    await until(app, 'the unit set', (u) => window.hoso.state().workspace.settings.unit_id === u, UNIT);
    await app.click('nav.export');
    await press(app, 'contact.name');
    await app.press('Control+A');
    await app.insertText('Lê Thị Cúc');
    for (let i = 0; i < RUNS; i++) {
      await until(app, 'nothing being saved', () => window.hoso.state().save.state === 'saved', null, 120000, 100);
      await reveal(app, 'export.build');
      const it = await app.item('export.build');
      const downloaded = app.page.waitForEvent('download', { timeout: 300000 });
      const t = Date.now();
      await app.page.mouse.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 20));
      const download = await downloaded;
      r.export.push(Date.now() - t);
      if (!file) {
        file = join(work, download.suggestedFilename());
        await download.saveAs(file);
        packageBytes = statSync(file).size;
      }
      console.error(`export ${i + 1}/${RUNS}: ${r.export.at(-1)} ms`);
      await app.settle(500);
    }

    // ---- SHA-256 in the same page: the app's wasm against the browser's own ------------------
    const hash = await app.page.evaluate(async ([mb, runs]) => {
      const bytes = new Uint8Array(mb * 2 ** 20);
      for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, o + 65536));
      const hex = (buf) => [...new Uint8Array(buf)].map((x) => x.toString(16).padStart(2, '0')).join('');
      const out = { wasm: [], subtle: [], same: true };
      for (let i = 0; i < runs + 1; i++) {
        let t = performance.now();
        const a = window.hoso.dev.sha256(bytes);
        const tw = performance.now() - t;
        t = performance.now();
        const b = hex(await crypto.subtle.digest('SHA-256', bytes));
        const ts = performance.now() - t;
        if (a !== b) out.same = false;
        if (i > 0) { out.wasm.push(tw); out.subtle.push(ts); }  // the first warms up
      }
      return out;
    }, [HASH_MB, HASH_RUNS]);
    r.wasm = hash.wasm;
    r.subtle = hash.subtle;
    sameHash = hash.same;
    app.assertClean({ deepEqual: (a, b, m) => { if (JSON.stringify(a) !== JSON.stringify(b)) console.error(`warning: ${m}: ${JSON.stringify(a)}`); } });
  } finally {
    await unit.close();
    rmSync(unit.profile, { recursive: true, force: true });
  }

  // ---- each import on a fresh profile, through the file chooser -----------------------------
  for (let i = 0; i < RUNS; i++) {
    const office = await openBrowser({ device: DESKTOP });
    try {
      const app = await App.open(office.context, server);
      await app.click('nav.export');
      await press(app, 'export.to_import');
      const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), press(app, 'import.choose')]);
      let t = Date.now();
      await chooser.setFiles([file]);
      await until(app, 'the plan', (id) => {
        const it = window.hoso.items().find((x) => x.id === id);
        return it && /Gói hợp lệ|valid package/i.test(it.label);
      }, 'import.file.1');
      r.check.push(Date.now() - t);
      const before = await lastSaved(app);
      await reveal(app, 'import.file.1.accept');
      const it = await app.item('import.file.1.accept');
      t = Date.now();
      await app.page.mouse.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 20));
      await until(app, 'the dossiers imported', (n) => window.hoso.state().workspace.dossiers.length === n, N, 300000, 100);
      r.apply.push(Date.now() - t);
      await savedSince(app, before);
      r.saved.push(Date.now() - t);
      console.error(`import ${i + 1}/${RUNS}: checked ${r.check.at(-1)} ms, applied ${r.apply.at(-1)} ms, saved ${r.saved.at(-1)} ms`);
    } finally {
      await office.close();
      rmSync(office.profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

// ---- the section ------------------------------------------------------------------------------
const MBps = (ms) => (HASH_MB * 2 ** 20) / 1e6 / (ms / 1000);
const ratio = median(r.subtle) / median(r.wasm);  // throughput ratio wasm / subtle
// Throughput from the times: the median time's, the p95 time's (the slow side), the fastest and slowest.
const rate = (label, ms) => [label, `${fmt(MBps(median(ms)), 0)} MB/s`, `${fmt(MBps(p95(ms)), 0)} MB/s`,
  `${fmt(MBps(Math.min(...ms)), 0)} MB/s`, `${fmt(MBps(Math.max(...ms)), 0)} MB/s`, String(ms.length)];
const row = (label, xs, unit = 'ms', d = 0) => [label, `${fmt(median(xs), d)} ${unit}`, `${fmt(p95(xs), d)} ${unit}`,
  `${fmt(Math.min(...xs), d)} ${unit}`, `${fmt(Math.max(...xs), d)} ${unit}`, String(xs.length)];
const lines = [
  `Headless Chromium. A unit's profile given ${N} ready dossiers with`,
  `${ATTACHMENT_BYTES / 1e6} MB of made-up attachments in all (\`hoso.dev.generate(${N}, {attachmentBytes: ${ATTACHMENT_BYTES / 1e6}e6, ready: true})\`);`,
  `the package is ${fmt(packageBytes / 1e6, 1)} MB of JSON (attachments in base64).`,
  'Everything else goes through the interface: the unit chosen in Settings, the contact typed, the export button',
  'clicked, the file given to the import screen\'s file chooser on a fresh profile, the plan accepted. Times are',
  'wall-clock from the benchmark\'s side (the end of an import step is seen by polling every 50–100 ms).',
  '',
  table([
    ['figure (measured, no target)', 'median', 'p95', 'min', 'max', 'runs'],
    row(`export: click → download (${N} dossiers, ${ATTACHMENT_BYTES / 1e6} MB attachments; revisions 1–${RUNS})`, r.export),
    row('import: file chosen → plan on screen (read, NFC, schema, every hash checked)', r.check),
    row(`import: accept clicked → ${N} dossiers in the workspace`, r.apply),
    row('import: accept clicked → saved in IndexedDB', r.saved),
  ]),
  '',
  table([
    ['SHA-256 of the same 16 MiB, same page (MB = 10⁶ B)', 'median', 'p95 (of the times)', 'fastest', 'slowest', 'runs'],
    rate('the app\'s code in wasm (`hoso.dev.sha256`, copying into the wasm heap included)', r.wasm),
    rate('the browser\'s `crypto.subtle.digest`', r.subtle),
  ]),
  '',
  `- wasm / crypto.subtle throughput: **${fmt(ratio, 2)}×** at the median; the two agree on every hash: ${sameHash ? 'yes' : '**NO**'}.`,
  '  Natively, against `sha256sum`: see the native section.',
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
if (flag('write')) saveResults('packages', {
  title: 'Packages and hashing in the browser (issues 6 and 9)', markdown,
  figures: {
    dossiers: N, attachment_bytes: ATTACHMENT_BYTES, package_bytes: packageBytes,
    export_ms: describe(r.export), import_check_ms: describe(r.check), import_apply_ms: describe(r.apply), import_saved_ms: describe(r.saved),
    sha256: { bytes: HASH_MB * 2 ** 20, wasm_ms: describe(r.wasm), subtle_ms: describe(r.subtle), same_hashes: sameHash },
  },
});
