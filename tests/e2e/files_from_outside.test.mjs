// Issue 17, files from outside: a file larger than the reader for its purpose takes is refused by
// its size (File.size) before a byte of it is read into memory, with a message naming it; the app
// stays usable. The file is sparse on disk, so the test itself needs no memory for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App } from './lib/harness.mjs';

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
