// Issue 16: the secretariat writes next year's campaign from Plan 32 and publishes it; a unit
// opens the file (second test). A unit opens a campaign file. Refusals first (a truncated file, a package, a deadline
// before the period: each says why and the workspace keeps its one campaign), then next year's
// campaign (a copy of Plan 32 with a new number and a deadline a month from today) through the
// real file chooser, the preview, accept; Plan 32 becomes closed and its dossier stays, read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, openBrowser, App, DESKTOP, PHONE, ROOT } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const dir = mkdtempSync(join(tmpdir(), 'hoso-campaigns-'));
const file = (name, text) => { const p = join(dir, name); writeFileSync(p, text); return p; };

// Next year's campaign as a secretariat publishes it: Plan 32 with a new id, number and dates,
// without the Bằng khen whose criteria are placeholders (a published file may not have them).
const plan32 = JSON.parse(readFileSync(join(ROOT, 'assets/campaigns/32-KH-SNgV.json'), 'utf8'));
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
const next = structuredClone(plan32);
next.id = '15-KH-SNgV-2026';
next.plan.number = '15/KH-SNgV';
next.plan.date = inDays(-40);
next.period = { start: inDays(-40), end: inDays(25) };
next.deadline = { on_or_before: inDays(30) };
next.award_forms = next.award_forms.filter((f) => !f.rules.some((r) => r.criteria.some((c) => c.placeholder)));
const badDeadline = structuredClone(next);
badDeadline.deadline = { on_or_before: inDays(-60) };

async function pick(app, path) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click('campaign.open_file');
  await (await chooser).setFiles(path);
}

// The refusal is a toast (its wording is checked by the core's tests, test_campaign_file.cpp);
// here: it appears, no preview is offered, and the workspace does not change.
async function refused(app, path, name, says = async () => {}) {
  await pick(app, path);
  await app.page.waitForFunction(() => window.hoso.items().some((i) => i.id === 'toast.close'), null, { timeout: 10000 });
  await app.screenshot(`campaigns-refused-${name}`);
  await says();
  const s = await app.state();
  assert.equal(s.campaigns.length, 1, 'the workspace still holds only Plan 32');
  assert.equal(s.workspace.campaigns.length, 0);
  assert.ok(!(await app.has('campaign.accept')));
  await app.click('toast.close');
}

test('refusals, then next year\'s campaign accepted; Plan 32 closed and kept', async () => {
  const b = await openBrowser({ device: DESKTOP });
  try {
    const app = await App.open(b.context, server);
    let s = await app.state();
    assert.deepEqual(s.campaigns.map((c) => [c.id, c.state]), [['32-KH-SNgV', 'past_deadline']]);
    assert.equal(s.active_campaign, '32-KH-SNgV');
    // A Plan 32 dossier, saved.
    await app.click('nominee.full_name');
    await app.insertText('Trần Thị Bình');
    await app.saved();
    const text = JSON.stringify(next);
    await refused(app, file('cat-ngang.json', text.slice(0, text.length / 2)), 'truncated');
    await refused(app, join(ROOT, 'tests/fuzz/corpus/package/valid_r1.json'), 'package');
    await refused(app, file('han-truoc-ky.json', JSON.stringify(badDeadline)), 'deadline');
    // 50 MB (sparse on disk): refused by its size, before it is read.
    const huge = join(dir, 'dot-thi-dua-50mb.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    await refused(app, huge, 'huge', async () => {
      const label = (await app.item('toast.text')).label;
      assert.match(label, /dot-thi-dua-50mb\.json/);
      assert.match(label, /50 MB/);
      assert.match(label, /4 MB/);
    });

    await pick(app, file('15-KH-SNgV.json', text));
    await app.item('campaign.accept');
    assert.equal((await app.state()).workspace.campaigns.length, 0, 'nothing joins before it is accepted');
    await app.screenshot('campaigns-preview-desktop');
    await app.click('campaign.accept');
    await app.until('the new campaign is active', async () => (await app.state()).active_campaign === '15-KH-SNgV-2026');
    await app.saved();
    s = await app.state();
    assert.deepEqual(s.campaigns.map((c) => [c.id, c.plan_number, c.state]),
      [['32-KH-SNgV', '32/KH-SNgV', 'closed'], ['15-KH-SNgV-2026', '15/KH-SNgV', 'open']]);
    assert.equal(s.campaigns[1].deadline, inDays(30));
    assert.equal(s.workspace.campaigns[0].file.id, '15-KH-SNgV-2026');
    // Plan 32's dossier is still there, under its campaign, after a reload.
    await app.reload();
    s = await app.state();
    assert.equal(s.active_campaign, '15-KH-SNgV-2026');
    const old = s.workspace.dossiers.find((d) => d.nominee.full_name === 'Trần Thị Bình');
    assert.equal(old?.campaign.id, '32-KH-SNgV');
    assert.ok(await app.has('campaign.switch'));
    await app.screenshot('campaigns-home-desktop');
    app.assertClean(assert);
  } finally { await b.close(); }
  // On the phone the file comes the way an installed app gets it: chosen in the files app or a
  // chat, "open with hoso" (manifest file_handlers). Headless Chromium has no installed app, so the
  // browser's launchQueue is stood in for by one that hands the page the same FileSystemFileHandle
  // shape; the page's own consumer reads the file.
  const p = await openBrowser({ device: PHONE });
  try {
    await p.context.addInitScript(() => {
      Object.defineProperty(window, 'launchQueue', { value: { setConsumer(fn) { window.__hosoLaunch = fn; } } });
    });
    const app = await App.open(p.context, server);
    await app.page.evaluate((text) => {
      const f = new File([text], '15-KH-SNgV-phone.json', { type: 'application/json' });
      window.__hosoLaunch({ files: [{ getFile: async () => f }] });
    }, JSON.stringify(next));
    await app.item('campaign.accept');
    await app.screenshot('campaigns-preview-phone');
    app.assertClean(assert);
  } finally { await p.close(); }
  // Or shared to it from Android's share sheet (manifest share_target): the browser posts the file
  // to the app's service worker, which keeps it and opens the app. A form posting the file the way
  // the manifest asks stands in for the share sheet; the worker and the page are the app's own.
  const shared = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(shared.context, server);
    await app.page.evaluate(async () => {
      const sw = navigator.serviceWorker;
      await sw.ready;
      if (!sw.controller) await new Promise((r) => sw.addEventListener('controllerchange', r, { once: true }));
    });
    const target = JSON.parse(readFileSync(join(ROOT, 'web/manifest.webmanifest'), 'utf8')).share_target;
    // The share sheet is not the app's page: it posts from outside it.
    await app.page.goto('about:blank');
    await app.page.evaluate((t) => {
      const form = Object.assign(document.createElement('form'), { method: t.method, enctype: t.enctype, action: t.action });
      form.appendChild(Object.assign(document.createElement('input'), { type: 'file', name: t.params.files[0].name, id: 'share-sheet' }));
      document.body.appendChild(form);
    }, { ...target, action: new URL(target.action, server.url).href });
    await app.page.setInputFiles('#share-sheet', { name: '15-KH-SNgV-shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
    const opened = app.page.waitForEvent('load', { timeout: 30000 });
    await app.page.evaluate(() => document.getElementById('share-sheet').form.submit());
    await opened;
    await app.ready();
    await app.item('campaign.accept');
    assert.equal(new URL(app.page.url()).search, '', 'the address is the app\'s again');
    await app.tap('campaign.accept');
    await app.until('the shared campaign taken', (st) => st.active_campaign === '15-KH-SNgV-2026');
    // Taken once: the worker's cache of shared files is empty, and a reload offers nothing.
    assert.equal(await app.page.evaluate(async () => (await (await caches.open(`hoso-shared:${new URL('./', location.href).pathname}`)).keys()).length), 0);
    await app.reload();
    await app.settle(600);
    assert.ok(!(await app.has('campaign.accept')));
    app.assertClean(assert);
  } finally { await shared.close(); }
});

// ---- the secretariat writes and publishes; a unit opens the file ----------------------------------

const display = (iso) => iso.split('-').reverse().join('/');
const drafts = async (app) => (await app.state()).registry.campaign_drafts;

// Replaces a field's text as a person does: click, select all, type, leave with Enter (one-line
// fields) or a click on the page's heading (multi-line ones, where Enter is a new line).
// The editor is long: its findings and the publish button are at its top.
async function toTop(app) {
  const { width, height } = app.page.viewportSize();
  await app.page.mouse.move(width * 0.6, height * 0.5);
  await app.page.mouse.wheel(0, -100000);
  await app.settle();
}

async function typeField(app, id, text, { multiline = false } = {}) {
  // Scrolled fully into view first, as a person does before typing.
  const it = await app.scrollTo(id);
  await app.page.mouse.click(it.x + it.w * 0.3, it.y + Math.min(it.h / 2, 20));
  await app.settle();
  assert.ok((await app.item(id)).active, `${id} takes the typing at the first click`);
  await app.press('Control+A');
  await app.insertText(text);
  await app.press(multiline ? 'Tab' : 'Enter');
}

test('the secretariat duplicates Plan 32, fixes what the editor finds, publishes; a unit opens it', async () => {
  const office = await openBrowser({ device: DESKTOP });
  let published;
  try {
    const app = await App.open(office.context, server);
    await app.click('nav.settings');
    await app.reloadsInto('full', () => app.click('settings.role.secretariat'));
    await app.click('nav.campaigns');
    await app.item('campaigns.state.32-KH-SNgV');
    await app.screenshot('campaigns-secretariat-list-desktop');
    await app.click('campaigns.duplicate.32-KH-SNgV');
    let d = (await drafts(app))[0];
    const errorsAt = (draft) => draft.findings.filter((f) => f.severity === 'error').map((f) => f.path);
    assert.ok(errorsAt(d).includes('plan.number'), 'last year\'s plan number is found');
    assert.ok(errorsAt(d).includes('award_forms[1].rules[0].criteria[0].text_vi'), 'placeholder criteria are found');
    await app.screenshot('campaigns-editor-findings-desktop');

    await typeField(app, 'plan.number', '15/KH-SNgV');
    await typeField(app, 'plan.date', display(inDays(-40)));
    await typeField(app, 'period.start', display(inDays(-40)));
    await typeField(app, 'period.end', display(inDays(25)));
    // A deadline before the period: said at the field, and publishing is refused.
    await typeField(app, 'deadline', display(inDays(-60)));
    d = (await drafts(app))[0];
    assert.ok(errorsAt(d).includes('deadline'));
    await typeField(app, 'deadline', display(inDays(30)));
    // A criterion reworded (multi-line: Tab leaves it).
    const criterion = 'award_forms[0].rules[1].criteria[1].text_vi';
    await typeField(app, criterion, 'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2026.', { multiline: true });
    // The Bằng khen's criteria are placeholders: the finding leads to them; this year it is left out.
    await toTop(app);
    const placeholder = 'award_forms[1].rules[0].criteria[0].text_vi';
    const at = (await drafts(app))[0].findings.findIndex((f) => f.path === placeholder);
    await app.click(`finding.${placeholder}.${at}`);
    await app.until('the jump to the placeholder', async () => (await app.item(placeholder)).y < 400);
    await app.click('award_forms[1].remove');
    // Its kind (Plan 32 is a special campaign; next year's is thematic), and one more basis for the
    // award decision: empty, it is found at its field; typed, it is not.
    // The editor is long: "Đến mục…" goes to a section.
    await toTop(app);
    await app.click('campaign_editor.jump');
    await app.click('campaign_editor.jump=offices');
    await app.until('the offices section at the top', async () => (await app.item('secretariat.name_vi')).y < 400);
    const bases = (await drafts(app))[0].content.decision_bases.length;
    await app.click('decision_bases');
    const basis = `decision_bases[${bases}].text_vi`;
    assert.ok(errorsAt((await drafts(app))[0]).includes(basis), 'a new basis with nothing after "Căn cứ" is found');
    await typeField(app, basis, 'Căn cứ Kế hoạch số 15/KH-SNgV của Sở Ngoại vụ;', { multiline: true });
    await app.screenshot('campaigns-editor-offices-desktop');
    await toTop(app);
    await app.click('kind');
    await app.click('kind=thematic');
    d = (await drafts(app))[0];
    assert.equal(d.content.kind, 'thematic');
    assert.equal(d.content.decision_bases[bases].text_vi, 'Căn cứ Kế hoạch số 15/KH-SNgV của Sở Ngoại vụ;');
    assert.deepEqual(errorsAt(d), [], JSON.stringify(d.findings));
    assert.equal(d.id, '15-KH-SNgV-2026');
    assert.equal(d.content.award_forms[0].rules[1].criteria[1].text_vi, 'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2026.');
    assert.deepEqual(d.content.deadline, { before: inDays(30) });

    await toTop(app);
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click('campaign.publish')]);
    published = join(dir, download.suggestedFilename());
    await download.saveAs(published);
    assert.equal(download.suggestedFilename(), '15-KH-SNgV-2026_v1.json');
    await app.item('campaign.share');
    await app.screenshot('campaigns-editor-published-desktop');
    // The secretariat holds what it published, and keeps working on its campaign.
    let st = await app.state();
    assert.deepEqual(st.campaigns.map((c) => [c.id, c.version]), [['32-KH-SNgV', 1], ['15-KH-SNgV-2026', 1]]);
    assert.equal(st.active_campaign, '32-KH-SNgV');
    // The one-page summary that goes with the file: the plan, the deadline, the criterion as typed.
    const [tab] = await Promise.all([app.page.context().waitForEvent('page', { timeout: 15000 }), app.click('campaign.summary.html')]);
    await tab.waitForLoadState('load');
    const summary = await tab.evaluate(() => document.body.innerText);
    await tab.close();
    for (const text of ['TÓM TẮT ĐỢT THI ĐUA', 'Kế hoạch số 15/KH-SNgV', 'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2026.', 'phiên bản 1'])
      assert.ok(summary.includes(text), `the summary says ${text}`);
    // An independent validator: the published file against the published schema (ajv).
    execFileSync('node', [join(ROOT, 'tests/tools/validate_data_files.mjs'), published], { stdio: 'pipe' });
    // A unit opens the file, works on the new campaign and sends its package.
    const unit = await openBrowser({ device: DESKTOP });
    let pkg;
    try {
      const u = await App.open(unit.context, server);
      await pick(u, published);
      await u.item('campaign.accept');
      await u.click('campaign.accept');
      await u.until('the published campaign is active', async () => (await u.state()).active_campaign === '15-KH-SNgV-2026');
      const c = (await u.state()).campaigns.find((x) => x.id === '15-KH-SNgV-2026');
      assert.equal(c.plan_number, '15/KH-SNgV');
      assert.equal(c.deadline, inDays(29), 'the last day is the day before "trước ngày"');
      assert.equal(c.state, 'open');
      // The dossier itself is the unit's own tests' subject; here one made ready by the dev hook.
      await u.page.evaluate(() => window.hoso.dev.generate(1, { seed: 3, ready: true }));
      await u.until('a ready dossier of the new campaign', async () => {
        const w = (await u.state()).workspace;
        return w.dossiers.length === 1 && w.dossiers[0].status === 'ready' && w.dossiers[0].campaign.id === '15-KH-SNgV-2026';
      });
      await u.click('nav.settings');
      await u.click('settings.unit');
      await u.click('settings.unit=van-phong');
      await u.click('nav.export');
      await typeField(u, 'contact.name', 'Văn thư Văn phòng Sở');
      await typeField(u, 'contact.phone', '0205 3870 123');
      await u.find('export.build');
      const [download] = await Promise.all([u.page.waitForEvent('download', { timeout: 30000 }), u.click('export.build')]);
      pkg = join(dir, download.suggestedFilename());
      await download.saveAs(pkg);
      assert.equal(JSON.parse(readFileSync(pkg, 'utf8')).campaign.id, '15-KH-SNgV-2026');
      u.assertClean(assert);
    } finally { await unit.close(); }

    // The secretariat: Plan 32's register refuses it and says where it goes; the new campaign's
    // register takes it; Plan 32's register is as it was.
    await app.click('nav.intake');
    const intake = async () => {
      const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('intake.pick')]);
      await chooser.setFiles([pkg]);
      await app.until('the report', async () => (await app.state()).registry.intake?.state === 'waiting');
      return (await app.state()).registry.intake.entries[0];
    };
    if (await app.has('intake.who_done')) {
      await typeField(app, 'settings.author', 'Lê Thu Hà');
      await app.click('intake.who_done');
    }
    let entry = await intake();
    assert.equal(entry.verdict, 'refused');
    assert.ok(entry.summary.includes('Mở sổ của đợt này'), entry.summary);
    await app.click('nav.campaigns');
    await app.click('campaigns.open_registry.15-KH-SNgV-2026');
    await app.until('the new campaign\'s register', async () => (await app.state()).registry.campaign_id === '15-KH-SNgV-2026');
    await app.click('nav.intake');
    entry = await intake();
    assert.equal(entry.verdict, 'accepted', JSON.stringify(entry));
    // The pointer rests on the button a moment first, as a person's does (the report above it has
    // just been laid out).
    const apply = await app.find('intake.apply');
    await app.page.mouse.move(apply.x + apply.w / 2, apply.y + Math.min(apply.h / 2, 20));
    await app.settle(80);
    await app.click('intake.apply');
    await app.until('the package applied', (st) => st.registry.intake?.state === 'applied', 20000);
    await app.until('filed under the new campaign', (st) => st.registry.rows?.length === 1);
    await app.click('nav.registry');
    await app.screenshot('campaigns-new-register-desktop');
    // The register, the draft and that it was published survive a reload (read back from IndexedDB).
    await app.saved();
    await app.reload();
    let reg = (await app.state()).registry;
    assert.equal(reg.campaign_id, '15-KH-SNgV-2026');
    assert.equal(reg.rows.length, 1);
    assert.equal(reg.campaign_drafts[0].published_version, 1);
    assert.equal(reg.campaign_drafts[0].published_as_is, true);
    await app.click('nav.campaigns');
    await app.click('campaigns.open_registry.32-KH-SNgV');
    await app.until('Plan 32\'s register', async () => (await app.state()).registry.campaign_id === '32-KH-SNgV');
    reg = (await app.state()).registry;
    assert.equal(reg.rows.length, 0, 'nothing of the new campaign in Plan 32\'s register');

    // Last year's campaign put away: the new one chosen, Plan 32 archived (out of the switcher),
    // the new one closed by hand and reopened; the marks survive a reload.
    const stateOf = async (id) => (await app.state()).campaigns.find((c) => c.id === id).state;
    await app.click('campaigns.open_registry.15-KH-SNgV-2026');
    await app.until('the new campaign chosen', async () => (await app.state()).active_campaign === '15-KH-SNgV-2026');
    await app.click('campaigns.archive.32-KH-SNgV');
    await app.until('Plan 32 archived', async () => (await stateOf('32-KH-SNgV')) === 'archived');
    assert.ok(!(await app.has('campaigns.archive.15-KH-SNgV-2026')), 'the chosen campaign is not archived');
    await app.click('campaigns.close.15-KH-SNgV-2026');
    await app.until('the new campaign closed', async () => (await stateOf('15-KH-SNgV-2026')) === 'closed');
    await app.screenshot('campaigns-archived-desktop');
    await app.saved();
    await app.reload();
    await app.click('nav.campaigns');
    assert.equal(await stateOf('32-KH-SNgV'), 'archived');
    assert.equal(await stateOf('15-KH-SNgV-2026'), 'closed');
    await app.click('campaigns.reopen.15-KH-SNgV-2026');
    await app.until('reopened', async () => (await stateOf('15-KH-SNgV-2026')) === 'open');
    await app.click('campaigns.unarchive.32-KH-SNgV');
    await app.until('Plan 32 back, closed by the new one', async () => (await stateOf('32-KH-SNgV')) === 'closed');
    // A campaign of a new kind, started blank: the issuer kept, the plan asked for.
    await toTop(app);
    await app.click('campaigns.new');
    const blank = (await drafts(app)).find((x) => !x.published_version);
    assert.equal(blank.content.issuer_vi, 'Sở Ngoại vụ');
    for (const p of ['plan.number', 'name_vi', 'kind', 'deadline'])
      assert.ok(errorsAt(blank).includes(p), `the blank campaign asks for ${p}`);
    await app.item('campaign_editor.back');
    app.assertClean(assert);
  } finally { await office.close(); }
});
