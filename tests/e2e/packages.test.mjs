// Issue 6 end to end: a unit exports its submission package through the real interface, the file
// is checked by an independent validator (ajv, and the manifest's hash recomputed here), another
// browser profile imports it through the real file chooser and ends up with the same dossiers and
// minutes; tampered files are refused on screen and change nothing; the same package twice is
// recognised; the second export is revision 2, chained to the first; an older revision after a
// newer one is a conflict that needs a choice. Every request stays on the app's origin.
// Screenshots: artifacts/screenshots/packages-*.png at 1280×800 and 390×844.
//
// Start-up data: `hoso.dev.generate(3, {attachmentBytes})` (developer hook, README) makes three
// valid draft dossiers with made-up attachments; everything after that is real input: the unit is
// chosen in Settings, dossiers are marked ready with their "Đánh dấu sẵn sàng" button, the contact
// is typed, the package is made with "Tạo gói và tải về", files are given to the file chooser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ROOT, ARTIFACTS } from './lib/harness.mjs';

const UNIT = 'phong-hop-tac-quoc-te';
const OUT = join(ARTIFACTS, 'packages');
const CONTACT = { name: 'Lê Thị Cúc', phone: '0205 3812 345', email: 'cuc@langson.gov.vn' };

let server;
before(async () => {
  server = await startServer();
  mkdirSync(OUT, { recursive: true });
});
after(async () => { await server.close(); });

const waitFor = (app, what, fn, timeout = 10000) => app.until(what, fn, timeout);
async function label(app, id, timeout = 10000) { return (await app.item(id, { timeout })).label; }

// Scrolls with the mouse wheel (long pages on a phone too: a swipe moves less than half a screen
// and this machine is slow) until `id` is drawn clear of the top bar and the bottom navigation.
async function reveal(app, id, phone = false) {
  const vh = app.page.viewportSize().height, vw = app.page.viewportSize().width;
  const top = 70, bottom = vh - (phone ? 190 : 110);
  let last = null;
  for (let i = 0; i < 30; i++) {
    const it = (await app.items()).find((x) => x.id === id);
    if (it && it.h > 0 && it.y >= top && it.y + Math.min(it.h, 40) <= bottom) return it;
    // Scrolling moves it no more (the end of the page): good enough if it is on screen.
    if (it && last && Math.abs(it.y - last.y) < 1 && it.y >= 0 && it.y + Math.min(it.h, 40) <= vh) return it;
    last = it;
    // Not drawn yet: further down, most of a screen at a time; drawn: bring it to the middle.
    const dy = it ? it.y - (top + bottom) / 2 : vh * 0.9;
    await app.page.mouse.move(vw * (phone ? 0.5 : 0.7), vh / 2);
    await app.page.mouse.wheel(0, dy);
    await app.settle(80);
  }
  return app.item(id);
}
async function press(app, id, phone = false) {
  // A toast sits over the bottom of the page for a few seconds; a person would close it.
  if (await app.has('toast.close')) await (phone ? app.tap('toast.close') : app.click('toast.close'));
  await reveal(app, id, phone);
  return phone ? app.tap(id) : app.click(id);
}

// ---- the unit's side, through the interface --------------------------------------------------

async function chooseUnit(app) {
  await app.click('nav.settings');
  await app.click('settings.unit');
  await app.click(`settings.unit=${UNIT}`);
  await waitFor(app, 'the unit set', (s) => s.workspace.settings.unit_id === UNIT);
}

async function markReady(app, id) {
  await app.click('nav.dossiers');
  await press(app, `list.row.${id}`);
  await press(app, 'status.mark_ready');
  await waitFor(app, `${id} ready`, (s) => s.workspace.dossiers.find((d) => d.id === id).status === 'ready');
}

async function typeInto(app, id, text) {
  await press(app, id);
  await app.press('Control+A');
  await app.insertText(text);
}

// Makes the package with the real button; returns its text, parsed content and saved path.
async function exportPackage(app, name) {
  await reveal(app, 'export.build');
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click('export.build')]);
  const file = join(OUT, name);
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  return { file, text, pkg: JSON.parse(text), suggested: download.suggestedFilename() };
}

// ajv (JSON Schema 2020-12) through the repository's validator script: exit status 0 or it throws.
function validateWithAjv(file) {
  execFileSync('node', [join(ROOT, 'tests/tools/validate_package.mjs'), file], { stdio: 'pipe' });
}

// The manifest recomputed here, independently of the app: SHA-256 of the canonical JSON of the
// package without "manifest" (keys sorted, compact, NFC text; JSON.stringify writes strings the
// way docs/PACKAGE.md's canonical form does for such content).
function contentHash(pkg) {
  const sort = (v) => Array.isArray(v) ? v.map(sort)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  const { manifest, ...content } = pkg;
  return createHash('sha256').update(JSON.stringify(sort(content)), 'utf8').digest('hex');
}

async function chooseFiles(app, files, phone = false) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), press(app, 'import.choose', phone)]);
  assert.ok(chooser.isMultiple(), 'several packages at once');
  await chooser.setFiles(files);
}

// The report line for the n-th file given to this page (hoso.items() label).
const fileLine = (app, seq) => label(app, `import.file.${seq}`);

// What a package carries over, by id: the dossiers it holds and every minutes.
const byId = (xs) => Object.fromEntries(xs.map((x) => [x.id, x]));

// ---- the test ---------------------------------------------------------------------------------

test('export, validate, import on a fresh profile, refusals, twice, revision 2, conflict', async () => {
  const unit = await openBrowser({ device: DESKTOP });
  const office = await openBrowser({ device: DESKTOP });
  try {
    // A unit with three dossiers (made-up attachments, 2 × 50 KB each), two of them ready.
    const a = await App.open(unit.context, server);
    await a.page.evaluate(() => window.hoso.dev.generate(3, { attachmentBytes: 300000 }));
    let sa = await waitFor(a, 'three dossiers', (s) => s.workspace.dossiers.length === 3 && s);
    const [d1, d2, d3] = sa.workspace.dossiers.map((d) => d.id);
    assert.equal(sa.workspace.dossiers[0].attachments.length, 2);
    await chooseUnit(a);
    await markReady(a, d1);
    await markReady(a, d2);

    // The export screen: the ready ones chosen, the draft listed as not ready with a way to open it.
    await a.click('nav.export');
    assert.ok(await a.has(`export.include.${d1}`) && await a.has(`export.include.${d2}`), 'ready dossiers offered');
    assert.ok(!(await a.has(`export.include.${d3}`)), 'the draft is not offered');
    assert.match(await label(a, 'export.not_ready'), /^1 hồ sơ chưa sẵn sàng/);
    assert.ok(await a.has(`export.open.${d3}`), 'the draft can be opened from here');
    assert.match(await label(a, 'export.revision'), /Lần gửi thứ 1/);
    await typeInto(a, 'contact.name', CONTACT.name);
    await typeInto(a, 'contact.phone', CONTACT.phone);
    await typeInto(a, 'contact.email', CONTACT.email);
    await a.screenshot('packages-export-desktop-1280x800');

    // Revision 1.
    const r1 = await exportPackage(a, 'r1.json');
    assert.match(r1.suggested, /^hoso_phong-hop-tac-quoc-te_32-KH-SNgV_\d{4}-\d{2}-\d{2}_r1\.json$/);
    validateWithAjv(r1.file);
    const h1 = r1.pkg.manifest.content_sha256;
    assert.equal(contentHash(r1.pkg), h1, 'the manifest seals the content (recomputed outside the app)');
    assert.equal(r1.pkg.revision, 1);
    assert.equal(r1.pkg.previous_hash, null);
    assert.deepEqual(r1.pkg.contact, CONTACT);
    assert.deepEqual(r1.pkg.dossiers.map((d) => d.id), [d1, d2]);
    assert.equal(r1.pkg.attachments.length, 4);
    assert.equal(r1.pkg.sender.unit_id, UNIT);
    // The exporter's workspace: both dossiers exported with the time and the package's hash.
    sa = await waitFor(a, 'dossiers exported', (s) => s.workspace.exports.last_revision === 1 && s);
    for (const id of [d1, d2]) {
      const d = sa.workspace.dossiers.find((x) => x.id === id);
      assert.equal(d.status, 'exported');
      assert.equal(d.last_export.package_hash, h1);
      assert.equal(d.last_export.time, r1.pkg.created);
    }
    assert.equal(sa.workspace.exports.last_package_hash, h1);
    assert.match(await label(a, 'export.done'), /lần gửi thứ 1/);
    await reveal(a, 'export.done');
    await a.screenshot('packages-export-done-desktop-1280x800');
    await a.saved();
    const unitAfterR1 = sa.workspace;

    // ---- a fresh profile imports it through the file chooser -------------------------------
    const b = await App.open(office.context, server);
    await b.click('nav.export');
    await press(b, 'export.to_import');
    await chooseFiles(b, [r1.file]);
    assert.match(await fileLine(b, 1), /Gói hợp lệ, chưa có trên máy này/);
    await b.screenshot('packages-import-plan-desktop-1280x800');
    await press(b, 'import.file.1.accept');
    let sb = await waitFor(b, 'the import', (s) => s.workspace.dossiers.length === 2 && s);
    assert.match(await fileLine(b, 1), /^Đã nhập: thêm 2 hồ sơ, thay 0 hồ sơ, 1 biên bản\./);
    // The same dossiers and minutes, byte for byte as JSON, and the same export history. What
    // legitimately differs: the settings beyond the unit (language, author, text size are each
    // person's own; the unit comes from the package's sender) and the third dossier, which was a
    // draft and not sent.
    const sent = byId(unitAfterR1.dossiers.filter((d) => d.id !== d3));
    assert.deepEqual(byId(sb.workspace.dossiers), sent);
    assert.deepEqual(sb.workspace.minutes, unitAfterR1.minutes);
    assert.deepEqual(sb.workspace.exports, unitAfterR1.exports);
    assert.equal(sb.workspace.campaign_id, unitAfterR1.campaign_id);
    assert.equal(sb.workspace.settings.unit_id, UNIT);
    assert.equal(sb.workspace.settings.unit_name, unitAfterR1.settings.unit_name);
    await b.saved();
    await b.screenshot('packages-import-done-desktop-1280x800');

    // ---- tampered copies and the same package again ------------------------------------------
    const editedAttachment = structuredClone(r1.pkg);
    const b64 = editedAttachment.attachments[1].base64, at = Math.floor(b64.length / 2);
    editedAttachment.attachments[1].base64 = b64.slice(0, at) + (b64[at] === 'A' ? 'B' : 'A') + b64.slice(at + 1);
    const editedText = structuredClone(r1.pkg);
    editedText.dossiers[0].summary.text += ' (sửa thêm)';
    const fileAttachment = join(OUT, 'tampered-attachment.json'), fileText = join(OUT, 'tampered-text.json');
    writeFileSync(fileAttachment, JSON.stringify(editedAttachment));
    writeFileSync(fileText, JSON.stringify(editedText));
    const before = (await b.state()).workspace;
    await chooseFiles(b, [fileAttachment, fileText, r1.file]);
    const l2 = await fileLine(b, 2), l3 = await fileLine(b, 3), l4 = await fileLine(b, 4);
    assert.match(l2, /^Bị từ chối, không thay đổi gì: tampered-attachment\.json, attachments\[1\]: Mã SHA-256 không khớp/);
    assert.match(l3, /^Bị từ chối, không thay đổi gì: tampered-text\.json, manifest\.content_sha256: /);
    assert.match(l4, /^Đã nhập trước đây/);
    assert.ok(!(await b.has('import.file.1')), 'a new choice starts a new report');
    await b.screenshot('packages-import-refusals-desktop-1280x800');
    assert.deepEqual((await b.state()).workspace, before, 'refused and repeated files change nothing');

    // ---- revision 2: the third dossier ready, exported again ---------------------------------
    await markReady(a, d3);
    await a.click('nav.export');
    assert.match(await label(a, 'export.revision'), /Lần gửi thứ 2/);
    assert.ok(await a.has(`export.include.${d3}`));
    const r2 = await exportPackage(a, 'r2.json');
    validateWithAjv(r2.file);
    assert.match(r2.suggested, /_r2\.json$/);
    assert.equal(r2.pkg.revision, 2);
    assert.equal(r2.pkg.package_id, r1.pkg.package_id, 'one id for the chain');
    assert.equal(r2.pkg.previous_hash, h1, 'revision 2 names revision 1');
    assert.equal(contentHash(r2.pkg), r2.pkg.manifest.content_sha256);
    assert.deepEqual(r2.pkg.dossiers.map((d) => d.id), [d1, d2, d3]);
    assert.deepEqual(r2.pkg.contact, CONTACT, 'the contact is kept while the app is open');
    sa = await waitFor(a, 'revision 2 recorded', (s) => s.workspace.exports.last_revision === 2 && s);

    // The office takes the newer revision, then is offered the older one: a conflict, kept.
    await chooseFiles(b, [r2.file]);
    assert.match(await fileLine(b, 5), /lần gửi 2, mới hơn lần gửi 1/);
    await press(b, 'import.file.5.accept');
    sb = await waitFor(b, 'revision 2 imported', (s) => s.workspace.exports.last_revision === 2 && s);
    assert.match(await fileLine(b, 5), /^Đã nhập: thêm 1 hồ sơ, thay 2 hồ sơ/);
    assert.deepEqual(byId(sb.workspace.dossiers), byId(sa.workspace.dossiers));
    assert.deepEqual(sb.workspace.minutes, sa.workspace.minutes);
    assert.deepEqual(sb.workspace.exports, sa.workspace.exports);
    await chooseFiles(b, [r1.file]);
    const conflict = await fileLine(b, 6);
    assert.match(conflict, /^Xung đột: tệp là lần gửi 1 \(lập \d\d\/\d\d\/\d{4} \d\d:\d\d\) nhưng khác với lần gửi 2 đang có trên máy \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
    assert.ok(await b.has('import.file.6.overwrite'), 'taking the file needs its own button');
    await b.screenshot('packages-import-conflict-desktop-1280x800');
    const beforeKeep = (await b.state()).workspace;
    await press(b, 'import.file.6.keep');
    assert.match(await fileLine(b, 6), /^Giữ bản trên máy/);
    assert.deepEqual((await b.state()).workspace, beforeKeep);

    a.assertClean(assert);
    b.assertClean(assert);
  } finally {
    await unit.close();
    await office.close();
  }
});

test('phone 390×844: export and share, import; screenshots', async () => {
  // Prepared at a laptop (a phone's editor is long to scroll through on this machine), then the
  // same browser profile opens as a phone.
  const desk = await openBrowser({ device: DESKTOP });
  const profile = desk.profile;
  try {
    const app = await App.open(desk.context, server);
    await app.page.evaluate(() => window.hoso.dev.generate(2));
    const s = await waitFor(app, 'two dossiers', (st) => st.workspace.dossiers.length === 2 && st);
    await chooseUnit(app);
    await markReady(app, s.workspace.dossiers[0].id);
    const t = Date.now();  // saved after the last change, not only once before it
    await app.page.waitForFunction((since) => {
      const save = window.hoso.state().save;
      return save.state === 'saved' && save.last_saved >= since;
    }, t, { timeout: 15000 });
  } finally { await desk.close(); }

  // Headless Chromium on Linux has no Web Share: the page gets a stand-in that records what it
  // was given, as a phone's share sheet would receive it.
  const phone = await openBrowser({ device: PHONE, profile });
  try {
    await phone.context.addInitScript(() => {
      navigator.canShare = (data) => !!(data && data.files && data.files.length);
      navigator.share = (data) => {
        window.__shared = data.files.map((f) => ({ name: f.name, type: f.type, size: f.size }));
        return Promise.resolve();
      };
    });
    const app = await App.open(phone.context, server);
    assert.deepEqual((await app.state()).workspace.dossiers.map((d) => d.status).sort(), ['draft', 'ready']);
    await app.tap('nav.export');
    await app.screenshot('packages-export-phone-390x844');
    await press(app, 'contact.name', true);
    await app.insertText(CONTACT.name);
    // The phone's keyboard fits the field: digits and + for the phone, @ for the e-mail.
    const inputmode = () => app.page.evaluate(() => document.getElementById('hoso-text-agent').getAttribute('inputmode'));
    assert.ok([null, 'text'].includes(await inputmode()), 'letters for the name');
    await press(app, 'contact.phone', true);
    assert.equal(await inputmode(), 'tel');
    await press(app, 'contact.email', true);
    assert.equal(await inputmode(), 'email');
    await reveal(app, 'export.build', true);
    await app.screenshot('packages-export-send-phone-390x844');
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.tap('export.build')]);
    const file = join(OUT, 'phone-r1.json');
    await download.saveAs(file);
    validateWithAjv(file);
    await press(app, 'export.share', true);
    const shared = await app.page.evaluate(() => window.__shared);
    assert.deepEqual(shared, [{ name: download.suggestedFilename(), type: 'application/json', size: readFileSync(file).length }]);
    await app.screenshot('packages-export-done-phone-390x844');

    // The import screen, from the export screen, with the file just made: already here.
    await press(app, 'export.to_import', true);
    await chooseFiles(app, [file], true);
    assert.match(await fileLine(app, 1), /^Đã nhập trước đây/);
    await app.screenshot('packages-import-phone-390x844');
    app.assertClean(assert);
  } finally { await phone.close(); }
});
