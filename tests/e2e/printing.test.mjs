// Issue 8 end to end, through the app's own buttons: a person taps "In / Lưu PDF" or "Tải Word
// (.docx)" in the dossier editor, on the minutes screen and on the export screen (the whole
// package as one bundle).
//   - Print: a new tab opens from a blob: URL (the pop-up is not blocked, and nothing is downloaded
//     instead); its page loads dist/print.css by absolute URL under the app's own
//     Content-Security-Policy, with no console error; Chromium prints the tab to PDF (page.pdf,
//     A4, preferCSSPageSize).
//   - Word: the button downloads an ASCII-named .docx; LibreOffice headless converts it to PDF.
//   - pdftotext finds the nominee's name, the document's title, the national title and the motto
//     with their diacritics; pdfinfo says A4; page 1 of each is rendered to
//     artifacts/documents/app-<document>.<chromium|libreoffice>.png.
// Screens with the buttons: artifacts/screenshots/printing-*.png at 1280×800 and 390×844.
// (tests/e2e/documents.test.mjs checks the same documents from the native build, in more depth.)
//
// Start-up data: `hoso.dev.generate(2, {ready: true})` (developer hook, README); the unit is chosen
// in Settings and the package is made with the export screen's real button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ARTIFACTS } from './lib/harness.mjs';

const OUT = join(ARTIFACTS, 'documents');
const UNIT = 'phong-hop-tac-quoc-te';
const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const work = mkdtempSync(join(tmpdir(), 'hoso-printing-'));
let server;
before(async () => {
  server = await startServer();
  mkdirSync(OUT, { recursive: true });
  mkdirSync(join(work, 'docx'));
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

// The file-name part text::slug makes: diacritics folded, đ -> d, runs of anything else -> '-'.
const slug = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// Checks a PDF: every text (NFC, white space collapsed), A4 pages; renders page 1 to a PNG.
function checkPdf(pdf, texts, png) {
  const r = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  assert.equal(r.status, 0, `pdftotext ${pdf}: ${r.stderr}`);
  const text = r.stdout.normalize('NFC').replace(/\s+/g, ' ');
  for (const s of [NATION, MOTTO, ...texts]) assert.ok(text.includes(s.normalize('NFC')), `"${s}" not found in ${pdf}`);
  const info = run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  assert.equal(info.status, 0, `pdfinfo ${pdf}: ${info.stderr}`);
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]);
  assert.ok(sizes.length >= 1);
  for (const s of sizes) assert.match(s, /\(A4\)$/, `${pdf}: page size ${s} is not A4`);
  const p = run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  assert.equal(p.status, 0, `pdftoppm: ${p.stderr}`);
  return sizes.length;
}

// Watches a browser context: every tab the app opens, with its console errors, and downloads.
function watch(context, app) {
  const tabErrors = [];
  const downloads = [];
  context.on('page', (p) => {
    p.on('console', (m) => { if (m.type() === 'error') tabErrors.push(m.text()); });
    p.on('pageerror', (e) => tabErrors.push(String(e)));
  });
  app.page.on('download', (d) => downloads.push(d));
  return { tabErrors, downloads };
}

// Taps or clicks a print button and returns the tab it opened, loaded.
async function openTab(app, id, phone = false) {
  const [tab] = await Promise.all([
    app.page.context().waitForEvent('page', { timeout: 15000 }),
    phone ? app.tap(id) : app.click(id),
  ]);
  await tab.waitForLoadState('load');
  return tab;
}

// The tab holds the core's page, styled by print.css (loaded from the app's folder despite the
// CSP); then Chromium prints it.
async function printTab(tab, name, texts) {
  assert.match(tab.url(), /^blob:/, `${name}: the page is a blob: URL`);
  const css = await tab.evaluate(() => [...document.styleSheets].map((s) => s.href));
  assert.deepEqual(css, [`${server.url}print.css`], `${name}: the stylesheet link`);
  const font = await tab.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
  assert.match(font, /Times New Roman/, `${name}: print.css not applied`);
  const pdf = join(work, `${name}.chromium.pdf`);
  await tab.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  return checkPdf(pdf, texts, join(OUT, `app-${name}.chromium`));
}

// Clicks a Word button; returns the saved .docx.
async function downloadWord(app, id, name, stem) {
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click(id)]);
  assert.equal(download.suggestedFilename(), `${stem}.docx`, `${name}: the file name`);
  const file = join(work, 'docx', `${name}.docx`);
  await download.saveAs(file);
  return file;
}

const waitFor = (app, what, fn, timeout = 10000) => app.until(what, fn, timeout);

// Scrolls with the wheel until `id` is drawn clear of the top bar, then clicks it.
async function press(app, id) {
  await app.scrollTo(id);
  return app.click(id);
}

test('dossier, minutes and package: print to PDF from a new tab, and Word, through the buttons', async (t) => {
  const b = await openBrowser({ device: DESKTOP });
  const expected = {};  // document name -> texts its PDFs must hold
  try {
    const app = await App.open(b.context, server);
    const seen = watch(b.context, app);
    await app.page.evaluate(() => window.hoso.dev.generate(2, { ready: true }));
    await app.click('nav.settings');
    await app.click('settings.unit');
    await app.click(`settings.unit=${UNIT}`);
    const st = await waitFor(app, 'the unit set', (s) => s.workspace.settings.unit_id === UNIT && s);
    const [d1, d2] = st.workspace.dossiers;
    const name1 = d1.nominee.full_name || d1.nominee.name, name2 = d2.nominee.full_name || d2.nominee.name;
    const minutesUnit = st.workspace.minutes[0].unit_name;

    // The dossier editor: the report and the summary.
    await app.click('nav.dossiers');
    await app.click(`list.row.${d1.id}`);
    await app.item('print.report.html');
    await app.screenshot('printing-dossier-desktop');
    const docs = [
      ['report', 'print.report', `bao-cao-thanh-tich_${slug(name1)}`, [name1, 'BÁO CÁO THÀNH TÍCH']],
      ['summary', 'print.summary', `tom-tat-thanh-tich_${slug(name1)}`, [name1, 'TÓM TẮT THÀNH TÍCH']],
    ];
    const words = [];
    for (const [name, id, stem, texts] of docs) {
      expected[name] = texts;
      const tab = await openTab(app, `${id}.html`);
      const pages = await printTab(tab, name, texts);
      t.diagnostic(`${name}: ${pages} page(s) printed from ${tab.url()}`);
      await tab.close();
      words.push(await downloadWord(app, `${id}.docx`, name, stem));
    }

    // The unit's review minutes: every nominee voted on is named.
    await app.click('nav.minutes');
    await app.item('print.minutes.html');
    await app.screenshot('printing-minutes-desktop');
    expected.minutes = [name1, name2, 'BIÊN BẢN', 'Họp xét đề nghị khen thưởng'];
    let tab = await openTab(app, 'print.minutes.html');
    await printTab(tab, 'minutes', expected.minutes);
    await tab.close();
    words.push(await downloadWord(app, 'print.minutes.docx', 'minutes', `bien-ban-hop-xet_${slug(minutesUnit)}`));

    // The export screen: make the package, then print it whole (cover, reports, summaries, minutes).
    await app.click('nav.export');
    await press(app, 'contact.name');
    await app.press('Control+A');
    await app.insertText('Lê Thị Cúc');
    await press(app, 'export.build');
    const pkg = await waitFor(app, 'the package made', (s) => s.workspace.exports.last_revision === 1);
    assert.ok(pkg);
    await app.scrollTo('print.bundle.html');
    await app.screenshot('printing-export-desktop');
    const jsonName = seen.downloads.map((d) => d.suggestedFilename()).find((n) => n.endsWith('.json'));
    assert.ok(jsonName, 'the package was downloaded');
    expected.bundle = [name1, name2, 'DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', 'BÁO CÁO THÀNH TÍCH', 'TÓM TẮT THÀNH TÍCH', 'BIÊN BẢN'];
    tab = await openTab(app, 'print.bundle.html');
    const pages = await printTab(tab, 'bundle', expected.bundle);
    assert.ok(pages >= 6, `the bundle has ${pages} pages: one cover, 2 × (report, summary), minutes`);
    await tab.close();
    words.push(await downloadWord(app, 'print.bundle.docx', 'bundle', jsonName.replace(/\.json$/, '')));

    // Opening never fell back to a download (a pop-up blocker would make it), and every Word file
    // came as Word.
    const kinds = seen.downloads.map((d) => d.suggestedFilename().replace(/^.*\./, ''));
    assert.deepEqual(kinds.sort(), ['docx', 'docx', 'docx', 'docx', 'json'], 'downloads');
    assert.deepEqual(seen.tabErrors, [], 'console errors in the printable tabs (a CSP violation would show here)');
    app.assertClean(assert);

    // LibreOffice opens each .docx and prints the same text on A4.
    const lo = join(work, 'lo');
    const r = run('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--norestore',
      '--convert-to', 'pdf', '--outdir', lo, ...words], { timeout: 300_000 });
    assert.equal(r.status, 0, `soffice failed: ${r.stdout}${r.stderr}`);
    assert.doesNotMatch(r.stderr, /Error/i, r.stderr);
    for (const file of words) {
      const name = file.replace(/^.*\//, '').replace(/\.docx$/, '');
      const pdf = join(lo, `${name}.pdf`);
      assert.ok(existsSync(pdf), `${name}.docx was not converted: ${r.stdout} (${readdirSync(lo)})`);
      const n = checkPdf(pdf, expected[name], join(OUT, `app-${name}.libreoffice`));
      t.diagnostic(`${name}.docx: ${n} page(s) in LibreOffice`);
    }
  } finally {
    await b.close();
  }
});

test('on a phone: the buttons fit, a tap opens the printable page', async () => {
  const b = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(b.context, server);
    const seen = watch(b.context, app);
    await app.page.evaluate(() => window.hoso.dev.generate(1));
    const [d] = (await app.state()).workspace.dossiers;
    await app.tap('nav.dossiers');
    await app.tap(`list.row.${d.id}`);
    // At the end of the dossier on a phone (the first screen is for its first fields): after the
    // status, the last section.
    await app.tap('editor.jump');
    await app.tap('editor.jump=status');
    const html = await app.scrollTo('print.report.html'), docx = await app.item('print.report.docx');
    const vw = app.page.viewportSize().width;
    for (const it of [html, docx]) assert.ok(it.x >= 0 && it.x + it.w <= vw, `${it.id} fits the screen`);
    await app.screenshot('printing-dossier-phone');
    const tab = await openTab(app, 'print.report.html', true);
    assert.match(tab.url(), /^blob:/);
    await tab.screenshot({ path: join(ARTIFACTS, 'screenshots', 'printing-report-tab-phone.png') });
    await tab.close();
    await app.tap('nav.minutes');
    await app.item('print.minutes.html');
    await app.screenshot('printing-minutes-phone');
    assert.deepEqual(seen.downloads.map((x) => x.suggestedFilename()), [], 'the tap opened a tab, not a download');
    assert.deepEqual(seen.tabErrors, []);
    app.assertClean(assert);
  } finally {
    await b.close();
  }
});
