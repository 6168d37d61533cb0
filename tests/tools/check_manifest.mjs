// The web app manifest validates: its required fields are there with sensible values, and every
// icon it names exists at the size it names (read from the PNG header); index.html links it and
// the 180x180 apple-touch-icon. `node tests/tools/check_manifest.mjs [dist]` (default dist/);
// the end-to-end suite imports checkManifest() too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG.
export function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25], opaque: pngOpaque(bytes) };
}

// Whether every pixel is opaque, as far as the format says: grey or RGB without a tRNS chunk, or
// a palette without one (types 4 and 6 carry alpha).
function pngOpaque(bytes) {
  const type = bytes[25];
  if (type === 4 || type === 6) return false;
  for (let at = 8; at + 8 <= bytes.length;) {
    const len = bytes.readUInt32BE(at), kind = bytes.toString('latin1', at + 4, at + 8);
    if (kind === 'tRNS') return false;
    if (kind === 'IDAT' || kind === 'IEND') return true;
    at += 12 + len;
  }
  return true;
}

// A file named by a URL relative to the dist folder ("icons/a.png", "./"), or null when the URL
// leaves the app (absolute, another origin, "..").
function local(dist, url) {
  const u = new URL(url, 'https://app.invalid/hoso/');
  if (u.origin !== 'https://app.invalid' || !u.pathname.startsWith('/hoso/')) return null;
  return join(dist, decodeURIComponent(u.pathname.slice('/hoso/'.length)) || 'index.html');
}

export function checkManifest(dist) {
  const problems = [];
  const fail = (m) => problems.push(m);
  const path = join(dist, 'manifest.webmanifest');
  if (!existsSync(path)) return ['manifest.webmanifest is missing'];
  let m;
  try { m = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { return [`manifest.webmanifest is not JSON: ${e.message}`]; }

  for (const k of ['name', 'short_name', 'start_url', 'scope', 'display', 'theme_color', 'background_color', 'lang', 'icons'])
    if (m[k] === undefined || m[k] === '') fail(`manifest: "${k}" is missing`);
  if (m.short_name && [...m.short_name].length > 12) fail('manifest: short_name longer than 12 characters (cut off under the icon)');
  if (m.display && !['standalone', 'fullscreen', 'minimal-ui'].includes(m.display)) fail(`manifest: display "${m.display}" is not installable`);
  for (const k of ['theme_color', 'background_color'])
    if (m[k] && !/^#[0-9a-f]{6}$/i.test(m[k])) fail(`manifest: ${k} "${m[k]}" is not a #rrggbb colour`);
  // Relative URLs keep the app working from any path; start_url must sit inside the scope.
  for (const k of ['start_url', 'scope', 'id']) {
    if (m[k] === undefined) continue;
    if (/^[a-z]+:|^\/\//i.test(m[k]) || m[k].startsWith('/')) fail(`manifest: ${k} "${m[k]}" is not relative`);
    if (!local(dist, m[k])) fail(`manifest: ${k} "${m[k]}" leaves the app`);
  }
  if (m.start_url && m.scope) {
    const base = 'https://app.invalid/hoso/';
    if (!new URL(m.start_url, base).href.startsWith(new URL(m.scope, base).href)) fail('manifest: start_url is outside scope');
  }

  const icons = Array.isArray(m.icons) ? m.icons : [];
  const have = new Set();
  for (const icon of icons) {
    const file = icon.src && local(dist, icon.src);
    if (!file) { fail(`manifest: icon "${icon.src}" is not a file of the app`); continue; }
    if (!existsSync(file)) { fail(`manifest: icon ${icon.src} does not exist`); continue; }
    if (icon.type !== 'image/png') { fail(`manifest: icon ${icon.src} should be image/png`); continue; }
    const size = pngSize(readFileSync(file));
    if (!size) { fail(`manifest: icon ${icon.src} is not a PNG`); continue; }
    const named = String(icon.sizes || '').split(/\s+/);
    if (!named.includes(`${size.width}x${size.height}`))
      fail(`manifest: icon ${icon.src} is ${size.width}x${size.height}, named "${icon.sizes}"`);
    for (const purpose of String(icon.purpose || 'any').split(/\s+/)) {
      if (!['any', 'maskable', 'monochrome'].includes(purpose)) fail(`manifest: icon ${icon.src} has purpose "${purpose}"`);
      // A maskable icon is cropped to any shape: it must fill every pixel.
      if (purpose === 'maskable' && !size.opaque) fail(`manifest: maskable icon ${icon.src} has transparency`);
      have.add(`${purpose} ${size.width}x${size.height}`);
    }
  }
  for (const want of ['any 192x192', 'any 512x512', 'maskable 512x512'])
    if (!have.has(want)) fail(`manifest: no ${want.replace(' ', ' icon at ')}`);

  // The page links the manifest and the icon iOS uses for "Add to Home Screen".
  const html = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '';
  const link = (rel) => {
    const tag = [...html.matchAll(/<link\b[^>]*>/gi)].map((t) => t[0]).find((t) => new RegExp(`rel="${rel}"`).test(t));
    return tag && { href: (tag.match(/href="([^"]*)"/) || [])[1], sizes: (tag.match(/sizes="([^"]*)"/) || [])[1] };
  };
  const ml = link('manifest');
  if (!ml || ml.href !== 'manifest.webmanifest') fail('index.html: no <link rel="manifest" href="manifest.webmanifest">');
  const apple = link('apple-touch-icon');
  if (!apple) fail('index.html: no <link rel="apple-touch-icon">');
  else {
    const file = local(dist, apple.href || '');
    const size = file && existsSync(file) ? pngSize(readFileSync(file)) : null;
    if (!size) fail(`index.html: apple-touch-icon ${apple.href} is not a PNG of the app`);
    else if (size.width !== 180 || size.height !== 180) fail(`index.html: apple-touch-icon is ${size.width}x${size.height}, not 180x180`);
    else if (apple.sizes && apple.sizes !== '180x180') fail(`index.html: apple-touch-icon named ${apple.sizes}`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || fileURLToPath(new URL('../../dist/', import.meta.url));
  const problems = checkManifest(dist);
  for (const p of problems) console.log(p);
  console.log(`manifest: ${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
  process.exit(problems.length ? 1 : 0);
}
