// Builds the peer page into tests/bench/peer/dist/ (ignored): index.html with the form, app.js
// (enketo-core and its dependencies bundled and minified by esbuild) and app.css (Enketo's
// "formhub" theme compiled by sass). Run by browser_peer.mjs after `npm ci` in this folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as sass from 'sass';
import { formHtml, modelStr } from './form.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, 'app.js')], bundle: true, minify: true, format: 'iife',
  target: 'es2020', outfile: join(out, 'app.js'), logLevel: 'warning', legalComments: 'none',
});

// Enketo's stylesheets import some files by its monorepo's absolute paths
// (/packages/enketo-core/node_modules/...): map those to this folder's node_modules.
const modules = join(here, 'node_modules');
const css = sass.compile(join(modules, 'enketo-core/src/sass/formhub/formhub.scss'), {
  style: 'compressed', quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div', 'mixed-decls'],
  loadPaths: [modules],
  importers: [{
    findFileUrl(url) {
      const m = url.match(/^\/packages\/enketo-core\/node_modules\/(.*)$/);
      return m ? pathToFileURL(join(modules, m[1])) : null;
    },
  }],
}).css;
writeFileSync(join(out, 'app.css'), css);

writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enketo peer</title><link rel="stylesheet" href="app.css"></head>
<body><div class="main"><article class="paper">${formHtml}</article></div>
<script>window.PEER_MODEL = ${JSON.stringify(modelStr)};</script><script src="app.js"></script></body></html>
`);
console.error(`peer page built in ${out}`);
