// Issue 17: saving under faults. Real Chromium, real IndexedDB; each fault is made for real: a
// request that fails inside the app's own transaction, a transaction held up by another
// connection, the browser closing the connection (CDP Storage.clearDataForOrigin), another tab
// upgrading the database, a tiny quota (CDP Storage.overrideQuotaForOrigin), a module that runs
// out of memory. What is stored is always checked with a fresh read of IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, openBrowser, App, DESKTOP, PHONE } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

// ---- what IndexedDB holds (IDBFS: database "/data", store "FILE_DATA", key = the file's path) ----

// Every stored file: path -> "timestamp|text" (a fresh connection each time).
function storedSnapshot(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result, out = {};
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); resolve(out); return; }
      const cur = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').openCursor();
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c) { db.close(); resolve(out); return; }
        const e = c.value;
        out[c.key] = `${e.timestamp && e.timestamp.getTime()}|${e.contents ? new TextDecoder().decode(e.contents) : ''}`;
        c.continue();
      };
      cur.onerror = () => { db.close(); reject(cur.error); };
    };
  }));
}
async function storedFile(page, path) {
  const s = await storedSnapshot(page);
  return s[path] === undefined ? null : s[path].slice(s[path].indexOf('|') + 1);
}
async function waitStored(page, path, text, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    // A read may meet the browser still clearing the storage (its connection is closed too).
    const got = await storedFile(page, path).catch((e) => `(read failed: ${e.message})`);
    if (got && got.includes(text)) return got;
    if (Date.now() - t0 > timeout) throw new Error(`${path} does not hold "${text}" after ${timeout} ms: ${got && got.slice(0, 200)}`);
    await page.waitForTimeout(100);
  }
}
const dossierPath = (id) => `/data/dossiers/${id}.json`;
const saveState = (app) => app.page.evaluate(() => window.hoso.state().save);
function untilSave(app, what, fn, timeout = 15000) {
  return app.page.waitForFunction(fn, null, { timeout, polling: 50 }).catch(async (e) => {
    throw new Error(`waiting for ${what}: ${e.message}; save = ${JSON.stringify(await saveState(app))}`);
  });
}

// The first dossier (a fresh profile has one), named `name`, stored.
async function startWithName(app, name) {
  await app.click('nominee.full_name');
  await app.insertText(name);
  const id = (await app.state()).workspace.dossiers[0].id;
  await waitStored(app.page, dossierPath(id), name);
  await app.saved();
  return id;
}

test('"saving" from the first edit until the commit; a save at least every 2 s while typing', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const id = await startWithName(app, 'Nguyễn Thị Hoa');
    // One key: nothing is stored yet (the save waits 500 ms), and nothing says "saved".
    await app.press('End');
    await app.type(' A');
    const s = await saveState(app);
    if (!(await storedFile(app.page, dossierPath(id))).includes('Hoa A')) {
      assert.equal(s.state, 'saving', 'not yet stored: the state says so');
      // The top bar shows it from the next frame on (items are those of the frame drawn last).
      const label = await app.page.waitForFunction(() => {
        const it = window.hoso.items().find((i) => i.id === 'save.state');
        return it && (it.label.includes('Đang lưu') || window.hoso.state().save.state !== 'saving') && it.label;
      }, null, { timeout: 5000 }).then((h) => h.jsonValue());
      assert.match(label, /Đang lưu/, `the top bar says "saving": ${label}`);
    }
    await waitStored(app.page, dossierPath(id), 'Hoa A');
    await untilSave(app, 'saved', () => window.hoso.state().save.state === 'saved');
    assert.match((await app.item('save.state')).label, /Đã lưu/);

    // Typing on without a pause longer than the debounce: saves happen while the typing goes on.
    // The page notes when each key arrives and when each put of the dossier is sent.
    await app.page.evaluate((path) => {
      const put = IDBObjectStore.prototype.put;
      window.__keys = [];
      window.__puts = [];
      document.addEventListener('keydown', () => window.__keys.push(performance.now()), true);
      IDBObjectStore.prototype.put = function (value, key) {
        if (key === path) window.__puts.push(performance.now());
        return put.call(this, value, key);
      };
    }, dossierPath(id));
    await app.page.keyboard.type('bcdefghijklmnopqrstuvwxyz', { delay: 150 });
    const { keys, puts } = await app.page.evaluate(() => ({ keys: window.__keys, puts: window.__puts }));
    assert.equal(keys.length, 25);
    const longestPause = Math.max(...keys.slice(1).map((k, i) => k - keys[i]));
    const during = puts.filter((t) => t > keys[0] && t < keys[keys.length - 1]);
    assert.ok(during.length >= 1, `a save was sent while the person was still typing (pauses up to ${Math.round(longestPause)} ms; keys ${Math.round(keys[0])}..${Math.round(keys[keys.length - 1])}, puts ${puts.map(Math.round)})`);
    await waitStored(app.page, dossierPath(id), 'Hoa Abcdefghijklmnopqrstuvwxyz');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('a request fails midway through a save: nothing of it commits; the retry commits all of it', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await startWithName(app, 'Trần Văn Bình');
    const before = await storedSnapshot(app.page);
    // While armed, the second put of every read-write transaction becomes two adds of the same
    // key: the second add fails (ConstraintError) inside the real transaction, after other puts
    // succeeded. `keys` lists the puts of the last such transaction.
    await app.page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      window.__fault = { armed: true, keys: [], failed: 0 };
      let tx = null, keys = [];
      IDBObjectStore.prototype.put = function (value, key) {
        const f = window.__fault;
        if (f.armed && this.transaction.mode === 'readwrite') {
          if (this.transaction !== tx) { tx = this.transaction; keys = []; }
          keys.push(key);
          if (keys.length === 2) {
            f.failed++;
            f.keys = keys;
            this.add(value, key);
            return this.add(value, key);
          }
        }
        return put.call(this, value, key);
      };
    });
    // A new dossier: its file, its folder's entry, the workspace's records.
    await app.click('nav.dossiers');
    await app.click('action.new_individual');
    await app.click('nominee.full_name');
    await app.insertText('Lê Thị Cúc');
    const id = (await app.state()).workspace.dossiers.find((d) => d.nominee.full_name === 'Lê Thị Cúc').id;
    await untilSave(app, 'the failed save', () => window.hoso.state().save.state === 'error');
    // Every change typed has been sent (and failed): nothing waits in memory for a save.
    await app.page.waitForFunction(() => window.__fault.failed > 0 && window.__fault.keys.some((k) => k.endsWith('.json')));
    const fault = await app.page.evaluate(() => window.__fault);
    assert.ok(fault.keys.length >= 2, `the save had more than one put: ${fault.keys}`);
    assert.deepEqual(await storedSnapshot(app.page), before, 'nothing of the failed save is stored');
    assert.ok(await app.has('save.retry'));
    await app.screenshot('faults-save-failed-desktop');

    await app.page.evaluate(() => { window.__fault.armed = false; });
    await app.click('save.retry');
    await untilSave(app, 'saved', () => window.hoso.state().save.state === 'saved');
    const after = await storedSnapshot(app.page);
    assert.match(after[dossierPath(id)], /Lê Thị Cúc/);
    for (const k of fault.keys) assert.notEqual(after[k], before[k], `${k} is stored by the retry`);
    await app.reload();
    assert.ok((await app.state()).workspace.dossiers.some((d) => d.id === id), 'the dossier is back after a reload');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('a save held up past its timeout is followed to its end: shown failing, then saved', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const id = await startWithName(app, 'Phạm Văn Dũng');
    await app.page.evaluate(() => window.hoso.dev.saveTimeout(300));
    // Another connection holds a read-write transaction on the store (it keeps it busy with reads
    // until told to stop): the app's save waits behind it, as behind a slow disk.
    await app.page.evaluate(() => new Promise((resolve) => {
      window.__hold = true;
      const open = indexedDB.open('/data');
      open.onsuccess = () => {
        const tx = open.result.transaction('FILE_DATA', 'readwrite');
        const store = tx.objectStore('FILE_DATA');
        const spin = () => { if (window.__hold) store.get('/none').onsuccess = spin; };
        spin();
        tx.oncomplete = () => open.result.close();
        resolve();
      };
    }));
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' (chậm)');
    await untilSave(app, 'the timeout', () => {
      const s = window.hoso.state().save;
      return s.state === 'error' && s.error === 'timeout';
    });
    // (IndexedDB cannot be read now either: a fresh read waits behind the same transaction.)
    const lastBefore = (await saveState(app)).last_saved;
    // The disk frees up: the same save commits, and the app says so without another edit.
    await app.page.evaluate(() => { window.__hold = false; });
    await untilSave(app, 'saved after the timeout', () => window.hoso.state().save.state === 'saved');
    assert.ok((await saveState(app)).last_saved >= lastBefore);
    await waitStored(app.page, dossierPath(id), 'Phạm Văn Dũng (chậm)');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('the browser closes the connection, or another tab deletes or upgrades the database: reopened and written again, or said plainly', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const id = await startWithName(app, 'Hoàng Thị Én');
    const cdp = await b.context.newCDPSession(app.page);

    // Site storage cleared (as from the browser's settings or devtools): the app's connection
    // is closed under it. The app reopens and writes its workspace again.
    await cdp.send('Storage.clearDataForOrigin', { origin: server.origin, storageTypes: 'indexeddb' });
    await waitStored(app.page, dossierPath(id), 'Hoàng Thị Én');
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' một');
    await waitStored(app.page, dossierPath(id), 'Hoàng Thị Én một');
    await untilSave(app, 'saved', () => window.hoso.state().save.state === 'saved');

    // Another tab deletes the database: the app lets it ('versionchange'), then writes again.
    const tool = await b.context.newPage();
    await tool.goto(server.url + 'no-app-here');
    await tool.evaluate(() => new Promise((resolve, reject) => {
      const del = indexedDB.deleteDatabase('/data');
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
    }));
    await waitStored(app.page, dossierPath(id), 'Hoàng Thị Én một');
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' hai');
    await waitStored(app.page, dossierPath(id), 'Hoàng Thị Én một hai');

    // Another tab upgrades the database to a version this app cannot open: reopening fails, and
    // the app says so across the page with a backup at hand.
    await tool.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('/data', 999);
      open.onupgradeneeded = () => open.result.deleteObjectStore('FILE_DATA');
      open.onsuccess = () => { open.result.close(); resolve(); };
      open.onerror = () => reject(open.error);
    }));
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' ba');
    await untilSave(app, 'the lost connection', () => {
      const s = window.hoso.state().save;
      return s.state === 'error' && s.error === 'closed';
    });
    const inMemory = (await app.state()).workspace.dossiers.find((d) => d.id === id).nominee.full_name;
    const notice = await app.item('notice.storage_lost');
    assert.match(notice.label, /sao lưu/);
    await app.screenshot('faults-storage-lost-desktop');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('notice.storage_lost_backup')]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const record = backup.records.find((r) => r.name === `dossiers/${id}.json`);
    assert.equal(record.data.nominee.full_name, inMemory, 'the backup holds what is in memory');
    await tool.close();
    await cdp.detach();
    app.errors = app.errors.filter((e) => !/VersionError/.test(e));
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('storage full during a commit: the work stays, the message is clear, nothing reloads until it is saved or the person chooses', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const id = await startWithName(app, 'Bùi Văn Giang');
    const cdp = await b.context.newCDPSession(app.page);
    // A quota smaller than what is stored. Chromium applies it to the database once its store
    // is opened again: the storage is cleared under the app as well, which then writes its whole
    // workspace again, into a full disk.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 1 });
    await cdp.send('Storage.clearDataForOrigin', { origin: server.origin, storageTypes: 'indexeddb' });
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' Hà');
    await untilSave(app, 'the quota error', () => {
      const s = window.hoso.state().save;
      return s.state === 'error' && s.error === 'quota';
    });
    assert.match((await app.item('notice.quota')).label, /đầy/);
    assert.equal((await app.state()).workspace.dossiers[0].nominee.full_name, 'Bùi Văn Giang Hà', 'the work is in memory');
    assert.doesNotMatch(String(await storedFile(app.page, dossierPath(id))), /Giang Hà/);

    // Switching to the secretariat's role reloads into another edition: not while the save fails.
    await app.page.evaluate(() => { window.__samePage = true; });
    await app.click('nav.settings');
    await app.click('settings.role.secretariat');
    await app.item('notice.leave_held');
    assert.equal((await saveState(app)).leave_held, true);
    assert.equal(await app.page.evaluate(() => window.__samePage), true, 'the page did not reload');
    assert.ok(await app.has('notice.leave_backup'));
    assert.ok(await app.has('notice.leave_anyway'));
    await app.screenshot('faults-leave-held-desktop');
    // Closing the tab now: the browser asks first.
    const asked = new Promise((resolve) => app.page.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
    await app.page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.equal(await app.page.evaluate(() => window.__samePage), true, 'the page is still open');

    // Space again: "save, then reload" stores the work, then reloads into the secretariat's edition.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin });
    await app.reloadsInto('full', () => app.click('notice.leave_retry'));
    assert.equal((await app.state()).workspace.dossiers[0].nominee.full_name, 'Bùi Văn Giang Hà');
    assert.match(await storedFile(app.page, dossierPath(id)), /Giang Hà/);
  } finally { await b.close(); }
});

test('the stored data cannot be read: said plainly (not "private window"), and nothing is written over it', async () => {
  const b = await openBrowser({ device: PHONE });
  try {
    // A database this version cannot open (written by a newer hoso, say).
    const tool = await b.context.newPage();
    await tool.goto(server.url + 'no-app-here');
    await tool.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('/data', 999);
      open.onupgradeneeded = () => open.result.createObjectStore('FUTURE').put('kept', 'k');
      open.onsuccess = () => { open.result.close(); resolve(); };
      open.onerror = () => reject(open.error);
    }));
    const app = new App(await b.context.newPage(), server);
    await app.goto();
    const s = (await app.state()).save;
    assert.equal(s.state, 'unavailable');
    assert.match(s.error, /^load-/);
    const notice = await app.item('notice.load_failed');
    assert.match(notice.label, /Không đọc được/);
    assert.ok(!(await app.has('notice.no_storage')), 'not the private-window notice');
    await app.screenshot('faults-load-failed-phone');
    // The person types anyway: nothing is written, and leaving asks first.
    await app.tap('nominee.full_name');
    await app.insertText('Vũ Văn Hùng');
    const asked = new Promise((resolve) => app.page.once('dialog', (d) => { resolve(d.type()); d.accept(); }));
    await app.page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    const db = await tool.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('/data');
      open.onsuccess = () => {
        const d = open.result, names = [...d.objectStoreNames];
        d.transaction('FUTURE').objectStore('FUTURE').get('k').onsuccess = (e) => { d.close(); resolve({ version: d.version, names, k: e.target.result }); };
      };
    }));
    assert.deepEqual(db, { version: 999, names: ['FUTURE'], k: 'kept' });
  } finally { await b.close(); }
});

test('the module crashes (out of memory): a crash message offers what is saved; nothing calls the dead module', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const id = await startWithName(app, 'Đinh Thị Giao');
    // A 4 GB attachment cannot be allocated in wasm32: the C++ allocation fails and aborts.
    const crash = await app.page.evaluate(() => {
      try { window.hoso.dev.generate(1, { attachmentBytes: 8e9 }); return 'no crash'; } catch (e) { return String(e); }
    });
    assert.notEqual(crash, 'no crash');
    await app.page.waitForSelector('#error-download', { state: 'visible', timeout: 10000 });
    assert.match(await app.page.textContent('#error'), /đã dừng/);
    await app.screenshot('faults-crash-desktop');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#error-download')]);
    const copy = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(copy.format, 'hoso-stored-files');
    const file = copy.files.find((f) => f.path === dossierPath(id));
    assert.match(Buffer.from(file.base64, 'base64').toString('utf8'), /Đinh Thị Giao/);
    // Hidden and closed: the leave-page save must not call into the dead module.
    const errorsBefore = app.errors.length;
    await app.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('pagehide'));
    });
    await app.page.close({ runBeforeUnload: true });
    assert.deepEqual(app.errors.slice(errorsBefore), [], 'no call into the dead module');
  } finally { await b.close(); }
});
