// Issue 4: nothing typed is ever lost. Real IndexedDB (Emscripten's IDBFS at /data) in Chromium
// with a persistent profile; no fake storage. The tests read and break what is stored through the
// page's own indexedDB, as a person's browser holds it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ROOT } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

// ---- what IndexedDB holds (IDBFS: database "/data", store "FILE_DATA", key = the file's path) ----

// The text of one stored file, or null.
function storedFile(page, path) {
  return page.evaluate((p) => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); resolve(null); return; }
      const get = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').get(p);
      get.onsuccess = () => {
        db.close();
        const e = get.result;
        resolve(e && e.contents ? new TextDecoder().decode(e.contents) : null);
      };
      get.onerror = () => { db.close(); reject(get.error); };
    };
  }), path);
}

// Every stored path.
function storedPaths(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); resolve([]); return; }
      const keys = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').getAllKeys();
      keys.onsuccess = () => { db.close(); resolve(keys.result); };
      keys.onerror = () => { db.close(); reject(keys.error); };
    };
  }));
}

const dossierPath = (id) => `/data/dossiers/${id}.json`;

// Writes files into what IndexedDB holds, as IDBFS keeps them ({path, bytes} a file, {path, dir}
// a directory), from another page of the same origin that is not the app; `clear` first empties it.
async function putStored(context, entries, { clear = false } = {}) {
  const tool = await context.newPage();
  await tool.goto(server.url + 'no-app-here');
  await tool.evaluate(({ entries, clear }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('FILE_DATA', 'readwrite');
      const st = tx.objectStore('FILE_DATA');
      if (clear) st.clear();
      for (const e of entries)
        st.put(e.dir ? { timestamp: new Date(), mode: 16877 } : { timestamp: new Date(), mode: 33206, contents: new Uint8Array(e.bytes) }, e.path);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { entries, clear });
  await tool.close();
}

// Waits until IndexedDB holds `text` in the file (the change is committed, not only typed).
async function waitStored(page, path, text, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    const got = await storedFile(page, path);
    if (got && got.includes(text)) return got;
    if (Date.now() - t0 > timeout) throw new Error(`${path} does not hold "${text}" after ${timeout} ms: ${got && got.slice(0, 300)}`);
    await page.waitForTimeout(100);
  }
}

// JSON strings in stored files escape nothing but quotes, backslashes and controls: Vietnamese
// text appears as typed.
const dossiers = (state) => state.workspace.dossiers;
const byName = (state, name) => dossiers(state).find((d) => d.nominee.full_name === name || d.nominee.name === name);

async function closeAndWait(page) {
  const closed = new Promise((r) => page.once('close', r));
  await page.close({ runBeforeUnload: true });
  await closed;
}

// A new page of the app in the same browser (same profile). The Web Lock of a page that just
// closed is released as its document goes away; give it a moment rather than start read-only.
async function openAgain(context) {
  for (let i = 0; ; i++) {
    const app = new App(await context.newPage(), server);
    await app.goto();
    if ((await app.state()).save.state !== 'read_only' || i >= 20) return app;
    await app.page.close();
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A new individual dossier from the list, named `name`; returns its id.
async function newDossier(app, name) {
  await app.click('nav.dossiers');
  await app.click('action.new_individual');
  await app.click('nominee.full_name');
  await app.insertText(name);
  const d = byName(await app.state(), name);
  assert.ok(d, `dossier "${name}" created`);
  return d.id;
}

test('type into a dossier, reload after 1 s: everything is back', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nominee.full_name');
    await app.insertText('Nguyễn Thị Hoa');
    await app.click('summary.text');
    await app.insertText('Hoàn thành xuất sắc nhiệm vụ năm 2025.');
    await app.press('Enter');
    await app.insertText('Dòng thứ hai.');
    const before = (await app.state()).workspace;
    assert.equal(dossiers({ workspace: before }).length, 1);
    await app.page.waitForTimeout(1000);
    await app.reload();
    const after = await app.state();
    assert.deepEqual(after.workspace, before);
    assert.deepEqual(after.broken, []);
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('type, then close the page at once: a new page on the same profile has everything', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nominee.full_name');
    await app.insertText('Trần Văn Bình');
    await app.click('summary.text');
    await app.insertText('Gõ xong là đóng trang ngay.');
    const before = (await app.state()).workspace;
    // No wait at all: the debounced save has not started; leaving the page must save.
    await closeAndWait(app.page);
    const again = await openAgain(b.context);
    assert.deepEqual((await again.state()).workspace, before);
    again.assertClean(assert);
  } finally { await b.close(); }
});

test('a broken dossier file: the app starts, names it, keeps the others, restores the previous version', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    let app = await App.open(b.context, server);
    const a = await newDossier(app, 'Phạm Thị An');
    const victim = await newDossier(app, 'Lê Văn Cường');
    await waitStored(app.page, dossierPath(victim), 'Lê Văn Cường');
    // A second save of the same dossier: the first becomes its previous version (.prev).
    await app.press('End');
    await app.insertText(' (sửa lần hai)');
    await waitStored(app.page, dossierPath(victim), 'Lê Văn Cường (sửa lần hai)');
    const c = await newDossier(app, 'Hoàng Minh Châu');
    await waitStored(app.page, dossierPath(c), 'Hoàng Minh Châu');
    await closeAndWait(app.page);

    // Garbage where the dossier's file is, from another page of the same origin (not the app).
    await putStored(b.context, [{ path: dossierPath(victim), bytes: [0x7b, 0x22, 0x66, 0xff, 0x00, 0x13, 0x37, 0xde, 0xad] }]);  // '{"f' + junk

    app = await openAgain(b.context);
    const name = `dossiers/${victim}.json`;
    const s = await app.state();
    assert.deepEqual(s.broken.map((x) => [x.name, x.previous_valid]), [[name, true]]);
    assert.deepEqual(dossiers(s).map((d) => d.id).sort(), [a, c].sort(), 'every other dossier is there');
    const notice = await app.item(`notice.broken.${name}`);
    assert.match(notice.label, new RegExp(name.replace(/[.]/g, '\\.')), 'the notice names the file');
    await app.screenshot('persistence-broken-file-desktop');
    await app.click(`notice.restore_previous.${name}`);
    const restored = await app.state();
    assert.deepEqual(restored.broken, []);
    assert.equal(byName(restored, 'Lê Văn Cường')?.id, victim, 'the previous version is back');
    assert.equal(dossiers(restored).length, 3);
    // And it stays back.
    await waitStored(app.page, dossierPath(victim), 'Lê Văn Cường');
    await app.reload();
    const later = await app.state();
    assert.deepEqual(later.broken, []);
    assert.equal(dossiers(later).length, 3);
    assert.ok(!(await app.has(`notice.broken.${name}`)));
    app.assertClean(assert);
  } finally { await b.close(); }
});

// The page-leave save, for real where it matters: the page says it is hidden (as when the person
// switches tabs or the phone locks), which saves at once.
async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}
async function show(page) {
  await page.evaluate(() => {
    delete document.visibilityState;  // the prototype's getter again
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

// Two tabs on one profile. `fallback`: without Web Locks (older Safari), the BroadcastChannel
// fallback decides. Fails when the lock is broken (the second tab is not read-only) and when the
// storage guard is broken (the second tab's change reaches IndexedDB).
async function secondTab(fallback) {
  const b = await openBrowser({ device: DESKTOP });
  if (fallback) await b.context.addInitScript(() => { delete Navigator.prototype.locks; });
  try {
    const first = await App.open(b.context, server);
    assert.equal(await first.page.evaluate(() => 'locks' in navigator), !fallback);
    const id = await newDossier(first, 'Đỗ Thị Dung');
    await waitStored(first.page, dossierPath(id), 'Đỗ Thị Dung');

    const second = new App(await b.context.newPage(), server);
    await second.goto();
    const s2 = await second.state();
    assert.equal(s2.save.state, 'read_only');
    assert.ok(byName(s2, 'Đỗ Thị Dung'), 'the second tab shows the work');
    const notice = await second.item('notice.read_only');
    assert.match(notice.label, /thẻ \(tab\) khác|another/);
    if (!fallback) await second.screenshot('persistence-read-only-tab-desktop');

    // The second tab's /data holds what IndexedDB does not: its own copy of the dossier, older and
    // changed (as a start-up repair or any write below the app's read-only refusal would leave
    // it). It is hidden: the page-leave save runs, and must send nothing.
    const stray = '/data/dossiers/tab-hai.json';
    await second.page.evaluate(([path, to]) => {
      Module.FS.writeFile(to, new TextDecoder().decode(Module.FS.readFile(path)).replace('Đỗ Thị Dung', 'Đỗ Thị Dung (tab hai)'));
    }, [dossierPath(id), stray]);
    await hide(second.page);
    await show(second.page);
    // The first goes on; IndexedDB runs read-write transactions in order, so once this edit is
    // stored, anything the second tab had sent is stored too.
    await first.click('nominee.full_name');
    await first.press('End');
    await first.insertText(' (tab một)');
    await waitStored(first.page, dossierPath(id), 'Đỗ Thị Dung (tab một)');
    assert.ok(!(await storedPaths(first.page)).includes(stray), 'the read-only tab wrote nothing');
    assert.equal((await second.state()).save.state, 'read_only');

    // The first closes: the second may take over, and then holds the first's work.
    await closeAndWait(first.page);
    await second.page.waitForFunction(() => window.hoso.state().save.can_take_over, null, { timeout: 10000 });
    const takeOver = await second.item('notice.take_over');
    await Promise.all([second.page.waitForEvent('load', { timeout: 15000 }),
      second.page.mouse.click(takeOver.x + takeOver.w / 2, takeOver.y + takeOver.h / 2)]);
    await second.ready();
    await second.page.waitForFunction(() => window.hoso.state().save.state !== 'read_only', null, { timeout: 10000 });
    const after = await second.state();
    assert.equal(byName(after, 'Đỗ Thị Dung (tab một)')?.id, id);
    assert.ok(!(await second.has('notice.read_only')));
    // Now it is the owner: its edits are kept.
    await second.click('nav.dossiers');
    await second.click(`list.row.${id}`);
    await second.click('nominee.full_name');
    await second.press('End');
    await second.insertText(' (tab hai)');
    await waitStored(second.page, dossierPath(id), 'Đỗ Thị Dung (tab một) (tab hai)');

    // Closed and opened again at once (the old page may still hold the lock for a moment): the
    // new page owns the workspace on the first try.
    await closeAndWait(second.page);
    const third = new App(await b.context.newPage(), server);
    await third.goto();
    assert.notEqual((await third.state()).save.state, 'read_only', 'reopened at once: not read-only');
    assert.ok(byName(await third.state(), 'Đỗ Thị Dung (tab một) (tab hai)'));
  } finally { await b.close(); }
}

test('a second tab is read-only and never writes; it takes over when the first closes; reopened at once it owns (Web Locks)', () => secondTab(false));
test('the same with the BroadcastChannel fallback (no Web Locks)', () => secondTab(true));

test('settings: every choice takes effect and is kept across a reload', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nav.settings');
    await app.click('settings.unit_name');
    await app.insertText('Phòng Lễ tân Đối ngoại');
    await app.click('settings.author');
    await app.insertText('Lý Thị Hồng');
    // Each step rebuilds the fonts and moves what follows: look again before the next click.
    for (let i = 0; i < 2; i++) {
      await app.click('settings.text_size.larger');
      await app.settle(300);
    }
    await app.click('settings.theme.dark');
    await app.click('settings.language.en');
    assert.equal((await app.item('nav.settings')).label, 'Settings', 'the interface is in English');
    // The secretariat's tools are in the full edition: the app saves and reloads into it.
    assert.equal((await app.state()).edition, 'unit');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    assert.ok(await app.has('nav.intake'), 'the navigation of the secretariat');
    assert.ok(!(await app.has('nav.dossiers')));
    const want = {
      author: 'Lý Thị Hồng', language: 'en', role: 'secretariat', text_scale: 1.3, theme: 'dark',
      unit_id: 'phong-le-tan-doi-ngoai', unit_name: 'Phòng Lễ tân Đối ngoại', vote_threshold: null,
    };
    assert.deepEqual((await app.state()).workspace.settings, want);
    await app.screenshot('persistence-settings-secretariat-dark-desktop');
    await app.reload();
    assert.deepEqual((await app.state()).workspace.settings, want);
    assert.ok(await app.has('nav.intake'));
    // Back to a unit, from the list of the campaign's units.
    await app.click('nav.settings');
    await app.click('settings.role.unit');
    await app.click('settings.unit');
    await app.click('settings.unit=van-phong');
    const s = (await app.state()).workspace.settings;
    assert.deepEqual([s.role, s.unit_id, s.unit_name], ['unit', 'van-phong', 'Văn phòng Sở']);
    await app.saved();
    await app.reload();
    assert.equal((await app.state()).edition, 'unit', 'a unit again: the smaller edition from the next start');
    app.assertClean(assert);
  } finally { await b.close(); }
});

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2bd8a3b0000000049454e44ae426082', 'hex');

// Restores a backup from Settings (the person confirms) and checks the workspace it gives, then
// that it is stored: the same after a reload.
async function restoreAndReload(app, path, expected, { press = (id) => app.click(id), shot } = {}) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), press('settings.backup.import')]);
  await chooser.setFiles(path);
  await app.item('backup.confirm');
  if (shot) await app.screenshot(shot);
  await press('backup.confirm');
  assert.deepEqual((await app.state()).workspace, expected);
  await app.saved();
  await app.reload();
  assert.deepEqual((await app.state()).workspace, expected, 'and it is stored');
}

test('backup: export, clear all site data, import: the workspace is identical; a damaged backup changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-backup-'));
  const pngPath = join(dir, 'anh-the.png');
  writeFileSync(pngPath, PNG);
  let backupPath, before;
  const a = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(a.context, server);
    // Dossiers and minutes (generated), an attachment, and settings chosen on the settings screen.
    await app.page.evaluate(() => window.hoso.dev.generate(4));
    await app.saved();
    await app.click('nav.settings');
    await app.click('settings.author');
    await app.insertText('Vũ Thị Én');
    await app.click('settings.unit');
    await app.click('settings.unit=thanh-tra');
    await app.click('settings.text_size.larger');
    const target = dossiers(await app.state())[0];
    await app.click('nav.dossiers');
    await app.click(`list.row.${target.id}`);
    await app.scrollTo('attachments.add');
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('attachments.add')]);
    await chooser.setFiles(pngPath);
    await app.page.waitForFunction((id) => window.hoso.state().workspace.dossiers.find((d) => d.id === id).attachments.length === 1,
      target.id, { timeout: 10000 });
    await app.saved();
    before = (await app.state()).workspace;
    assert.equal(before.settings.author, 'Vũ Thị Én');
    assert.equal(before.settings.unit_id, 'thanh-tra');
    assert.ok(before.minutes.length >= 1);

    await app.click('nav.settings');
    await app.screenshot('persistence-settings-desktop');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('settings.backup.export')]);
    assert.match(download.suggestedFilename(), /^hoso-sao-luu_thanh-tra-so_\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    assert.equal(backup.format, 'hoso-backup');
    assert.equal(backup.blobs.length, 1);

    // A damaged copy (one name changed, so its content hash no longer matches) is refused.
    const damagedPath = join(dir, 'hong.json');
    writeFileSync(damagedPath, readFileSync(backupPath, 'utf8').replace('Vũ Thị Én', 'Vũ Thị Em'));
    const [c1] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('settings.backup.import')]);
    await c1.setFiles(damagedPath);
    await app.page.waitForFunction(() => window.hoso.items().some((i) => i.id === 'toast.close'), null, { timeout: 10000 });
    assert.ok(!(await app.has('backup.confirm')), 'no dialog for a damaged file');
    assert.deepEqual((await app.state()).workspace, before, 'nothing changed');
    await app.screenshot('persistence-backup-refused-desktop');
    await app.click('toast.close');

    // Into a workspace that changed since: the dialog says what would be replaced; cancel keeps it.
    await app.click('nav.dossiers');
    await app.click(`list.row.${target.id}`);
    await app.scrollTo('nominee.full_name');
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' (sửa sau sao lưu)');
    await app.click('nav.settings');
    const [c2] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('settings.backup.import')]);
    await c2.setFiles(backupPath);
    await app.item('backup.confirm');
    await app.screenshot('persistence-backup-confirm-desktop');
    await app.click('backup.cancel');
    const kept = await app.state();
    assert.match(kept.workspace.dossiers.find((d) => d.id === target.id).nominee.full_name, /sửa sau sao lưu/);
    const [c3] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('settings.backup.import')]);
    await c3.setFiles(backupPath);
    await app.click('backup.confirm');
    assert.deepEqual((await app.state()).workspace, before, 'the replaced dossier is as in the backup');
    app.assertClean(assert);
  } finally { await a.close(); }

  // All site data gone: a browser with a new, empty profile.
  const b = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(b.context, server);
    assert.equal(dossiers(await app.state()).length, 0);
    await app.tap('nav.settings');
    await app.screenshot('persistence-settings-phone');
    await app.scrollTo('settings.backup.import');
    await restoreAndReload(app, backupPath, before, { press: (id) => app.tap(id), shot: 'persistence-backup-confirm-phone' });
    app.assertClean(assert);
  } finally { await b.close(); }
});

// ---- a workspace of the first release (before many campaigns), committed as it left it ----------

const RELEASE1 = join(ROOT, 'tests/unit/store/fixtures/release-1');

// The release's store directory as IDBFS keeps it: one entry per directory and file under /data.
function release1Entries() {
  const out = [];
  (function walk(dir, path) {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name), at = `${path}/${name}`;
      if (statSync(full).isDirectory()) { out.push({ path: at, dir: true }); walk(full, at); }
      else out.push({ path: at, bytes: [...readFileSync(full)] });
    }
  })(join(RELEASE1, 'store'), '/data');
  return out;
}

test('a workspace saved by the first release opens intact: its IndexedDB as it left it, and its backup', async () => {
  const saved = JSON.parse(readFileSync(join(RELEASE1, 'backup.json'), 'utf8'));
  const savedDossiers = saved.records.filter((r) => r.name.startsWith('dossiers/')).map((r) => r.data.id).sort();
  const a = await openBrowser({ device: DESKTOP });
  let upgraded;
  try {
    // The release's files put into this profile's IndexedDB (the app made its database on a first
    // visit; with no page of the app open, what it holds is replaced by what the release left).
    let app = await App.open(a.context, server);
    await app.page.close();
    await putStored(a.context, release1Entries(), { clear: true });
    app = await App.open(a.context, server);
    let st = await app.state();
    assert.deepEqual(st.broken, []);
    assert.deepEqual(st.campaigns.map((c) => c.id), ['32-KH-SNgV']);
    assert.equal(st.active_campaign, '32-KH-SNgV');
    assert.deepEqual(dossiers(st).map((d) => d.id).sort(), savedDossiers);
    assert.equal(st.workspace.minutes.length, 1);
    assert.equal(st.workspace.settings.author, 'Lê Thị Cúc');
    assert.equal(st.workspace.exports.last_revision, 1);
    upgraded = st.workspace;
    await app.screenshot('persistence-release1-desktop');
    // The secretariat's register of that release: the package and its three dossiers.
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    st = await app.state();
    assert.equal(st.registry.campaign_id, '32-KH-SNgV');
    assert.equal(st.registry.rows.length, 3);
    assert.deepEqual(st.broken, []);
    app.assertClean(assert);
  } finally { await a.close(); }

  // Its one-file backup, restored into a new, empty profile, gives the same workspace.
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nav.settings');
    await restoreAndReload(app, join(RELEASE1, 'backup.json'), upgraded);
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('1,000 generated dossiers: the app starts, lists them, and saves an edit', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.page.evaluate(() => window.hoso.dev.generate(1000));
    await app.page.waitForFunction(() => window.hoso.state().save.state === 'saved', null, { timeout: 60000 });
    await app.page.waitForFunction(async () => {
      const keys = await new Promise((resolve) => {
        const open = indexedDB.open('/data');
        open.onsuccess = () => {
          const r = open.result.transaction('FILE_DATA').objectStore('FILE_DATA').getAllKeys();
          r.onsuccess = () => { open.result.close(); resolve(r.result); };
        };
      });
      return keys.filter((k) => /^\/data\/dossiers\/[^/]+\.json$/.test(k)).length === 1000;
    }, null, { timeout: 60000, polling: 500 });

    await app.reload();
    const s = await app.state();
    assert.equal(dossiers(s).length, 1000);
    assert.deepEqual(s.broken, []);
    await app.click('nav.dossiers');
    const rows = (await app.items()).filter((i) => i.id.startsWith('list.row.'));
    assert.ok(rows.length >= 5, `rows drawn: ${rows.length}`);
    await app.screenshot('persistence-1000-dossiers-desktop');

    // Find a person's dossier (deep in the list) by searching, as a person would.
    const person = dossiers(s).filter((d) => d.nominee.kind === 'individual')[700];
    const id = person.id;
    await app.click('list.search');
    await app.insertText(person.nominee.full_name);
    await app.click(`list.row.${id}`);
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' (đã sửa)');
    const name = (await app.state()).workspace.dossiers.find((d) => d.id === id).nominee.full_name;
    assert.match(name, /\(đã sửa\)$/);
    await waitStored(app.page, dossierPath(id), name, 30000);
    await app.reload();
    const later = await app.state();
    assert.equal(dossiers(later).length, 1000);
    assert.equal(later.workspace.dossiers.find((d) => d.id === id).nominee.full_name, name);
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('storage full (QuotaExceededError): the notice says what to do; nothing typed is lost', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nominee.full_name');
    await app.insertText('Bùi Văn Giang');
    await app.saved();
    const id = dossiers(await app.state())[0].id;
    await waitStored(app.page, dossierPath(id), 'Bùi Văn Giang');

    // From now on IndexedDB refuses every write as a full disk does.
    await app.page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      window.__full = true;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' Hà');
    await app.page.waitForFunction(() => {
      const s = window.hoso.state().save;
      return s.state === 'error' && s.error === 'quota';
    }, null, { timeout: 10000 });
    const notice = await app.item('notice.quota');
    assert.match(notice.label, /sao lưu|backup/i);
    assert.match(notice.label, /tệp đính kèm|attachments/i);
    assert.ok(await app.has('notice.quota_backup'), 'a backup can be made right there');
    assert.ok(await app.has('save.retry'), 'the save state offers a retry');
    await app.screenshot('persistence-quota-desktop');
    assert.doesNotMatch(await storedFile(app.page, dossierPath(id)), /Giang Hà/);

    // Space again (attachments removed, say): retry, and the text typed meanwhile is stored.
    await app.page.evaluate(() => { window.__full = false; });
    await app.click('notice.quota_retry');
    await waitStored(app.page, dossierPath(id), 'Bùi Văn Giang Hà');
    await app.page.waitForFunction(() => window.hoso.state().save.state === 'saved');
    assert.ok(!(await app.has('notice.quota')));
  } finally { await b.close(); }
});
