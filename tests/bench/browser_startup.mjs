// Start-up and size benchmark (issues 2 and 9): bytes of every file in dist/ raw and gzip; time
// from navigation to hoso.ready on cold loads (fresh profile each time), and on repeat visits;
// frames drawn per second while idle. Prints a Markdown section.
//   node tests/bench/browser_startup.mjs [runs]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, openBrowser, DIST, DESKTOP } from '../e2e/lib/harness.mjs';
import { median, p95, fmt, table, verdict } from './lib/stats.mjs';

const runs = Number(process.argv[2] || 5);

function sizes() {
  const rows = [];
  let raw = 0, gz = 0;
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      const rel = relative(DIST, p);
      if (rel.startsWith('schema/') || rel === 'build.json') continue;
      const b = readFileSync(p);
      const g = gzipSync(b, { level: 9 }).length;
      rows.push([rel, b.length, g]);
      raw += b.length;
      gz += g;
    }
  })(DIST);
  rows.sort((a, b) => b[2] - a[2]);
  return { rows, raw, gz };
}

async function timeToReady(page, url) {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.hoso && window.hoso.ready);
  await page.evaluate(() => window.hoso.ready);
  // The page's own clock: navigation start to the promise's resolution.
  const inPage = await page.evaluate(() => performance.now());
  return { wall: Date.now() - t0, inPage };
}

const server = await startServer();
const cold = [], repeat = [], idleFps = [];
for (let i = 0; i < runs; i++) {
  const b = await openBrowser({ device: DESKTOP });
  const page = b.context.pages()[0];
  cold.push((await timeToReady(page, server.url)).inPage);
  repeat.push((await timeToReady(page, server.url)).inPage);
  await page.waitForTimeout(2000);
  const f0 = await page.evaluate(() => window.hoso.frames());
  await page.waitForTimeout(3000);
  idleFps.push(((await page.evaluate(() => window.hoso.frames())) - f0) / 3);
  await b.close();
}
await server.close();

const s = sizes();
const out = [];
out.push('## Start-up and size (issues 2 and 9)');
out.push('');
out.push(table([
  ['figure', 'median', 'p95', 'target', ''],
  [`cold load to hoso.ready (ms, ${runs} fresh profiles)`, fmt(median(cold), 0), fmt(p95(cold), 0), '450 (Enketo)', verdict(median(cold), 450)],
  ['repeat visit to hoso.ready (ms)', fmt(median(repeat), 0), fmt(p95(repeat), 0), '', ''],
  ['frames per second while idle', fmt(median(idleFps), 2), fmt(p95(idleFps), 2), '0', verdict(median(idleFps), 0)],
  ['first-visit transfer (KB gzip)', fmt(s.gz / 1024), '', '450 (budget); Enketo 297', verdict(s.gz / 1024, 450)],
]));
out.push('');
out.push(table([['file', 'raw bytes', 'gzip bytes'], ...s.rows.map(([f, r, g]) => [f, String(r), String(g)]),
  ['**total**', String(s.raw), String(s.gz)]]));
console.log(out.join('\n'));
