// Issue 8 end to end: the printable documents the core builds, through real tools.
//   1. The native unit test Documents.WritesFilesForEndToEnd writes every document as .html and
//      .docx (build/native must be built; HOSO_NATIVE_BUILD overrides the folder).
//   2. Chromium opens each HTML page from a local server that sends the app's own
//      Content-Security-Policy (style-src 'self', as the blob: tab inherits it) and prints it to
//      PDF; LibreOffice converts each .docx to PDF.
//   3. pdftotext finds the nominee, the titles, the national title and the motto with their
//      diacritics; pdfinfo says A4; the page number is at the top from page 2 and absent on page 1;
//      the fonts are Times New Roman or a metric-compatible, Vietnamese-complete substitute.
//   4. pdftoppm renders page 1 of each PDF to artifacts/documents/<name>.<chromium|libreoffice>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url).pathname;
const NATIVE = process.env.HOSO_NATIVE_BUILD || join(ROOT, 'build/native');
const OUT = join(ROOT, 'artifacts/documents');
const CSS = join(ROOT, 'assets/print/print.css');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Fonts a printed page may use: Times New Roman, or Tinos / Liberation Serif 2, both metric
// compatible with it and complete for Vietnamese.
const SERIF_FONTS = /^(TimesNewRoman|Times New Roman|Tinos|LiberationSerif|Liberation Serif)/;

const work = mkdtempSync(join(tmpdir(), 'hoso-docs-'));
let server, baseUrl, manifest;
const violations = [];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

// The text of a PDF (or of a rectangle of one page, in points), NFC, white space collapsed.
function pdfText(pdf, { page, rect } = {}) {
  const args = ['-enc', 'UTF-8'];
  if (page) args.push('-f', String(page), '-l', String(page));
  if (rect) args.push('-x', String(rect[0]), '-y', String(rect[1]), '-W', String(rect[2]), '-H', String(rect[3]));
  const r = run('pdftotext', [...args, pdf, '-']);
  assert.equal(r.status, 0, `pdftotext ${pdf}: ${r.stderr}`);
  return r.stdout.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function pdfPages(pdf) {
  const info = run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  assert.equal(info.status, 0, `pdfinfo ${pdf}: ${info.stderr}`);
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]);
  return sizes;
}

function fontsOf(pdf) {
  const r = run('pdffonts', [pdf]);
  assert.equal(r.status, 0, `pdffonts ${pdf}: ${r.stderr}`);
  return r.stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}

const vietnameseSerifInstalled = () =>
  run('fc-list', [':charset=1ec7', 'family']).stdout.split('\n').some((f) => /Tinos|Liberation Serif|Times New Roman/.test(f));

// Checks every printed document of one PDF: texts, A4, page numbers, fonts; then renders page 1.
function checkPdf(t, pdf, entry, engine) {
  const text = pdfText(pdf);
  for (const s of entry.texts) assert.ok(text.includes(s.normalize('NFC')), `${engine} ${entry.name}: "${s}" not found in the PDF text`);
  const sizes = pdfPages(pdf);
  assert.ok(sizes.length >= entry.documents, `${engine} ${entry.name}: ${sizes.length} pages`);
  for (const s of sizes) assert.match(s, /\(A4\)$/, `${engine} ${entry.name}: page size ${s} is not A4`);
  // Page numbers sit in the top margin (20 mm = 56.7 pt): none on page 1, "2" on page 2. In a
  // .docx bundle each document numbers its own pages, so page 2 may be another's first page;
  // an HTML bundle numbers on (docs/DOCUMENTS.md).
  const top = [0, 0, 595, 56];
  assert.equal(pdfText(pdf, { page: 1, rect: top }), '', `${engine} ${entry.name}: something in page 1's top margin`);
  const numbered = entry.documents === 1 || engine === 'chromium';
  if (sizes.length >= 2 && numbered) assert.equal(pdfText(pdf, { page: 2, rect: top }), '2', `${engine} ${entry.name}: page 2's number`);
  const fonts = fontsOf(pdf);
  const odd = fonts.filter((f) => !SERIF_FONTS.test(f));
  if (vietnameseSerifInstalled()) assert.deepEqual(odd, [], `${engine} ${entry.name}: fonts other than Times New Roman or its substitutes`);
  else t.diagnostic(`${engine} ${entry.name}: no Vietnamese-complete Times substitute installed (fonts-croscore or fonts-liberation2); fonts used: ${fonts.join(', ')}`);
  const png = join(OUT, `${entry.name}.${engine}`);
  const r = run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  assert.equal(r.status, 0, `pdftoppm: ${r.stderr}`);
  t.diagnostic(`${engine} ${entry.name}: ${sizes.length} page(s), fonts ${[...new Set(fonts)].join(', ')}, ${png}.png`);
}

before(() => {
  mkdirSync(OUT, { recursive: true });
  copyFileSync(CSS, join(work, 'print.css'));
  // The HTML is served with the app's own policy, as the blob: tab inherits it.
  const csp = readFileSync(join(ROOT, 'web/index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
    ?? "default-src 'self'; style-src 'self'";
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  server = createServer((req, res) => {
    if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }  // browsers ask for it
    const file = join(work, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, ''));
    if (!file.startsWith(work) || !existsSync(file) || !types[extname(file)]) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': types[extname(file)], 'Content-Security-Policy': csp });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    baseUrl = `http://127.0.0.1:${server.address().port}/`;
    resolve();
  }));
});

after(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the native test writes every document', () => {
  const exe = join(NATIVE, 'hoso_core_tests');
  assert.ok(existsSync(exe), `${exe} missing: build the native tree first`);
  const r = run(exe, ['--gtest_filter=Documents.WritesFilesForEndToEnd'], {
    env: { ...process.env, HOSO_DOCS_OUT: work, HOSO_DOCS_CSS_URL: `${baseUrl}print.css` },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /SKIPPED/, 'the writer test was skipped');
  manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8'));
  assert.ok(manifest.length >= 4);
});

test('Chromium prints each HTML document to an A4 PDF', async (t) => {
  assert.ok(manifest, 'no documents written');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const entry of manifest) {
      const page = await browser.newPage();
      page.on('console', (m) => { if (m.type() === 'error') violations.push(`${entry.name}: ${m.text()}`); });
      await page.goto(`${baseUrl}${entry.name}.html`, { waitUntil: 'load' });
      // The stylesheet applied despite the policy: the body font is the print font.
      const font = await page.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
      assert.match(font, /Times New Roman/, `${entry.name}: print.css not applied`);
      const pdf = join(work, `${entry.name}.chromium.pdf`);
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
      await page.close();
      checkPdf(t, pdf, entry, 'chromium');
    }
  } finally {
    await browser.close();
  }
  assert.deepEqual(violations, [], 'console errors (a Content-Security-Policy violation would show here)');
});

test('LibreOffice converts each .docx to an A4 PDF with the same text', (t) => {
  assert.ok(manifest, 'no documents written');
  const lo = join(work, 'lo');
  const profile = join(work, 'lo-profile');
  const files = manifest.map((e) => join(work, `${e.name}.docx`));
  const r = run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
    '--convert-to', 'pdf', '--outdir', lo, ...files], { timeout: 300_000 });
  assert.equal(r.status, 0, `soffice failed: ${r.stdout}${r.stderr}`);
  assert.doesNotMatch(r.stderr, /Error/i, r.stderr);
  for (const entry of manifest) {
    const pdf = join(lo, `${entry.name}.pdf`);
    assert.ok(existsSync(pdf), `${entry.name}.docx was not converted: ${r.stdout}`);
    checkPdf(t, pdf, entry, 'libreoffice');
  }
});
