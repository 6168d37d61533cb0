// The size budget: the total gzip transfer of a first visit (every file in dist/ the page loads).
// Sizes are deterministic for a given build, so this is a test, not a benchmark.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../../dist/', import.meta.url).pathname;
const BUDGET_KB = 450;
// What a first visit transfers: everything except the published schemas and build facts,
// which the app itself never requests.
const skip = (rel) => rel.startsWith('schema/') || rel === 'build.json';
let total = 0;
const rows = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { walk(p); continue; }
    const rel = relative(dist, p);
    if (skip(rel)) continue;
    const raw = readFileSync(p);
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    rows.push([rel, raw.length, gz]);
  }
})(dist);
rows.sort((a, b) => b[2] - a[2]);
for (const [rel, raw, gz] of rows) console.log(`${rel.padEnd(28)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(8)} B gzip`);
const kb = total / 1024;
console.log(`total first-visit transfer: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) { console.log('size budget: 0 passed, 1 failed'); process.exit(1); }
console.log('size budget: 1 passed, 0 failed');
