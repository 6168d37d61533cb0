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

// A new individual dossier from the list, named `name`; returns its id.
async function newDossier(app, name) {
  await app.click('nav.dossiers');
  await app.click('action.new_individual', { reveal: true });
  await app.click('nominee.full_name', { reveal: true });
  await app.insertText(name);
  return (await app.waitState(`the dossier "${name}"`, (s) => byName(s, name), 5000)).id;
}
const byName = (s, name) => s.workspace.dossiers.find((d) => d.nominee.full_name === name);

// ---- what IndexedDB holds (IDBFS: database "/data", store "FILE_DATA", key = the file's path),
// read through the page's own indexedDB, as tests/e2e/persistence.test.mjs does ----------------

const dossierPath = (id) => `/data/dossiers/${id}.json`;
// A page of the app's origin without the app (server.mjs): it holds no lock and writes nothing,
// but can read what IndexedDB holds.
const NO_APP = '__xb/no-app.html';

// Every stored path, and the text of the file at `path` (null if none).
function readStored(driver, path) {
  return driver.evaluate((p) => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); resolve({ paths: [], text: null }); return; }
      const store = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA');
      const keys = store.getAllKeys(), file = store.get(p);
      file.onsuccess = () => {
        db.close();
        const e = file.result;
        resolve({ paths: keys.result, text: e && e.contents ? new TextDecoder().decode(e.contents) : null });
      };
      file.onerror = () => { db.close(); reject(file.error); };
    };
  }), path);
}

// Waits until IndexedDB holds `text` in the file (the change is committed, not only typed).
async function waitStored(driver, path, text, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    const { text: got } = await readStored(driver, path);
    if (got && got.includes(text)) return got;
    if (Date.now() - t0 > timeout) throw new Error(`${path} does not hold "${text}" after ${timeout} ms: ${got && got.slice(0, 300)}`);
    await sleep(100);
  }
}

// "Use this tab" reloads the page: waits for the new document and its app.
async function takeOver(app) {
  await app.d.evaluate(() => { window.__xbOldDocument = true; });
  await app.click('notice.take_over');
  const t0 = Date.now();
  while (await app.d.evaluate(() => !!window.__xbOldDocument).catch(() => true)) {
    if (Date.now() - t0 > 15000) throw new Error('"use this tab" did not reload the page');
    await sleep(100);
  }
  await app.ready();
}

// ---- journeys ---------------------------------------------------------------------------------

export async function run({ engine, driver, server, root, record, only = null }) {
  const app = new XApp(driver, server);
  const shots = join(root, 'artifacts', 'xbrowser');
  mkdirSync(shots, { recursive: true });
  const shot = (name) => driver.screenshot(join(shots, `${engine}-${name}.png`));
  const realDownloads = engine === 'chromium';
  const step = async (name, fn) => {
    if (only && !only.test(name)) return;
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

  // ---- tabs of one profile: tests/e2e/persistence.test.mjs's second-tab and close-at-once
  // journeys, each reported in two steps (the second goes on in the tab the first leaves open).
  // `home` is the tab the journeys started in: it waits on a page of the origin without the app
  // and ends on the app; a tab a failed step left open is closed. -----------------------------

  const tabs = () => {
    const opened = [];
    let home = null;
    return {
      async open() {
        home ??= await driver.currentTab();
        const t = await driver.newTab(server.url);
        opened.push(t);
        await app.ready();
        return t;
      },
      async close(t) { opened.splice(opened.indexOf(t), 1); await driver.closeTab(t); },
      async closeAll() {
        for (const t of opened.splice(0)) await driver.closeTab(t).catch(() => {});
        if (home) await driver.useTab(home).catch(() => {});
      },
    };
  };
  const editName = async (id, more) => {
    await app.click('nav.dossiers');
    await app.click(`list.row.${id}`, { reveal: true });
    await app.click('nominee.full_name', { reveal: true });
    await app.press('End');
    await app.insertText(more);
  };
  // The tab that took over types, and is closed while its save is still pending (no wait: the
  // debounced save runs 500 ms after the last key; on a machine too slow to look within 500 ms,
  // a little more is typed first). The app opened again at once in `home` owns the workspace on
  // the first try (the closed page may hold the lock a moment longer), has everything, and
  // IndexedDB holds it.
  const closeAtOnce = (journey, noLocks) => async () => {
    try {
      assert.ok(journey.owner, 'the step before left a tab that owns the workspace');
      const { tab, id } = journey.owner;
      await editName(id, ' (tab hai)');
      let before = await app.state();
      for (let more = 0; before.save.state !== 'saving' && more < 3; more++) {
        await app.insertText('!');
        before = await app.state();
      }
      assert.equal(before.save.state, 'saving', 'closed while the save was still pending');
      await journey.tabs.close(tab);
      await app.goto({ noLocks });
      await app.ready();
      const again = await app.state();
      assert.notEqual(again.save.state, 'read_only', 'reopened at once: not read-only');
      const typed = before.workspace.dossiers.find((d) => d.id === id).nominee.full_name;
      const stored = await readStored(driver, dossierPath(id));
      assert.deepEqual(again.workspace, before.workspace, `everything typed is back (IndexedDB holds "${
        stored.text && stored.text.match(/"full_name":\s*"([^"]*)"/)?.[1]}", typed "${typed}")`);
      assert.ok(stored.text.includes(typed), 'IndexedDB holds what was typed');
      await assertClean(app, `closed at once${noLocks ? ', no Web Locks' : ''}`);
    } finally {
      await journey.tabs.closeAll();
    }
  };

  // Chromium runs the same journeys in tests/e2e/persistence.test.mjs; not again here (time).
  const tabJourneys = engine !== 'chromium';
  if (!tabJourneys) console.log('     (second-tab and close-at-once journeys: in Chromium by tests/e2e/persistence.test.mjs)');
  const tabStep = (name, fn) => (tabJourneys ? step(name, fn) : undefined);

  // Fails when the lock is broken (the second tab is not read-only) and when the storage guard is
  // broken (the second tab's change reaches IndexedDB).
  const locked = { tabs: tabs(), owner: null };
  await tabStep('a second tab is read-only, refuses changes and says why, never writes; it takes over when the first closes (Web Locks)', async () => {
    const { open, close, closeAll } = locked.tabs;
    try {
      const NAME = 'Đỗ Thị Dung', STRAY = '/data/dossiers/tab-hai.json';
      await app.goto({}, NO_APP);
      const firstTab = await open();
      assert.equal(await driver.evaluate(() => typeof navigator.locks?.request), 'function', 'Web Locks');
      assert.notEqual((await app.state()).save.state, 'read_only', 'the first tab owns the workspace');
      const id = await newDossier(app, NAME);
      await waitStored(driver, dossierPath(id), NAME);

      const second = await open();
      const s2 = await app.state();
      assert.equal(s2.save.state, 'read_only', 'the second tab is read-only');
      assert.ok(byName(s2, NAME), 'the second tab shows the work');
      assert.match(await app.label('notice.read_only'), /thẻ \(tab\) khác/);
      // It refuses a change, and says why.
      await editName(id, ' (tab hai)');
      assert.match(await app.label('toast.text'), /chỉ để xem/, 'the refusal says why');
      assert.ok(byName(await app.state(), NAME), 'nothing changed in the second tab');
      // Its /data holds what IndexedDB does not (its own changed copy of the dossier, as a
      // start-up repair or any write below the app's refusal would leave it), and it is hidden:
      // the page-leave save runs, and must send nothing.
      await driver.evaluate(([path, to]) => {
        Module.FS.writeFile(to, new TextDecoder().decode(Module.FS.readFile(path)).replace('Đỗ Thị Dung', 'Đỗ Thị Dung (tab hai)'));
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        delete document.visibilityState;  // the prototype's getter again
        document.dispatchEvent(new Event('visibilitychange'));
      }, [dossierPath(id), STRAY]);
      // The first goes on; IndexedDB runs read-write transactions in order, so once this edit is
      // stored, anything the second tab had sent is stored too.
      await driver.useTab(firstTab);
      await app.click('nominee.full_name', { reveal: true });
      await app.press('End');
      await app.insertText(' (tab một)');
      await waitStored(driver, dossierPath(id), `${NAME} (tab một)`);
      const stored = await readStored(driver, dossierPath(id));
      assert.ok(!stored.paths.includes(STRAY), 'the read-only tab wrote nothing');
      assert.doesNotMatch(stored.text, /tab hai/, 'the read-only tab wrote nothing');
      await driver.useTab(second);
      assert.equal((await app.state()).save.state, 'read_only');

      // The first closes: the second may take over, and then holds the first's work.
      await close(firstTab);
      await app.waitState('"use this tab" offered', (s) => s.save.can_take_over, 10000);
      await takeOver(app);
      await app.waitState('the second tab owns the workspace', (s) => s.save.state !== 'read_only', 10000);
      assert.equal(byName(await app.state(), `${NAME} (tab một)`)?.id, id);
      assert.ok(!(await app.has('notice.read_only')));
      await assertClean(app, 'second tab');
      locked.owner = { tab: second, id };
    } catch (e) {
      await closeAll();
      throw e;
    }
  });
  await tabStep('type in the tab that took over, close it at once: reopened at once it owns and has everything, IndexedDB holds it (Web Locks)',
    closeAtOnce(locked, false));

  // The BroadcastChannel fallback (no Web Locks, as in older Safari) decides the owner, lets the
  // second tab take over when the first closes, and gives a page reopened at once the workspace.
  // The refusals and the storage guard do not depend on how the owner was decided (checked
  // above), so they are not repeated here.
  const fallback = { tabs: tabs(), owner: null };
  await tabStep('no Web Locks, the BroadcastChannel fallback: a second tab is read-only; it takes over when the first closes', async () => {
    const { open, close, closeAll } = fallback.tabs;
    try {
      const NAME = 'Đinh Văn Én';
      await app.goto({ noLocks: true }, NO_APP);
      const firstTab = await open();
      assert.equal(await driver.evaluate(() => typeof navigator.locks), 'undefined', 'Web Locks removed');
      assert.notEqual((await app.state()).save.state, 'read_only', 'the first tab owns the workspace');
      const id = await newDossier(app, NAME);
      await waitStored(driver, dossierPath(id), NAME);
      const second = await open();
      assert.equal(await driver.evaluate(() => typeof navigator.locks), 'undefined', 'Web Locks removed in tab 2');
      assert.equal((await app.state()).save.state, 'read_only', 'the second tab is read-only');
      assert.match(await app.label('notice.read_only'), /thẻ \(tab\) khác/);
      await close(firstTab);
      await app.waitState('"use this tab" offered', (s) => s.save.can_take_over, 10000);
      await takeOver(app);
      await app.waitState('the second tab owns the workspace', (s) => s.save.state !== 'read_only', 10000);
      assert.ok(byName(await app.state(), NAME), 'the first tab’s work');
      await assertClean(app, 'second tab, no Web Locks');
      fallback.owner = { tab: second, id };
    } catch (e) {
      await closeAll();
      throw e;
    }
  });
  await tabStep('no Web Locks: type in the tab that took over, close it at once: reopened at once it owns and has everything, IndexedDB holds it',
    closeAtOnce(fallback, true));

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
