// Issue 14: the accessible mirror (src/platform/web/pre_a11y.js) as Firefox's own accessibility
// engine computes it, not as the DOM's attributes say: every labelled item that hoso.items()
// reports has an element with the same name and a fitting role in Firefox's tree. Read through
// the driver's accessibleNodes (WebDriver BiDi's accessibility locator, drivers/firefox.mjs).
// Chromium's tree is checked in tests/e2e/accessibility.test.mjs.
import assert from 'node:assert/strict';

// The role Firefox computes (computedARIARole) for the element pre_a11y.js makes for each item role.
const FITTING = {
  button: 'button', link: 'link', checkbox: 'checkbox', textbox: 'textbox', multiline: 'textbox',
  combobox: 'combobox', option: 'option', disclosure: 'button', radio: 'radio', tab: 'tab',
  heading: 'heading', cell: 'gridcell', text: 'paragraph', status: 'paragraph',
};
// Firefox gives a paragraph no name (its text is a child text leaf, which the locator, walking
// elements, never reaches): text items are checked by role, found by their data-id (one without
// an id by any paragraph without one).
const UNNAMED = new Set(['text', 'status']);
// A name's white space as Firefox compresses it: runs of ASCII white space to one space, trimmed;
// a no-break space (the app keeps a count and its noun together with one) stays what it is.
const norm = (s) => String(s || '').replace(/[ \t\n\r\f]+/g, ' ').trim();

// Until the app has drawn everything asked for and no frame came for two reads: the frame count.
async function quietFrames(app) {
  return app.d.evaluate(async () => {
    const pause = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let last = -1;
    for (let i = 0; i < 100; i++) {
      if (window.hoso.idle() && window.hoso.frames() === last) return last;
      last = window.hoso.frames();
      await pause();
    }
    return window.hoso.frames();
  });
}

// One screen: the items of the last frame against Firefox's tree read after it, in one batch of
// queries (one per distinct role and name). Anything missing reads both again, twice at most: a
// frame may have come in between (a save finishing renames the save state), or Firefox may not
// have caught up yet (it updates its tree on its refresh ticks).
export async function checkAccessibleNames(app, where) {
  let missing = [], items = [];
  for (let attempt = 1; ; attempt++) {
    await quietFrames(app);
    items = (await app.items()).filter((i) => norm(i.label) && i.w > 0 && i.h > 0);
    const role = (i) => FITTING[i.role] || i.role;
    const named = items.filter((i) => !UNNAMED.has(i.role));
    const queries = [...new Map(named.map((i) => [`${role(i)}\n${norm(i.label)}`, { role: role(i), name: norm(i.label) }])).values()];
    const unnamedRoles = [...new Set(items.filter((i) => UNNAMED.has(i.role)).map(role))];
    const answers = await app.d.accessibleNodes([...queries, ...unnamedRoles.map((r) => ({ role: r }))]);
    const byQuery = new Map(queries.map((q, k) => [`${q.role}\n${q.name}`, answers[k]]));
    const byRole = new Map(unnamedRoles.map((r, k) => [r, answers[queries.length + k]]));
    missing = [];
    for (const it of items) {
      const found = UNNAMED.has(it.role)
        ? byRole.get(role(it)).some((n) => (it.id ? n.dataId === it.id : !n.dataId))
        : byQuery.get(`${role(it)}\n${norm(it.label)}`).some((n) => !it.id || n.dataId === it.id);
      if (!found) missing.push({ it, role: role(it) });
    }
    if (!missing.length || attempt === 3) break;
  }
  if (missing.length) {
    // What Firefox has for each missing item's element instead: its role and its element, if any.
    const roles = [...new Set(missing.map((m) => m.role))];
    const byRole = await app.d.accessibleNodes(roles.map((r) => ({ role: r })));
    const lines = missing.map(({ it, role }) => {
      const hasRole = it.id && byRole[roles.indexOf(role)].some((n) => n.dataId === it.id);
      const why = UNNAMED.has(it.role) ? `no ${role} element with data-id ${it.id || '(none)'}`
        : hasRole ? `its ${role} has another name` : `no ${role} of this name${it.id ? ` (nor a ${role} with its data-id)` : ''}`;
      return `${it.id || '?'} "${norm(it.label)}" as ${role}: ${why}`;
    });
    assert.fail(`${where}: ${missing.length} of ${items.length} labelled items missing from Firefox's accessibility tree:\n  ${lines.join('\n  ')}`);
  }
  assert.ok(items.length >= 3, `${where}: items were drawn (${items.length})`);
  return items.length;
}

// The field being typed into is the text agent itself (pre_input.js): it has the focus, and in
// Firefox's tree it is a text box named as the field.
export async function checkFocusedField(app, id, where) {
  await quietFrames(app);
  const field = (await app.items()).find((i) => i.id === id);
  assert.ok(field, `${where}: ${id} is drawn`);
  const active = await app.d.evaluate(() => document.activeElement && document.activeElement.id);
  assert.equal(active, 'hoso-text-agent', `${where}: the text agent has the focus`);
  const [nodes] = await app.d.accessibleNodes([{ role: 'textbox', name: norm(field.label) }]);
  assert.ok(nodes.some((n) => n.elementId === 'hoso-text-agent'),
    `${where}: Firefox's tree has the focused text agent as a text box named "${norm(field.label)}" (found: ${JSON.stringify(nodes)})`);
}
