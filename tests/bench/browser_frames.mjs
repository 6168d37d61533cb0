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
// --throttle 4 measures the scrolling and the typing a second time with the CPU slowed 4×
// (Emulation.setCPUThrottlingRate: a cheap phone), after the unthrottled pass.
//
//   node tests/bench/browser_frames.mjs [--reloads 3] [--keys 60] [--throttle 4] [--write]
// --write saves the results to benchmarks/results/frames.json (BENCHMARKS.md is built from it).
import { rmSync } from 'node:fs';
import { startServer, openBrowser, App, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, describe } from './lib/stats.mjs';
import { DIST, arg, flag, saveResults, throttleCpu } from './lib/report.mjs';
import { frameTimer as timer, idleFps, generateDossiers, fillLongField, fieldLength } from './lib/frames.mjs';

const RELOADS = arg('reloads', 3);
const KEYS = arg('keys', 60);
const THROTTLE = arg('throttle', 1);
const N = 1000;
const TEXT_CHARS = 20000;
const LETTERS = 'Đơn vị hoàn thành xuất sắc nhiệm vụ được giao trong năm 2025. ';

const heapMiB = (app) => app.page.evaluate(() => window.Module.HEAPU8.length / 2 ** 20);

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
    r.heapStored.push(await heapMiB(app));
    r.idle.push(await idleFps(app));
  }
  await timer.install(app);

  // ---- the list, scrolled with the wheel, down and back up -----------------------------------
  await app.click('nav.dossiers');
  await app.settle(500);
  const row = (await app.items()).find((i) => i.id.startsWith('list.row.'));
  if (!row) throw new Error('no list row drawn');
  await app.page.mouse.move(row.x + row.w / 2, row.y + row.h * 3);
  const scroll = async () => {
    await timer.reset(app);
    const f0 = await app.frames();
    for (const dy of [240, -240]) {
      for (let i = 0; i < 50; i++) {
        await app.page.mouse.wheel(0, dy);
        await app.page.waitForTimeout(40);
      }
    }
    await app.settle(300);
    scrollFrames ||= (await app.frames()) - f0;   // the unthrottled pass's, reported below
    return timer.take(app);
  };
  r.scroll = await scroll();
  heapAfterScroll = await heapMiB(app);
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
  const type = async () => {
    const before = await fieldLength(app, person.id);
    await timer.reset(app);
    for (let i = 0; i < KEYS; i++) {
      await app.page.keyboard.type(LETTERS[i % LETTERS.length]);
      await app.page.waitForTimeout(60);
    }
    await app.settle(300);
    const frames = await timer.take(app);
    const typed = (await fieldLength(app, person.id)) - before;
    if (typed < KEYS * 0.9) throw new Error(`only ${typed} of ${KEYS} characters reached the field`);
    return frames;
  };
  r.typing = await type();
  heapAfterTyping = await heapMiB(app);
  console.error(`typing: ${r.typing.length} frames, median ${fmt(median(r.typing), 2)} ms, p95 ${fmt(p95(r.typing), 2)} ms`);

  // ---- the same two, the CPU slowed down -------------------------------------------------------
  if (THROTTLE > 1) {
    const cdp = await throttleCpu(app.page, THROTTLE);
    r.throttledTyping = await type();
    await app.click('nav.dossiers');
    await app.settle(1000);
    await app.page.mouse.move(row.x + row.w / 2, row.y + row.h * 3);
    r.throttledScroll = await scroll();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    console.error(`CPU ÷${THROTTLE}: scrolling p95 ${fmt(p95(r.throttledScroll), 2)} ms, typing p95 ${fmt(p95(r.throttledTyping), 2)} ms`);
  }
  app.assertClean({ deepEqual: (a, b, m) => { if (JSON.stringify(a) !== JSON.stringify(b)) console.error(`warning: ${m}: ${JSON.stringify(a)}`); } });
} finally {
  await b.close();
  rmSync(b.profile, { recursive: true, force: true });
  await server.close();
}

// ---- the results -----------------------------------------------------------------------------
const MiB = 2 ** 20;
const heapMax = Math.max(...r.heapStored, heapAfterScroll, heapAfterTyping);
const figures = {
  dossiers: N,
  text_characters: textLength,
  keys: KEYS,
  scroll_frame_ms: describe(r.scroll),
  typing_frame_ms: describe(r.typing),
  redraw_frame_ms: describe(r.hover),
  heap_bytes: { after_startup: r.heapStored.map((x) => x * MiB), after_scroll: heapAfterScroll * MiB, after_typing: heapAfterTyping * MiB, max: heapMax * MiB },
  idle_fps: describe(r.idle),
  throttled: THROTTLE > 1 ? { rate: THROTTLE, scroll_frame_ms: describe(r.throttledScroll), typing_frame_ms: describe(r.throttledTyping) } : null,
};
const MB = (mib) => `${fmt((mib * MiB) / 1e6, 1)} MB`;
const frameRow = (label, xs) => [label, `${fmt(median(xs), 2)} ms`, `${fmt(p95(xs), 2)} ms`, `${fmt(Math.max(...xs), 2)} ms`, `${xs.length} frames`];
const lines = [
  `Headless Chromium (SwiftShader), desktop window 1280×800. A fresh profile given ${N.toLocaleString('en')} generated dossiers`,
  `(\`hoso.dev.generate(${N})\`), saved, then the app restarted from them.`,
  'Frame CPU time is `performance.now()` around `Module._hoso_frame` (the page\'s frame loop calls the app only',
  'through it), wrapped from the page after `hoso.ready`: ImGui\'s frame, the screens, and the draw calls handed to',
  'WebGL. Every frame of the run is a sample.',
  '',
  table([
    ['figure', 'median', 'p95', 'max', 'samples'],
    frameRow(`frame CPU time, ${N.toLocaleString('en')} dossiers, scrolling the list (wheel, 50 steps down and 50 up)`, r.scroll),
    frameRow(`frame CPU time, typing ${KEYS} characters into a Form 08 field (report.measures) holding ${textLength.toLocaleString('en')}`, r.typing),
    frameRow('the same screen redrawn without an edit (mouse moved over the field): drawing alone', r.hover),
    ...(THROTTLE > 1 ? [
      frameRow(`CPU throttled ${THROTTLE}×: scrolling the list`, r.throttledScroll),
      frameRow(`CPU throttled ${THROTTLE}×: typing ${KEYS} characters into the same field`, r.throttledTyping),
    ] : []),
    [`wasm heap with ${N.toLocaleString('en')} dossiers, after start-up (${RELOADS} restarts)`,
      MB(median(r.heapStored)), MB(p95(r.heapStored)), MB(Math.max(...r.heapStored)), `${r.heapStored.length}`],
    ['wasm heap after scrolling, then after typing the 20,000 characters', `${MB(heapAfterScroll)}, ${MB(heapAfterTyping)}`, '', '', ''],
    [`frames per second while idle, ${N.toLocaleString('en')} dossiers (3 s, after each restart)`,
      fmt(median(r.idle), 2), fmt(p95(r.idle), 2), fmt(Math.max(...r.idle), 2), `${r.idle.length}`],
  ]),
  '',
  `- The scroll made ${scrollFrames} frames for 100 wheel steps; a frame drawn because of a key includes taking the key.`,
  '- The wasm heap is `Module.HEAPU8.length`: the memory the browser has given the app (it grows, never shrinks),',
  '  so it bounds what is in use from above. MB = 10⁶ bytes (it starts at 32 MiB = 33.6 MB, `-sINITIAL_MEMORY`).',
  ...(THROTTLE > 1 ? [`- The throttled pass (Emulation.setCPUThrottlingRate ${THROTTLE}) typed into the field first, then scrolled the list again.`] : []),
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
if (flag('write')) saveResults('frames', { title: 'Frame time and memory (issue 9)', markdown, figures });
