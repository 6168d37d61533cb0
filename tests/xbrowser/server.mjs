// A static server for the app's dist/ on 127.0.0.1 that puts the runner's page script
// (page_init.js) in front of boot.js in index.html. What that script does on the next load is set
// with `setPage(config)`; the script is not one of the build's files, so the service worker never
// keeps it and each load asks the server again.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
const INIT = readFileSync(new URL('./page_init.js', import.meta.url), 'utf8');
const TAG = '<script src="__xb/init.js"></script>';

export async function startServer(dir) {
  const root = resolve(dir);
  let page = {};
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (rel === '/__xb/init.js') return send(200, MIME['.js'], `var XB = ${JSON.stringify(page)};\n${INIT}`);
    // A page of the app's origin without the app (it reads IndexedDB while no tab holds the app).
    if (rel === '/__xb/no-app.html') return send(200, MIME['.html'], '<!doctype html><link rel="icon" href="data:,"><title>no app</title>');
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) return send(404, 'text/plain', 'not found');
    let body = readFileSync(file);
    if (rel === '/index.html') {
      const html = body.toString('utf8');
      if (!html.includes('<script src="boot.js">')) throw new Error('index.html has no boot.js script tag');
      body = Buffer.from(html.replace('<script src="boot.js">', `${TAG}\n<script src="boot.js">`), 'utf8');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage(config) { page = config || {}; },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
