// The layers of src/ (docs/ARCHITECTURE.md), each including only from itself and the layers below:
//   core      the domain: pure C++, no ImGui, Emscripten, files or clocks
//   store     the workspace on a directory            (core)
//   app       the session behind the screens          (store, core)
//   ui        the screens, Dear ImGui                  (app, store, core)
//   main      the composition root: App, the editions (ui, app, store, core)
//   platform  the browser glue                         (everything)
// A file that includes from a layer above its own, or a library a layer must not know, is a
// failure. Run by scripts/test.sh.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const order = ['core', 'store', 'app', 'ui', 'main', 'platform'];
// Outside libraries each layer may not include, beyond the rule of the order.
const forbiddenLibraries = {
  core: [/^imgui/, /^emscripten/, /^GLES/, /^SDL/, /^filesystem$/, /^fstream$/, /^chrono$/, /^random$/, /^thread$/],
  store: [/^imgui/, /^emscripten/],
  app: [/^imgui/, /^emscripten/],
};

export function checkLayers(srcDir) {
  const problems = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (!/\.(cpp|hpp|h|inc)$/.test(name)) continue;
      const rel = relative(srcDir, p);
      const layer = rel.split('/')[0];
      const rank = order.indexOf(layer);
      if (rank < 0) { problems.push(`${rel}: not in a known layer (${order.join(', ')})`); continue; }
      const lines = readFileSync(p, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const m = line.match(/^\s*#\s*include\s*([<"])([^>"]+)[>"]/);
        if (!m) return;
        const [, , target] = m;
        const top = target.split('/')[0];
        const targetRank = order.indexOf(top);
        if (target.includes('/') && targetRank > rank)
          problems.push(`${rel}:${i + 1}: ${layer}/ includes ${target} (${top}/ is above ${layer}/)`);
        for (const re of forbiddenLibraries[layer] ?? [])
          if (re.test(target)) problems.push(`${rel}:${i + 1}: ${layer}/ includes <${target}>, which ${layer}/ must not use`);
      });
    }
  })(srcDir);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLayers(join(root, 'src'));
  if (problems.length) {
    console.error(`layers: ${problems.length} problem(s)\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  console.log('layers: every include goes down (core < store < app < ui < main < platform)');
}
