// The journeys every engine runs, in order, on one browser (one profile, like a person's browser).
// Each step is a named check; a failed step is reported and the next one still runs (each starts
// from a fresh load of the page). The engine-specific parts are only in drivers/*.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XApp, sleep } from './app.mjs';
import { checkAccessibleNames, checkFocusedField } from './accessible_names.mjs';

export const DESKTOP = { w: 1280, h: 800 };
export const PHONE = { w: 390, h: 844 };
// The same made-up unit data in every engine: a fixed clock (15/09/2025 10:00 in Hà Nội, inside
// the campaign) and fixed random bytes (the ids), so the package must come out the same.
export const FIXED = { fixedTime: Date.UTC(2025, 8, 15, 3, 0, 0), seed: 20250915 };
const UNIT = 'phong-hop-tac-quoc-te';
const STEP_TIMEOUT = 60000;
const CONTACT = 'Lê Thị Cúc';

const first = (s) => s.workspace.dossiers[0];
const fullName = (s) => first(s)?.nominee.full_name ?? '';

// The manifest recomputed outside the app: SHA-256 of the canonical JSON of the package without
// "manifest" (as tests/e2e/packages.test.mjs does).
export function contentHash(pkg) {
  const sort = (v) => Array.isArray(v) ? v.map(sort)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  const { manifest, ...content } = pkg;
  return createHash('sha256').update(JSON.stringify(sort(content)), 'utf8').digest('hex');
}

async function assertClean(app, what) {
  const errors = await app.errors();
  assert.deepEqual(errors, [], `no console errors (${what})`);
}

async function chooseUnit(app) {
  await app.click('nav.settings');
  await app.click('settings.unit', { reveal: true });
  await app.click(`settings.unit=${UNIT}`);
  await app.waitState('the unit chosen', (s) => s.workspace.settings.unit_id === UNIT);
}

// The export screen as a person uses it: the contact typed, "Tạo gói và tải về" pressed; the file
// is what the app handed to its download link (page_init.js keeps it).
async function exportPackage(app) {
  await app.click('nav.export');
  await app.click('contact.name', { reveal: true });
  await app.press('Control+A');
  await app.insertText(CONTACT);
  await app.d.evaluate(() => window.__xbTick && window.__xbTick(1000));
  await app.click('export.build', { reveal: true });
  const dl = await app.waitPage('the download', () => {
    const d = window.__xbDownloads && window.__xbDownloads.find((x) => /\.json$/.test(x.name) && x.text);
    return d || null;
  }, null, 20000);
  return { dl, pkg: JSON.parse(dl.text) };
}

// ---- journeys ---------------------------------------------------------------------------------

export async function run({ engine, driver, server, root, record }) {
  const app = new XApp(driver, server);
  const shots = join(root, 'artifacts', 'xbrowser');
  mkdirSync(shots, { recursive: true });
  const shot = (name) => driver.screenshot(join(shots, `${engine}-${name}.png`));
  const realDownloads = engine === 'chromium';
  const step = async (name, fn) => {
    const t0 = Date.now();
    let timer;
    try {
      // A step that hangs (a driver waiting on a page that never answers) fails alone.
      await Promise.race([fn(), new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`step timed out after ${STEP_TIMEOUT / 1000} s`)), STEP_TIMEOUT);
      })]);
      clearTimeout(timer);
      record(engine, name, null, Date.now() - t0);
    } catch (e) {
      clearTimeout(timer);
      record(engine, name, e, Date.now() - t0);
      await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
    }
  };
  const out = {};

  await step('loads and draws, no console errors (desktop 1280×800)', async () => {
    await app.goto({ realDownloads });
    await app.ready();
    assert.ok(await app.has('nominee.full_name'), 'the first screen offers a new dossier form');
    assert.ok(await app.has('campaign.days_left'), 'the campaign card is drawn');
    assert.ok(await app.has('nav.settings'), 'the navigation is drawn');
    const canvas = await driver.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, css: c.getBoundingClientRect().width, webgl2: !!window.WebGL2RenderingContext };
    });
    assert.ok(canvas.w >= 1280 && canvas.css === 1280, `the canvas fills the window (${JSON.stringify(canvas)})`);
    await shot('desktop-1280x800');
    await assertClean(app, 'load');
  });

  // What the dossier's fields hold, once the app has taken the input (engines deliver some text,
  // such as decomposed letters in WebKit, a frame or two later).
  const expect = async (what, get, value) => {
    let last;
    try {
      await app.waitState(what, (s) => (last = first(s) && get(first(s))) === value, 3000);
    } catch {
      assert.equal(last, value, what);
    }
  };
  const name = (d) => d.nominee.full_name, summary = (d) => d.summary.text;

  await step('types Vietnamese through the engine’s text path, Backspace, copy and paste', async () => {
    await app.click('nominee.full_name');
    await app.insertText('Trần Thị Bình');
    await expect('the name', name, 'Trần Thị Bình');
    if (driver.canCompose) {
      // An input method composes v → vi → việ → việt, then commits (Chromium: CDP).
      await app.insertText(' ');
      await driver.compose(['v', 'vi', 'việ', 'việt'], 'việt');
      await app.settle(120);
    } else {
      await app.insertText(' việt');
    }
    await expect('the name', name, 'Trần Thị Bình việt');
    // Decomposed letters (e + circumflex + acute) arrive as one precomposed letter (NFC).
    await app.insertText(' e\u0302\u0301');
    await expect('the name (NFC)', name, 'Trần Thị Bình việt ế');
    // Backspace at the end and in the middle of a word: caret after "việ|t".
    await app.press('End');
    await app.press('Backspace');
    await app.press('Backspace');
    await app.press('ArrowLeft');
    await app.press('Backspace');
    await expect('the name after Backspace', name, 'Trần Thị Bình vit');
    await app.press('End');
    await app.insertText('ệt');
    await expect('the name', name, 'Trần Thị Bình vitệt');
    // Copy the whole name out through the browser's clipboard, paste it into the summary.
    await app.press('Control+A');
    await app.press('Control+C');
    await app.click('summary.text');
    await app.press('Control+V');
    await expect('the summary (pasted)', summary, 'Trần Thị Bình vitệt');
    await app.insertText(' — Phòng Hợp tác quốc tế');
    await expect('the summary', summary, 'Trần Thị Bình vitệt — Phòng Hợp tác quốc tế');
    await assertClean(app, 'typing');
  });

  await step('a reload keeps what was typed (IndexedDB through IDBFS)', async () => {
    // Whatever the step before left in the form (it may have failed half-way): saved, then reloaded.
    const before = await app.state();
    assert.ok(first(before) && name(first(before)), 'something was typed');
    await app.waitState('saved', (s) => s.save.state === 'saved' && s.save.last_saved > 0);
    await app.reload({ realDownloads });
    await app.ready();
    const s = await app.state();
    assert.equal(name(first(s)), name(first(before)));
    assert.equal(summary(first(s)), summary(first(before)));
    assert.equal(s.save.state, 'saved');
    await assertClean(app, 'reload');
  });

  // Only where the driver can read the engine's own accessibility tree (Firefox, over WebDriver
  // BiDi); Chromium's is checked in tests/e2e/accessibility.test.mjs.
  if (driver.accessibleNodes) {
    await step('every labelled item is named in the engine’s accessibility tree: dashboard, list, editor, minutes', async () => {
      try {
        await app.click('nav.dashboard');
        await checkAccessibleNames(app, 'dashboard');
        await app.click('nav.dossiers');
        await checkAccessibleNames(app, 'dossier list');
        // The dossier typed above, or a new one if that step failed.
        const row = (await app.items()).find((i) => i.id && i.id.startsWith('list.row.') && i.w > 0);
        await app.click(row ? row.id : 'action.new_individual');
        await app.waitState('the editor', (s) => s.screen === 'dossier');
        await app.click('nominee.full_name', { reveal: true });
        await checkAccessibleNames(app, 'editor, name field focused');
        await checkFocusedField(app, 'nominee.full_name', 'editor');
        await app.press('Escape');
        await app.click('nav.minutes');
        await checkAccessibleNames(app, 'minutes');
        await assertClean(app, 'accessibility tree');
      } finally {
        await app.click('nav.dashboard').catch(() => {});  // where the next step starts
      }
    });
  }

  await step('phone size 390×844 draws readably', async () => {
    try {
      await app.viewport(PHONE.w, PHONE.h);
      const inner = await driver.evaluate(() => [innerWidth, innerHeight]);
      assert.deepEqual(inner, [PHONE.w, PHONE.h], 'the window is phone-sized');
      const items = await app.items();
      const wide = items.filter((i) => i.id && i.w > 0 && i.x + i.w > PHONE.w + 1);
      assert.deepEqual(wide.map((i) => `${i.id} ${Math.round(i.x)}+${Math.round(i.w)}`), [], 'nothing drawn past the right edge');
      assert.ok(await app.reveal('nominee.full_name'), 'the form is drawn');  // below the campaign card
      await shot('phone-390x844');
      await assertClean(app, 'phone');
    } finally {
      await app.viewport(DESKTOP.w, DESKTOP.h);
    }
  });

  await step('export: the package for the same data has the same content hash', async () => {
    await app.reload({ realDownloads, ...FIXED });
    await app.ready();
    const tick = () => driver.evaluate(() => window.__xbTick(1000));
    await driver.evaluate(() => window.hoso.dev.generate(2, { attachmentBytes: 3000, ready: true }));
    await app.waitState('two ready dossiers', (s) => s.workspace.dossiers.length === 2 &&
      s.workspace.dossiers.every((d) => d.status === 'ready'));
    await tick();
    await chooseUnit(app);
    await tick();
    const { dl, pkg } = await exportPackage(app);
    const file = join(shots, `${engine}-package.json`);
    writeFileSync(file, dl.text);
    execFileSync('node', [join(root, 'tests/tools/validate_package.mjs'), file], { stdio: 'pipe' });
    assert.equal(pkg.contact.name, CONTACT);
    assert.equal(pkg.dossiers.length, 2);
    assert.equal(pkg.attachments.length, 4);
    assert.match(pkg.created, /^2025-09-15/, 'made at the fixed time');
    assert.equal(contentHash(pkg), pkg.manifest.content_sha256, 'the manifest seals the content (recomputed here)');
    out.package = { name: dl.name, hash: pkg.manifest.content_sha256, bytes: Buffer.byteLength(dl.text),
      file: createHash('sha256').update(dl.text, 'utf8').digest('hex') };
    assert.ok(!(await app.has('export.share')), 'no Web Share here: no share button');
    assert.ok(await app.has('export.download_again'), 'the download is offered again');
    await shot('export-done-desktop');
    await assertClean(app, 'export');
  });

  // ---- capabilities missing, each removed by page_init.js before boot.js runs ----------------

  await step('no WebGL2: a clear Vietnamese "cannot run" page', async () => {
    await app.goto({ noWebGL2: true });
    const shown = await app.waitPage('the error page', () => {
      const e = document.getElementById('error');
      return e && !e.hidden && { h1: e.querySelector('h1').textContent, vi: document.getElementById('error-vi').textContent,
        loading: !document.getElementById('loading').hidden, hoso: typeof window.hoso };
    }, null, 10000);
    assert.equal(shown.h1, 'Không mở được ứng dụng');
    assert.match(shown.vi, /không hỗ trợ WebGL 2/);
    assert.equal(shown.loading, false, 'the loading card is gone');
    assert.equal(shown.hoso, 'undefined', 'the app did not start');
    await shot('no-webgl2');
    await assertClean(app, 'no WebGL2');
  });

  await step('no IndexedDB: says nothing will be kept, and still works', async () => {
    await app.goto({ noIndexedDB: true });
    await app.ready();
    const s = await app.state();
    assert.equal(s.save.state, 'unavailable');
    assert.match(await app.label('notice.no_storage'), /không cho lưu dữ liệu/);
    await app.click('nominee.full_name');
    await app.insertText('Hoàng Văn Đức');
    assert.equal(fullName(await app.state()), 'Hoàng Văn Đức', 'typing still works');
    await shot('no-indexeddb');
    await assertClean(app, 'no IndexedDB');
  });

  await step('no Web Locks: the BroadcastChannel fallback keeps a second tab read-only', async () => {
    await app.goto({ noLocks: true });
    await app.ready();
    assert.equal(await driver.evaluate(() => typeof navigator.locks), 'undefined', 'Web Locks removed');
    const s1 = await app.state();
    assert.equal(s1.save.state, 'saved', 'the first tab owns the workspace');
    await driver.newTab(server.url);
    try {
      await app.ready();
      assert.equal(await driver.evaluate(() => typeof navigator.locks), 'undefined', 'Web Locks removed in tab 2');
      const s2 = await app.state();
      assert.equal(s2.save.state, 'read_only', 'the second tab is read-only');
      assert.match(await app.label('notice.read_only'), /thẻ \(tab\) khác/);
      await shot('no-web-locks-second-tab');
      await assertClean(app, 'no Web Locks, tab 2');
    } finally {
      await driver.closeTab();
    }
  });

  await step('no Web Share: the package is downloaded', async () => {
    await app.goto({ noShare: true });
    await app.ready();
    assert.equal(await driver.evaluate(() => typeof navigator.share + typeof navigator.canShare), 'undefinedundefined');
    await driver.evaluate(() => window.hoso.dev.generate(1, { ready: true }));
    await app.waitState('one ready dossier', (s) => s.workspace.dossiers.length === 1 && s.workspace.dossiers[0].status === 'ready');
    if ((await app.state()).workspace.settings.unit_id !== UNIT) await chooseUnit(app);
    const { dl } = await exportPackage(app);
    assert.match(dl.name, /\.json$/);
    assert.ok(!(await app.has('export.share')), 'no share button');
    assert.ok(await app.reveal('export.download_again'), 'download again offered');
    await assertClean(app, 'no Web Share');
  });

  await step('persist() denied: shown as not protected', async () => {
    await app.goto({ persistDenied: true });
    await app.ready();
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' x');
    await app.waitState('asked for persistence', (s) => s.save.persist_known && s.save.last_saved > 0);
    const s = await app.state();
    assert.equal(s.save.persisted, false);
    await app.click('nav.settings');
    assert.match(await app.label('settings.protection'), /chưa được bảo vệ/);
    await shot('persist-denied-settings');
    await assertClean(app, 'persist denied');
  });

  return out;
}

// Time from navigation to hoso.ready in page time, on a fresh browser each time (cold: no cache,
// no service worker, empty storage).
export async function coldStart({ driver, server }) {
  const app = new XApp(driver, server);
  await app.goto({ timeReady: true });
  await app.ready();
  return app.waitPage('the ready time', () => window.__xbReadyAt || null, null, 5000);
}
export { sleep };
