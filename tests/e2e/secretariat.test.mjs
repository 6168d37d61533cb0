// Issue 7 end to end: the secretariat's intake, register and council, with packages the app made.
//
//   - Five units, each in its own browser profile, make their dossiers (`hoso.dev.generate(n,
//     {seed})`, a different seed per unit so no two share a person or a dossier id), choose their
//     unit in Settings, mark every dossier ready with its button and export the package with the
//     export screen's real button. The first unit later edits a dossier (typed in the editor),
//     marks it ready again and exports revision 2. One downloaded file has bytes edited (tampered).
//   - Every page's clock is set by an init script (Date.now and new Date() run from a chosen
//     instant; the app takes "now" from Date.now, library_hoso.js), since the campaign's deadline
//     ("before 30/10/2025": last day 29/10/2025) decides lateness by the secretariat's receipt.
//   - The secretariat's profile chooses its role in Settings (the page reloads into the full
//     edition) and imports through the real file chooser, in three batches:
//        25/10  four files: revision 1 of unit 1, the tampered file, unit 3, unit 5
//        28/10  revision 2 of unit 1 (newer revision) and unit 3's file again (duplicate)
//        31/10  unit 4's package, made on 28/10: received late
//     The report on screen (hoso.items() labels) and hoso.state().registry say the same, file by
//     file; then the register's rows; every dossier is marked eligible with its button.
//   - A council session is opened and typed in (members in total and present, ballots for and
//     against per nominee), chosen so the quota of three individuals fills with a tie at the last
//     place broken by Art. 4 (a woman), and closed through its dialog.
//   - The CSV download is compared byte for byte with rows computed here from the packages' own
//     data and the ballots typed (BOM, CRLF, quoting, Vietnamese names, shares, ranks, notes).
//   - The council's print buttons open a printable page (a blob: tab with print.css).
//   - Screenshots at 1280×800 and 390×844: artifacts/screenshots/secretariat-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ROOT, ARTIFACTS, withClock } from './lib/harness.mjs';

const OUT = join(ARTIFACTS, 'secretariat');
const CAMPAIGN = JSON.parse(readFileSync(join(ROOT, 'assets/campaigns/32-KH-SNgV.json'), 'utf8'));
const FORM_NAME = Object.fromEntries(CAMPAIGN.award_forms.map((f) => [f.id, f.name_vi]));
const QUOTA = Object.fromEntries(CAMPAIGN.award_forms.map((f) => [f.id, Object.fromEntries(f.rules.map((r) => [r.kind, r.quota]))]));
const UNIT_NAME = Object.fromEntries(CAMPAIGN.units.map((u) => [u.id, u.name_vi]));

// Vietnam time (UTC+7) of an instant, as the app shows it.
const VN = (iso) => {
  const d = new Date(Date.parse(iso) + 7 * 3600e3);
  const p = (x) => String(x).padStart(2, '0');
  return { day: `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` };
};

// The five units: who, how many dossiers, the seed of their people, when they export.
const UNITS = [
  { key: 'u1', id: 'van-phong', seed: 11, n: 3, clock: '2025-10-20T02:00:00Z' },
  { key: 'u2', id: 'thanh-tra', seed: 12, n: 2, clock: '2025-10-21T02:00:00Z' },
  { key: 'u3', id: 'phong-hop-tac-quoc-te', seed: 13, n: 2, clock: '2025-10-22T02:00:00Z' },
  { key: 'u4', id: 'phong-quan-ly-bien-gioi', seed: 14, n: 2, clock: '2025-10-28T02:00:00Z' },
  { key: 'u5', id: 'trung-tam-dich-vu-doi-ngoai', seed: 15, n: 2, clock: '2025-10-23T02:00:00Z' },
];
// The edit that makes unit 1's revision 2: a position with a comma and quotes (CSV quoting).
const NEW_POSITION = 'Phó Trưởng phòng, phụ trách "Đối ngoại"';

let server;
before(async () => {
  server = await startServer();
  mkdirSync(OUT, { recursive: true });
});
after(async () => { await server.close(); });

// window.__setClock comes with withClock (lib/harness.mjs).
async function setClock(app, iso) { await app.page.evaluate((t) => window.__setClock(t), iso); }

// ---- acting like a person ------------------------------------------------------------------------

const waitFor = (app, what, fn, timeout = 15000) => app.until(what, fn, timeout);
async function label(app, id, timeout = 10000) { return (await app.item(id, { timeout })).label; }

// Scrolls with the wheel — over the item itself when it is drawn (screens have side-by-side
// panes that scroll apart), else at (`x`, `y`) (fractions of the page) — until `id` is clear of the
// top bar and the bottom navigation.
async function reveal(app, id, { phone = false, x = 0.5, y = 0.5 } = {}) {
  const vh = app.page.viewportSize().height, vw = app.page.viewportSize().width;
  const top = 70, bottom = vh - (phone ? 190 : 90);
  let last = null, lastView = '', dir = 1;
  for (let i = 0; i < 50; i++) {
    const items = await app.items();
    const it = items.find((e) => e.id === id);
    if (it && it.h > 0 && it.y >= top && it.y + Math.min(it.h, 40) <= bottom) return it;
    if (it && last && Math.abs(it.y - last.y) < 1 && it.y >= 0 && it.y + Math.min(it.h, 40) <= vh) return it;
    last = it;
    // Not drawn: down a good part of a screen at a time, and up once the end is reached.
    const view = items.map((e) => `${e.id}@${Math.round(e.y)}`).join();
    if (!it && view === lastView) dir = -dir;
    lastView = view;
    const dy = it ? it.y - (top + bottom) / 2 : dir * vh * 0.6;
    const mx = it ? Math.min(vw - 5, Math.max(5, it.x + Math.min(it.w, 40) / 2)) : vw * x;
    const my = it ? Math.min(bottom - 10, Math.max(top + 10, it.y + Math.min(it.h, 20) / 2)) : vh * y;
    await app.page.mouse.move(mx, my);
    await app.page.mouse.wheel(0, Math.max(-vh * 0.7, Math.min(vh * 0.7, dy)));
    await app.settle(80);
  }
  return app.item(id);
}
async function press(app, id, opts = {}) {
  // A toast sits over the bottom of the page for a few seconds; a person would close it.
  const toast = (await app.items()).find((e) => e.id === 'toast.close');
  if (toast) {
    const [tx, ty] = [toast.x + toast.w / 2, toast.y + toast.h / 2];
    await (opts.phone ? app.page.touchscreen.tap(tx, ty) : app.page.mouse.click(tx, ty));
    await app.settle();
  }
  const it = await reveal(app, id, opts);
  // The pointer rests on it for a frame first, as a person's does (the register's rows overlap
  // their cells and take a click only once hovered).
  if (!opts.phone) {
    await app.page.mouse.move(it.x + it.w / 2, it.y + Math.min(it.h / 2, 20));
    await app.settle(80);
  }
  return opts.phone ? app.tap(id) : app.click(id);
}
async function typeInto(app, id, text, opts = {}) {
  await press(app, id, opts);
  await app.press('Control+A');
  if (text) await app.insertText(text);
  else await app.press('Delete');
}

// ---- the units' side -----------------------------------------------------------------------------

// A campaign file dropped and accepted: the app works on that campaign.
async function acceptCampaign(app, path, id) {
  await app.drop(path);
  await press(app, 'campaign.accept');
  await waitFor(app, `campaign ${id} chosen`, (s) => s.active_campaign === id);
}

async function makeUnit(u, { campaignFile, campaignId } = {}) {
  const browser = await openBrowser({ device: DESKTOP });
  await withClock(browser, u.clock);
  const app = await App.open(browser.context, server);
  if (campaignFile) await acceptCampaign(app, campaignFile, campaignId);
  // Generated ready (they pass every check): marking dossiers ready by hand is unit 1's revision 2
  // below and the unit's own workflow test; here it would only spend the test command's time.
  await app.page.evaluate(([n, seed]) => window.hoso.dev.generate(n, { seed, ready: true }), [u.n, u.seed]);
  await waitFor(app, `${u.id}: ${u.n} dossiers`, (s) => s.workspace.dossiers.length === u.n && s.workspace.dossiers.every((d) => d.status === 'ready'));
  await app.click('nav.settings');
  await app.click('settings.unit');
  await app.click(`settings.unit=${u.id}`);
  await waitFor(app, 'the unit set', (st) => st.workspace.settings.unit_id === u.id);
  await app.click('nav.export');
  await typeInto(app, 'contact.name', `Văn thư ${UNIT_NAME[u.id]}`);
  await typeInto(app, 'contact.phone', '0205 3870 ' + String(u.seed).padStart(3, '0'));
  return { u, browser, app };
}

async function markReady(app, id) {
  await app.click('nav.dossiers');
  await press(app, `list.row.${id}`);
  await press(app, 'status.mark_ready');
  await waitFor(app, `${id} ready`, (s) => s.workspace.dossiers.find((d) => d.id === id).status === 'ready');
}

async function exportPackage(app, name) {
  await app.click('nav.export');
  await reveal(app, 'export.build');
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click('export.build')]);
  const file = join(OUT, name);
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  return { file, name, text, pkg: JSON.parse(text) };
}

// ---- the secretariat's side ----------------------------------------------------------------------

async function chooseFiles(app, files) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), press(app, 'intake.pick')]);
  assert.ok(chooser.isMultiple(), 'many packages at once');
  await chooser.setFiles(files);
}

// The report as it is drawn: per file, its verdict badge, its summary line, its dates and notes.
async function reportOnScreen(app, count) {
  await app.page.waitForFunction((n) => {
    const r = window.hoso.state().registry;
    return r.intake && r.intake.state === 'waiting' && r.intake.entries.length === n;
  }, count, { timeout: 20000 });
  // The state changes between frames; what is on screen is the last frame's. Wake one more frame
  // (a pointer move in the top bar) and read after it.
  const f0 = await app.frames();
  await app.page.mouse.move(2, 2);
  await app.page.mouse.move(3, 3);
  await app.page.waitForFunction((f) => window.hoso.frames() > f, f0, { timeout: 10000 });
  const out = [];
  for (let i = 1; i <= count; i++) {
    await reveal(app, `intake.file.${i}`);
    const items = await app.items();
    const get = (id) => (items.find((e) => e.id === id) || {}).label;
    const notes = [];
    for (let k = 1; get(`intake.file.${i}.note.${k}`) !== undefined; k++) notes.push(get(`intake.file.${i}.note.${k}`));
    out.push({ verdict: get(`intake.file.${i}.verdict`), summary: get(`intake.file.${i}`), dates: get(`intake.file.${i}.dates`),
      checkCode: get(`intake.file.${i}.check_code`), notes });
  }
  return out;
}

async function applyBatch(app, expectAdded) {
  await press(app, 'intake.apply');
  await waitFor(app, 'the batch applied', (s) => s.registry.intake.state === 'applied' && s);
  assert.match(await label(app, 'intake.applied'), new RegExp(`^Đã ghi vào sổ ${expectAdded} lần gửi lúc `));
}

// ---- the expected proposal list, computed here -----------------------------------------------------

// As core/share.hpp writes every share: a tenth, half up, no ",0" on a whole number.
const percent = (part, total) => {
  const permille = Math.floor((2000 * part + total) / (2 * total));
  return permille % 10 ? `${Math.floor(permille / 10)},${permille % 10}%` : `${permille / 10}%`;
};
function csvField(v) {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const HEADER = ['STT', 'Hình thức khen thưởng', 'Đối tượng', 'Tên tập thể / Họ và tên', 'Chức vụ', 'Đơn vị', 'Đơn vị đề nghị',
  'Số phiếu đồng ý', 'Số phiếu không đồng ý', 'Tổng số thành viên', 'Tỷ lệ đồng ý', 'Xếp hạng', 'Kết quả', 'Ưu tiên (Điều 4)', 'Ghi chú',
  'Khen thưởng', 'Số quyết định', 'Ngày quyết định'];

// The rules as the campaign and FORM08.md state them, for this data: the share of ALL members;
// more than half; within each award form and kind the highest first up to the quota; at the
// quota's edge a woman is preferred (Art. 4). Ballots here are chosen so no other tie arises.
function expectedRows(nominees, total) {
  const meets = (b) => 2 * b.for > total;
  const rows = [];
  for (const form of CAMPAIGN.award_forms.map((f) => f.id))
    for (const kind of ['collective', 'individual']) {
      const group = nominees.filter((b) => b.form === form && b.kind === kind);
      const passing = group.filter(meets).sort((a, b) => b.for - a.for || (b.female - a.female));
      const quota = QUOTA[form][kind];
      passing.forEach((b, i) => { b.rank = passing.findIndex((x) => x.for === b.for) + 1; void i; });
      const tail = quota === null ? '; không giới hạn số lượng.' : `; trong số lượng ${quota}.`;
      const edge = quota !== null && passing.length > quota ? passing[quota - 1].for : null;
      for (const b of passing) {
        const votes = `${b.for}/${total} thành viên đồng ý (${percent(b.for, total)})`;
        b.outcome = 'Đề nghị'; b.tie = ''; b.why = votes + tail;
        if (edge !== null && b.for === edge) {
          const tied = passing.filter((x) => x.for === edge);
          const above = passing.filter((x) => x.for > edge).length;
          if (tied.length > quota - above) {
            b.tie = 'Ưu tiên theo Điều 4: nữ';
            if (b.female) b.why = `${votes}; bằng phiếu ở vị trí cuối, được chọn do Ưu tiên theo Điều 4: nữ.`;
            else {
              b.outcome = 'Vượt số lượng';
              b.why = `${votes}; bằng phiếu ở vị trí cuối, không được chọn do Ưu tiên theo Điều 4: nữ dành cho trường hợp khác.`;
            }
          }
        } else if (edge !== null && b.for < edge) {
          b.outcome = 'Vượt số lượng';
          b.why = `${votes}; vượt số lượng ${quota}: đã đủ người có tỷ lệ cao hơn.`;
        }
      }
      const below = group.filter((b) => !meets(b)).sort((a, b) => b.for - a.for);
      for (const b of below) {
        b.rank = 0; b.outcome = 'Không đạt tỷ lệ'; b.tie = '';
        b.why = `${b.for}/${total} thành viên đồng ý (${percent(b.for, total)}), chưa đạt quá nửa tổng số thành viên.`;
      }
      rows.push(...passing, ...below);
    }
  return rows.map((b, i) => [i + 1, FORM_NAME[b.form], b.kind === 'collective' ? 'Tập thể' : 'Cá nhân', b.name, b.position,
    b.unit, b.sender, b.for, b.against, total, percent(b.for, total), b.rank || '', b.outcome, b.tie, b.why, '', '', '']);
}
const csvText = (rows) => '\uFEFF' + [HEADER, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');

// ---- the test ----------------------------------------------------------------------------------

test('five units\' packages: intake report, register, council session, CSV byte for byte, print', async (t) => {
  const units = {};
  const files = {};
  const office = await openBrowser({ device: DESKTOP });
  try {
    // ---- five units make and export their packages ----------------------------------------------
    for (const u of UNITS) {
      const unit = await makeUnit(u);
      units[u.key] = unit;
      files[u.key] = await exportPackage(unit.app, `${u.key}-r1.json`);
      assert.equal(files[u.key].pkg.sender.unit_id, u.id);
      assert.equal(files[u.key].pkg.dossiers.length, u.n);
      assert.equal(files[u.key].pkg.created, new Date(Date.parse(files[u.key].pkg.created)).toISOString().replace('.000Z', 'Z'));
      assert.equal(files[u.key].pkg.created.slice(0, 10), u.clock.slice(0, 10), 'the package is dated by the unit\'s clock');
      if (u.key === 'u1') await units.u1.app.screenshot('secretariat-unit-export-desktop-1280x800');
      if (u.key !== 'u1') { unit.app.assertClean(assert); await unit.browser.close(); }
    }
    // Every person and every dossier distinct across units (different seeds).
    const allDossiers = Object.values(files).flatMap((f) => f.pkg.dossiers);
    assert.equal(new Set(allDossiers.map((d) => d.id)).size, allDossiers.length);

    // Unit 1 edits a dossier (a person) in the editor, marks it ready again, exports revision 2.
    const u1 = units.u1.app;
    const edited = files.u1.pkg.dossiers.find((d) => d.nominee.kind === 'individual');
    await setClock(u1, '2025-10-26T03:00:00Z');
    await u1.click('nav.dossiers');
    await press(u1, `list.row.${edited.id}`);
    // Sent, so kept as sent: reopened on purpose (issue 17), then edited.
    await press(u1, 'dossier.reopen');
    await press(u1, 'confirm.reopen');
    await waitFor(u1, 'reopened', (s) => s.workspace.dossiers.find((d) => d.id === edited.id).status === 'draft');
    await typeInto(u1, 'nominee.position', NEW_POSITION);
    await waitFor(u1, 'the edit', (s) => s.workspace.dossiers.find((d) => d.id === edited.id).nominee.position === NEW_POSITION);
    await markReady(u1, edited.id);
    files.u1r2 = await exportPackage(u1, 'u1-r2.json');
    assert.equal(files.u1r2.pkg.revision, 2);
    assert.equal(files.u1r2.pkg.previous_hash, files.u1.pkg.manifest.content_sha256);
    assert.equal(files.u1r2.pkg.dossiers.find((d) => d.id === edited.id).nominee.position, NEW_POSITION);
    u1.assertClean(assert);
    await units.u1.browser.close();

    // Unit 2's file has bytes edited on the way: one letter of a nominee's name.
    {
      const name = files.u2.pkg.dossiers[0].nominee.full_name || files.u2.pkg.dossiers[0].nominee.name;
      const bytes = readFileSync(files.u2.file);
      const at = bytes.indexOf(Buffer.from(name, 'utf8'));
      assert.ok(at > 0, 'the name is in the file');
      bytes[at] = bytes[at] === 0x4c ? 0x4d : 0x4c;  // 'L' or 'M' instead of the first letter
      const file = join(OUT, 'u2-tampered.json');
      writeFileSync(file, bytes);
      files.u2t = { file, name: 'u2-tampered.json' };
    }

    // ---- the secretariat: role, then three batches --------------------------------------------
    await withClock(office, '2025-10-25T02:00:00Z');
    const app = await App.open(office.context, server);
    assert.equal((await app.state()).edition, 'unit', 'the unit\'s edition loads first');
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    await setClock(app, '2025-10-25T02:00:00Z');
    await app.click('nav.intake');
    // Asked who is working, so the register's history names the person.
    await typeInto(app, 'settings.author', 'Lê Thu Hà', { x: 0.3 });
    await app.click('intake.who_done');
    await app.until('the name kept', (s) => s.workspace.settings.author === 'Lê Thu Hà');
    await app.screenshot('secretariat-intake-empty-desktop-1280x800');

    // Batch 1, 25/10: revision 1 of unit 1, the tampered file, units 3 and 5.
    await chooseFiles(app, [files.u1.file, files.u2t.file, files.u3.file, files.u5.file]);
    let shown = await reportOnScreen(app, 4);
    let st = (await app.state()).registry;
    assert.deepEqual(st.intake.entries.map((e) => e.verdict), ['accepted', 'refused', 'accepted', 'accepted']);
    assert.deepEqual(st.intake.entries.map((e) => e.kind), ['new_package', 'refused', 'new_package', 'new_package']);
    assert.deepEqual(shown.map((e) => e.verdict), ['Đã nhận', 'Không nhận', 'Đã nhận', 'Đã nhận']);
    assert.deepEqual(shown.map((e) => e.summary), st.intake.entries.map((e) => e.summary), 'the screen says what the state says');
    for (const [i, k] of [[0, 'u1'], [2, 'u3'], [3, 'u5']]) {
      const p = files[k].pkg;
      assert.equal(shown[i].summary, `Gói mới của “${p.sender.unit_name}”, lần gửi 1, ${p.dossiers.length} hồ sơ.`);
      assert.equal(shown[i].dates, `Gói lập ${VN(p.created).day} ${VN(p.created).time} (đồng hồ của đơn vị) · Văn phòng nhận ${VN(st.intake.entries[i].received).day} ${VN(st.intake.entries[i].received).time}`);
      assert.equal(VN(st.intake.entries[i].received).day, '25/10/2025');
      assert.deepEqual(shown[i].notes, []);
      // The code the unit's cover list prints: the first 16 hex digits of the package's hash.
      const code = p.manifest.content_sha256.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
      assert.equal(shown[i].checkCode, `Mã kiểm tra: ${code}. Đối chiếu với mã in trên phiếu trình có chữ ký, đóng dấu của đơn vị.`);
    }
    assert.match(shown[1].summary, /^Không nhận: u2-tampered\.json, manifest\.content_sha256: /, 'tampered: the hash names it');
    assert.equal(st.intake.entries[1].refusal_path, 'manifest.content_sha256');
    await reveal(app, 'intake.count.accepted');  // above the files: the report is taller than the page
    assert.match(await label(app, 'intake.count.accepted'), /^3 · Đã nhận$/);
    assert.match(await label(app, 'intake.count.refused'), /^1 · Không nhận$/);
    await app.screenshot('secretariat-intake-report-desktop-1280x800');
    await applyBatch(app, 3);

    // Batch 2, 28/10: unit 1's revision 2 and unit 3's file again.
    await setClock(app, '2025-10-28T03:00:00Z');
    const u3copy = join(OUT, 'u3-again.json');
    copyFileSync(files.u3.file, u3copy);
    await chooseFiles(app, [files.u1r2.file, u3copy]);
    shown = await reportOnScreen(app, 2);
    st = (await app.state()).registry;
    assert.deepEqual(st.intake.entries.map((e) => [e.kind, e.verdict]), [['newer_revision', 'accepted'], ['duplicate', 'skipped']]);
    const r1received = st.revisions.find((r) => r.revision === 1 && r.unit_id === 'van-phong').received;
    const u3received = st.revisions.find((r) => r.unit_id === 'phong-hop-tac-quoc-te').received;
    const at = (iso) => `${VN(iso).day} ${VN(iso).time}`;
    assert.equal(shown[0].verdict, 'Đã nhận');
    assert.equal(shown[0].summary, `Lần gửi 2 của “Văn phòng Sở”, thay lần gửi 1 (“u1-r1.json”, ${at(r1received)}).`);
    assert.equal(shown[1].verdict, 'Bỏ qua (trùng)');
    assert.equal(shown[1].summary, `Trùng với lần gửi 1 đã nhận (“u3-r1.json”, ${at(u3received)}): bỏ qua.`);
    await app.screenshot('secretariat-intake-revision-duplicate-desktop-1280x800');
    await applyBatch(app, 1);

    // Batch 3, 31/10: unit 4's package, made on 28/10, received after the last day (29/10).
    await setClock(app, '2025-10-31T02:30:00Z');
    await chooseFiles(app, [files.u4.file]);
    shown = await reportOnScreen(app, 1);
    st = (await app.state()).registry;
    assert.deepEqual(st.intake.entries.map((e) => [e.kind, e.verdict, e.late]), [['new_package', 'accepted_with_warnings', true]]);
    assert.equal(shown[0].verdict, 'Đã nhận, có lưu ý');
    assert.deepEqual(shown[0].notes, ['• Nhận ngày 31/10/2025, sau hạn cuối 29/10/2025: nộp trễ (gói ghi ngày lập 28/10/2025, ' +
      'đúng hạn theo ngày của gói; ngày nhận của Văn phòng là căn cứ).']);
    assert.match(shown[0].dates, /^Gói lập 28\/10\/2025 \d\d:\d\d \(đồng hồ của đơn vị\) · Văn phòng nhận 31\/10\/2025 \d\d:\d\d$/);
    await app.screenshot('secretariat-intake-late-desktop-1280x800');
    await applyBatch(app, 1);

    // The register: five revisions kept (revision 1 of unit 1 superseded), none refused or doubled.
    st = (await app.state()).registry;
    const standing = Object.fromEntries(st.revisions.map((r) => [`${r.unit_id} r${r.revision}`, r.standing]));
    assert.deepEqual(standing, {
      'van-phong r1': 'Superseded', 'van-phong r2': 'In force', 'phong-hop-tac-quoc-te r1': 'In force',
      'trung-tam-dich-vu-doi-ngoai r1': 'In force', 'phong-quan-ly-bien-gioi r1': 'In force',
    });
    const inForce = [files.u1r2, files.u3, files.u4, files.u5];
    const dossiers = inForce.flatMap((f) => f.pkg.dossiers.map((d) => ({ d, pkg: f.pkg })));
    assert.deepEqual(st.rows.map((r) => r.dossier_id).sort(), dossiers.map((x) => x.d.id).sort(), 'one row per dossier in force');
    for (const r of st.rows) {
      assert.equal(r.errors, 0, `${r.nominee}: no error (${r.rules.join(', ')})`);
      assert.equal(r.late, r.unit_id === 'phong-quan-ly-bien-gioi', `${r.nominee}: late only for unit 4`);
    }
    assert.equal(st.decisions.length, dossiers.length);
    assert.ok(st.decisions.every((d) => d.status === 'received'));

    // Every dossier eligible, through the register's record and its button.
    await app.click('nav.registry');
    await app.screenshot('secretariat-registry-desktop-1280x800');
    // A cell too narrow for its text wraps at its words on two lines, and what does not fit ends in
    // "…" after a whole word: never cut mid-word ("…Chủ tịch UBND t").
    await app.page.evaluate(() => window.hoso.dev.texts());
    const f0 = await app.frames();
    await app.page.mouse.move(2, 2);
    await app.page.mouse.move(3, 3);
    await app.page.waitForFunction((f) => window.hoso.frames() > f + 1, f0, { timeout: 10000 });
    const cells = await app.page.evaluate(() => window.hoso.dev.texts());
    const whole = new Set([...dossiers.flatMap(({ d, pkg }) => [d.nominee.full_name, d.nominee.name, pkg.sender.unit_name]),
      ...CAMPAIGN.award_forms.map((a) => a.name_vi)].filter(Boolean));
    for (const t of cells.filter((x) => x.endsWith('…'))) {
      const shown = t.slice(0, -1);
      const from = [...whole].find((w) => w.startsWith(shown));
      if (!from) continue;  // not one of the register's own values
      assert.ok(from.length === shown.length || /[\s,]/.test(from[shown.length]), `"${t}" cuts "${from}" mid-word`);
    }
    assert.ok(cells.some((x) => whole.has(x)), 'the register\'s cells are recorded');
    // Each found with the search box (without diacritics, as a person types), then chosen.
    const plain = (x) => x.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    for (const { d } of dossiers) {
      await typeInto(app, 'registry.search', plain(d.nominee.full_name || d.nominee.name));
      await press(app, `registry.row.${d.id}`);
      await press(app, 'registry.eligible', { x: 0.6, y: 0.85 });
      await waitFor(app, `${d.id} eligible`, (s) => s.registry.decisions.find((x) => x.dossier_id === d.id).status === 'eligible');
    }
    await typeInto(app, 'registry.search', '');
    await press(app, `registry.row.${dossiers[0].d.id}`);
    // The hash proves the file unchanged, not who sent it: the clerk compares the check code with
    // the unit's signed cover list and says so; the mark survives a reload.
    const firstCode = dossiers[0].pkg.manifest.content_sha256.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
    await reveal(app, 'registry.cover_list', { y: 0.85 });  // the record's pane, under the table, is scrolled to its buttons
    assert.equal(await label(app, 'registry.cover_list'),
      `Mã kiểm tra ${firstCode}: chưa đối chiếu với phiếu trình có chữ ký, đóng dấu của đơn vị.`);
    await press(app, 'registry.cover_list.confirm', { y: 0.85 });
    await waitFor(app, 'the cover list checked', (s) => s.registry.revisions.find((r) => r.check_code === firstCode).cover_list_checked);
    await app.screenshot('secretariat-registry-record-desktop-1280x800');
    await app.reload();
    await setClock(app, '2025-10-31T03:00:00Z');  // a new page starts the test's clock over
    await waitFor(app, 'the check kept', (s) => s.registry && s.registry.revisions.find((r) => r.check_code === firstCode).cover_list_checked);
    await app.click('nav.registry');
    await press(app, `registry.row.${dossiers[0].d.id}`);
    await reveal(app, 'registry.cover_list', { y: 0.85 });
    assert.match(await label(app, 'registry.cover_list'), new RegExp(`^Mã kiểm tra ${firstCode}: đã đối chiếu với phiếu trình có chữ ký ngày \\d\\d/\\d\\d/\\d{4}.*\\(Lê Thu Hà\\)\\.$`));

    // ---- the council, 05/11 -----------------------------------------------------------------------
    await setClock(app, '2025-11-05T01:00:00Z');
    await app.click('nav.council');
    await press(app, 'council.new');
    st = (await app.state()).registry;
    assert.equal(st.meetings.length, 1);
    assert.equal(st.meetings[0].date, '2025-11-05');
    assert.equal(st.meetings[0].votes, dossiers.length, 'a ballot row for every eligible nominee');
    const TOTAL = 9, PRESENT = 7;
    await typeInto(app, 'council.members_total', String(TOTAL), { x: 0.3 });
    await typeInto(app, 'council.members_present', String(PRESENT), { x: 0.3 });
    // An absent member, with the same card the unit's minutes use for theirs.
    await press(app, 'council.absent.add', { x: 0.3 });
    await typeInto(app, 'council.absent[0].name', 'Hoàng Văn Nam', { x: 0.3 });
    await typeInto(app, 'council.absent[0].reason', 'Đi công tác', { x: 0.3 });
    await waitFor(app, 'the absent member kept', (s) => s.registry.meetings[0].absent.join() === 'Hoàng Văn Nam');
    // Before any ballot is typed the council is told what to do, not that everyone failed (issue 18).
    {
      await reveal(app, `council.ballots.${dossiers[0].d.id}.result`, { x: 0.3 });
      const items = await app.items();
      const results = items.filter((i) => /^council\.ballots\..*\.result$/.test(i.id || ''));
      assert.ok(results.length > 0);
      assert.deepEqual([...new Set(results.map((i) => i.label))], ['Chưa nhập phiếu']);
      assert.deepEqual(items.filter((i) => /Không đạt tỷ lệ/.test(i.label || '')).map((i) => i.id), []);
    }

    // The ballots: Giấy khen individuals fill the quota of 3 with a tie for the last place between
    // a woman and a man (Art. 4 takes her); one below the threshold; everyone else distinct.
    const nominees = dossiers.map(({ d, pkg }) => ({
      id: d.id, form: d.award_form, kind: d.nominee.kind, female: d.nominee.gender === 'female' ? 1 : 0,
      name: d.nominee.kind === 'collective' ? d.nominee.name : d.nominee.full_name,
      position: d.nominee.kind === 'collective' ? '' : d.nominee.position || '',
      unit: d.nominee.kind === 'collective' ? d.nominee.parent_unit || '' : d.nominee.unit || '', sender: pkg.sender.unit_name,
    }));
    const gk = nominees.filter((b) => b.form === 'giay-khen-gd-so' && b.kind === 'individual');
    const woman = gk.find((b) => b.female), man = gk.find((b) => !b.female);
    t.diagnostic(`Giấy khen individuals: ${gk.length} (${gk.filter((b) => b.female).length} women); others: ${nominees.length - gk.length}`);
    assert.ok(gk.length >= 5 && woman && man, 'the data gives a quota to fill and a tie to break');
    const others = gk.filter((b) => b !== woman && b !== man);
    // The two above the tie, the tie at 5 (more than half of 9), then below the threshold.
    const plan = new Map([[others[0], [7, 0]], [others[1], [6, 1]], [woman, [5, 2]], [man, [5, 1]]]);
    others.slice(2).forEach((b, i) => plan.set(b, [4 - i, 2]));
    nominees.filter((b) => !gk.includes(b)).forEach((b, i) => plan.set(b, [6 - i, 1]));
    for (const [b, [f, a]] of plan) { b.for = f; b.against = a; }
    // "For", then Tab to "against", as a clerk copies the tally sheet: a click on the "0" and the
    // digit replace it (no "07"), as does Tab then the digit.
    for (const b of nominees) {
      await press(app, `council.ballots.${b.id}.for`, { x: 0.3 });
      await app.insertText(String(b.for));
      assert.equal((await app.find(`council.ballots.${b.id}.for`)).value, String(b.for), 'the typed number replaced the 0');
      await app.press('Tab');
      await app.page.waitForFunction((id) => window.hoso.items().some((i) => i.id === id && i.active),
        `council.ballots.${b.id}.against`, { timeout: 5000 });
      await app.insertText(String(b.against));
    }
    st = await waitFor(app, 'the ballots saved', (s) => {
      const res = Object.values(s.registry.results)[0];
      return res && res.decided && nominees.every((b) => {
        const x = res.ballots.find((y) => y.dossier_id === b.id);
        return x && x.for === b.for && x.against === b.against;
      }) && s;
    });
    assert.equal(st.registry.meetings[0].members_total, TOTAL);
    assert.equal(st.registry.meetings[0].members_present, PRESENT);
    // On screen: each nominee's result badge and the share as typed.
    const outcome = Object.fromEntries(Object.values(st.registry.results)[0].ballots.map((b) => [b.dossier_id, b.outcome_label]));
    assert.equal(outcome[woman.id], 'Đề nghị');
    assert.equal(outcome[man.id], 'Vượt số lượng');
    for (const b of nominees) {
      assert.equal((await reveal(app, `council.ballots.${b.id}.result`, { x: 0.3 })).label, outcome[b.id]);
    }
    assert.match((await reveal(app, `council.result.${woman.id}.tie`, { x: 0.8 })).label, /^Ưu tiên theo Điều 4: nữ$/);
    await reveal(app, 'council.members_total', { x: 0.3 });
    await app.screenshot('secretariat-council-desktop-1280x800');

    // Closing, through the dialog.
    // A ballot that cannot be (more votes than members present) keeps the session open, saying why.
    const slip = nominees[0];
    await typeInto(app, `council.ballots.${slip.id}.for`, String(TOTAL + 1), { x: 0.3 });
    assert.match((await reveal(app, 'council.close_blocked', { x: 0.8 })).label, /^Chưa kết thúc được: số phiếu của 1 trường hợp không hợp lệ/);
    await typeInto(app, `council.ballots.${slip.id}.for`, String(slip.for), { x: 0.3 });
    await app.page.waitForFunction(() => !window.hoso.items().some((i) => i.id === 'council.close_blocked'), null, { timeout: 5000 });

    // The dialog says what the printed minutes would leave blank (this test types no time, place,
    // chair or secretary).
    await press(app, 'council.close', { x: 0.8 });
    assert.match(await label(app, 'dialog.detail'), /Lưu ý: còn trống (ngày họp, )?giờ bắt đầu, địa điểm, chủ trì, thư ký; biên bản in ra sẽ để trống các mục này\./);
    await app.click('dialog.confirm');
    st = await waitFor(app, 'the session closed', (s) => s.registry.meetings[0].closed && s);
    assert.match(await label(app, 'council.state'), /^Phiên họp đã kết thúc lúc 05\/11\/2025 /);
    const proposed = st.registry.decisions.filter((d) => d.status === 'proposed').map((d) => d.dossier_id).sort();
    const expected = expectedRows(nominees, TOTAL);
    const byName = Object.fromEntries(nominees.map((b) => [b.name, b.id]));
    assert.deepEqual(proposed, expected.filter((r) => r[12] === 'Đề nghị').map((r) => byName[r[3]]).sort(),
      'the proposed nominees move to "proposed"');
    await app.screenshot('secretariat-council-closed-desktop-1280x800');

    // ---- the CSV, byte for byte ---------------------------------------------------------------------
    await reveal(app, 'council.export_csv', { x: 0.8 });
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click('council.export_csv')]);
    assert.equal(download.suggestedFilename(), 'hoso_de-nghi_32-KH-SNgV_2025-11-05.csv');
    const csvFile = join(OUT, download.suggestedFilename());
    await download.saveAs(csvFile);
    const got = readFileSync(csvFile);
    const want = Buffer.from(csvText(expected), 'utf8');
    writeFileSync(join(OUT, 'expected.csv'), want);
    assert.deepEqual([...got.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    assert.equal(got.toString('utf8'), want.toString('utf8'), 'the rows');
    assert.ok(got.equals(want), 'byte for byte');
    assert.ok(got.toString('utf8').includes(`"${NEW_POSITION.replace(/"/g, '""')}"`), 'the edited position, quoted');

    // ---- the print buttons: a printable page opens ------------------------------------------------
    for (const id of ['print.council_minutes', 'print.proposal_list']) {
      await reveal(app, `${id}.html`, { x: 0.8 });
      const [tab] = await Promise.all([office.context.waitForEvent('page', { timeout: 15000 }), app.click(`${id}.html`)]);
      await tab.waitForLoadState('load');
      assert.match(tab.url(), /^blob:/);
      const page = await tab.evaluate(() => ({ css: [...document.styleSheets].map((s) => s.href), text: document.body.innerText }));
      assert.deepEqual(page.css, [`${server.url}print.css`]);
      assert.ok(page.text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.ok(page.text.includes(woman.name), `${id}: the proposed woman is on it`);
      await tab.close();
    }

    // ---- the Director signs: the decision is recorded (issue 15) ---------------------------------
    // The Director's Giấy khen proposals wait on the Decisions screen; the one the signed decision
    // leaves out is unticked, the rest are awarded. The Chairman's Bằng khen still waits.
    await setClock(app, '2025-11-21T03:00:00Z');
    await app.click('nav.awards');
    const directorIds = st.registry.decisions.filter((d) => d.status === 'proposed').map((d) => d.dossier_id)
      .filter((id) => nominees.find((b) => b.id === id).form === 'giay-khen-gd-so');
    const leftOut = directorIds.find((id) => id !== woman.id);
    assert.ok(directorIds.includes(woman.id) && leftOut, 'the Director has the woman and another to decide on');
    for (const id of directorIds) await reveal(app, `awards.issuer_head.awarded.${id}`, { x: 0.3 });
    await press(app, `awards.issuer_head.awarded.${leftOut}`, { x: 0.3 });
    // Recording without a number: told at once, in words, beside the button (no dialog).
    await press(app, 'awards.issuer_head.record', { x: 0.3 });
    assert.match(await label(app, 'awards.issuer_head.problem'), /^Hãy nhập số của quyết định, như trên bản đã ký/);
    assert.ok(!(await app.items()).some((i) => i.id === 'dialog.confirm'), 'no dialog for a decision that cannot be recorded');
    await typeInto(app, 'awards.issuer_head.number', '120/QĐ-SNgV', { x: 0.3 });
    await typeInto(app, 'awards.issuer_head.date', '20/11/2025', { x: 0.3 });
    await typeInto(app, 'awards.issuer_head.signer', 'Hoàng Văn Sơn', { x: 0.3 });
    // The draft decision prints with what was typed.
    await reveal(app, 'print.decision.html', { x: 0.3 });
    {
      const [tab] = await Promise.all([office.context.waitForEvent('page', { timeout: 15000 }), app.click('print.decision.html')]);
      await tab.waitForLoadState('load');
      const text = await tab.evaluate(() => document.body.innerText);
      assert.ok(text.includes('QUYẾT ĐỊNH') && text.includes('Số: 120/QĐ-SNgV'), 'the draft decision, numbered');
      assert.ok(text.includes(woman.name), 'the draft decision lists the proposed woman');
      await tab.close();
    }
    await app.screenshot('secretariat-awards-desktop-1280x800');
    await press(app, 'awards.issuer_head.record', { x: 0.3 });
    assert.match(await label(app, 'dialog.confirm'), /^Ghi nhận$/);
    await app.click('dialog.confirm');
    st = await waitFor(app, 'the decision recorded', (s) => s.registry.awards.length === 1 && s);
    const qd = st.registry.awards[0];
    assert.deepEqual([qd.number, qd.date, qd.signer, qd.decider], ['120/QĐ-SNgV', '2025-11-20', 'Hoàng Văn Sơn', 'issuer_head']);
    assert.deepEqual(qd.not_awarded, [leftOut]);
    assert.deepEqual([...qd.awarded].sort(), directorIds.filter((id) => id !== leftOut).sort());
    const statusOf = (id) => st.registry.decisions.find((d) => d.dossier_id === id).status;
    assert.equal(statusOf(woman.id), 'awarded');
    assert.equal(statusOf(leftOut), 'not_awarded');
    const chairmanIds = nominees.filter((b) => b.form !== 'giay-khen-gd-so').map((b) => b.id)
      .filter((id) => st.registry.decisions.find((d) => d.dossier_id === id)?.status === 'proposed');
    assert.ok(chairmanIds.length > 0, 'the Chairman\'s proposals still wait');
    assert.match((await reveal(app, `awards.${qd.id}.state`, { x: 0.3 })).label, /^Đã ghi nhận Quyết định số 120\/QĐ-SNgV ngày 20\/11\/2025 của Giám đốc Sở Ngoại vụ\.$/);
    await app.screenshot('secretariat-awards-recorded-desktop-1280x800');
    // The award money the campaign sets: 710.000 đ a person, 1.410.000 đ a collective (Giấy khen).
    const awardees = qd.awarded.map((id) => nominees.find((b) => b.id === id));
    const total = awardees.reduce((sum, b) => sum + (b.kind === 'collective' ? 1410000 : 710000), 0);
    const dots = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    assert.equal((await reveal(app, `awards.${qd.id}.money`, { x: 0.3 })).label,
      `${awardees.length} trường hợp, tổng cộng ${dots(total)} đồng.`);
    await reveal(app, 'print.payment.html', { x: 0.3 });
    {
      const [tab] = await Promise.all([office.context.waitForEvent('page', { timeout: 15000 }), app.click('print.payment.html')]);
      await tab.waitForLoadState('load');
      const text = await tab.evaluate(() => document.body.innerText);
      assert.ok(text.includes('Chi tiền thưởng') && text.includes(woman.name) && text.includes(dots(total)), 'the payment list');
      assert.ok(text.includes('(Kèm theo Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ)'));
      await tab.close();
    }
    await app.screenshot('secretariat-awards-money-desktop-1280x800');
    // Certificates: the whole Giấy khen on blank A4; onto stock only the blank lines, moved by the
    // offset the clerk aligned.
    const sheetTexts = async (id) => {
      await reveal(app, id, { x: 0.3 });
      const [tab] = await Promise.all([office.context.waitForEvent('page', { timeout: 15000 }), app.click(id)]);
      await tab.waitForLoadState('load');
      const texts = await tab.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => ({ x: t.getAttribute('x'), text: t.textContent })));
      await tab.close();
      return texts;
    };
    const blankSheets = await sheetTexts(`awards.${qd.id}.certificates_blank`);
    assert.equal(blankSheets.filter((t) => t.text === 'GIẤY KHEN').length, qd.awarded.length, 'one Giấy khen per awardee');
    assert.ok(blankSheets.some((t) => t.text === `Bà ${woman.name}`), 'the woman, as "Bà"');
    let stock = await sheetTexts(`awards.${qd.id}.certificates_stock`);
    assert.ok(!stock.some((t) => t.text === 'GIẤY KHEN'), 'the stock has the title printed already');
    assert.equal(stock.find((t) => t.text === `Bà ${woman.name}`).x, '148.5');
    await press(app, 'awards.alignment', { x: 0.3 });
    await typeInto(app, 'awards.alignment.offset_x', '2', { x: 0.3 });
    await app.press('Tab');
    stock = await sheetTexts(`awards.${qd.id}.certificates_stock`);
    assert.equal(stock.find((t) => t.text === `Bà ${woman.name}`).x, '150.5', 'moved 2 mm across');
    // The award history: found by the name typed without marks.
    const unmarked = woman.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    await typeInto(app, 'awards.history.search', unmarked, { x: 0.3 });
    assert.equal((await reveal(app, 'awards.history.0', { x: 0.3 })).label,
      'Giấy khen của Giám đốc Sở · Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ');
    // The campaign's close: the report on what it came to, then the register closed.
    await reveal(app, 'print.close_report.html', { x: 0.3 });
    {
      const [tab] = await Promise.all([office.context.waitForEvent('page', { timeout: 15000 }), app.click('print.close_report.html')]);
      await tab.waitForLoadState('load');
      const text = await tab.evaluate(() => document.body.innerText);
      assert.ok(text.includes('Kết quả xét, đề nghị khen thưởng'), 'the close report');
      assert.ok(text.includes('Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ: '), 'it names the decision');
      await tab.close();
    }
    await press(app, 'campaign_close.close', { x: 0.3 });
    await app.click('dialog.confirm');
    st = await waitFor(app, 'the campaign closed', (s) => s.registry.closed && s);
    assert.match((await reveal(app, 'campaign_close.state', { x: 0.3 })).label, /^Đã khép lại lúc 21\/11\/2025 /);
    // The register says it on the awarded dossier.
    await app.click('nav.registry');
    await press(app, `registry.row.${woman.id}`, { x: 0.3 });
    assert.match((await reveal(app, 'registry.award', { y: 0.85 })).label, /^Theo Quyết định số 120\/QĐ-SNgV ngày 20\/11\/2025/);
    // Closed: the register is for reading; nothing that changes it is offered.
    assert.match(await label(app, 'campaign_close.notice'), /^Đợt thi đua đã khép lại lúc 21\/11\/2025/);
    await app.click('nav.intake');
    await app.item('intake.pick');
    await app.page.waitForFunction(() => document.querySelector('[data-id="intake.pick"]')?.getAttribute('aria-disabled') === 'true',
      null, { timeout: 5000 });  // no intake in a closed campaign
    // The register's close is the campaign's: closed in the workspace too.
    assert.equal((await app.state()).campaigns.find((c) => c.id === '32-KH-SNgV').state, 'closed');

    // ---- the next campaign: the woman nominated again; her award shows on her new dossier --------
    const nextId = '15-KH-SNgV-2025';
    const nextFile = join(OUT, `${nextId}.json`);
    const plan32Name = JSON.parse(readFileSync(join(ROOT, 'assets/campaigns/32-KH-SNgV.json'), 'utf8')).name_vi;
    {
      const c = JSON.parse(readFileSync(join(ROOT, 'assets/campaigns/32-KH-SNgV.json'), 'utf8'));
      Object.assign(c, { id: nextId, version: 1, kind: 'regular', name_vi: 'Phong trào thi đua thường xuyên năm 2026', period: { start: '2025-11-15', end: '2026-10-31' }, deadline: { on_or_before: '2026-11-10' } });
      Object.assign(c.plan, { number: '15/KH-SNgV', date: '2025-11-15' });
      c.award_forms = c.award_forms.filter((f) => !f.rules.some((r) => r.criteria.some((k) => k.placeholder)));
      writeFileSync(nextFile, JSON.stringify(c));
    }
    await acceptCampaign(app, nextFile, nextId);
    await waitFor(app, 'the new campaign\'s register', (s) => s.registry.campaign_id === nextId);
    const her = allDossiers.find((d) => d.id === woman.id).nominee;
    const unit = await makeUnit({ id: 'van-phong', seed: 31, n: 2, clock: '2025-11-22T02:00:00Z' }, { campaignFile: nextFile, campaignId: nextId });
    let again;
    try {
      const u = unit.app;
      const mine = (await u.state()).workspace.dossiers.find((d) => d.nominee.kind === 'individual' && d.campaign.id === nextId);
      assert.ok(mine, 'an individual dossier in the new campaign');
      await u.click('nav.dossiers');
      await press(u, `list.row.${mine.id}`);
      await typeInto(u, 'nominee.full_name', her.full_name);
      const [y, m, d] = her.birth_date.split('-');
      await typeInto(u, 'nominee.birth_date', `${d}/${m}/${y}`);
      await u.press('Tab');
      await press(u, 'nominee.gender');
      await press(u, 'nominee.gender=female');
      await waitFor(u, 'her name, birth date and gender', (st) => {
        const n = st.workspace.dossiers.find((x) => x.id === mine.id).nominee;
        return n.full_name === her.full_name && n.birth_date === her.birth_date && n.gender === 'female';
      });
      if ((await u.state()).workspace.dossiers.find((x) => x.id === mine.id).status !== 'ready') await markReady(u, mine.id);
      again = await exportPackage(u, 'next-u1-r1.json');
      assert.equal(again.pkg.campaign.id, nextId);
      u.assertClean(assert);
    } finally { await unit.browser.close(); }
    await app.click('nav.intake');
    await chooseFiles(app, [again.file]);
    const [entry] = await reportOnScreen(app, 1);
    assert.equal(entry.verdict, 'Đã nhận', JSON.stringify(entry));
    await applyBatch(app, 1);
    await app.click('nav.registry');
    const herNew = again.pkg.dossiers.find((x) => x.nominee.full_name === her.full_name);
    await press(app, `registry.row.${herNew.id}`, { x: 0.3 });
    await app.screenshot('secretariat-history-next-campaign-desktop-1280x800');
    // In the summary beside the register: what the council weighs first.
    assert.equal(await label(app, 'registry.read.history.1'),
      'Giấy khen của Giám đốc Sở · Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ ' +
      `(${plan32Name})`);
    await app.saved();
    app.assertClean(assert);
  } finally {
    for (const u of Object.values(units)) await u.browser.close().catch(() => {});
    await office.close();
  }

  // ---- the same register on a phone: screenshots, nothing cramped ------------------------------
  const phone = await openBrowser({ device: PHONE, profile: office.profile });
  try {
    const app = await App.open(phone.context, server);
    assert.equal((await app.state()).edition, 'full', 'the role is remembered');
    // The office works on next year's campaign now; Plan 32's register is a few taps away.
    assert.equal((await app.state()).registry.campaign_id, '15-KH-SNgV-2025', 'the campaign chosen is remembered');
    await app.tap('nav.settings');
    await reveal(app, 'settings.campaigns', { phone: true });
    await app.tap('settings.campaigns');
    await reveal(app, 'campaigns.open_registry.32-KH-SNgV', { phone: true });
    await app.tap('campaigns.open_registry.32-KH-SNgV');
    await waitFor(app, 'Plan 32\'s register', (s) => s.registry.campaign_id === '32-KH-SNgV');
    await app.tap('nav.intake');
    await app.screenshot('secretariat-intake-phone-390x844');
    await app.tap('nav.registry');
    await app.screenshot('secretariat-registry-phone-390x844');
    await app.tap('nav.council');
    await app.screenshot('secretariat-council-phone-390x844');
    await reveal(app, 'council.export_csv', { phone: true });
    await app.screenshot('secretariat-council-exports-phone-390x844');
    // Nothing drawn past the right edge of the screen.
    const offScreen = async () => (await app.items()).filter((i) => i.id && i.w > 0 && i.x + i.w > 390 + 1)
      .map((i) => `${i.id} ${Math.round(i.x)}+${Math.round(i.w)}`);
    assert.deepEqual(await offScreen(), [], 'no item runs off a phone screen');
    // The recorded decision came back from IndexedDB with the new page.
    const st = await app.state();
    assert.deepEqual(st.registry.awards.map((a) => a.number), ['120/QĐ-SNgV']);
    assert.equal(st.registry.closed, true, 'the close came back too');
    assert.equal(st.registry.decisions.filter((d) => d.award_id === st.registry.awards[0].id).length,
      st.registry.awards[0].awarded.length + st.registry.awards[0].not_awarded.length);
    await app.tap('nav.awards');
    await app.screenshot('secretariat-awards-phone-390x844');
    assert.deepEqual(await offScreen(), [], 'the decisions screen fits a phone');
    app.assertClean(assert);
  } finally { await phone.close(); }
});
