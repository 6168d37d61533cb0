// Issue 2: the app loads cleanly, draws readable Vietnamese at desktop and phone sizes, takes
// Vietnamese text the ways people really type it, and sleeps when idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, App, DESKTOP, PHONE, firstDossier } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const fullName = (app) => app.state().then((s) => firstDossier(s)?.nominee.full_name ?? '');

test('loads with no console errors and no request outside its origin; screenshots', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    assert.ok(await app.has('nominee.full_name'), 'the first screen offers a new dossier form');
    assert.ok(await app.has('campaign.days_left'), 'the campaign card shows the days left');
    await app.screenshot('foundation-desktop-1280x800');
    app.assertClean(assert);
  } finally { await b.close(); }
  const p = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(p.context, server);
    await app.screenshot('foundation-phone-390x844');
    app.assertClean(assert);
  } finally { await p.close(); }
});

test('typing into nominee.full_name: ASCII, insertText, IME, NFD, Backspace, paste, copy', async () => {
  const b = await openBrowser({ device: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const app = await App.open(b.context, server);
    await app.click('nominee.full_name');
    await app.type('Ho so ');
    assert.equal(await fullName(app), 'Ho so ');

    await app.insertText('Trần Thị Bình');
    assert.equal(await fullName(app), 'Ho so Trần Thị Bình');

    // An input method composes v → vi → việ → việt, then commits.
    await app.insertText(' ');
    await app.compose(['v', 'vi', 'việ', 'việt'], 'việt');
    assert.equal(await fullName(app), 'Ho so Trần Thị Bình việt');

    // Decomposed input (e + circumflex + acute) arrives as one precomposed letter.
    await app.insertText(' e\u0302\u0301');
    assert.equal(await fullName(app), 'Ho so Trần Thị Bình việt ế');

    // Backspace in the middle of a word: caret after "việ|t".
    await app.press('End');
    await app.press('Backspace');   // removes ế
    await app.press('Backspace');   // removes the space
    await app.press('ArrowLeft');
    await app.press('Backspace');   // removes ệ
    assert.equal(await fullName(app), 'Ho so Trần Thị Bình vit');

    // Select all, then paste Vietnamese text from the clipboard over it.
    await app.page.evaluate(() => navigator.clipboard.writeText('Phòng Hợp tác quốc tế'));
    await app.press('Control+A');
    await app.press('Control+V');
    assert.equal(await fullName(app), 'Phòng Hợp tác quốc tế');

    // Select the text and copy it out to the system clipboard.
    await app.page.evaluate(() => navigator.clipboard.writeText(''));
    await app.press('Control+A');
    await app.press('Control+C');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, 'Phòng Hợp tác quốc tế');

    // Undo inside the field.
    await app.press('End');
    await app.insertText('X');
    await app.press('Control+Z');
    assert.equal(await fullName(app), 'Phòng Hợp tác quốc tế');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('multi-line typing with Enter in summary.text', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('summary.text');
    await app.insertText('Dòng thứ nhất');
    await app.press('Enter');
    await app.insertText('Dòng thứ hai');
    const s = await app.state();
    assert.equal(firstDossier(s).summary.text, 'Dòng thứ nhất\nDòng thứ hai');
    // Tab moves on; the text stays.
    await app.press('Tab');
    assert.equal(firstDossier(await app.state()).summary.text, 'Dòng thứ nhất\nDòng thứ hai');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('phone: a touch tap on the field, then insertText, lands in it', async () => {
  const b = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(b.context, server);
    await app.tap('nominee.full_name');
    const focused = await app.page.evaluate(() => document.activeElement && document.activeElement.id);
    assert.equal(focused, 'hoso-text-agent', 'the tap gave the keyboard to the text agent');
    await app.insertText('Nguyễn Thị Hoa');
    assert.equal(await fullName(app), 'Nguyễn Thị Hoa');
    await app.screenshot('foundation-phone-typed');
    app.assertClean(assert);
  } finally { await b.close(); }
});

test('sleeps when idle: no frames after two seconds; a key press wakes it', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.page.waitForTimeout(2000);
    const f0 = await app.frames();
    await app.page.waitForTimeout(3000);
    const f1 = await app.frames();
    assert.equal(f1, f0, `no frames while idle (drew ${f1 - f0})`);
    await app.page.keyboard.press('Tab');
    await app.settle(200);
    assert.ok((await app.frames()) > f1, 'a key press draws');
  } finally { await b.close(); }
});
