// End-to-end harness: a static server for dist/ that records every request, Debian's Chromium
// driven by playwright-core on a fresh profile, and helpers that act like a person: they click,
// tap and type through real input events at the rectangles hoso.items() reports.
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, statSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../../../', import.meta.url).pathname;
// HOSO_DIST serves another build (e.g. a private build dir while others rebuild dist/).
export const DIST = process.env.HOSO_DIST || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'artifacts');

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// Serves `dir` on 127.0.0.1 (a free port). `requests` lists every path asked for.
export async function startServer(dir = DIST) {
  const requests = [];
  const state = { dir };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(state.dir, rel));
    if (!file.startsWith(state.dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    setDir(d) { state.dir = d; },
    close: () => new Promise((r) => server.close(r)),
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

// Profiles made here are removed when the test file's process ends, not on close: a test may
// open the same profile again (a phone after a laptop). Each is tens of megabytes, a run makes
// dozens.
const profilesMade = [];
process.on('exit', () => {
  for (const p of profilesMade) { try { rmSync(p, { recursive: true, force: true }); } catch {} }
});

// A browser with its own profile (kept across reloads, like a person's browser).
export async function openBrowser(opts = {}) {
  const profile = opts.profile || mkdtempSync(join(tmpdir(), 'hoso-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    ...(opts.device || DESKTOP),
    ...(opts.permissions ? { permissions: opts.permissions } : {}),
  });
  if (!opts.profile) profilesMade.push(profile);
  return { context, profile, close: () => context.close() };
}

// Wraps a page of the app: records console errors, page errors and requests that leave the
// origin, and offers the person-like actions.
// The page's clock: Date counts on from `start` in every page of the browser, before its scripts
// (the app takes "now" from it); window.__setClock(iso) moves it.
function clockScript(start) {
  const Real = Date;
  let offset = Real.parse(start) - Real.now();
  class FakeDate extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  window.Date = FakeDate;
  window.__setClock = (iso) => { offset = Real.parse(iso) - Real.now(); };
}
export async function withClock(browser, start) { await browser.context.addInitScript(clockScript, start); }

export class App {
  constructor(page, server) {
    this.page = page;
    this.server = server;
    this.errors = [];
    this.offOrigin = [];
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(String(e && e.stack || e)));
    page.on('request', (r) => {
      const u = r.url();
      if (u.startsWith('blob:') || u.startsWith('data:')) return;
      if (new URL(u).origin !== server.origin) this.offOrigin.push(u);
    });
  }

  // { keepFirstRun: true }: leave the first-run card (unit and name) on the dashboard; by default
  // a test that is not about it says "Để sau" (later) to it after every start, as a person
  // looking the app over would, so the dashboard is what it is once the unit is known.
  static async open(context, server, path = '', { keepFirstRun = false } = {}) {
    const page = context.pages()[0] || await context.newPage();
    const app = new App(page, server);
    app.keepFirstRun = keepFirstRun;
    await app.goto(path);
    return app;
  }

  async goto(path = '') {
    await this.page.goto(this.server.url + path);
    await this.ready();
  }
  async reload() {
    await this.page.reload();
    await this.ready();
  }
  // Waits until fn(hoso.state()) is truthy and returns it; fails naming `what` after `timeout` ms.
  async until(what, fn, timeout = 10000) {
    const t0 = Date.now();
    for (;;) {
      const v = await fn(await this.state());  // fn may be async (it may ask for an item)
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
      await this.settle(50);
    }
  }
  // The app reloads itself into another edition (the secretariat's role: src/app/edition.hpp):
  // run `action`, wait for the new page and for the app in it to be ready in `edition`.
  async reloadsInto(edition, action) {
    const loaded = this.page.waitForEvent('load', { timeout: 30000 });
    await action();
    await loaded;
    await this.ready();
    await this.page.waitForFunction((e) => window.hoso.state().edition === e, edition, { timeout: 10000 });
  }
  async ready() {
    await this.page.waitForFunction(() => window.hoso && window.hoso.ready, null, { timeout: 30000 });
    await this.page.evaluate(() => window.hoso.ready);
    if (!this.keepFirstRun) {
      const later = (await this.items()).find((i) => i.id === 'first_run.later' && i.w > 0);
      if (later) {
        await this.page.mouse.click(later.x + later.w / 2, later.y + Math.min(later.h / 2, 20));
        await this.settle();
      }
    }
  }
  items() { return this.page.evaluate(() => window.hoso.items()); }
  state() { return this.page.evaluate(() => window.hoso.state()); }
  frames() { return this.page.evaluate(() => window.hoso.frames()); }

  // The item with this id, once it is drawn (retries while the UI settles).
  async item(id, { timeout = 5000 } = {}) {
    const t0 = Date.now();
    for (;;) {
      const items = await this.items();
      const it = items.find((i) => i.id === id);
      if (it && it.w > 0 && it.h > 0) return it;
      if (Date.now() - t0 > timeout) {
        const ids = items.map((i) => i.id).filter(Boolean).slice(0, 80).join(', ');
        throw new Error(`item "${id}" not drawn; drawn: ${ids}`);
      }
      await this.page.waitForTimeout(50);
    }
  }
  async has(id) { return (await this.items()).some((i) => i.id === id); }

  // An item not drawn (below or above what the window shows) is scrolled to first, as a person
  // would look for it.
  async find(id) {
    try { return await this.item(id, { timeout: 1500 }); } catch { return this.scrollTo(id); }
  }
  async click(id, { offsetX = 0.5, offsetY = 0.5 } = {}) {
    const it = await this.find(id);
    await this.page.mouse.click(it.x + it.w * offsetX, it.y + Math.min(it.h * offsetY, 20));
    await this.settle();
    return it;
  }
  // A file dropped on the page, as a person drags it from the files app (the page's own drop
  // handler takes it). `path`: a file on disk, its name kept.
  async drop(path) {
    await this.page.evaluate(([text, name]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [readFileSync(path, 'utf8'), basename(path)]);
    await this.settle();
  }
  // The secretariat's intake report is waiting: says who is working if asked, files it in the
  // register, and returns the register's state once it has rows.
  async applyIntake(author = 'Lê Thu Hà') {
    if (await this.has('intake.who_done')) {
      await this.click('settings.author');
      await this.insertText(author);
      await this.click('intake.who_done');
    }
    await this.click('intake.apply');
    return this.until('filed', (st) => st.registry.rows?.length > 0 && st.registry, 20000);
  }
  async tap(id) {
    const it = await this.find(id);
    await this.page.touchscreen.tap(it.x + it.w / 2, it.y + Math.min(it.h / 2, 20));
    await this.settle();
    return it;
  }
  // Scrolls the content with the mouse wheel until `id` is drawn fully inside the window.
  // A finger's swipe from (x, y) by dy CSS px (dy > 0 moves the finger up: the page scrolls down).
  async swipe(x, y, dy, steps = 6) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let s = 1; s <= steps; s++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (dy * s) / steps }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally { await cdp.detach(); }
    await this.settle();
  }

  async scrollTo(id, { step = 300, max = 40 } = {}) {
    const vh = this.page.viewportSize().height;
    for (let i = 0; i < max; i++) {
      const items = await this.items();
      const it = items.find((x) => x.id === id);
      if (it && it.y > 60 && it.y + Math.min(it.h, 40) < vh - 80) return it;
      await this.page.mouse.move(this.page.viewportSize().width * 0.6, vh * 0.5);
      // Not drawn at all: look below first, then above.
      await this.page.mouse.wheel(0, it ? (it.y < 60 ? -step : step) : (i < max / 2 ? step : -step));
      await this.settle();
    }
    return this.item(id);
  }
  // After an event: a short pause, then until the app has drawn what the event asked for (a fixed
  // delay alone was too short on a loaded 2-core machine, and a click then read a stale screen;
  // with the wait for idle, the pause is only for the browser to hand the event over).
  async settle(ms = 25) {
    await this.page.waitForTimeout(ms);
    await this.page.waitForFunction(() => !window.hoso || !window.hoso.idle || window.hoso.idle(), null,
      { timeout: 3000, polling: 16 }).catch(() => {});
  }

  async type(text) { await this.page.keyboard.type(text); await this.settle(); }
  // Typed into the field being edited once the text agent has the keyboard's focus (as a person
  // types once the caret shows; on a loaded machine the focus can follow a frame late).
  async insertText(text) {
    await this.page.waitForFunction(() => {
      const editing = window.hoso.items().some((i) => i.active && (i.role === 'textbox' || i.role === 'multiline'));
      return !editing || document.activeElement?.id === 'hoso-text-agent';
    }, null, { timeout: 1500 }).catch(() => {});
    await this.page.keyboard.insertText(text);
    await this.settle();
  }
  async press(key) { await this.page.keyboard.press(key); await this.settle(); }
  // An input method composing `steps` (what the candidate window shows) then committing `text`.
  async compose(steps, text) {
    const cdp = await this.page.context().newCDPSession(this.page);
    for (const s of steps) {
      await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
      await this.settle(20);
    }
    await cdp.send('Input.insertText', { text });
    await cdp.detach();
    await this.settle();
  }

  // The pixels of a CSS-px rectangle of the page, as device-px grey levels (0 white … 255 black).
  async darkness(clip) {
    const png = await this.page.screenshot({ clip, animations: 'disabled' });
    return this.page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      const out = new Array(bmp.width * bmp.height);
      for (let i = 0; i < out.length; i++) out[i] = 255 - Math.round((d[i * 4] + d[i * 4 + 1] + d[i * 4 + 2]) / 3);
      return { w: bmp.width, h: bmp.height, px: out };
    }, png.toString('base64'));
  }

  async screenshot(name) {
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    const file = join(ARTIFACTS, 'screenshots', `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // Waits until IndexedDB holds everything (the save state is "saved" and nothing is queued).
  async saved({ timeout = 10000 } = {}) {
    await this.page.waitForFunction(() => {
      const s = window.hoso.state().save;
      return s.state === 'saved' && s.last_saved > 0;
    }, null, { timeout });
  }

  assertClean(assert) {
    assert.deepEqual(this.errors, [], 'no console errors');
    assert.deepEqual(this.offOrigin, [], 'no request leaves the origin');
  }
}

// The first dossier of the workspace (tests start from a fresh profile).
export function firstDossier(state) { return state.workspace.dossiers[0]; }
