// Issue 9: offline and installable, secure and private. The app is served from a sub-path
// (/hoso/, as on a shared host). A first visit online installs the service worker and caches the
// build; offline, the app opens with its data and saves edits; a second build deployed (another
// content hash) is announced, waits for the person's word, then takes over with the data intact.
// The manifest validates; the CSP allows nothing outside the origin; no request leaves it.
// Issue 17: a first visit downloads each file once; a new build installs only whole, each file
// checked against its SHA-256, and the old build's cache goes only once no page runs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startServer, openBrowser, App, ROOT, DIST, DESKTOP, PHONE } from './lib/harness.mjs';
import { checkManifest } from '../tools/check_manifest.mjs';

const SUB = 'hoso/';
const MARK = '/* hoso e2e: the second build */';
let server, tmp, v1, v2, hash1, hash2;
const servedBy = (app) => app.page.evaluate(() => fetch('style.css').then((r) => r.text()));

// Another build: the packaging step run again on a web/ folder whose style.css ends with `mark`,
// with the first build's editions (hoso.js/.wasm, hoso-full.js/.wasm), or wasm that cannot start.
function packageChangedBuild(out, mark, { brokenWasm = false } = {}) {
  const work = mkdtempSync(join(tmp, 'pkg-'));
  const src = join(work, 'src'), build = join(work, 'build');
  cpSync(join(ROOT, 'web'), join(src, 'web'), { recursive: true });
  writeFileSync(join(src, 'web', 'style.css'), readFileSync(join(src, 'web', 'style.css'), 'utf8') + mark + '\n');
  symlinkSync(join(ROOT, 'assets'), join(src, 'assets'));
  mkdirSync(build);
  for (const edition of ['hoso', 'hoso-full']) {
    cpSync(join(DIST, `${edition}.js`), join(build, `${edition}.js`));
    if (brokenWasm) writeFileSync(join(build, `${edition}.wasm`), readFileSync(join(DIST, `${edition}.wasm`)).subarray(0, 4096));
    else cpSync(join(DIST, `${edition}.wasm`), join(build, `${edition}.wasm`));
  }
  execFileSync('python3', [join(ROOT, 'scripts', 'package_dist.py'), '--build', build, '--source', src, '--out', out]);
}
const buildHash = (dir) => JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')).hash;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hoso-deploy-'));
  v1 = join(tmp, 'v1');
  v2 = join(tmp, 'v2');
  mkdirSync(v1);
  mkdirSync(v2);
  cpSync(DIST, join(v1, 'hoso'), { recursive: true });
  packageChangedBuild(join(v2, 'hoso'), MARK);
  hash1 = buildHash(join(v1, 'hoso'));
  hash2 = buildHash(join(v2, 'hoso'));
  server = await startServer(v1);
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Every request of the browser, the service worker's included (the page's App sees only the
// page's), and CSP violations, recorded from before the first script runs.
function watch(context) {
  const seen = { offOrigin: [], all: [] };
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('blob:') || u.startsWith('data:')) return;
    seen.all.push(u);
    if (new URL(u).origin !== server.origin) seen.offOrigin.push(u);
  });
  context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}
function assertAllClean(app, seen) {
  app.assertClean(assert);
  assert.deepEqual(seen.offOrigin, [], 'no request of the page or its worker leaves the origin');
}
async function assertNoCspViolation(app) {
  assert.deepEqual(await app.page.evaluate(() => window.__csp), [], 'no CSP violation');
}

// The service worker is active and controls the page.
async function controlled(page) {
  return page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    await sw.ready;
    if (!sw.controller) await new Promise((r) => sw.addEventListener('controllerchange', r, { once: true }));
    return sw.controller.scriptURL;
  });
}
// Cache name -> the paths it holds (relative to the origin).
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });
}
// What the first build's worker must hold: every file of dist/ but sw.js, the published schemas
// and build.json; and "./", the page as navigations ask for it.
function expectedPrecache(dir) {
  const files = [];
  (function walk(d) {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split('\\').join('/'));
    }
  })(dir);
  // The full edition (hoso-full.*) is cached when first used, not on the first visit.
  return ['/' + SUB, ...files.filter((f) => f !== 'sw.js' && f !== 'build.json' && !f.startsWith('schema/') && !f.startsWith('hoso-full.'))
    .map((f) => '/' + SUB + f)].sort();
}

const byName = (state, name) => state.workspace.dossiers.find((d) => d.nominee.full_name === name);
// Opens a dossier from the list, then its summary field.
async function editSummary(app, id) {
  await app.click('nav.dossiers');
  await app.click(`list.row.${id}`);
  await app.scrollTo('summary.text');
  await app.click('summary.text');
  await app.press('End');
}
async function waitFor(page, fn, what, timeout = 20000) {
  try { await page.waitForFunction(fn, null, { timeout, polling: 100 }); } catch (e) { throw new Error(`${what}: ${e.message}`); }
}
const updateOffered = (page, what) => waitFor(page, () => window.hoso.state().update_available, what);

test('first visit caches the build; offline the app opens with its data and saves edits; a new build is offered, taken on the person\'s word, data intact', async () => {
  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    const script = await controlled(app.page);
    assert.equal(script, `${server.url}${SUB}sw.js`, 'the worker is registered from the sub-path');
    assert.equal(await app.page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope)), server.url + SUB);
    const cached = await cacheContents(app.page);
    assert.deepEqual(Object.keys(cached), [`hoso:/${SUB}:${hash1}`], 'one cache, named by the build\'s hash');
    assert.deepEqual(cached[`hoso:/${SUB}:${hash1}`], expectedPrecache(join(v1, 'hoso')), 'every file the app needs is cached');

    // Work online: a new dossier.
    await app.click('nominee.full_name');
    await app.insertText('Đỗ Thị Lan');
    await app.saved();
    const id = byName(await app.state(), 'Đỗ Thị Lan').id;

    // No network at all: the browser is offline, and the server would have nothing to give.
    await b.context.setOffline(true);
    server.setDir(join(tmp, 'nothing'));
    const asked = server.requests.length;
    await app.reload();
    let s = await app.state();
    assert.ok(byName(s, 'Đỗ Thị Lan'), 'offline, the app opens with its data');
    assert.equal(s.save.state, 'saved');
    assert.equal(s.update_available, false);

    // Edit and save offline, then reopen offline: the edit is there.
    await editSummary(app, id);
    await app.insertText('Soạn khi không có mạng.');
    await app.saved();
    assert.equal(byName(await app.state(), 'Đỗ Thị Lan').summary.text, 'Soạn khi không có mạng.');
    await app.page.waitForTimeout(700);
    await app.reload();
    s = await app.state();
    assert.equal(byName(s, 'Đỗ Thị Lan').summary.text, 'Soạn khi không có mạng.', 'the offline edit was saved');
    assert.deepEqual(server.requests.slice(asked), [], 'nothing reached the server while offline');
    const before = s.workspace;

    // A second build is deployed while the person is typing a new dossier's name. Back online,
    // the app checks and the new worker installs; the notice waits until the person leaves the
    // field, so nothing moves under their fingers.
    assert.notEqual(hash2, hash1, 'the second build has another content hash');
    server.setDir(v2);
    await app.click('nav.dashboard');
    await app.click('nominee.full_name');
    await app.insertText('Hà Văn');
    await app.settle(1500);  // the form settles once the new dossier exists (its kind buttons go)
    const field = await app.item('nominee.full_name');
    assert.ok(field.active, 'the person is in the field');
    await app.page.evaluate(() => { window.__samePage = true; });
    await b.context.setOffline(false);  // 'online': the app asks for sw.js
    await updateOffered(app.page, 'the new build is found');
    await app.settle(300);
    assert.ok(!(await app.has('notice.update')), 'no notice comes in while the person types');
    assert.equal((await app.item('nominee.full_name')).y, field.y, 'the field did not move');
    await app.insertText(' Sơn');
    await app.click('campaign.days_left');  // done typing
    const notice = await app.item('notice.update');
    assert.match(notice.label, /phiên bản mới/);
    await app.item('notice.update_reload');
    await app.screenshot('offline-update-notice-desktop-1280x800');

    // Nothing happens without the person's word: same page, old build.
    await app.page.waitForTimeout(1500);
    assert.equal(await app.page.evaluate(() => window.__samePage), true, 'no reload on its own');
    const typed = 'Soạn khi không có mạng.';
    assert.equal(byName(await app.state(), 'Đỗ Thị Lan').summary.text, typed);
    assert.ok((await app.item('nominee.full_name')).y > field.y, 'the notice is above the form');
    assert.deepEqual(Object.keys(await cacheContents(app.page)).sort(),
      [`hoso:/${SUB}:${hash1}`, `hoso:/${SUB}:${hash2}`].sort(), 'the new build waits beside the old');

    // The person's word, a moment after typing (before the debounced save): everything is saved,
    // the new build takes over, the page reloads.
    await app.click('nominee.full_name');
    await app.press('End');
    await app.insertText(' Nam');
    assert.ok(byName(await app.state(), 'Hà Văn Sơn Nam'), 'typed just now');
    const reloaded = app.page.waitForEvent('load');
    const it = await app.item('notice.update_reload');
    await app.page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    await reloaded;
    await app.ready();
    assert.equal(await app.page.evaluate(() => window.__samePage), undefined, 'the page reloaded');
    s = await app.state();
    assert.equal(s.update_available, false);
    assert.equal(byName(s, 'Đỗ Thị Lan').summary.text, typed, 'the offline edit is there');
    assert.ok(byName(s, 'Hà Văn Sơn Nam'), 'what was typed just before the reload is there');
    assert.deepEqual(s.workspace.dossiers.length, before.dossiers.length + 1);
    assert.deepEqual(Object.keys(await cacheContents(app.page)), [`hoso:/${SUB}:${hash2}`], 'the old build\'s cache is gone');
    assert.ok((await servedBy(app)).includes(MARK), 'the new build runs');
    assert.ok(!(await app.has('notice.update')));
    await assertNoCspViolation(app);
    assertAllClean(app, seen);
  } finally {
    await b.close();
    await b.context.setOffline(false).catch(() => {});
  }
});

// Issue 17: on a host that sends no ETag (this server: "Cache-Control: no-cache", no validator),
// the worker's pre-cache used to download again what the page had just loaded (the wasm twice).
test('a first visit downloads each file of the build once: the worker keeps what the page loaded', async () => {
  server.setDir(v1);
  const from = server.requests.length;
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);  // installed: the pre-cache is complete
    const asked = server.requests.slice(from);
    const times = {};
    for (const path of asked) times[path] = (times[path] || 0) + 1;
    assert.deepEqual(Object.entries(times).filter(([, n]) => n > 1), [], 'no file is asked for twice');
    // "./" and index.html are one file (the page): it comes down once.
    assert.ok(!(times[`/${SUB}`] && times[`/${SUB}index.html`]), 'the page is downloaded once, not again as index.html');
    const cache = `hoso:/${SUB}:${hash1}`;
    const held = (await cacheContents(app.page))[cache];
    assert.deepEqual(held, expectedPrecache(join(v1, 'hoso')), 'and the worker holds every file');
    await app.reload();  // served by the worker: nothing more is downloaded
    assert.deepEqual(server.requests.slice(from + asked.length).filter((p) => p !== `/${SUB}sw.js`), []);
  } finally { await b.close(); }
});

// Cache name -> {path: the SHA-256 of what it holds there}.
function cacheHashes(page, name) {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name), out = {};
    for (const req of await cache.keys()) {
      const digest = await crypto.subtle.digest('SHA-256', await (await cache.match(req)).arrayBuffer());
      out[new URL(req.url).pathname] = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return out;
  }, name);
}
// What a build's cache must hold: every file of expectedPrecache with the SHA-256 build.json gives.
function builtHashes(dir) {
  const files = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')).files;
  return Object.fromEntries(expectedPrecache(dir).map((p) => [p, files[p === `/${SUB}` ? 'index.html' : p.slice(SUB.length + 1)]]));
}
// Asks the browser to look for a new build now; resolves with what became of the new worker:
// 'installed' (it waits for the person's word) or 'redundant' (its install failed).
function installOutcome(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const found = new Promise((r) => reg.addEventListener('updatefound', () => r(reg.installing), { once: true }));
    await reg.update().catch(() => {});
    const worker = reg.installing || reg.waiting || await found;
    return worker.state === 'installing' ? new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state !== 'installing') resolve(worker.state);
    })) : worker.state;
  });
}

// Issue 17: a deploy half done (a file not yet uploaded, one cut short) must not replace a build
// that works: every file is checked against the build's SHA-256 before the new build installs.
test('a new build installs only whole and as built: a file missing or corrupt keeps the old build, offline too; the finished deploy waits beside it and the old cache goes when it takes over', async () => {
  const missing = join(tmp, 'missing'), corrupt = join(tmp, 'corrupt');
  // style.css, changed since v1: no cache of the browser holds the new one (a file it already
  // holds, checked, would not need the server's broken copy).
  cpSync(v2, missing, { recursive: true });
  rmSync(join(missing, 'hoso', 'style.css'));
  cpSync(v2, corrupt, { recursive: true });
  const style = join(corrupt, 'hoso', 'style.css');
  writeFileSync(style, readFileSync(style, 'utf8').replace(MARK, MARK.replace('second', 'SECOND')));  // same size, one word off
  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);
    const old = `hoso:/${SUB}:${hash1}`, next = `hoso:/${SUB}:${hash2}`;
    const installed = server.requests.length;
    const oldFiles = await cacheHashes(app.page, old);
    assert.deepEqual(oldFiles, builtHashes(join(v1, 'hoso')), 'the first build\'s cache holds its files exactly');

    for (const [dir, what] of [[missing, 'a file missing'], [corrupt, 'a file corrupt']]) {
      server.setDir(dir);
      assert.equal(await installOutcome(app.page), 'redundant', `${what}: the new build is not installed`);
      assert.deepEqual(Object.keys(await cacheContents(app.page)), [old], `${what}: no cache of it is left, the old one stays`);
      assert.deepEqual(await cacheHashes(app.page, old), oldFiles, `${what}: nothing of the old build is deleted or changed`);
      assert.equal((await app.state()).update_available, false, `${what}: no update is offered`);
    }

    // Offline, the old build opens as before.
    await b.context.setOffline(true);
    server.setDir(join(tmp, 'nothing'));
    await app.reload();
    assert.ok(!(await servedBy(app)).includes(MARK), 'offline, the old build runs');
    assert.equal((await app.state()).save.state, 'saved');

    // The deploy is finished: back online, the app looks again and the whole build installs. It
    // waits beside the old one, which is still complete, until the person takes it.
    server.setDir(v2);
    await b.context.setOffline(false);
    await updateOffered(app.page, 'the finished build is found');
    assert.deepEqual(Object.keys(await cacheContents(app.page)).sort(), [next, old].sort(), 'the new build waits beside the old');
    assert.deepEqual(await cacheHashes(app.page, next), builtHashes(join(v2, 'hoso')), 'the new build\'s cache holds its files exactly');
    assert.deepEqual(await cacheHashes(app.page, old), oldFiles, 'the old build is untouched until the new one takes over');
    assert.deepEqual(server.requests.slice(installed).filter((p) => /\/hoso\.(wasm|js)$/.test(p)), [],
      'the wasm and its script, unchanged, were taken from the old build\'s cache, not downloaded again');
    const reloaded = app.page.waitForEvent('load');
    await app.click('notice.update_reload');
    await reloaded;
    await app.ready();
    assert.ok((await servedBy(app)).includes(MARK), 'the new build runs');
    assert.deepEqual(Object.keys(await cacheContents(app.page)), [next], 'once it took over, the old build\'s cache is gone');
    assertAllClean(app, seen);
  } finally {
    await b.context.setOffline(false).catch(() => {});
    await b.close();
  }
});

test('phone: the update notice on reopening the app, and the reload into the new build', async () => {
  server.setDir(v1);
  const b = await openBrowser({ device: PHONE });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);
    await app.tap('nominee.full_name');
    await app.insertText('Vi Văn Thắng');
    await app.saved();
    // Deployed while the app was closed: reopening it runs the cached build and finds the new one.
    server.setDir(v2);
    await app.reload();
    await updateOffered(app.page, 'the new build is found on reopening');
    await app.item('notice.update');
    await app.settle(200);
    await app.screenshot('offline-update-notice-phone-390x844');
    const reloaded = app.page.waitForEvent('load');
    await app.tap('notice.update_reload');
    await reloaded;
    await app.ready();
    const s = await app.state();
    assert.equal(s.update_available, false);
    assert.ok(byName(s, 'Vi Văn Thắng'), 'the data is intact');
    assert.deepEqual(Object.keys(await cacheContents(app.page)), [`hoso:/${SUB}:${hash2}`]);
    await assertNoCspViolation(app);
    assertAllClean(app, seen);
  } finally { await b.close(); }
});

test('the secretariat\'s full edition: fetched when its role is chosen, cached, opens offline, carried into the next build', async () => {
  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);
    assert.equal((await app.state()).edition, 'unit');
    assert.ok(!seen.all.some((u) => u.includes('hoso-full.')), 'a first visit does not fetch the full edition');
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    assert.ok(await app.has('nav.intake'), 'the secretariat\'s navigation');
    const cache = `hoso:/${SUB}:${hash1}`;
    await app.page.waitForFunction(async (name) => {
      const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      return keys.some((k) => k.endsWith('/hoso-full.wasm')) && keys.some((k) => k.endsWith('/hoso-full.js'));
    }, cache, { timeout: 10000 });

    // Offline: the full edition opens from the cache, with the secretariat's screens.
    await b.context.setOffline(true);
    server.setDir(join(tmp, 'nothing'));
    await app.reload();
    let st = await app.state();
    assert.equal(st.edition, 'full', 'offline, the full edition opens');
    assert.equal(st.workspace.settings.role, 'secretariat');
    await app.click('nav.registry');
    await app.screenshot('offline-full-edition-registry-desktop');

    // A new build: installed beside the old one, it carries the full edition, so the reload
    // into it works offline too.
    await b.context.setOffline(false);
    server.setDir(v2);
    await app.reload();
    await updateOffered(app.page, 'the new build is found');
    const next = `hoso:/${SUB}:${hash2}`;
    const held = await cacheContents(app.page);
    assert.ok(held[next].some((k) => k.endsWith('/hoso-full.wasm')), 'the new build\'s cache has the full edition');
    const reloaded = app.page.waitForEvent('load');
    await app.click('notice.update_reload');
    await reloaded;
    await app.ready();
    await b.context.setOffline(true);
    server.setDir(join(tmp, 'nothing'));
    await app.reload();
    st = await app.state();
    assert.equal(st.edition, 'full', 'the new build\'s full edition opens offline');
    await assertNoCspViolation(app);
    assertAllClean(app, seen);
  } finally { await b.close(); }
});

// The app's own triggers (coming online, reopening) are tested above; here the check is asked for.
const checkNow = (app) => app.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
async function waitForWaitingWorker(page, timeout = 20000) {
  const t0 = Date.now();
  while (!(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.waiting))))) {
    if (Date.now() - t0 > timeout) throw new Error('no new worker waiting');
    await page.waitForTimeout(100);
  }
}

test('two tabs: accepting in one reloads only that one; the other keeps its notice and reloads on its own word', async () => {
  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const first = await App.open(b.context, server, SUB);
    await controlled(first.page);
    await first.click('nominee.full_name');
    await first.insertText('Lục Thị Mai');
    await first.click('campaign.days_left');  // done typing
    await first.saved();
    const second = new App(await b.context.newPage(), server);
    await second.goto(SUB);
    assert.equal((await second.state()).save.state, 'read_only', 'the second tab only shows');
    await second.page.evaluate(() => { window.__samePage = true; });

    server.setDir(v2);
    await checkNow(first);
    await updateOffered(first.page, 'the first tab is told');
    await updateOffered(second.page, 'the second tab is told');
    await first.page.bringToFront();  // the person goes to the first tab (a hidden tab draws nothing)
    await first.item('notice.update_reload');
    await Promise.all([first.page.waitForEvent('load'), first.click('notice.update_reload')]);
    await first.ready();
    assert.ok((await servedBy(first)).includes(MARK), 'the first tab runs the new build');
    assert.ok(byName(await first.state(), 'Lục Thị Mai'));
    const builds = async () => Object.keys(await cacheContents(first.page)).filter((k) => k.startsWith('hoso:')).sort();
    assert.deepEqual(await builds(), [`hoso:/${SUB}:${hash1}`, `hoso:/${SUB}:${hash2}`].sort(),
      'the old build\'s cache stays while the second tab runs it');

    await second.page.bringToFront();
    await second.page.waitForTimeout(500);
    assert.equal(await second.page.evaluate(() => window.__samePage), true, 'the second tab was not reloaded under the person');
    await second.item('notice.update');
    await Promise.all([second.page.waitForEvent('load'), second.click('notice.update_reload')]);
    await second.ready();
    assert.ok((await servedBy(second)).includes(MARK), 'the second tab runs the new build');
    assert.ok(byName(await second.state(), 'Lục Thị Mai'));
    assert.equal((await second.state()).update_available, false);
    // Its last page gone, the old build's cache goes (and the worker's note of which pages ran it).
    await waitFor(second.page, async () => (await caches.keys()).length === 1, 'the old build\'s cache is deleted');
    assert.deepEqual(Object.keys(await cacheContents(second.page)), [`hoso:/${SUB}:${hash2}`]);
    for (const app of [first, second]) assertAllClean(app, seen);
  } finally { await b.close(); }
});

test('a build that cannot start is no dead end: its error page\'s reload button takes the fixed build', async () => {
  const broken = join(tmp, 'broken');
  mkdirSync(broken);
  packageChangedBuild(join(broken, 'hoso'), '/* hoso e2e: a build that cannot start */', { brokenWasm: true });
  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);
    server.setDir(broken);
    await checkNow(app);
    await updateOffered(app.page, 'the broken build is offered');
    let loaded = app.page.waitForEvent('load');
    await app.click('notice.update_reload');
    await loaded;
    await app.page.waitForSelector('#error:not([hidden])');

    // The fix is deployed. Reopened, the broken build starts from the cache and fails again, but
    // the browser has fetched the new worker; the error page's button lets it in.
    server.setDir(v2);
    await app.page.reload();
    await app.page.waitForSelector('#error:not([hidden])');
    await waitForWaitingWorker(app.page);
    loaded = app.page.waitForEvent('load');
    await app.page.click('#error-reload');
    await loaded;
    await app.ready();
    assert.ok((await servedBy(app)).includes(MARK), 'the fixed build runs');
    assert.equal(await app.page.locator('#error').isHidden(), true);
    assert.deepEqual(seen.offOrigin, [], 'no request leaves the origin');
  } finally { await b.close(); }
});

test('the manifest validates: required fields, icons at the sizes named; Chromium reads it without errors', async () => {
  assert.deepEqual(checkManifest(DIST), []);
  const m = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(m.name, 'hoso — Hồ sơ khen thưởng');
  assert.equal(m.short_name, 'hoso');
  assert.equal(m.lang, 'vi');
  assert.equal(m.display, 'standalone');
  assert.equal(m.theme_color, '#1f5fa8');
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');

  server.setDir(v1);
  const b = await openBrowser({ device: DESKTOP });
  const seen = watch(b.context);
  try {
    const app = await App.open(b.context, server, SUB);
    await controlled(app.page);
    const cdp = await b.context.newCDPSession(app.page);
    const got = await cdp.send('Page.getAppManifest');
    assert.equal(got.url, `${server.url}${SUB}manifest.webmanifest`);
    assert.deepEqual(got.errors, [], 'Chromium parses the manifest without errors');
    const parsed = got.manifest || {};
    if (parsed.startUrl) assert.equal(parsed.startUrl, server.url + SUB, 'start_url is the sub-path');
    if (parsed.scope) assert.equal(parsed.scope, server.url + SUB);
    const inst = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(inst.installabilityErrors, [], 'Chromium finds it installable');
    await cdp.detach();
    assertAllClean(app, seen);
  } finally { await b.close(); }
});

test('the CSP allows nothing outside the origin; no eval, new Function or inline script anywhere', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, 'index.html carries a CSP');
  const csp = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
  assert.deepEqual(csp['default-src'], ["'self'"]);
  assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'wasm-unsafe-eval is the only allowance beyond self');
  assert.deepEqual(csp['connect-src'], ["'self'"]);
  assert.deepEqual(csp['worker-src'], ["'self'"]);
  assert.deepEqual(csp['manifest-src'], ["'self'"]);
  assert.deepEqual(csp['object-src'], ["'none'"]);
  for (const [k, sources] of Object.entries(csp)) {
    for (const src of sources) {
      assert.ok(["'self'", "'none'", 'blob:', 'data:'].includes(src) || (k === 'script-src' && src === "'wasm-unsafe-eval'"),
        `${k} allows only the origin (found ${src})`);
    }
  }
  // No inline script or style: every <script> has a src, no style attributes or <style>.
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) || []) {
    assert.match(tag, /^<script src="[^":]+"><\/script>$/, `script from a file of the app: ${tag}`);
  }
  assert.doesNotMatch(html, /<style\b|\sstyle="|\son[a-z]+="/i, 'no inline style or event handler');
  for (const f of ['hoso.js', 'boot.js', 'sw.js']) {
    const js = readFileSync(join(DIST, f), 'utf8');
    assert.doesNotMatch(js, /\beval\s*\(/, `${f}: no eval(`);
    assert.doesNotMatch(js, /new\s+Function\b/, `${f}: no new Function`);
    assert.doesNotMatch(js, /\bimportScripts\s*\(/, `${f}: no importScripts`);
    assert.doesNotMatch(js, /setTimeout\s*\(\s*["'`]/, `${f}: no string timers`);
  }
  // The worker names no other origin.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /https?:\/\//, 'sw.js names no URL of another origin');
  assert.ok(!sw.includes('__HOSO_'), 'sw.js has its hash and file list');
});
