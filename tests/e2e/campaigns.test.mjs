// Issue 16: a unit opens a campaign file. Refusals first (a truncated file, a package, a deadline
// before the period: each says why and the workspace keeps its one campaign), then next year's
// campaign (a copy of Plan 32 with a new number and a deadline a month from today) through the
// real file chooser, the preview, accept; Plan 32 becomes closed and its dossier stays, read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
async function refused(app, path, name) {
  await pick(app, path);
  await app.page.waitForFunction(() => window.hoso.items().some((i) => i.id === 'toast.close'), null, { timeout: 10000 });
  await app.screenshot(`campaigns-refused-${name}`);
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
  const p = await openBrowser({ device: PHONE });
  try {
    const app = await App.open(p.context, server);
    await pick(app, file('15-KH-SNgV-phone.json', JSON.stringify(next)));
    await app.item('campaign.accept');
    await app.screenshot('campaigns-preview-phone');
    app.assertClean(assert);
  } finally { await p.close(); }
});
