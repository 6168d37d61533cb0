// Validates every campaign and report template the app ships (assets/campaigns, assets/templates)
// and the valid campaign seeds of the fuzzer against their published JSON Schemas with ajv (2020-12)
// and ajv-formats: an independent check, not our own C++ reader. Campaign files given as
// arguments (a published file an end-to-end test made) are validated too.
// Usage: node tests/tools/validate_data_files.mjs [campaign.json...]   Exit status 1 if any is invalid.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url).pathname;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(root, 'assets/schema', name), 'utf8')));
const campaign = schema('campaign.schema.json');
const template = schema('template.schema.json');
const inDir = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => join(root, dir, f));

const checks = [
  ...inDir('assets/campaigns').map((f) => [f, campaign]),
  ...inDir('assets/templates').map((f) => [f, template]),
  // The fuzzer's seeds that the reader accepts; the others are refusals on purpose.
  ...['valid.json'].map((f) => [join(root, 'tests/fuzz/corpus/campaign', f), campaign]),
  ...process.argv.slice(2).map((f) => [f, campaign]),
];
let failed = 0;
for (const [file, validate] of checks) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${basename(file)}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(data)) continue;
  failed++;
  for (const e of validate.errors) console.error(`${basename(file)}: ${e.instancePath || '/'} ${e.message}`);
}
console.log(`data files: ${checks.length - failed} valid, ${failed} invalid`);
process.exit(failed ? 1 : 0);
