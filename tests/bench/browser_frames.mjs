// Frame time and memory with 1,000 dossiers (issue 9), in headless Chromium:
//  - CPU time of each frame while the dossier list is scrolled with the mouse wheel, and while a
//    person types into a Form 08 text field already holding 20,000 characters (target: p95 ≤ 4 ms);
//  - wasm memory with 1,000 dossiers stored (target < 64 MB): the size of the wasm heap
//    (Module.HEAPU8.length: what the browser has given the app; it only grows);
//  - frames per second while idle with 1,000 dossiers (target 0).
//
// A frame's CPU time is measured around Module._hoso_frame, the one call through which the page's
// frame loop (src/platform/web/pre_core.js, draw()) runs the app: ImGui's new frame, the app's
// screens, and the draw calls handed to WebGL. The wrapper is installed from the page once the app is
// ready; nothing in the app is changed for it. Input handling outside the frame (the text agent's
// diff, the event listeners) is not counted; SwiftShader's rasterising runs in the GPU process.
//
//   node tests/bench/browser_frames.mjs [--reloads 3] [--keys 60] [--write]
// --write replaces "## Frame time and memory (issue 9)" in BENCHMARKS.md.
import { rmSync } from 'node:fs';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table } from './lib/stats.mjs';
import { DIST, arg, flag, machine, load, today, build, commit, chromiumVersion, writeSection, saveTargets } from './lib/report.mjs';
import { frameTimer as timer, idleFps, generateDossiers, fillLongField, fieldLength } from './lib/frames.mjs';

const RELOADS = arg('reloads', 3);
const KEYS = arg('keys', 60);
const N = 1000;
const TEXT_CHARS = 20000;
const FRAME_TARGET_MS = 4;   // issue 19: p95 ≤ 4 ms
const MEMORY_TARGET_MB = 64;
const HEADING = '## Frame time and memory (issue 9)';

const heapMB = (app) => app.page.evaluate(() => window.Module.HEAPU8.length / 2 ** 20);

const server = await startServer(DIST);
const b = await openBrowser({ device: DESKTOP });
const r = { heapStored: [], idle: [], scroll: [], typing: [], hover: [] };
let heapAfterScroll, heapAfterTyping, textLength = 0, scrollFrames = 0;
try {
  const app = await App.open(b.context, server);
  await generateDossiers(app, N);
  await app.settle(1000);
  // The app as a person finds it: started from the 1,000 dossiers stored.
  for (let i = 0; i < RELOADS; i++) {
    await app.reload();
    r.heapStored.push(await heapMB(app));
    r.idle.push(await idleFps(app));
  }
  await timer.install(app);

  // ---- the list, scrolled with the wheel, down and back up -----------------------------------
  await app.click('nav.dossiers');
  await app.settle(500);
  const row = (await app.items()).find((i) => i.id.startsWith('list.row.'));
  if (!row) throw new Error('no list row drawn');
  await app.page.mouse.move(row.x + row.w / 2, row.y + row.h * 3);
  await timer.reset(app);
  const f0 = await app.frames();
  for (const dy of [240, -240]) {
    for (let i = 0; i < 50; i++) {
      await app.page.mouse.wheel(0, dy);
      await app.page.waitForTimeout(40);
    }
  }
  await app.settle(300);
  r.scroll = await timer.take(app);
  scrollFrames = (await app.frames()) - f0;
  heapAfterScroll = await heapMB(app);
  console.error(`scrolling: ${r.scroll.length} frames, median ${fmt(median(r.scroll), 2)} ms, p95 ${fmt(p95(r.scroll), 2)} ms`);

  // ---- typing into a Form 08 field holding 20,000 characters ----------------------------------
  const person = await fillLongField(app, TEXT_CHARS);
  textLength = person.length;
  // The same screen redrawn without an edit (the mouse moved over it): what drawing costs alone.
  const fieldItem = await app.item('report.measures');
  await timer.reset(app);
  for (let i = 0; i < 30; i++) {
    await app.page.mouse.move(fieldItem.x + 20 + (i % 2) * 40, fieldItem.y + 10);
    await app.page.waitForTimeout(50);
  }
  await app.settle(300);
  r.hover = await timer.take(app);
  await timer.reset(app);
  const letters = 'Đơn vị hoàn thành xuất sắc nhiệm vụ được giao trong năm 2025. ';
  for (let i = 0; i < KEYS; i++) {
    await app.page.keyboard.type(letters[i % letters.length]);
    await app.page.waitForTimeout(60);
  }
  await app.settle(300);
  r.typing = await timer.take(app);
  const typed = (await fieldLength(app, person.id)) - textLength;
  if (typed < KEYS * 0.9) throw new Error(`only ${typed} of ${KEYS} characters reached the field`);
  heapAfterTyping = await heapMB(app);
  console.error(`typing: ${r.typing.length} frames, median ${fmt(median(r.typing), 2)} ms, p95 ${fmt(p95(r.typing), 2)} ms`);
  app.assertClean({ deepEqual: (a, b, m) => { if (JSON.stringify(a) !== JSON.stringify(b)) console.error(`warning: ${m}: ${JSON.stringify(a)}`); } });
} finally {
  await b.close();
  rmSync(b.profile, { recursive: true, force: true });
  await server.close();
}

// ---- the section ------------------------------------------------------------------------------
const heapMax = Math.max(...r.heapStored, heapAfterScroll, heapAfterTyping);
const targets = [
  { figure: 'frame CPU time, 1,000 dossiers, scrolling the list (p95)', value: `${fmt(p95(r.scroll), 2)} ms`, target: `≤ ${FRAME_TARGET_MS} ms`, met: p95(r.scroll) <= FRAME_TARGET_MS },
  { figure: `frame CPU time, typing into a ${TEXT_CHARS.toLocaleString('en')}-character Form 08 field (p95)`, value: `${fmt(p95(r.typing), 2)} ms`, target: `≤ ${FRAME_TARGET_MS} ms`, met: p95(r.typing) <= FRAME_TARGET_MS },
  { figure: 'wasm memory with 1,000 dossiers (largest heap seen)', value: `${fmt(heapMax, 1)} MB`, target: `< ${MEMORY_TARGET_MB} MB`, met: heapMax < MEMORY_TARGET_MB },
  { figure: 'frames per second while idle, 1,000 dossiers (p95)', value: `${fmt(p95(r.idle), 2)} fps`, target: '0', met: p95(r.idle) === 0 },
];
const verdict = (t) => t.met ? 'met' : '**MISSED**';
const bld = build();
const lines = [
  HEADING,
  '',
  `Measured ${today()} by \`node tests/bench/browser_frames.mjs --write\` (part of \`scripts/bench.sh\`) on ${machine()},`,
  `${chromiumVersion()} headless (SwiftShader), build ${bld.hash} (HEAD ${commit()} when run), desktop window 1280×800.`,
  `A fresh profile given ${N.toLocaleString('en')} generated dossiers (\`hoso.dev.generate(${N})\`), saved, then the app restarted from them.`,
  'Frame CPU time is `performance.now()` around `Module._hoso_frame` (the page\'s frame loop calls the app only',
  'through it), wrapped from the page after `hoso.ready`: ImGui\'s frame, the screens, and the draw calls handed to',
  'WebGL. Every frame of the run is a sample.',
  '',
  table([
    ['figure', 'median', 'p95', 'max', 'samples', 'target', ''],
    [`frame CPU time, ${N.toLocaleString('en')} dossiers, scrolling the list (wheel, 50 steps down and 50 up)`,
      `${fmt(median(r.scroll), 2)} ms`, `${fmt(p95(r.scroll), 2)} ms`, `${fmt(Math.max(...r.scroll), 2)} ms`, `${r.scroll.length} frames`, `p95 ≤ ${FRAME_TARGET_MS} ms`, verdict(targets[0])],
    [`frame CPU time, typing ${KEYS} characters into a Form 08 field (report.measures) holding ${textLength.toLocaleString('en')}`,
      `${fmt(median(r.typing), 2)} ms`, `${fmt(p95(r.typing), 2)} ms`, `${fmt(Math.max(...r.typing), 2)} ms`, `${r.typing.length} frames`, `p95 ≤ ${FRAME_TARGET_MS} ms`, verdict(targets[1])],
    ['the same screen redrawn without an edit (mouse moved over the field): drawing alone',
      `${fmt(median(r.hover), 2)} ms`, `${fmt(p95(r.hover), 2)} ms`, `${fmt(Math.max(...r.hover), 2)} ms`, `${r.hover.length} frames`, '(for comparison)', ''],
    [`wasm heap with ${N.toLocaleString('en')} dossiers, after start-up (${RELOADS} restarts)`,
      `${fmt(median(r.heapStored), 1)} MB`, `${fmt(p95(r.heapStored), 1)} MB`, `${fmt(Math.max(...r.heapStored), 1)} MB`, `${r.heapStored.length}`, `< ${MEMORY_TARGET_MB} MB`, verdict(targets[2])],
    ['wasm heap after scrolling, then after typing the 20,000 characters', `${fmt(heapAfterScroll, 1)} MB, ${fmt(heapAfterTyping, 1)} MB`, '', '', '', `< ${MEMORY_TARGET_MB} MB`, verdict(targets[2])],
    [`frames per second while idle, ${N.toLocaleString('en')} dossiers (3 s, after each restart)`,
      fmt(median(r.idle), 2), fmt(p95(r.idle), 2), fmt(Math.max(...r.idle), 2), `${r.idle.length}`, '0', verdict(targets[3])],
  ]),
  '',
  `- The scroll made ${scrollFrames} frames for 100 wheel steps; a frame drawn because of a key includes taking the key.`,
  '- The wasm heap is `Module.HEAPU8.length`: the memory the browser has given the app (it grows, never shrinks),',
  '  so it bounds what is in use from above. It starts at 32 MB (`-sINITIAL_MEMORY`).',
  `- Load average when done: ${load()} (2 cores shared with other builds: read the p95 with that in mind).`,
  '',
];
const section = lines.join('\n');
console.log(section);
saveTargets('frames', targets);
if (flag('write')) writeSection(HEADING, section);
