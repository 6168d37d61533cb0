// What the frame benchmarks (browser_frames.mjs, browser_mirror.mjs) share: timing the app's
// frames from the page, waiting for a state, idle frames, and the 1,000 generated dossiers.

// Wraps Module._hoso_frame, the one call through which the page's frame loop (pre_core.js, draw())
// runs the app, with performance.now(): installed from the page once the app is ready; nothing in
// the app is changed for it. Runs in the page.
function installFrameTimer() {
  if (window.__frameTimes) return;
  window.__frameTimes = [];
  const M = window.Module;
  const frame = M._hoso_frame;
  M._hoso_frame = function (t) {
    const t0 = performance.now();
    try { return frame(t); } finally { window.__frameTimes.push(performance.now() - t0); }
  };
}
export const frameTimer = {
  install: (app) => app.page.evaluate(installFrameTimer),
  reset: (app) => app.page.evaluate(() => { window.__frameTimes.length = 0; }),
  take: (app) => app.page.evaluate(() => window.__frameTimes.splice(0)),
};

// Polls fn(arg) in the page until it is true.
export async function waitFor(app, what, fn, timeout = 180000, arg = undefined) {
  const t0 = Date.now();
  for (;;) {
    if (await app.page.evaluate(fn, arg)) return;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await app.settle(250);
  }
}

// Frames drawn per second over `seconds` of doing nothing (after 1.5 s for the UI to settle).
export async function idleFps(app, seconds = 3) {
  await app.settle(1500);
  const f0 = await app.frames();
  await app.settle(seconds * 1000);
  return ((await app.frames()) - f0) / seconds;
}

// n generated dossiers (hoso.dev.generate; opts as it takes them, e.g. {seed}), waited for until
// saved to IndexedDB.
export async function generateDossiers(app, n, opts = {}) {
  await app.page.evaluate(([k, o]) => window.hoso.dev.generate(k, o), [n, opts]);
  await waitFor(app, `${n} dossiers saved`, (k) => {
    const s = window.hoso.state();
    return s.workspace.dossiers.length === k && s.save.state === 'saved';
  }, 180000, n);
}

// About `chars` characters of Vietnamese prose (NFC), in paragraphs, as a Form 08 report would hold.
export function prose(chars) {
  const s = 'Trong năm, đơn vị đã chủ động tham mưu cho Ban Giám đốc Sở tổ chức đón tiếp các đoàn khách quốc tế, '
    + 'phối hợp chặt chẽ với các sở, ngành và địa phương, bảo đảm an toàn, tiết kiệm và hiệu quả; '
    + 'công tác thông tin đối ngoại được đẩy mạnh, góp phần quảng bá hình ảnh quê hương Lạng Sơn. ';
  let out = '';
  for (let i = 1; out.length < chars; i++) out += s + (i % 3 === 0 ? '\n' : '');
  return out.slice(0, chars).normalize('NFC');
}

// Opens the last generated person's dossier (found with the list's search) and fills its Form 08
// field report.measures with `chars` characters, the caret left at the end. Returns the dossier's
// id and the field's length in characters, read back from hoso.state().
export async function fillLongField(app, chars) {
  const person = (await app.state()).workspace.dossiers.filter((d) => d.nominee.kind === 'individual').at(-1);
  await app.click('list.search');
  await app.press('Control+A');
  await app.page.keyboard.insertText(person.nominee.full_name);
  await app.settle(300);
  await app.click(`list.row.${person.id}`);
  await app.scrollTo('report.measures');
  await app.click('report.measures');
  await app.press('Control+End');
  await app.page.keyboard.insertText(prose(chars));
  await app.settle(1500);
  const length = await fieldLength(app, person.id);
  if (length < chars) throw new Error(`the field holds ${length} characters, not ${chars}`);
  await app.press('Control+End');
  await app.settle(500);
  return { id: person.id, length };
}
export async function fieldLength(app, id) {
  const d = (await app.state()).workspace.dossiers.find((x) => x.id === id);
  return [...((d.report || {}).measures || '')].length;
}
