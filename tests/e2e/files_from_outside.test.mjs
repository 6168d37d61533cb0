// Issue 17, files from outside: a file larger than the reader for its purpose takes is refused by
// its size (File.size) before a byte of it is read into memory, with a message naming it; the app
// stays usable. The file is sparse on disk, so the test itself needs no memory for it.
// And forgery made visible: a package's second revision made in another workspace (someone who
// imported the unit's first file into their own browser) is flagged at intake and on the record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, ROOT } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

function sparseFile(name, bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'hoso-big-')), name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

test('a backup over the 256 MB limit is refused by its size, unread', async () => {
  const browser = await openBrowser();
  try {
    const app = await App.open(browser.context, server);
    await app.click('nav.settings');
    const heapBefore = await app.page.evaluate(() => window.Module && Module.HEAPU8 ? Module.HEAPU8.length : 0);
    await app.scrollTo('settings.backup.import');
    const big = sparseFile('hoso-sao-luu_qua-lon.json', 300 * 1024 * 1024);
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('settings.backup.import')]);
    await chooser.setFiles([big]);
    const toast = await app.item('toast.text', { timeout: 15000 });
    assert.match(toast.label, /hoso-sao-luu_qua-lon\.json/);
    assert.match(toast.label, /300 MB/);
    assert.match(toast.label, /256 MB/);
    assert.match(toast.label, /chưa đọc tệp/);
    // Nothing of it reached the module: its memory did not grow by the file's size.
    const heapAfter = await app.page.evaluate(() => window.Module && Module.HEAPU8 ? Module.HEAPU8.length : 0);
    assert.ok(heapAfter - heapBefore < 64 * 1024 * 1024, `heap grew from ${heapBefore} to ${heapAfter}`);
    await app.screenshot('files_too_large_desktop');
    assert.deepEqual(app.errors, []);
  } finally {
    await browser.close();
  }
});

// Made by tests/unit/core/test_registry.cpp (Intake.RevisionFromAnotherWorkspaceIsFlagged, with
// HOSO_WRITE_E2E_FIXTURES set): the unit's r1, and an r2 exported by a browser that imported r1.
const ELSEWHERE = join(ROOT, 'tests/e2e/fixtures/other-workspace');

test('a revision made in another workspace is flagged at intake, in red, and on the record', async () => {
  const browser = await openBrowser();
  try {
    const app = await App.open(browser.context, server);
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    await app.click('nav.intake');
    const files = ['hoso_r1_the-unit.json', 'hoso_r2_made-elsewhere.json'].map((f) => join(ELSEWHERE, f));
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('intake.pick')]);
    await chooser.setFiles(files);
    const intake = await app.until('the report', (st) => st.registry.intake?.state === 'waiting' && st.registry.intake, 20000);
    const codes = intake.entries.map((e) => e.notes.map((n) => n.code));
    assert.ok(!codes[0].includes('other_workspace'), 'r1 is not flagged');
    assert.ok(codes[1].includes('other_workspace'), `r2 is flagged (${codes[1].join(', ')})`);
    const k = codes[1].indexOf('other_workspace') + 1;
    await app.scrollTo(`intake.file.2.note.${k}`);
    const note = await app.item(`intake.file.2.note.${k}`);
    assert.match(note.label, /được lập ở nơi khác/);
    assert.match(note.label, /phiếu trình/);
    await app.screenshot('intake-other-workspace');
    const reg = await app.applyIntake();
    await app.click('nav.registry');
    await app.click(`registry.row.${reg.rows[0].dossier_id}`);
    await app.item('registry.status');
    // The record's pane sits under the table: its wheel there, until the line is drawn.
    const vp = app.page.viewportSize();
    for (let i = 0; i < 20 && !(await app.has('registry.made_elsewhere')); i++) {
      await app.page.mouse.move(vp.width / 2, vp.height * 0.85);
      await app.page.mouse.wheel(0, 300);
      await app.settle();
    }
    assert.match((await app.item('registry.made_elsewhere')).label, /được lập ở những nơi khác nhau/, 'the record says it too');
    await app.screenshot('registry-made-elsewhere');
    const revisions = (await app.state()).registry.revisions;
    assert.deepEqual(revisions.map((r) => r.made_elsewhere), [true, true], 'both revisions of the package are marked');
    assert.deepEqual(app.errors, []);
  } finally {
    await browser.close();
  }
});
