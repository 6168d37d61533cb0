// The app as a person sees it, over any engine's driver (drivers/*.mjs): waits for hoso.ready,
// reads hoso.items() and hoso.state(), and clicks, scrolls and types through the engine's own
// input at the rectangles the app reports. Nothing here sets the app's state behind its back.
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class XApp {
  constructor(driver, server) {
    this.d = driver;
    this.server = server;
    this.size = { w: 1280, h: 800 };
  }

  async goto(page = {}, path = '') {
    this.server.setPage(page);
    await this.d.goto(this.server.url + path);
  }
  async reload(page) {
    if (page) this.server.setPage(page);
    await this.d.reload();
  }
  // Waits for hoso.ready (inside the page, so one round trip per engine).
  async ready(timeout = 45000) {
    const ok = await this.d.evaluate(async (ms) => {
      const t0 = Date.now();
      const pause = (n) => new Promise((r) => setTimeout(r, n));
      while (!(window.hoso && window.hoso.ready)) {
        if (document.documentElement.classList.contains('failed')) return 'failed: ' + document.getElementById('error-vi').textContent;
        if (Date.now() - t0 > ms) return 'timeout';
        await pause(50);
      }
      await window.hoso.ready;
      return 'ready';
    }, Math.min(timeout, 25000));
    if (ok !== 'ready') throw new Error(`hoso.ready: ${ok}`);
    // The first-run card (the unit and the clerk's name) is answered "later", as in the e2e
    // harness: these journeys are about the engines, not the first run.
    const later = (await this.items()).find((i) => i.id === 'first_run.later' && i.w > 0);
    if (later) {
      await this.d.click(later.x + later.w / 2, later.y + Math.min(later.h / 2, 18));
      await this.settle();
    }
  }
  items() { return this.d.evaluate(() => window.hoso.items()); }
  state() { return this.d.evaluate(() => window.hoso.state()); }
  settle(ms = 80) { return sleep(ms); }

  async item(id, { timeout = 6000 } = {}) {
    const t0 = Date.now();
    for (;;) {
      const items = await this.items();
      const it = items.find((i) => i.id === id);
      if (it && it.w > 0 && it.h > 0) return it;
      if (Date.now() - t0 > timeout) {
        throw new Error(`item "${id}" not drawn; drawn: ${items.map((i) => i.id).filter(Boolean).slice(0, 60).join(', ')}`);
      }
      await sleep(60);
    }
  }
  async has(id) { return (await this.items()).some((i) => i.id === id && i.w > 0); }
  async label(id) { return (await this.item(id)).label; }

  // Scrolls with the wheel until `id` is drawn clear of the top bar and the bottom edge.
  async reveal(id) {
    const { w, h } = this.size;
    const top = 60, bottom = h - 90;
    let last = null;
    for (let i = 0; i < 25; i++) {
      const it = (await this.items()).find((x) => x.id === id);
      if (it && it.h > 0 && it.y >= top && it.y + Math.min(it.h, 40) <= bottom) return it;
      if (it && last && Math.abs(it.y - last.y) < 1 && it.y >= 0 && it.y + Math.min(it.h, 40) <= h) return it;
      last = it;
      const dy = Math.round(it ? it.y - (top + bottom) / 2 : h * 0.8);  // whole pixels: WebDriver BiDi wants an integer
      await this.d.wheel(w * 0.6, h / 2, dy);
      await sleep(120);
    }
    return this.item(id);
  }
  async click(id, { reveal = false } = {}) {
    if (await this.has('toast.close') && id !== 'toast.close') await this.click('toast.close');
    const it = reveal ? await this.reveal(id) : await this.item(id);
    await this.d.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 18));
    await this.settle();
    return it;
  }
  async press(key) { await this.d.press(key); await this.settle(); }
  async insertText(text) { await this.d.insertText(text); await this.settle(120); }

  async viewport(w, h) {
    await this.d.viewport(w, h);
    this.size = { w, h };
    await sleep(300);
  }

  // Polls `fn(state)` until it returns something truthy.
  async waitState(what, fn, timeout = 15000) {
    const t0 = Date.now();
    for (;;) {
      const s = await this.state();
      const v = fn(s);
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
  async waitPage(what, fn, arg, timeout = 15000) {
    const t0 = Date.now();
    for (;;) {
      const v = await this.d.evaluate(fn, arg);
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  // Console errors: the engine's own record where the driver has one, and the page's (page_init.js).
  async errors() {
    const inPage = await this.d.evaluate(() => (window.__xbErrors || []).slice()).catch(() => []);
    const all = [...this.d.errors, ...inPage];
    return [...new Set(all)];
  }
  async clearErrors() {
    this.d.errors.length = 0;
    await this.d.evaluate(() => { if (window.__xbErrors) window.__xbErrors.length = 0; }).catch(() => {});
  }
}
