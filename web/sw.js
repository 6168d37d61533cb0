// hoso's service worker: keeps every file of one build in a cache named by the build's content
// hash and serves the app from it, so the app opens and works with no network. A new build
// installs beside the old one and waits: it takes over only when the person accepts the app's
// notice (the page then posts 'skip-waiting'). It never asks any other origin for anything, and
// leaves requests to other origins alone.
'use strict';
// Replaced by scripts/package_dist.py: the build's content hash, and each file of the build with
// its SHA-256 (the build's manifest: it comes with the worker, so the two cannot disagree).
var BUILD = "__HOSO_BUILD_HASH__";
var FILES = {"__HOSO_PRECACHE__": ""};
// The full edition (the secretariat's tools): cached when first fetched, and carried into a new
// build's cache when the old one had it, so whoever uses it keeps it offline.
var LAZY = {"__HOSO_LAZY__": ""};
// Caches are shared by the whole origin: the scope in the name keeps two copies of hoso on one
// host (say /a/ and /b/) from deleting each other's files.
var SCOPE = self.registration.scope;
var PREFIX = 'hoso:' + new URL(SCOPE).pathname + ':';
var CACHE = PREFIX + BUILD;
// The older builds' caches kept while a page that runs one is still open (see 'activate').
var RETIRING = 'hoso-retiring:' + new URL(SCOPE).pathname;
var RETIRING_KEY = SCOPE + 'retiring.json';

// A new build is installed only whole and exactly as built: every file is fetched and its SHA-256
// checked against FILES before any of it goes into the new cache. A file missing or different (a
// deploy half done, a proxy's mangling) fails the install: the browser drops this worker, and
// the build in use keeps its worker and its cache, untouched; the next update check tries again.
self.addEventListener('install', function (event) {
  event.waitUntil(olderCaches().then(function (older) {
    return lazyFilesUsed(older).then(function (lazy) {
      var wanted = {};
      Object.keys(FILES).forEach(function (f) { wanted[f] = FILES[f]; });
      lazy.forEach(function (f) { wanted[f] = LAZY[f]; });
      // Names with the same content ("./" and index.html: the page) are fetched once.
      var namesOf = {};
      Object.keys(wanted).forEach(function (f) { (namesOf[wanted[f]] = namesOf[wanted[f]] || []).push(f); });
      return Promise.all(Object.keys(namesOf).map(function (hash) {
        // The first name that gives the content will do for all (a host may serve "./" oddly).
        var names = namesOf[hash];
        return names.slice(1).reduce(function (prev, name) {
          return prev.catch(function () { return verifiedFile(name, hash, older); });
        }, verifiedFile(names[0], hash, older)).then(function (file) {
          return { names: names, file: file };
        });
      }));
    });
  }).then(function (verified) {
    return caches.has(CACHE).then(function (existed) {
      return keepOwnCache().then(function () { return caches.open(CACHE); }).then(function (cache) {
        return Promise.all(verified.map(function (v) {
          return Promise.all(v.names.map(function (name) {
            return cache.put(new Request(new URL(name, SCOPE).href), v.file.response());
          }));
        }));
      }).catch(function (e) {
        // Storage full, say: no half-filled cache is left behind. A cache this build had already
        // (a rollback while its pages are still open) stays: they read from it.
        return (existed ? Promise.resolve() : caches.delete(CACHE)).then(function () { throw e; });
      });
    });
  }));
});

// This build's file `name`, checked to have the SHA-256 `hash`. Each source is tried in turn, so
// that a file crosses the network at most once: an older build's cache (unchanged since then),
// the HTTP cache (on a first visit, the page has just downloaded it: a host that sends no ETag
// would otherwise send it all again), then the network itself.
function verifiedFile(name, hash, older) {
  var url = new URL(name, SCOPE).href;
  var found = older.reduce(function (prev, cacheName) {
    return prev.then(function (file) {
      return file || caches.match(url, { cacheName: cacheName }).then(function (r) { return checked(r, hash); });
    });
  }, Promise.resolve(null));
  return found.then(function (file) {
    return file || fetch(url, { cache: 'force-cache' }).then(function (r) { return checked(r, hash); },
                                                           function () { return null; });
  }).then(function (file) {
    return file || fetch(url, { cache: 'reload' }).then(function (r) {
      if (!r.ok) throw new Error('hoso: ' + name + ' is missing (HTTP ' + r.status + '): build ' + BUILD + ' not installed');
      return checked(r, hash).then(function (f) {
        if (!f) throw new Error('hoso: ' + name + ' is not the file build ' + BUILD + ' lists: not installed');
        return f;
      });
    });
  });
}

// A response whose body has the SHA-256 `hash`, read once: {response()} gives copies of it to
// store. Null when there is none, it failed, or its body is anything else.
function checked(response, hash) {
  if (!response || !response.ok) return Promise.resolve(null);
  return response.arrayBuffer().then(function (body) {
    return crypto.subtle.digest('SHA-256', body).then(function (digest) {
      if (hex(digest) !== hash) return null;
      return {
        response: function () {
          return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
        },
      };
    });
  }, function () { return null; });
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
}

function lazyName(url) {
  var path = new URL(url).pathname, base = new URL(SCOPE).pathname;
  var name = path.slice(base.length);
  return Object.prototype.hasOwnProperty.call(LAZY, name) ? name : null;
}

// The caches of this scope's other builds.
function olderCaches() {
  return caches.keys().then(function (keys) {
    return keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; });
  });
}

// The LAZY files an older build's cache holds: this build caches them too.
function lazyFilesUsed(older) {
  return Promise.all(older.map(function (k) {
    return caches.open(k).then(function (c) { return c.keys(); }).then(function (reqs) {
      return reqs.map(function (r) { return lazyName(r.url); }).filter(Boolean);
    });
  })).then(function (lists) {
    var out = [];
    lists.forEach(function (l) { l.forEach(function (f) { if (out.indexOf(f) < 0) out.push(f); }); });
    return out;
  });
}

// This build takes over (the person accepted it in a page, or every page of the old one closed).
// The pages open now run an older build, but for the one that accepted it (it reloads into this
// one at once): the older caches stay until those pages are gone (a tab left open keeps what it
// runs), then go. The record is kept in a cache, since the browser stops idle workers.
var acceptedBy = null;
var retiring = null;  // {pages: [client id], caches: [cache name]}, read back when the worker restarts

self.addEventListener('activate', function (event) {
  event.waitUntil(Promise.all([
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
    olderCaches(),
  ]).then(function (found) {
    var pages = found[0].map(function (c) { return c.id; }).filter(function (id) { return id !== acceptedBy; });
    return keepRetiring({ pages: pages, caches: found[1] });
  }).then(retireOlderBuilds).then(function () { return self.clients.claim(); }));
});

function keepRetiring(r) {
  retiring = r;
  if (!r.caches.length) return caches.delete(RETIRING);
  return caches.open(RETIRING).then(function (c) { return c.put(RETIRING_KEY, new Response(JSON.stringify(r))); });
}
function readRetiring() {
  if (retiring) return Promise.resolve(retiring);
  return caches.match(RETIRING_KEY, { cacheName: RETIRING }).then(function (r) { return r ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (r) { retiring = r || { pages: [], caches: [] }; return retiring; });
}
// Deletes the older builds' caches once none of their pages is open.
function retireOlderBuilds() {
  return readRetiring().then(function (r) {
    if (!r.caches.length) return null;
    return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (open) {
      var stillOpen = r.pages.filter(function (id) { return open.some(function (c) { return c.id === id; }); });
      if (stillOpen.length) {
        if (stillOpen.length === r.pages.length) return null;
        // Read again before writing back: a new worker may have taken a cache back (keepOwnCache).
        retiring = null;
        return readRetiring().then(function (fresh) { return keepRetiring({ pages: stillOpen, caches: fresh.caches }); });
      }
      // Read again: a new worker may have taken one of them back since (keepOwnCache).
      retiring = null;
      return readRetiring().then(function (fresh) {
        return Promise.all(fresh.caches.map(function (k) { return caches.delete(k); }));
      }).then(function () { return keepRetiring({ pages: [], caches: [] }); });
    });
  });
}

// A build installed again (a rollback) while its old cache waits to be deleted keeps it.
function keepOwnCache() {
  return caches.match(RETIRING_KEY, { cacheName: RETIRING }).then(function (r) { return r && r.json(); }).then(function (r) {
    if (r && r.caches.indexOf(CACHE) >= 0) {
      return keepRetiring({ pages: r.pages, caches: r.caches.filter(function (k) { return k !== CACHE; }) });
    }
  });
}

self.addEventListener('message', function (event) {
  if (event.data !== 'skip-waiting') return;
  acceptedBy = event.source && event.source.id;
  self.skipWaiting();
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
  var scope = SCOPE;
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
// has evicted). A navigation ignores the query string: "./?from=home" is the app too. A page of
// an older build still open may ask for a file only its build has: the older caches answer.
self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method === 'POST' && req.url === new URL('share-target', SCOPE).href) {
    event.respondWith(keepShared(req));
    return;
  }
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Any request may come after an older build's last page closed.
  event.waitUntil(retireOlderBuilds());
  var opts = { ignoreSearch: req.mode === 'navigate' };
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, opts).then(function (hit) {
      return hit || readRetiring().then(function (r) {
        return r.caches.reduce(function (prev, k) {
          return prev.then(function (h) { return h || caches.match(req, { ignoreSearch: opts.ignoreSearch, cacheName: k }); });
        }, Promise.resolve(null));
      });
    }).then(function (hit) {
      if (hit) return plain(hit);
      var lazy = lazyName(req.url);
      return fetch(req).then(function (res) {
        // Kept only when it is the file this build lists.
        if (lazy && res.ok) event.waitUntil(checked(res.clone(), LAZY[lazy]).then(function (file) {
          return file && cache.put(req, file.response());
        }));
        return res;
      });
    });
  }));
});
