// Issue 7, measured in a real browser (headless Chromium): the secretariat's register with 1,000
// rows. 100 packages holding 10 dossiers each are imported through the real file chooser in the
// full edition; then the register's table is scrolled with the mouse wheel and the CPU time of
// every frame the app draws is recorded (performance.now() around Module._hoso_frame, the whole
// frame: the register's view, ImGui's layout of the visible rows, and the WebGL calls).
//
// The packages: one unit's package made by the app (hoso.dev.generate(10, {ready}), the unit chosen
// in Settings, "Tạo gói và tải về"), copied 100 times here with new package and dossier ids and
// distinct people (birth dates), each copy sealed again (manifest.content_sha256 recomputed as
// docs/PACKAGE.md says).
//
// --throttle 4 scrolls the table a second time with the CPU slowed 4× (Emulation.setCPUThrottlingRate:
// a cheap phone).
//
//   node tests/bench/browser_register.mjs [--scrolls 120] [--throttle 4] [--write]
// --write saves the results to benchmarks/results/register.json (BENCHMARKS.md is built from it).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { arg, flag, saveResults, throttleCpu } from './lib/report.mjs';

const SCROLLS = arg('scrolls', 120);
const THROTTLE = arg('throttle', 1);
const PACKAGES = 100, PER_PACKAGE = 10;

// Every page counts from 2025-10-20 (before the campaign's deadline), and times its frames.
function instrument() {
  const Real = Date;
  const offset = Real.parse('2025-10-20T02:00:00Z') - Real.now();
  class FakeDate extends Real {
    constructor(...a) { if (a.length) super(...a); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  window.Date = FakeDate;
  window.__frames = null;  // set to [] to record
  const wrap = () => {
    const M = window.Module;
    if (!M || !M._hoso_frame || M._hoso_frame.__timed) return false;
    const f = M._hoso_frame;
    M._hoso_frame = function (t) {
      const a = performance.now();
      try { return f(t); } finally { if (window.__frames) window.__frames.push(performance.now() - a); }
    };
    M._hoso_frame.__timed = true;
    return true;
  };
  const timer = setInterval(() => { if (wrap()) clearInterval(timer); }, 20);
}

const sort = (v) => Array.isArray(v) ? v.map(sort)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
function seal(pkg) {
  const { manifest, ...content } = pkg;
  void manifest;
  return { ...pkg, manifest: { content_sha256: createHash('sha256').update(JSON.stringify(sort(content)), 'utf8').digest('hex') } };
}

// 100 copies of the template, each another submission with other people.
function copies(template, dir) {
  const files = [];
  for (let k = 0; k < PACKAGES; k++) {
    const p = structuredClone(template);
    p.package_id = randomUUID();
    const ids = new Map();
    p.dossiers.forEach((d, j) => {
      const id = randomUUID();
      ids.set(d.id, id);
      d.id = id;
      const n = d.nominee;
      if (n.kind === 'collective') n.name = `Tổ công tác số ${k * PER_PACKAGE + j + 1}`;
      else {
        const born = new Date(Date.UTC(1970, 0, 1) + (k * PER_PACKAGE + j) * 86400e3 * 7);
        n.birth_date = born.toISOString().slice(0, 10);
      }
    });
    for (const m of p.minutes) {
      m.id = randomUUID();
      for (const v of m.votes) v.dossier_id = ids.get(v.dossier_id) || v.dossier_id;
    }
    const file = join(dir, `goi-${String(k + 1).padStart(3, '0')}.json`);
    writeFileSync(file, JSON.stringify(seal(p)));
    files.push(file);
  }
  return files;
}

async function template(server, dir) {
  const b = await openBrowser({ device: DESKTOP });
  try {
    await b.context.addInitScript(instrument);
    const app = await App.open(b.context, server);
    await app.page.evaluate((n) => window.hoso.dev.generate(n, { ready: true, seed: 7 }), PER_PACKAGE);
    await app.page.waitForFunction((n) => window.hoso.state().workspace.dossiers.length === n, PER_PACKAGE);
    await app.click('nav.settings');
    await app.click('settings.unit');
    await app.click('settings.unit=van-phong');
    await app.page.waitForFunction(() => window.hoso.state().workspace.settings.unit_id === 'van-phong');
    await app.click('nav.export');
    await app.click('contact.name');
    await app.page.keyboard.insertText('Lê Thị Cúc');
    await app.settle(200);
    await app.scrollTo('export.build');
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 60000 }), app.click('export.build')]);
    const file = join(dir, 'template.json');
    await download.saveAs(file);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally { await b.close(); }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-bench-register-'));
  const server = await startServer();
  const r = {};
  try {
    const files = copies(await template(server, dir), dir);
    console.error(`made ${files.length} packages`);
    const b = await openBrowser({ device: DESKTOP });
    try {
      await b.context.addInitScript(instrument);
      const app = await App.open(b.context, server);
      await app.click('nav.settings');
      await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
      await app.click('nav.intake');
      // The import: from the files given to the chooser to the report on screen, then written.
      const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('intake.pick')]);
      const t0 = Date.now();
      await chooser.setFiles(files);
      await app.page.waitForFunction((n) => {
        const i = window.hoso.state().registry.intake;
        return i && i.state === 'waiting' && i.entries.length === n;
      }, files.length, { timeout: 300000, polling: 100 });
      r.classify = Date.now() - t0;
      const s = await app.state();
      r.accepted = s.registry.intake.entries.filter((e) => e.verdict === 'accepted').length;
      await app.scrollTo('intake.apply', { step: 3000, max: 80 });
      const t1 = Date.now();
      await app.click('intake.apply');
      await app.page.waitForFunction(() => window.hoso.state().registry.intake.state === 'applied', null, { timeout: 300000, polling: 100 });
      r.apply = Date.now() - t1;
      await app.saved({ timeout: 300000 });
      r.saved = Date.now() - t1;
      await app.click('nav.registry');
      r.rows = (await app.state()).registry.rows.length;
      // Scrolling the table: wheel steps over it, each followed by the frames it causes.
      const table = (await app.items()).find((i) => i.id && i.id.startsWith('registry.row.'));
      const vw = DESKTOP.viewport.width;
      await app.page.mouse.move(vw * 0.55, table.y + 60);
      await app.settle(300);
      // Emscripten's export stub replaces Module._hoso_frame with the real export on its first call,
      // which drops a wrapper put on before it: wrap (again) now that the app runs.
      await app.page.evaluate(() => {
        const M = window.Module;
        if (!M._hoso_frame.__timed) {
          const f = M._hoso_frame;
          M._hoso_frame = function (t) {
            const a = performance.now();
            try { return f(t); } finally { if (window.__frames) window.__frames.push(performance.now() - a); }
          };
          M._hoso_frame.__timed = true;
        }
        window.__frames = [];
      });
      const scroll = async () => {
        await app.page.evaluate(() => { window.__frames = []; });
        for (let i = 0; i < SCROLLS; i++) {
          await app.page.mouse.wheel(0, i % 40 < 30 ? 120 : -360);
          await app.page.waitForTimeout(40);
        }
        await app.settle(500);
        return app.page.evaluate(() => window.__frames);
      };
      r.frames = await scroll();
      if (THROTTLE > 1) {
        // Back to the top first, so the throttled pass scrolls over the same rows.
        for (let i = 0; i < SCROLLS; i++) await app.page.mouse.wheel(0, -360);
        await app.settle(500);
        const cdp = await throttleCpu(app.page, THROTTLE);
        r.throttledFrames = await scroll();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        console.error(`CPU ÷${THROTTLE}: register scrolling p95 ${fmt(p95(r.throttledFrames), 2)} ms`);
      }
      // The first row shown at the end, to show that the table did scroll.
      r.lastTop = (await app.items()).filter((i) => i.id && i.id.startsWith('registry.row.')).length;
      app.assertClean({ deepEqual: (a, e, m) => { if (JSON.stringify(a) !== JSON.stringify(e)) throw new Error(`${m}: ${JSON.stringify(a)}`); } });
    } finally { await b.close(); }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const f = r.frames;
  const frameRow = (label, xs) => [label, `${fmt(median(xs), 2)} ms`, `${fmt(p95(xs), 2)} ms`, `${fmt(Math.max(...xs), 2)} ms`, String(xs.length)];
  const lines = [
    'Headless Chromium (SwiftShader), the release web build (full edition).',
    `${PACKAGES} packages of ${PER_PACKAGE} dossiers (copies of one package the app exported, new ids, other people)`,
    'imported through the file chooser in the secretariat\'s role; then the register\'s table scrolled with',
    `the wheel (${SCROLLS} steps of 120 px, some back up) and the CPU time of each frame the app drew recorded`,
    '(performance.now() around `Module._hoso_frame`: the view, ImGui\'s layout of the visible rows, the WebGL calls).',
    '',
    table([
      ['measure', 'median', 'p95', 'max', 'frames'],
      frameRow(`register table, ${r.rows} rows, frame CPU time while scrolling`, f),
      ...(THROTTLE > 1 ? [frameRow(`the same, CPU throttled ${THROTTLE}×`, r.throttledFrames)] : []),
    ]),
    '',
    `Import of the ${PACKAGES} packages (${PACKAGES * PER_PACKAGE} dossiers) in the page: files given to the chooser → the intake`,
    `report ready (reading, verifying, classifying; ${r.accepted} accepted): ${(r.classify / 1000).toFixed(1)} s; "Ghi vào sổ" → the register`,
    `updated: ${(r.apply / 1000).toFixed(1)} s, and saved in IndexedDB: ${(r.saved / 1000).toFixed(1)} s (one run each, wall time).`,
    'The native figures for the same work (core only) are in the native section (`BM_IntakeOf100Packages`, `BM_RegisterViewOf1000Rows`).',
    '',
  ];
  const markdown = lines.join('\n');
  console.log(markdown);
  if (flag('write')) saveResults('register', {
    title: 'Register in the browser (issue 7)', markdown,
    figures: {
      packages: PACKAGES, dossiers: PACKAGES * PER_PACKAGE, rows: r.rows, accepted: r.accepted, scrolls: SCROLLS,
      scroll_frame_ms: describe(f),
      import_ms: { classify: r.classify, apply: r.apply, saved: r.saved },
      throttled: THROTTLE > 1 ? { rate: THROTTLE, scroll_frame_ms: describe(r.throttledFrames) } : null,
    },
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
