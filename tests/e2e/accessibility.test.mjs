// Issue 14: what a screen reader, a keyboard alone and low vision get (docs/ACCESSIBILITY.md).
// - Contrast: every text colour on the backgrounds it is drawn on, in both themes, from the
//   theme's own colours (hoso.dev.theme), at least 4.5:1.
// - The accessible mirror (pre_a11y.js) on the main screens of both editions, desktop 1280×800
//   and phone 390×844 (the secretariat's at 390 px wide without touch):
//   axe-core finds no WCAG 2.1 A/AA violation, and Chromium's accessibility tree (CDP
//   Accessibility.getFullAXTree) has, for every labelled item hoso.items() reports, a node of
//   the same name and a fitting role; the field being edited has its name and value.
// - A keyboard-only journey (no mouse, no touch): a new dossier, its name in Vietnamese, the
//   award chosen from its list, a criterion ticked, the minutes, a vote, the export screen; the
//   focus ring photographed (artifacts/screenshots/a11y-*.png). The secretariat's, by keyboard too:
//   its edition chosen in Settings, its name, a package chosen in the file chooser opened with
//   Enter, the intake applied, the register's row opened, the record returned with a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ROOT } from './lib/harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

// ---- contrast ----------------------------------------------------------------------------------
function luminance([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
// A colour with alpha drawn over an opaque one.
const over = (top, under) => top.slice(0, 3).map((c, i) => c * (top[3] / 255) + under[i] * (1 - top[3] / 255));
function contrast(fg, bg) {
  const a = luminance(fg), b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

// Text colour -> the backgrounds it is drawn on (src/ui: widgets, shell, the screens).
const PAIRS = [
  ['Text', ['WindowBg', 'ChildBg', 'PopupBg', 'FrameBg', 'Button', 'ButtonHovered', 'ButtonActive', 'Header', 'HeaderHovered', 'HeaderActive', 'TableHeaderBg']],
  ['muted', ['WindowBg', 'ChildBg', 'FrameBg']],
  ['primary', ['WindowBg', 'ChildBg', 'accent_bg']],            // subtle buttons, links, the current page
  ['primary_text', ['primary', 'error']],                      // primary and danger buttons, the top bar
  ['error', ['ChildBg', 'WindowBg', 'error_bg']],
  ['warning', ['ChildBg', 'WindowBg', 'warning_bg']],
  ['success', ['ChildBg', 'WindowBg', 'success_bg']],
];

test('text contrast is at least 4.5:1 in both themes', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const low = [];
    for (const dark of [false, true]) {
      const t = await app.page.evaluate((d) => window.hoso.dev.theme(d), dark);
      const page = t.WindowBg;
      for (const [fg, bgs] of PAIRS) {
        for (const bgName of bgs) {
          const bg = over(t[bgName], over(t.ChildBg, page));
          const ratio = contrast(over(t[fg], bg), bg);
          if (ratio < 4.5) low.push(`${dark ? 'dark' : 'light'}: ${fg} on ${bgName} ${ratio.toFixed(2)}:1`);
        }
      }
      // The focus ring and the check mark against what they sit on (non-text, 3:1).
      for (const [fg, bgName] of [['NavHighlight', 'ChildBg'], ['NavHighlight', 'WindowBg'], ['CheckMark', 'FrameBg']]) {
        const bg = over(t[bgName], page);
        const ratio = contrast(over(t[fg], bg), bg);
        if (ratio < 3) low.push(`${dark ? 'dark' : 'light'}: ${fg} on ${bgName} ${ratio.toFixed(2)}:1 (needs 3:1)`);
      }
    }
    assert.deepEqual(low, [], 'every pair has enough contrast');
    app.assertClean(assert);
  } finally { await b.close(); }
});

// ---- the mirror against hoso.items(), Chromium's tree and axe --------------------------------
const FITTING = {
  button: ['button'], link: ['link'], checkbox: ['checkbox'], textbox: ['textbox'], multiline: ['textbox'],
  combobox: ['combobox'], option: ['option'], disclosure: ['button'], radio: ['radio'], tab: ['tab'],
  heading: ['heading'], text: ['paragraph', 'StaticText'], status: ['paragraph', 'StaticText'],
  columnheader: ['columnheader'],
};

const fieldHeights = [];  // phone fields under 44 px, reported at the end of the phone test
const norm = (s) => s.replace(/\s+/g, ' ').trim();
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => ({
      role: n.role && n.role.value, name: norm((n.name && n.name.value) || ''),
      value: n.value && n.value.value, focused: (n.properties || []).some((p) => p.name === 'focused' && p.value.value),
    }));
  } finally { await cdp.detach(); }
}

// Every labelled item has a node of the same name and a fitting role; returns how many.
// Until no frame has been drawn for a while (taps and screen changes draw a few frames after).
async function quiet(app) {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const f = await app.frames();
    if (f === last) return;
    last = f;
    await app.settle(120);
  }
}

async function checkTree(app, where) {
  // The items and the tree of one frame: a save under way can change the save state between the
  // two reads (the mirror follows it on the next frame), so read again until no frame came between.
  let items, nodes;
  for (let tries = 0; tries < 10; tries++) {
    await quiet(app);
    const f0 = await app.frames();
    items = (await app.items()).filter((i) => norm(i.label) && i.w > 0 && i.h > 0);
    nodes = await axTree(app.page);
    if (await app.frames() === f0) break;
  }
  const missing = [];
  for (const it of items) {
    const roles = FITTING[it.role] || ['button'];
    const name = norm(it.label);
    const found = nodes.some((n) => roles.includes(n.role) && (n.name === name || (it.role === 'text' || it.role === 'status') && n.name.includes(name)));
    if (!found) missing.push(`${it.id || '?'} "${name}" as ${roles.join('/')}`);
  }
  assert.deepEqual(missing, [], `${where}: every labelled item is in the accessibility tree`);
  // Targets at least 24×24 CSS px; on a phone, fields at least 44 px tall. Only items drawn whole
  // (clear of the bars at the top and bottom, which clip what scrolls under them) are measured.
  const vh = app.page.viewportSize().height, phone = vh > app.page.viewportSize().width;
  const whole = items.filter((i) => i.y > 50 && i.y + i.h < vh - (phone ? 90 : 10));
  const small = whole.filter((i) => ['button', 'link', 'checkbox', 'combobox', 'option', 'disclosure', 'textbox'].includes(i.role) && (i.w < 24 || i.h < 24))
    .map((i) => `${i.id} ${i.w}×${i.h}`);
  assert.deepEqual(small, [], `${where}: targets are at least 24×24 CSS px`);
  if (phone) {
    const low = whole.filter((i) => ['textbox', 'multiline', 'combobox'].includes(i.role) && i.h < 44).map((i) => `${i.id} ${i.h}`);
    fieldHeights.push(...low.map((l) => `${where}: ${l}`));
  }
  assert.ok(items.length >= 3, `${where}: items were drawn (${items.length})`);
  return items.length;
}

async function checkAxe(app, where) {
  const page = app.page;
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(found, [], `${where}: no WCAG 2.1 A/AA violation`);
}

const UNIT_SCREENS = [['dashboard', 'nav.dashboard'], ['dossiers', 'nav.dossiers'], ['minutes', 'nav.minutes'],
  ['export', 'nav.export'], ['settings', 'nav.settings']];

for (const [size, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`${size}: the main screens in axe-core and in Chromium's accessibility tree`, { timeout: 120000 }, async () => {
    const b = await openBrowser({ device });
    try {
      const app = await App.open(b.context, server);
      const act = (id) => (size === 'phone' ? app.tap(id) : app.click(id));
      for (const [name, nav] of UNIT_SCREENS) {
        await act(nav);
        await checkTree(app, `${size} ${name}`);
        await checkAxe(app, `${size} ${name}`);
        if (name === 'dossiers') {
          await act('action.new_individual');
          await app.until('the editor', (s) => s.screen === 'dossier');
          await checkTree(app, `${size} editor`);
          // The list's filters beside the editor are named drop-downs, behind "Lọc" (folded: the
          // list is narrow), a button that says whether it is open.
          if (size === 'desktop') {
            const fold = await app.item('list.filters');
            assert.equal(fold.role, 'button');
            await act('list.filters');
            await app.item('list.filter.status');
            const filters = (await app.items()).filter((i) => /^list\.(filter\.[a-z]+|sort)$/.test(i.id));
            assert.deepEqual(filters.map((i) => `${i.id} ${i.role}`), ['list.filter.status combobox', 'list.filter.kind combobox',
              'list.filter.award combobox', 'list.sort combobox']);
          }
          await checkAxe(app, `${size} editor`);
          // The field being edited is the text agent itself: its name and its value.
          await act('nominee.full_name');
          await app.insertText('Nguyễn Thị Hoa');
          const label = (await app.items()).find((i) => i.id === 'nominee.full_name').label.trim();
          const focused = (await axTree(app.page)).filter((n) => n.focused && n.role !== 'RootWebArea').pop();
          assert.ok(focused, 'a node has the focus');
          assert.equal(focused.name, label, 'the focused field has its label');
          assert.equal(focused.role, 'textbox');
          assert.match(String(focused.value), /Nguyễn Thị Hoa/, 'the focused field has its value');
          await app.press('Escape');
        }
      }
      await app.screenshot(`a11y-${size}-settings`);
      if (size === 'desktop') {
        // WCAG 2.4.2 and 3.1.1: the title names the screen, the page's language is the interface's.
        const page = () => app.page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang }));
        const vi = JSON.parse(readFileSync(join(ROOT, 'assets/i18n/vi.json'), 'utf8'));
        assert.deepEqual(await page(), { title: `${vi['nav.settings']} · hoso`, lang: 'vi' });
        await app.click('settings.language.en');
        await app.until('English', async () => (await page()).lang === 'en');
        const en = JSON.parse(readFileSync(join(ROOT, 'assets/i18n/en.json'), 'utf8'));
        assert.deepEqual(await page(), { title: `${en['nav.settings']} · hoso`, lang: 'en' });
        await app.click('settings.language.vi');
        await app.until('Vietnamese', async () => (await page()).lang === 'vi');
      }
      // Nothing of its own left to change: what was typed is stored (the save state and the
      // storage card change while a save is under way, and the mirror rightly follows them).
      await app.saved({ timeout: 20000 });
      // WCAG 4.1.3: the save state that appeared on its own was announced by the polite status region.
      const vi = JSON.parse(readFileSync(join(ROOT, 'assets/i18n/vi.json'), 'utf8'));
      const savedWords = vi['save.saved_at'].split('{')[0].trim();
      await app.until('the save announced', () => app.page.evaluate((w) =>
        [...document.querySelectorAll('#hoso-a11y [role=status][aria-live=polite]')].some((e) => e.textContent.includes(w)), savedWords));
      // Measured on the dashboard: the settings screen's storage card takes the browser's own
      // figures (navigator.storage.estimate) when they arrive, and the mirror follows them.
      await act('nav.dashboard');
      await app.settle(500);
      // Frames where nothing changed do no DOM work in the mirror.
      await quiet(app);
      const idle = await app.page.evaluate(() => {
        let mutations = 0;
        const seen = new MutationObserver((list) => { mutations += list.length; });
        seen.observe(document.getElementById('hoso-a11y'), { subtree: true, childList: true, attributes: true, characterData: true });
        const f0 = window.hoso.frames();
        for (let i = 0; i < 5; i++) HosoWeb.frameNow();
        mutations += seen.takeRecords().length;
        seen.disconnect();
        return { frames: window.hoso.frames() - f0, mutations };
      });
      assert.ok(idle.frames >= 5, `frames were drawn (${idle.frames})`);
      assert.equal(idle.mutations, 0, 'no DOM change in the mirror on frames where nothing changed');
      if (size === 'phone') assert.deepEqual(fieldHeights, [], 'fields are at least 44 CSS px tall on a phone');
      app.assertClean(assert);
    } finally { await b.close(); }
  });
}

// The secretariat's edition (hoso-full): its own screens, at both sizes in one browser.
test('the secretariat\'s screens in axe-core and in Chromium\'s accessibility tree', { timeout: 120000 }, async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    for (const [size, viewport] of [['desktop', DESKTOP.viewport], ['narrow', { width: 390, height: 844 }]]) {
      await app.page.setViewportSize(viewport);
      for (const nav of ['nav.registry', 'nav.intake', 'nav.council', 'nav.settings']) {
        await app.click(nav);
        await checkTree(app, `secretariat ${size} ${nav}`);
        await checkAxe(app, `secretariat ${size} ${nav}`);
        assert.deepEqual(await pastTheEdge(app, viewport.width), [], `secretariat ${size} ${nav}: nothing cut at the right edge`);
      }
      // The campaigns and the campaign editor (on a phone reached from Settings).
      if (size === 'desktop') await app.click('nav.campaigns');
      else await app.click('settings.campaigns');
      await checkTree(app, `secretariat ${size} campaigns`);
      await checkAxe(app, `secretariat ${size} campaigns`);
      await app.screenshot(`campaigns-list-${size}`);
      const draft = (await app.state()).registry.campaign_drafts[0];
      await app.click(draft ? `campaigns.edit.${draft.key}` : 'campaigns.duplicate.32-KH-SNgV');
      await checkTree(app, `secretariat ${size} campaign editor`);
      await checkAxe(app, `secretariat ${size} campaign editor`);
      await app.screenshot(`campaigns-editor-${size}`);
      await app.click('campaign_editor.back');
    }
    assert.deepEqual(fieldHeights.filter((l) => l.startsWith('secretariat')), [], 'fields are 44 CSS px tall when narrow');
    // WCAG 1.4.10 Reflow, the secretariat's screens at 320 CSS px (1280 px at 400 %).
    await app.page.setViewportSize({ width: 320, height: 640 });
    for (const nav of ['nav.registry', 'nav.intake', 'nav.council', 'nav.awards', 'nav.settings']) {
      await app.click(nav);
      assert.deepEqual(await pastTheEdge(app, 320), [], `secretariat ${nav}: nothing past the right edge at 320 px`);
      assert.equal(await app.page.evaluate(() => document.documentElement.scrollWidth), 320, `secretariat ${nav}: no sideways scrolling`);
      if (nav === 'nav.council') await app.screenshot('a11y-reflow-320-council');
    }

    // By keyboard alone, the register's rows are in the Tab order (the table scrolls in a window of
    // its own, which ImGui's Tab would skip), and Enter opens the one reached.
    await app.page.setViewportSize(DESKTOP.viewport);
    await app.click('nav.intake');
    await app.drop(join(ROOT, 'tests/fuzz/corpus/package/valid_r1.json'));
    await app.until('the report', (st) => st.registry.intake?.state === 'waiting', 20000);
    const reg = await app.applyIntake();
    await app.click('nav.registry');
    await app.click('registry.search');
    const row = `registry.row.${reg.rows[0].dossier_id}`;
    await tabTo(app, row, { max: 40 });
    assert.ok(!(await app.has('registry.status')), 'no row is open before Enter');
    await app.page.keyboard.press('Enter');
    await app.item('registry.status');
    await app.screenshot('a11y-registry-row-by-keyboard');
    // The register is a table to a screen reader: its column headers, and the row's cells under them.
    const nodes = await axTree(app.page);
    const headers = nodes.filter((n) => n.role === 'columnheader').map((n) => n.name);
    const words = JSON.parse(readFileSync(join(ROOT, 'assets/i18n/secretariat/vi.json'), 'utf8'));
    for (const col of ['unit', 'nominee', 'status']) {
      const label = words[`registry.col.${col}`];
      assert.ok(headers.includes(norm(label)), `the column header "${label}" is in the tree (${headers.join(', ')})`);
    }
    assert.ok(nodes.some((n) => n.role === 'table'), 'the register is a table');
    assert.ok(nodes.filter((n) => n.role === 'row').length >= 2, 'a header row and the record\'s row');
    const cells = nodes.filter((n) => n.role === 'cell');
    assert.ok(cells.length >= 7, `the record's cells (${cells.map((n) => n.name).join(' | ')})`);
    app.assertClean(assert);
  } finally { await b.close(); }
});

// Items drawn past the right edge of the screen, or cut by the edge of their window (`cut`).
async function pastTheEdge(app, width) {
  return (await app.items()).filter((i) => i.id && i.w > 0 && (i.x + i.w > width + 1 || i.cut))
    .map((i) => `${i.id} ${Math.round(i.x)}+${Math.round(i.w)}${i.cut ? ' (cut)' : ''}`);
}

// WCAG 1.4.10 Reflow: at 320 CSS px wide (a 1280 px screen at 400 % zoom) every main screen and the
// dossier editor fit the width: nothing drawn past the right edge, no sideways scrolling.
test('320 CSS px wide: every main screen and the editor reflow to the width', async () => {
  const W = 320;
  const b = await openBrowser({ device: { ...PHONE, viewport: { width: W, height: 640 } } });
  try {
    const app = await App.open(b.context, server);
    await app.page.evaluate(() => window.hoso.dev.generate(3, { seed: 5 }));
    const past = () => pastTheEdge(app, W);
    for (const [name, nav] of UNIT_SCREENS) {
      await app.tap(nav);
      assert.deepEqual(await past(), [], `${name}: nothing past the right edge at 320 px`);
      assert.equal(await app.page.evaluate(() => document.documentElement.scrollWidth), W, `${name}: no sideways scrolling`);
    }
    await app.tap('nav.dossiers');
    await app.tap(`list.row.${(await app.state()).workspace.dossiers[0].id}`);
    await app.until('the editor', (st) => st.screen === 'dossier');
    assert.deepEqual(await past(), [], 'the editor: nothing past the right edge at 320 px');
    await app.screenshot('a11y-reflow-320-editor');
    app.assertClean(assert);
  } finally { await b.close(); }
});

// WCAG 1.4.4 Resize text: browser zoom at 200 % on a 1280×800 laptop. Zooming halves the CSS
// viewport and doubles devicePixelRatio on the open page; Chromium's DevTools protocol does the same
// (Emulation.setDeviceMetricsOverride), and the app sees the resize and the resolution change as it
// would from Ctrl + "+". The text is then twice as large on the screen, drawn sharp at the new
// resolution, and every main screen still fits.
test('200 % browser zoom: text twice as large and sharp, every main screen fits', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    await app.page.evaluate(() => window.hoso.dev.generate(3, { seed: 5 }));
    await app.click('nav.dossiers');
    const before = await app.item('list.search');
    const cdp = await app.page.context().newCDPSession(app.page);
    const zoom = async (factor) => {
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: Math.round(1280 / factor), height: Math.round(800 / factor), deviceScaleFactor: factor, mobile: false,
      });
      await app.until(`zoom ${factor * 100} %`, async () => app.page.evaluate((w) => window.innerWidth === w &&
        document.getElementById('canvas').width === 1280 && document.getElementById('canvas').getBoundingClientRect().width === w,
      Math.round(1280 / factor)));
      await app.settle(200);
    };
    await zoom(2);
    const W = 640;
    const canvas = await app.page.evaluate(() => { const c = document.getElementById('canvas'); return { w: c.width, css: c.getBoundingClientRect().width }; });
    assert.deepEqual(canvas, { w: 1280, css: W }, 'the canvas fills the zoomed page at the screen\'s resolution');
    const after = await app.item('list.search');
    // At 640 CSS px the layout is the narrow one, whose fields are taller still (44 px for a finger).
    assert.ok(after.h >= before.h - 1, `a field keeps at least its CSS height (${before.h} → ${after.h} px): twice as tall on the screen`);
    for (const [name, nav] of UNIT_SCREENS) {
      await app.click(nav);
      assert.deepEqual(await pastTheEdge(app, W), [], `${name}: nothing past the right edge at 200 %`);
      assert.equal(await app.page.evaluate(() => document.documentElement.scrollWidth), W, `${name}: no sideways scrolling`);
    }
    await app.click('nav.dossiers');
    await app.click((await app.items()).find((i) => i.id.startsWith('list.row.')).id);  // 400 CSS px tall: one row shows
    await app.until('the editor', (st) => st.screen === 'dossier');
    assert.deepEqual(await pastTheEdge(app, W), [], 'the editor: nothing past the right edge at 200 %');
    // Through the same protocol session: Playwright's own screenshot puts its viewport back first.
    mkdirSync(join(ROOT, 'artifacts/screenshots'), { recursive: true });
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(ROOT, 'artifacts/screenshots/a11y-zoom-200-editor.png'), Buffer.from(shot.data, 'base64'));
    // And back to 100 %: the desktop layout returns.
    await zoom(1);
    assert.deepEqual(await pastTheEdge(app, 1280), [], 'back at 100 %: the layout fits again');
    await cdp.detach();
    app.assertClean(assert);
  } finally { await b.close(); }
});

// ---- keyboard only -----------------------------------------------------------------------------
// The id of what has the keyboard focus: the mirror's element (data-id), or the field edited.
async function focusedId(app) {
  return app.page.evaluate(() => {
    const a = document.activeElement;
    if (a && a.dataset && a.dataset.id) return a.dataset.id;
    const edited = window.hoso.items().find((i) => i.active && (i.role === 'textbox' || i.role === 'multiline'));
    return edited ? edited.id : '';
  });
}
async function tabTo(app, id, { max = 120, back = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    const f = await focusedId(app);
    if (f === id) return;
    seen.push(f);
    // ImGui moves the focus a frame after the key's own (the tabbing request resolves then): wait
    // for it, or a late move could pass the item after it was seen focused.
    await app.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await app.settle(0);
  }
  assert.fail(`Tab never reached ${id}; went through ${[...new Set(seen)].slice(-40).join(', ')}`);
}

// Types into the field Tab reached, once it is being edited and the text agent has the DOM focus,
// and waits until the field shows the text. (The mirror used to take the focus back from the
// agent in the frame the field started editing: what was typed then went nowhere.)
async function typeHere(app, id, text) {
  await app.page.waitForFunction((i) => document.activeElement?.id === 'hoso-text-agent' &&
    window.hoso.items().some((x) => x.id === i && x.active), id, { timeout: 10000 })
    .catch(() => assert.fail(`${id} is edited but the text agent does not have the keyboard's focus`));
  await app.insertText(text);
  await app.page.waitForFunction(([i, t]) => window.hoso.items().some((x) => x.id === i &&
    (x.value || '').replace(/\s+/g, ' ').includes(t)), [id, text], { timeout: 10000 });
}

test('keyboard only: a dossier, its name, an award, a criterion, the minutes, a vote, the export of a package', { timeout: 180000 }, async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    const kb = app.page.keyboard;
    // The first Tab reaches the skip link, which shows; Enter on it goes to the main content.
    await kb.press('Tab');
    assert.equal(await app.page.evaluate(() => document.activeElement.className), 'a11y-skip');
    await app.screenshot('a11y-skip-link');
    await kb.press('Enter');
    await app.settle();
    const first = await focusedId(app);
    assert.ok(first && !first.startsWith('nav.'), `the skip link went past the navigation (to ${first})`);
    await app.screenshot('a11y-focus-ring');

    await tabTo(app, 'nav.dossiers', { back: true });
    await kb.press('Enter');
    await app.until('the list', (s) => s.screen === 'dossiers');
    await tabTo(app, 'action.new_individual');
    await kb.press('Enter');
    const s = await app.until('the editor', (x) => x.screen === 'dossier' && x.workspace.dossiers.length === 1 && x);
    const id = s.dossier_id;

    await tabTo(app, 'nominee.full_name');
    await app.insertText('Nguyễn Thị Hoa');
    await app.screenshot('a11y-field-focus');
    await app.until('the name saved in the model', (x) => x.workspace.dossiers[0].nominee.full_name === 'Nguyễn Thị Hoa');

    // Escape leaves the field and keeps what was typed (ImGui's own Escape put back the text the
    // field had when it was entered: the name was lost, and the loss saved).
    await kb.press('Escape');
    await app.settle();
    assert.equal((await app.state()).workspace.dossiers[0].nominee.full_name, 'Nguyễn Thị Hoa', 'Escape keeps the name');
    // The award from its list: Enter opens it, arrows move, Enter chooses.
    await tabTo(app, 'award_form');
    await kb.press('Enter');
    await app.item('award_form=giay-khen-gd-so');
    for (let i = 0; i < 10 && (await focusedId(app)) !== 'award_form=giay-khen-gd-so'; i++) await app.press('ArrowDown');
    await kb.press('Enter');
    await app.until('the award chosen', (x) => x.workspace.dossiers[0].award_form === 'giay-khen-gd-so');

    // A criterion ticked with Space.
    await tabTo(app, 'criteria.gk_cn_1.met');
    await app.screenshot('a11y-checkbox-focus');
    await kb.press('Space');
    await app.until('the criterion met', (x) => x.workspace.dossiers[0].criteria?.gk_cn_1?.met === true);
    assert.equal(await app.page.evaluate(() => document.activeElement.getAttribute('aria-checked')), 'true');

    // The summary: its section opened with Enter, Tab into the multi-line field, the text typed
    // there, and Tab out of it again (no trap).
    await tabTo(app, 'section.summary');
    const expanded = () => app.page.evaluate(() => document.querySelector('[data-id="section.summary"]').getAttribute('aria-expanded'));
    if ((await expanded()) !== 'true') await kb.press('Enter');
    await app.settle();
    assert.equal(await expanded(), 'true', 'the summary\'s section is open');
    await tabTo(app, 'summary.text');
    await app.insertText('Hoàn thành xuất sắc nhiệm vụ được giao năm 2025.');
    await app.until('the summary saved', (x) => x.workspace.dossiers[0].summary?.text === 'Hoàn thành xuất sắc nhiệm vụ được giao năm 2025.');
    await kb.press('Tab');
    await app.settle();
    const after = await focusedId(app);
    assert.ok(after && after !== 'summary.text', `Tab left the summary (to ${after})`);

    // The minutes, and a vote for the dossier.
    await tabTo(app, 'nav.minutes', { back: true, max: 200 });
    await kb.press('Enter');
    await app.until('the minutes', (x) => x.screen === 'minutes');
    await tabTo(app, `minutes.votes.${id}.for`, { max: 200 });
    await app.insertText('7');
    await app.until('the vote recorded', (x) => x.workspace.minutes?.[0]?.votes?.some?.((v) => v.dossier_id === id && v.for === 7) || JSON.stringify(x.workspace.minutes || '').includes('"for":7'));
    await kb.press('Escape');
    await app.settle();
    assert.equal((await app.state()).workspace.dossiers[0].nominee.full_name, 'Nguyễn Thị Hoa', 'the name is still there');

    // The export screen: its button, reached by Tab, says why it waits (no unit set yet).
    await tabTo(app, 'nav.export', { back: true, max: 200 });
    await kb.press('Enter');
    await app.until('the export screen', (x) => x.screen === 'package_export');
    await tabTo(app, 'export.open_settings');
    await app.screenshot('a11y-export');
    // Not built yet (no unit chosen, the dossier not ready): the button says it is unavailable (Tab
    // passes over it, as over any disabled control), the reason is there to read, and the way to
    // the settings it needs has the focus.
    assert.equal(await app.page.evaluate(() => document.querySelector('[data-id="export.build"]').getAttribute('aria-disabled')), 'true');
    const texts = await app.page.evaluate(() => [...document.querySelectorAll('#hoso-a11y p')].map((p) => p.textContent));
    assert.ok(texts.some((t) => /Cài đặt/.test(t)), 'the reason the export waits is readable');

    // The export by keyboard. The journey's dossier has far to go before it is ready (the nominee's
    // other fields, Form 08, the evidence); a dossier finished earlier is (generated: setup, not
    // the journey). Enter on the way to the settings, the unit chosen from its list, back to
    // the export, the contact's name, the package built and downloaded.
    await app.page.evaluate(() => window.hoso.dev.generate(1, { seed: 7, ready: true }));
    await app.until('a ready dossier', (x) => x.workspace.dossiers.some((d) => d.status === 'ready'));
    // (Generating shows the dashboard.)
    await tabTo(app, 'nav.export', { back: true, max: 200 });
    await kb.press('Enter');
    await app.until('the export screen', (x) => x.screen === 'package_export');
    await tabTo(app, 'export.open_settings');
    await kb.press('Enter');
    await app.until('the settings', (x) => x.screen === 'settings');
    await tabTo(app, 'settings.unit');
    await kb.press('Enter');
    await app.item('settings.unit=thanh-tra');
    for (let i = 0; i < 40 && (await focusedId(app)) !== 'settings.unit=thanh-tra'; i++) await app.press('ArrowDown');
    await kb.press('Enter');
    await app.until('the unit chosen', (x) => x.workspace.settings.unit_id === 'thanh-tra');
    await tabTo(app, 'nav.export', { back: true, max: 200 });
    await kb.press('Enter');
    await app.until('the export screen', (x) => x.screen === 'package_export');
    await tabTo(app, 'contact.name', { max: 60 });
    await typeHere(app, 'contact.name', 'Nguyễn Thị Hoa');
    await kb.press('Escape');
    await tabTo(app, 'export.build', { max: 60 });
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), kb.press('Enter')]);
    assert.match(download.suggestedFilename(), /\.json$/, 'the package is downloaded');
    assert.match((await app.item('export.done')).label, /lần gửi thứ 1/, 'the screen says what went');
    app.assertClean(assert);
  } finally { await b.close(); }
});

// The reason typed for the return: the record's own finding (its summary is too short).
const RETURN_REASON = 'Tóm tắt thành tích chưa đủ 100 ký tự, đề nghị bổ sung.';

test('keyboard only, the secretariat: its edition, its name, a package through the file chooser, the register, a decision', { timeout: 120000 }, async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    // The first-run card stays (App.open would close it with the mouse); it is not in the way.
    const app = await App.open(b.context, server, '', { keepFirstRun: true });
    const kb = app.page.keyboard;
    await tabTo(app, 'nav.settings');
    await kb.press('Enter');
    await app.until('the settings', (s) => s.screen === 'settings');
    await tabTo(app, 'settings.role.secretariat');
    await app.reloadsInto('full', () => kb.press('Enter'));
    await tabTo(app, 'nav.intake');
    await kb.press('Enter');
    await app.until('the intake', (s) => s.screen === 'intake');

    // Playwright turns on its interception of file choosers when a listener is added, without
    // waiting for Chromium: a key pressed at once can reach the page first, and headless Chromium
    // then cancels the chooser the app opened (the page's input gets "cancel"; seen here in 5 of
    // 15 tries). Listening before the Tabs below leaves their round trips to the page between.
    const chooser = app.page.waitForEvent('filechooser', { timeout: 60000 });
    chooser.catch(() => {});  // a step failing before it is awaited reports its own error
    if (await app.has('intake.who_done')) {
      await tabTo(app, 'settings.author');
      await typeHere(app, 'settings.author', 'Lê Thu Hà');
      await app.until('the name kept', (s) => s.workspace.settings.author === 'Lê Thu Hà');
      await tabTo(app, 'intake.who_done');
      await kb.press('Enter');
      await app.until('the question answered', async () => !(await app.has('intake.who_done')));
    }
    // The focused button went with its card: Tab starts again from the top (before, ImGui's Tab
    // counted from the vanished item and went nowhere).
    await tabTo(app, 'intake.pick');
    await kb.press('Enter');
    const files = await chooser;
    assert.ok(files.isMultiple(), 'several packages at once');
    await files.setFiles(join(ROOT, 'tests/fuzz/corpus/package/valid_r1.json'));
    await app.until('the report', (st) => st.registry.intake?.state === 'waiting', 20000);
    await tabTo(app, 'intake.apply');
    await kb.press('Enter');
    const reg = await app.until('filed', (st) => st.registry.intake?.state === 'applied' && st.registry, 20000);
    assert.equal(reg.rows.length, 1, 'the package\'s dossier is in the register');
    const id = reg.rows[0].dossier_id;
    await tabTo(app, 'intake.open_registry');  // the apply button is gone, as above
    await kb.press('Enter');
    await app.until('the register', (s) => s.screen === 'registry');
    await tabTo(app, `registry.row.${id}`, { max: 40 });
    await kb.press('Enter');
    await app.item('registry.status');

    // The record has an error (its summary is too short), so "eligible" is unavailable: it goes
    // back to the unit, with a reason typed in the dialog, which holds the focus.
    await tabTo(app, 'registry.return');
    await kb.press('Enter');
    await tabTo(app, 'dialog.reason', { max: 10 });
    await typeHere(app, 'dialog.reason', RETURN_REASON);
    await tabTo(app, 'dialog.confirm', { max: 10 });
    await app.screenshot('a11y-secretariat-keyboard');
    await kb.press('Enter');
    const decided = await app.until('the decision recorded', (st) => st.registry.decisions.find((d) => d.dossier_id === id && d.status === 'returned'));
    assert.equal(decided.return_reason, RETURN_REASON);
    assert.equal((await app.state()).workspace.settings.author, 'Lê Thu Hà');
    app.assertClean(assert);
  } finally { await b.close(); }
});
