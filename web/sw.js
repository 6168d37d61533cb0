// hoso's service worker: keeps every file of one build in a cache named by the build's content
// hash and serves the app from it, so the app opens and works with no network. A new build
// installs beside the old one and waits: it takes over only when the person accepts the app's
// notice (the page then posts 'skip-waiting'). It never asks any other origin for anything, and
// leaves requests to other origins alone.
'use strict';
// Replaced by scripts/package_dist.py: the build's content hash and the files of the build.
var BUILD = "__HOSO_BUILD_HASH__";
var FILES = ["__HOSO_PRECACHE__"];
// Caches are shared by the whole origin: the scope in the name keeps two copies of hoso on one
// host (say /a/ and /b/) from deleting each other's files.
var PREFIX = 'hoso:' + new URL(self.registration.scope).pathname + ':';
var CACHE = PREFIX + BUILD;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // 'no-cache': each file is checked with the server, so a file an HTTP cache still holds from
    // an older build cannot slip into this one (unchanged files cost a 304 where the host allows).
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'no-cache' }); }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// A response that came through a redirect cannot answer a navigation: copy it.
function plain(r) {
  if (!r || !r.redirected) return r;
  return r.blob().then(function (body) {
    return new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers });
  });
}

// The cache first, then the network (a file this build does not list, or a cache the browser
// has evicted). A navigation ignores the query string: "./?from=home" is the app too.
self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, { ignoreSearch: req.mode === 'navigate' });
  }).then(function (hit) { return hit ? plain(hit) : fetch(req); }));
});
