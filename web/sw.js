// hoso's service worker: keeps every file of one build in a cache named by the build's content
// hash and serves the app from it, so the app opens and works with no network. A new build
// installs beside the old one and waits: it takes over only when the person accepts the app's
// notice (the page then posts 'skip-waiting'). It never asks any other origin for anything, and
// leaves requests to other origins alone.
'use strict';
// Replaced by scripts/package_dist.py: the build's content hash and the files of the build.
var BUILD = "__HOSO_BUILD_HASH__";
var FILES = ["__HOSO_PRECACHE__"];
// The full edition (the secretariat's tools): cached when first fetched, and carried into a new
// build's cache when the old one had it, so whoever uses it keeps it offline.
var LAZY = ["__HOSO_LAZY__"];
// Caches are shared by the whole origin: the scope in the name keeps two copies of hoso on one
// host (say /a/ and /b/) from deleting each other's files.
var PREFIX = 'hoso:' + new URL(self.registration.scope).pathname + ':';
var CACHE = PREFIX + BUILD;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // 'no-cache': each file is checked with the server, so a file an HTTP cache still holds from
    // an older build cannot slip into this one (unchanged files cost a 304 where the host allows).
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'no-cache' }); }))
      .then(function () { return usedLazyFiles(); })
      .then(function (used) {
        return cache.addAll(used.map(function (f) { return new Request(f, { cache: 'no-cache' }); }));
      });
  }));
});

function isLazy(url) {
  var path = new URL(url).pathname, base = new URL(self.registration.scope).pathname;
  return LAZY.indexOf(path.slice(base.length)) >= 0;
}

// The LAZY files an older build's cache holds (of this scope): this build caches them too.
function usedLazyFiles() {
  return caches.keys().then(function (keys) {
    var old = keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; });
    return Promise.all(old.map(function (k) {
      return caches.open(k).then(function (c) { return c.keys(); }).then(function (reqs) {
        return reqs.filter(function (r) { return isLazy(r.url); }).map(function (r) {
          return new URL(r.url).pathname.slice(new URL(self.registration.scope).pathname.length);
        });
      });
    }));
  }).then(function (lists) {
    var out = [];
    lists.forEach(function (l) { l.forEach(function (f) { if (out.indexOf(f) < 0) out.push(f); }); });
    return out;
  });
}

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

// A file shared to the installed app (manifest "share_target", Android's share sheet): the browser
// posts it here. It waits in a cache of its own (not this build's: a new build must not delete
// it) until the page takes it (pre_files.js), and the app opens.
function keepShared(req) {
  var scope = self.registration.scope;
  return req.formData().then(function (form) {
    var files = form.getAll('file').filter(function (f) { return typeof f !== 'string'; });
    return caches.open('hoso-shared:' + new URL(scope).pathname).then(function (c) {
      return Promise.all(files.map(function (f, i) {
        return c.put(new Request(scope + 'shared/' + Date.now() + '-' + i), new Response(f, {
          headers: { 'Content-Type': f.type || 'application/json', 'X-Name': encodeURIComponent(f.name) }
        }));
      }));
    });
  }).catch(function () { /* nothing readable was shared: the app opens all the same */ }).then(function () {
    return Response.redirect(scope + '?shared=1', 303);
  });
}

// The cache first, then the network (a file this build does not list, or a cache the browser
// has evicted). A navigation ignores the query string: "./?from=home" is the app too.
self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method === 'POST' && req.url === new URL('share-target', self.registration.scope).href) {
    event.respondWith(keepShared(req));
    return;
  }
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, { ignoreSearch: req.mode === 'navigate' }).then(function (hit) {
      if (hit) return plain(hit);
      if (!isLazy(req.url)) return fetch(req);
      return fetch(req).then(function (res) {
        if (res.ok) cache.put(req, res.clone());
        return res;
      });
    });
  }));
});
