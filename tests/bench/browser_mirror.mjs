// The accessible mirror's cost with 1,000 dossiers (issue 14), in headless Chromium:
//  - its JS time per drawn frame (HosoWeb.a11y.update, pre_a11y.js: read the generation, and when it
//    moved read the items' JSON and diff it into the DOM) while the dossier list is scrolled, while
//    typing into the list's search and into a Form 08 field holding 20,000 characters, and on the
//    dashboard: median, p95, and its share of the frame's CPU time;
//  - the DOM mutations in the mirror's subtree (#hoso-a11y, a MutationObserver) per frame while
//    scrolling, and the frames drawn and mutations seen over 3 s idle with the list shown (target 0).
//
// How the mirror is timed, without changing the app: the page's frame loop runs the app only through
// Module._hoso_frame (timed as in browser_frames.mjs), and the wasm calls HosoWeb.frameDrawn() at
// the end of each frame, which calls HosoWeb.a11y.update() looked up at call time; both are wrapped
// from the page once the app is ready. So the mirror's time is inside the frame's, one update per
// frame, and the two lists line up frame by frame. Module._hoso_a11y_json (the items serialised in
// wasm) is wrapped too, to split the mirror's time into making the JSON and the rest (decoding,
// JSON.parse, the diff). Not counted: the registry's comparison of each frame with the last, which
// moves the generation (item_registry.cpp, inside the C++ frame).
//
//   node tests/bench/browser_mirror.mjs [--keys 40] [--steps 50] [--write]
// --write saves the results to benchmarks/results/mirror.json (BENCHMARKS.md is built from it).
import { rmSync } from 'node:fs';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table } from './lib/stats.mjs';
import { DIST, arg, flag, saveResults } from './lib/report.mjs';
import { frameTimer, generateDossiers, fillLongField, fieldLength } from './lib/frames.mjs';

const KEYS = arg('keys', 40);
const STEPS = arg('steps', 50);   // wheel steps each way
const N = 1000;
const TEXT_CHARS = 20000;
const IDLE_SECONDS = 3;

// Runs in the page: times every mirror update and the JSON it asks for, notes whether the generation
// had moved (read after the timed call, so not counted), and counts mutations under #hoso-a11y.
function installMirrorProbe() {
  if (window.__mirror) return;
  const M = window.Module, a11y = window.HosoWeb.a11y;
  const probe = window.__mirror = { update: [], moved: [], json: [], mutations: 0, generation: M._hoso_a11y_generation() };
  const update = a11y.update;
  a11y.update = function () {
    const t0 = performance.now();
    try { return update.apply(this, arguments); } finally {
      probe.update.push(performance.now() - t0);
      const generation = M._hoso_a11y_generation();
      probe.moved.push(generation !== probe.generation);
      probe.generation = generation;
    }
  };
  const itemsJson = M._hoso_a11y_json;
  M._hoso_a11y_json = function () {
    const t0 = performance.now();
    try { return itemsJson.apply(this, arguments); } finally { probe.json.push(performance.now() - t0); }
  };
  probe.observer = new MutationObserver((records) => { probe.mutations += records.length; });
  probe.observer.observe(document.getElementById('hoso-a11y'), { subtree: true, childList: true, attributes: true, characterData: true });
}
const probe = {
  install: (app) => app.page.evaluate(installMirrorProbe),
  reset: async (app) => {
    await app.page.evaluate(() => {   // one task, as in take()
      const p = window.__mirror;
      window.__frameTimes.length = 0;
      p.observer.takeRecords();
      p.update.length = 0; p.moved.length = 0; p.json.length = 0; p.mutations = 0;
    });
    return app.frames();
  },
  take: async (app, f0) => {
    // The frames' times are taken in the same task as the mirror's: taken apart, a frame drawn in
    // between would be counted in one list and not the other.
    const m = await app.page.evaluate(() => {
      const p = window.__mirror;
      p.mutations += p.observer.takeRecords().length;
      const out = { update: p.update.splice(0), moved: p.moved.splice(0), json: p.json.splice(0), mutations: p.mutations, frames: window.__frameTimes.splice(0) };
      p.mutations = 0;
      return out;
    });
    const frames = m.frames;
    const drawn = (await app.frames()) - f0;
    if (m.update.length !== frames.length) throw new Error(`${m.update.length} mirror updates for ${frames.length} frames`);
    return { ...m, frames, drawn };
  },
};

// One phase's figures: the mirror's time per frame, on all frames and on those whose items changed
// (performance.now() ticks in 0.1 ms here, the page not being cross-origin isolated: the means and
// the share, from sums over many frames, are finer than any one sample), its share of the frame's
// time, and the mutations.
function summarise(r) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs) => (xs.length ? sum(xs) / xs.length : NaN);
  const changed = r.update.filter((_, i) => r.moved[i]);
  const unchanged = r.update.filter((_, i) => !r.moved[i]);
  const shares = r.frames.map((f, i) => (f > 0 ? r.update[i] / f : 0));
  return {
    frames: r.frames.length,
    generation_moved: changed.length,
    mirror_ms: { median: median(r.update), p95: p95(r.update), max: Math.max(...r.update), mean: mean(r.update) },
    mirror_ms_generation_moved: { median: median(changed), p95: p95(changed), mean: mean(changed) },
    mirror_ms_generation_still: { median: median(unchanged), max: unchanged.length ? Math.max(...unchanged) : NaN, mean: mean(unchanged) },
    items_json_ms: { median: median(r.json), p95: p95(r.json), mean: mean(r.json), calls: r.json.length },
    frame_ms: { median: median(r.frames), p95: p95(r.frames), mean: mean(r.frames) },
    share_of_frame_time: sum(r.update) / sum(r.frames),
    share_per_frame: { median: median(shares), p95: p95(shares) },
    mutations: r.mutations,
    mutations_per_frame: r.frames.length ? r.mutations / r.frames.length : NaN,
    mutations_per_changed_frame: changed.length ? r.mutations / changed.length : NaN,
  };
}

async function wheel(app, steps, dy, pause = 40) {
  for (const d of [dy, -dy]) {
    for (let i = 0; i < steps; i++) {
      await app.page.mouse.wheel(0, d);
      await app.page.waitForTimeout(pause);
    }
  }
}
async function typeKeys(app, text, keys, pause = 60) {
  for (let i = 0; i < keys; i++) {
    await app.page.keyboard.type(text[i % text.length]);
    await app.page.waitForTimeout(pause);
  }
}
const main = (items) => {
  const xs = items.filter((i) => i.w > 0 && !i.id.startsWith('nav.'));
  const x0 = Math.min(...xs.map((i) => i.x)), y0 = Math.min(...xs.map((i) => i.y));
  const x1 = Math.max(...xs.map((i) => i.x + i.w)), y1 = Math.max(...xs.map((i) => i.y + i.h));
  return { x0, y0, x1: Math.min(x1, 1270), y1: Math.min(y1, 790) };
};

const server = await startServer(DIST);
const b = await openBrowser({ device: DESKTOP });
const phases = {};
let idle = null, searchTerm = '', textLength = 0;
try {
  const app = await App.open(b.context, server);
  await generateDossiers(app, N);
  await app.settle(1000);
  await app.reload();   // the app as a person finds it: started from the 1,000 stored dossiers
  await app.settle(1500);
  await frameTimer.install(app);
  await probe.install(app);

  // ---- the dashboard: the mouse moved over it, then the wheel -----------------------------------
  await app.click('nav.dashboard');
  await app.settle(800);
  const area = main(await app.items());
  let f0 = await probe.reset(app);
  for (let i = 0; i < 40; i++) {
    const x = area.x0 + ((i * 97) % Math.max(1, area.x1 - area.x0));
    const y = area.y0 + ((i * 53) % Math.max(1, area.y1 - area.y0));
    await app.page.mouse.move(x, y);
    await app.page.waitForTimeout(40);
  }
  await wheel(app, 10, 240);
  await app.settle(300);
  phases.dashboard = summarise(await probe.take(app, f0));

  // ---- the list shown, then left alone -----------------------------------------------------------
  await app.click('nav.dossiers');
  await app.settle(1500);
  const row = (await app.items()).find((i) => i.id.startsWith('list.row.'));
  if (!row) throw new Error('no list row drawn');
  await app.page.mouse.move(row.x + row.w / 2, row.y + row.h * 3);
  await app.settle(1500);
  f0 = await probe.reset(app);
  await app.settle(IDLE_SECONDS * 1000);
  const still = await probe.take(app, f0);
  idle = { seconds: IDLE_SECONDS, frames: still.drawn, mutations: still.mutations };
  console.error(`idle ${IDLE_SECONDS} s with the list: ${idle.frames} frames, ${idle.mutations} mutations`);

  // ---- the list scrolled with the wheel, down and back up ----------------------------------------
  f0 = await probe.reset(app);
  await wheel(app, STEPS, 240);
  await app.settle(300);
  phases.scroll = summarise(await probe.take(app, f0));

  // ---- typing into the list's search: every key filters the 1,000 dossiers again ---------------
  const person = (await app.state()).workspace.dossiers.find((d) => d.nominee.kind === 'individual');
  searchTerm = person.nominee.full_name.split(' ').slice(0, 2).join(' ');
  await app.click('list.search');
  await app.press('Control+A');
  await app.press('Backspace');
  await app.settle(500);
  f0 = await probe.reset(app);
  // The term typed, then erased with Backspace, again and again: the list narrows and widens.
  const term = [...searchTerm];
  for (let typed = 0; typed < KEYS;) {
    for (let i = 0; i < term.length && typed < KEYS; i++, typed++) { await app.page.keyboard.type(term[i]); await app.page.waitForTimeout(60); }
    for (let i = 0; i < term.length && typed < KEYS; i++, typed++) { await app.press('Backspace'); await app.page.waitForTimeout(35); }
  }
  await app.settle(300);
  phases.search = summarise(await probe.take(app, f0));
  await app.press('Control+A');
  await app.press('Backspace');
  await app.settle(300);

  // ---- typing into a Form 08 field holding 20,000 characters ------------------------------------
  const field = await fillLongField(app, TEXT_CHARS);
  textLength = field.length;
  f0 = await probe.reset(app);
  await typeKeys(app, 'Đơn vị hoàn thành xuất sắc nhiệm vụ được giao trong năm 2025. ', KEYS);
  await app.settle(300);
  phases.typing = summarise(await probe.take(app, f0));
  const typed = (await fieldLength(app, field.id)) - textLength;
  if (typed < KEYS * 0.9) throw new Error(`only ${typed} of ${KEYS} characters reached the field`);
  app.assertClean({ deepEqual: (a, c, m) => { if (JSON.stringify(a) !== JSON.stringify(c)) console.error(`warning: ${m}: ${JSON.stringify(a)}`); } });
} finally {
  await b.close();
  rmSync(b.profile, { recursive: true, force: true });
  await server.close();
}

// ---- the results -----------------------------------------------------------------------------
const ms = (x) => `${fmt(x, 2)} ms`;
const pct = (x) => `${fmt(100 * x, 1)} %`;
const what = {
  scroll: `scrolling the list (wheel, ${STEPS} steps down and ${STEPS} up)`,
  search: `typing ${KEYS} keys into the list's search ("${searchTerm}" typed and erased; the list is filtered again at each key, the rows in view change on some)`,
  typing: `typing ${KEYS} characters into a Form 08 field (report.measures) holding ${textLength.toLocaleString('en')}`,
  dashboard: 'the dashboard (mouse moved over it 40 times, wheel 10 steps down and up)',
};
const order = ['scroll', 'search', 'typing', 'dashboard'];
const lines = [
  'Headless Chromium (SwiftShader), desktop window 1280×800.',
  `A fresh profile given ${N.toLocaleString('en')} generated dossiers (\`hoso.dev.generate(${N})\`), saved, then the app restarted from them.`,
  'The mirror\'s time is `performance.now()` around `HosoWeb.a11y.update` (`pre_a11y.js`), which the wasm calls at the',
  'end of every drawn frame: it reads the generation, and when it moved reads the items\' JSON and diffs it into the DOM.',
  'It is wrapped from the page after `hoso.ready`, with `Module._hoso_frame` (the frame\'s CPU time, as in "Frame time',
  'and memory") and `Module._hoso_a11y_json` (the JSON made in wasm); the app is not changed. The mirror\'s time is',
  'inside the frame\'s. Mutations are MutationObserver records under `#hoso-a11y` (children, attributes, text).',
  '',
  table([
    ['while', 'frames (items changed)', 'mirror per frame: median, p95, max', 'frames whose items changed: mean, median, p95', 'of which the items\' JSON made in wasm: mean, p95',
      'frame CPU time: median, p95', 'mirror\'s share of the frame time', 'mutations per frame (per frame whose items changed)'],
    ...order.map((k) => {
      const p = phases[k], m = p.mirror_ms, c = p.mirror_ms_generation_moved;
      return [what[k], `${p.frames} (${p.generation_moved})`, `${ms(m.median)}, ${ms(m.p95)}, ${ms(m.max)}`,
        `${ms(c.mean)}, ${ms(c.median)}, ${ms(c.p95)}`, `${ms(p.items_json_ms.mean)}, ${ms(p.items_json_ms.p95)}`,
        `${ms(p.frame_ms.median)}, ${ms(p.frame_ms.p95)}`,
        `${pct(p.share_of_frame_time)} (per frame: median ${pct(p.share_per_frame.median)}, p95 ${pct(p.share_per_frame.p95)})`,
        `${fmt(p.mutations_per_frame, 1)} (${fmt(p.mutations_per_changed_frame, 1)})`];
    }),
  ]),
  '',
  table([
    ['idle, the list of 1,000 shown', 'measured'],
    [`frames drawn over ${IDLE_SECONDS} s`, `${idle.frames}`],
    [`DOM mutations in the mirror over ${IDLE_SECONDS} s`, `${idle.mutations}`],
  ]),
  '',
  '- "Items changed": frames where the generation moved (the items differed from the last frame\'s); on the others the',
  `  mirror reads one number and stops (mean there: ${order.map((k) => `${k} ${ms(phases[k].mirror_ms_generation_still.mean)}`).join(', ')}).`,
  '- `performance.now()` ticks in 0.1 ms steps here (the page is not cross-origin isolated), so single frames read 0.0,',
  '  0.1, 0.2 ms…; the means and the share (the mirror\'s total time over the frames\' total in that run) are finer.',
  '- Not in the mirror\'s time: the registry\'s comparison of each frame with the last (in C++, inside the frame).',
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
if (flag('write')) saveResults('mirror', { title: 'The accessible mirror (issue 14)', markdown, figures: { dossiers: N, keys: KEYS, steps: STEPS, idle, phases } });
