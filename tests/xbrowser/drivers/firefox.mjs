// Firefox ESR through puppeteer-core over WebDriver BiDi, headful (headless Firefox has no WebGL2
// here; under Xvfb it draws with Mesa's llvmpipe). Its text path: keyboard.sendCharacter, which
// inserts text as an input method does, without key events.
import puppeteer from 'puppeteer-core';
import { splitCombo } from './keys.mjs';

const BINARY = process.env.HOSO_FIREFOX || '/usr/bin/firefox-esr';

export async function launch({ width, height }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARY,
    headless: false,
    defaultViewport: { width, height },
    // A window larger than any viewport asked for: Firefox cannot make the viewport larger than it.
    args: ['--width=1600', '--height=1200'],
    extraPrefsFirefox: {
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const errors = [];
  const pages = [];
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e && e.message || e)));
    // A "leave this page?" prompt (the app warns while work is at risk) is answered "leave", as
    // Chromium's driver does: the journeys navigate on purpose.
    p.on('dialog', (d) => { d.accept().catch(() => {}); });
    pages.push(p);
  };
  let page = (await browser.pages())[0] || await browser.newPage();
  watch(page);
  await page.setViewport({ width, height });  // defaultViewport alone leaves the first tab at the window's size
  const key = (k) => (k.length === 1 ? `Key${k.toUpperCase()}` : k);
  return {
    name: 'firefox',
    errors,
    canCompose: false,
    async version() { return (await browser.version()).replace(/^firefox\//i, 'Firefox ESR '); },
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (x, y) => page.mouse.click(x, y),
    wheel: async (x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel({ deltaY: dy }); },
    async insertText(text) { for (const ch of text) await page.keyboard.sendCharacter(ch); },
    async press(combo) {
      const { mods, key: k } = splitCombo(combo);
      for (const m of mods) await page.keyboard.down(m);
      await page.keyboard.press(key(k));
      for (const m of mods.reverse()) await page.keyboard.up(m);
    },
    // Firefox's own accessibility tree: WebDriver BiDi's accessibility locator
    // (browsingContext.locateNodes) matches the role (computedARIARole) and name that Firefox's
    // accessibility engine computes for each element, not the DOM's attributes. One command per
    // query {role, name}, all sent at once; each answers the matching elements' data-id, id and tag.
    // puppeteer's `aria/` selectors send the same command, but hand back element handles (another
    // round trip each to tell which item it is), and their selector syntax cannot carry every name.
    async accessibleNodes(queries) {
      const context = page.mainFrame().browsingContext;
      return Promise.all(queries.map(async (query) => {
        const nodes = await context.locateNodes({ type: 'accessibility', value: query });
        return nodes.map((n) => {
          const attributes = n.value?.attributes ?? {};
          return { dataId: attributes['data-id'] ?? null, elementId: attributes.id ?? null, tag: n.value?.localName ?? '' };
        });
      }));
    },
    viewport: (w, h) => page.setViewport({ width: w, height: h }),
    screenshot: (file) => page.screenshot({ path: file }),
    // Tabs of the same profile, as in drivers/chromium.mjs.
    currentTab: () => page,
    async newTab(url) {
      page = await browser.newPage();
      watch(page);
      await page.setViewport({ width, height });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async useTab(p) {
      page = p;
      await p.bringToFront();
    },
    async closeTab(p = page) {
      if (!pages.includes(p)) return;  // closed already
      await p.close({ runBeforeUnload: true });  // browsingContext.close with promptUnload
      pages.splice(pages.indexOf(p), 1);
      if (page === p) {
        page = pages.at(-1);
        await page.bringToFront();
      }
    },
    close: () => browser.close(),
  };
}
