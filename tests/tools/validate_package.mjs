// Validates submission packages against assets/schema/package.schema.json with ajv (JSON Schema
// 2020-12) and ajv-formats: an independent check of what the app writes, not our own C++ reader.
// Usage: node tests/tools/validate_package.mjs <package.json>...   Exit status 1 if any is invalid.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${root}assets/schema/package.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/tools/validate_package.mjs <package.json>...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${basename(file)}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(data)) {
    console.log(`${basename(file)}: valid`);
  } else {
    failed++;
    for (const e of validate.errors) console.error(`${basename(file)}: ${e.instancePath || '/'} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
