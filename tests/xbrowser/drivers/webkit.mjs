// WebKitGTK (Safari's engine) through selenium-webdriver and Debian's WebKitWebDriver, driving the
// MiniBrowser under Xvfb. Its text path: WebDriver "send keys" with Vietnamese text to the
// element that has focus (the app's text agent).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Capabilities, Key, Origin } from 'selenium-webdriver';
import { splitCombo } from './keys.mjs';

const DRIVER = process.env.HOSO_WEBKIT_DRIVER || 'WebKitWebDriver';
const MINIBROWSER = process.env.HOSO_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = {
  Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Meta: Key.META,
  Backspace: Key.BACK_SPACE, Enter: Key.ENTER, Tab: Key.TAB, End: Key.END, Home: Key.HOME,
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  Escape: Key.ESCAPE, Delete: Key.DELETE,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForDriver(port, proc, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch { /* not yet */ }
    if (Date.now() - t0 > timeout) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launch({ width, height }) {
  const port = await freePort();
  // The MiniBrowser's toolbar keeps its window at least 447 px wide; a GTK style sheet for this
  // run only (its own XDG_CONFIG_HOME) lets the toolbar shrink so the page can be phone-sized.
  // It styles the browser's own widgets, not the page.
  const config = mkdtempSync(join(tmpdir(), 'hoso-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; }\n');
  const proc = spawn(DRIVER, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  let driverLog = '';
  proc.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  let driver;
  try {
    await waitForDriver(port, proc);
    const caps = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    });
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
  } catch (e) {
    proc.kill();
    rmSync(config, { recursive: true, force: true });
    throw new Error(`${e.message}\n${driverLog}`);
  }
  const caps = await driver.getCapabilities();
  // The window's outer size includes no browser chrome in automation mode; set it, then correct
  // by what the page reports as its inner size.
  // Under xvfb the new size reaches the page a moment after setRect returns: wait until the page
  // sees roughly the size asked for, or the correction is computed from the old size (from a
  // desktop 1280 to a phone 390 it came out negative: "Invalid width value").
  async function viewport(w, h) {
    await driver.manage().window().setRect({ width: w, height: h });
    let inner = [0, 0];
    for (let i = 0; i < 30; i++) {
      inner = await driver.executeScript('return [innerWidth, innerHeight]');
      if (Math.abs(inner[0] - w) < w / 4 && Math.abs(inner[1] - h) < h / 4) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const width = w + (w - inner[0]), height = h + (h - inner[1]);
    if ((inner[0] !== w || inner[1] !== h) && width > 0 && height > 0)
      await driver.manage().window().setRect({ width, height });
  }
  await viewport(width, height);
  const windows = [await driver.getWindowHandle()];  // in the order opened
  const evaluate = (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments)`, arg === undefined ? null : arg);
  const keyOf = (k) => KEYS[k] || k.toLowerCase();
  return {
    name: 'webkit',
    errors: [],  // WebKitWebDriver has no log endpoint: the page's own record (page_init.js) is read instead
    canCompose: false,
    async version() {
      const ua = await driver.executeScript('return navigator.userAgent');
      return `WebKitGTK ${caps.get('browserVersion') || ''} (MiniBrowser, ${ua.match(/Version\/[\d.]+ Safari\/[\d.]+/)?.[0] || ua})`;
    },
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    evaluate,
    async click(x, y) {
      await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
    },
    async wheel(x, y, dy) {
      await driver.actions().scroll(Math.round(x), Math.round(y), 0, Math.round(dy), Origin.VIEWPORT).perform();
    },
    async insertText(text) {
      const el = await driver.switchTo().activeElement();
      await el.sendKeys(text);
    },
    async press(combo) {
      const { mods, key } = splitCombo(combo);
      let a = driver.actions();
      for (const m of mods) a = a.keyDown(keyOf(m));
      a = a.keyDown(keyOf(key)).keyUp(keyOf(key));
      for (const m of [...mods].reverse()) a = a.keyUp(keyOf(m));
      await a.perform();
    },
    viewport,
    async screenshot(file) { writeFileSync(file, await driver.takeScreenshot(), 'base64'); },
    // Tabs of the same profile, as in drivers/chromium.mjs; a tab is a window handle.
    // A window, not a tab: the MiniBrowser opens a tab behind the current one, hidden, and a
    // hidden page draws no frame. It is opened as a person opens one, by a click on a link
    // (target _blank) in the current page, so that its page may close it the browser's way
    // (closeTab).
    currentTab: () => driver.getWindowHandle(),
    async newTab(url) {
      const before = await driver.getAllWindowHandles();
      await evaluate((href) => {
        const a = document.createElement('a');
        a.id = 'xb-new-tab'; a.href = href; a.target = '_blank';
        a.style.cssText = 'position:fixed;left:0;top:0;width:24px;height:24px;display:block;z-index:2147483647';
        document.body.append(a);
      }, url);
      await this.click(12, 12);
      let handle;
      for (let i = 0; i < 100 && !handle; i++) {
        handle = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
        if (!handle) await new Promise((r) => setTimeout(r, 50));
      }
      await evaluate(() => document.getElementById('xb-new-tab')?.remove());
      if (!handle) throw new Error('the link opened no window');
      windows.push(handle);
      await driver.switchTo().window(handle);
      await viewport(width, height);
      return handle;
    },
    async useTab(handle) { await driver.switchTo().window(handle); },
    // The page closes its own window (window.close(), allowed for a window a page opened): the
    // browser's close path, as a person's close, runs beforeunload, pagehide and unload.
    // WebKitWebDriver's "close window" skips beforeunload, and then an IndexedDB transaction
    // begun in pagehide or unload is never committed, which a person's close does not do.
    async closeTab(handle) {
      const current = await driver.getWindowHandle();
      handle ??= current;
      if (!windows.includes(handle)) return;  // closed already
      if (handle !== current) await driver.switchTo().window(handle);
      let open = true;
      try {
        await evaluate(() => { setTimeout(() => window.close(), 0); });
        for (let i = 0; i < 100 && open; i++) {
          open = (await driver.getAllWindowHandles()).includes(handle);
          if (open) await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        if (open) await driver.close().catch(() => {});  // never leave a window holding the workspace
        windows.splice(windows.indexOf(handle), 1);
        await driver.switchTo().window(handle === current ? windows.at(-1) : current);
      }
      if (open) throw new Error('the page did not close its window (closed by WebDriver instead)');
    },
    async close() {
      try { await driver.quit(); } finally {
        proc.kill();
        rmSync(config, { recursive: true, force: true });
      }
    },
  };
}
