// Chromium (Debian's, headless) through playwright-core, launched by the e2e harness. Its own
// text paths: Input.insertText and an input method's composition (Input.imeSetComposition), both
// over CDP, as a Vietnamese keyboard would deliver them.
import { openBrowser } from '../../e2e/lib/harness.mjs';

export async function launch({ width, height }) {
  const b = await openBrowser({
    device: { viewport: { width, height } },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  let page = b.context.pages()[0] || await b.context.newPage();
  const errors = [];
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e && e.stack || e)));
  };
  watch(page);
  const pages = [page];
  return {
    name: 'chromium',
    errors,
    canCompose: true,
    async version() { return `Chromium ${b.context.browser()?.version() ?? ''}`.trim(); },
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (x, y) => page.mouse.click(x, y),
    wheel: async (x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
    insertText: (text) => page.keyboard.insertText(text),
    async compose(steps, text) {
      const cdp = await b.context.newCDPSession(page);
      for (const s of steps) {
        await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
        await page.waitForTimeout(20);
      }
      await cdp.send('Input.insertText', { text });
      await cdp.detach();
    },
    press: (key) => page.keyboard.press(key),
    viewport: (w, h) => page.setViewportSize({ width: w, height: h }),
    screenshot: (file) => page.screenshot({ path: file }),
    // Tabs of the same profile: newTab returns the tab, useTab brings one to the front, closeTab
    // closes one (the current by default) as a person does, so beforeunload, pagehide and unload
    // run; then the last tab opened of those left is the current one.
    currentTab: () => page,
    async newTab(url) {
      const p = await b.context.newPage();
      watch(p);
      pages.push(p);
      page = p;
      await p.goto(url);
      return p;
    },
    async useTab(p) {
      page = p;
      await p.bringToFront();
    },
    async closeTab(p = page) {
      if (!pages.includes(p)) return;  // closed already
      const closed = new Promise((r) => p.once('close', r));
      await p.close({ runBeforeUnload: true });
      await closed;
      pages.splice(pages.indexOf(p), 1);
      if (page === p) {
        page = pages.at(-1);
        await page.bringToFront();
      }
    },
    close: () => b.close(),
  };
}
