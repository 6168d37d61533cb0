// hoso's browser layer, part 3: keeping data. The workspace lives in files under /data (IDBFS,
// an in-memory file system mirrored to IndexedDB). Loading happens before main() runs. Saving
// writes only the files that changed, in one IndexedDB transaction, with at most one save in
// flight, an "again" flag, and a timeout, because Emscripten 3.1.6's FS.syncfs has no abort
// handler and can leave its callback uncalled on a quota error (TOOLCHAIN.md).
HosoWeb.storage = (function () {
  'use strict';
  var M = Module, W = HosoWeb;
  var ROOT = '/data';
  var DEBOUNCE_MS = 500, TIMEOUT_MS = 15000;
  var synced = {};          // path -> mtime (ms) that IndexedDB holds
  var available = false;    // IndexedDB usable
  var readOnly = false;     // another tab owns the workspace
  var inFlight = false, again = false, debounceTimer = 0, timeoutTimer = 0;
  var persistAsked = false, persisted = false;
  var loadError = '';

  var STATUS = { saved: 0, saving: 1, error: 2, unavailable: 3, readonly: 4 };
  function report(code, message) {
    if (!W.started) return;
    W.withString(message || '', function (p) { M._hoso_storage_status(code, p); });
    W.requestFrame();
  }

  function idbUsable() {
    try { return typeof indexedDB !== 'undefined' && indexedDB !== null; } catch (e) { return false; }
  }

  // Called in preRun: mount, take the tab lock, and load IndexedDB into /data before main().
  function mount() {
    FS.mkdir(ROOT);
    FS.mount(IDBFS, {}, ROOT);
    addRunDependency('hoso-lock');
    W.lock.acquire(function (owner) {
      readOnly = !owner;
      removeRunDependency('hoso-lock');
    });
    if (!idbUsable()) { loadError = 'no-indexeddb'; return; }
    addRunDependency('hoso-idbfs');
    var finished = false;
    var timer = setTimeout(function () {
      if (finished) return;
      finished = true;
      loadError = 'load-timeout';
      removeRunDependency('hoso-idbfs');
    }, TIMEOUT_MS);
    try {
      FS.syncfs(true, function (err) {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (err) { loadError = 'load-failed: ' + (err.message || err.name || err); }
        else { available = true; rememberSynced(); }
        removeRunDependency('hoso-idbfs');
      });
    } catch (e) {
      finished = true;
      clearTimeout(timer);
      loadError = 'load-failed: ' + e.message;
      removeRunDependency('hoso-idbfs');
    }
  }

  function walk(fn) {
    (function visit(path) {
      var names;
      try { names = FS.readdir(path); } catch (e) { return; }
      names.forEach(function (n) {
        if (n === '.' || n === '..') return;
        var p = path + '/' + n, st;
        try { st = FS.stat(p); } catch (e) { return; }
        fn(p, st);
        if (FS.isDir(st.mode)) visit(p);
      });
    })(ROOT);
  }
  function rememberSynced() {
    synced = {};
    synced[ROOT] = FS.stat(ROOT).mtime.getTime();
    walk(function (p, st) { synced[p] = st.mtime.getTime(); });
  }

  // What changed in /data since IndexedDB last confirmed a save.
  function changes() {
    var seen = {}, put = [], del = [];
    seen[ROOT] = true;
    if (synced[ROOT] === undefined) put.push(ROOT);
    walk(function (p, st) {
      seen[p] = true;
      var t = st.mtime.getTime();
      if (synced[p] !== t) put.push(p);
    });
    Object.keys(synced).forEach(function (p) { if (!seen[p]) del.push(p); });
    put.sort();                 // directories before the files in them
    del.sort().reverse();       // files before their directories
    return { put: put, del: del };
  }

  function finish(ok, message) {
    clearTimeout(timeoutTimer);
    inFlight = false;
    report(ok ? STATUS.saved : STATUS.error, message);
    if (again) { again = false; run(); }
  }

  // One save: the app writes its dirty records to /data, then the changed files go to IndexedDB.
  // `leaving`: the page is going away, so a save in flight cannot be waited for; this one starts
  // at once. IndexedDB runs the two read-write transactions in order, and this one holds every
  // change the other had not yet confirmed.
  function run(leaving) {
    if (!available || readOnly) return;
    if (inFlight && !leaving) { again = true; return; }
    M._hoso_flush();
    var c = changes();
    if (!c.put.length && !c.del.length) { report(STATUS.saved, ''); return; }
    var db = IDBFS.dbs[ROOT];
    if (!db) { report(STATUS.error, 'no-database'); return; }
    inFlight = true;
    report(STATUS.saving, '');
    var stamps = {};
    var tx;
    try {
      tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
      var store = tx.objectStore(IDBFS.DB_STORE_NAME);
      c.put.forEach(function (p) {
        IDBFS.loadLocalEntry(p, function (err, entry) {
          if (err) return;
          stamps[p] = entry.timestamp.getTime();
          store.put(entry, p);
        });
      });
      c.del.forEach(function (p) { store.delete(p); });
      // Commit now rather than when the page's task ends: the page may be closing.
      if (tx.commit) tx.commit();
    } catch (e) {
      // Nothing half-done reaches IndexedDB: the next save puts every change again.
      try { tx && tx.abort(); } catch (e2) { /* already finished */ }
      finish(false, errorText(e));
      return;
    }
    var done = false;
    tx.oncomplete = function () {
      if (done) return;
      done = true;
      Object.keys(stamps).forEach(function (p) { synced[p] = stamps[p]; });
      c.del.forEach(function (p) { delete synced[p]; });
      finish(true, '');
      if (!persistAsked) requestPersist();
      else reportInfo(persisted);  // the usage changed
    };
    tx.onabort = tx.onerror = function (e) {
      if (done) return;
      done = true;
      if (e && e.preventDefault) e.preventDefault();
      finish(false, errorText(tx.error || (e && e.target && e.target.error)));
    };
    timeoutTimer = setTimeout(function () {
      if (done) return;
      done = true;
      finish(false, 'timeout');
    }, TIMEOUT_MS);
  }
  function errorText(e) {
    if (!e) return 'unknown';
    if (e.name === 'QuotaExceededError') return 'quota';
    return (e.name || 'Error') + ': ' + (e.message || '');
  }

  // Called by the app after each edit (debounced) or when it must be saved now.
  function save(urgent) {
    if (!available || readOnly) return;
    clearTimeout(debounceTimer);
    if (urgent) run();
    else debounceTimer = setTimeout(run, DEBOUNCE_MS);
  }

  function requestPersist() {
    persistAsked = true;
    var st = navigator.storage;
    if (!st || !st.persist) { reportInfo(false); return; }
    st.persisted().then(function (already) {
      return already ? true : st.persist();
    }).then(function (granted) { persisted = !!granted; reportInfo(persisted); }, function () { reportInfo(false); });
  }
  function reportInfo(isPersisted) {
    var st = navigator.storage;
    if (st && st.estimate) {
      st.estimate().then(function (est) {
        M._hoso_storage_info(isPersisted ? 1 : 0, est.usage || 0, est.quota || 0);
        W.requestFrame();
      }, function () { M._hoso_storage_info(isPersisted ? 1 : 0, -1, -1); });
    } else {
      M._hoso_storage_info(isPersisted ? 1 : 0, -1, -1);
    }
  }

  // Leaving the page: save at once. The transaction is opened inside the event, so the browser
  // finishes it even while the page goes away.
  // Input the app has not drawn yet (a key pressed just before) is taken in first.
  function flushNow() {
    clearTimeout(debounceTimer);
    if (W.started) W.frameNow();
    run(true);
  }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flushNow(); });
  window.addEventListener('pagehide', flushNow);
  window.addEventListener('beforeunload', flushNow);

  function started() {
    if (readOnly) report(STATUS.readonly, '');
    else if (!available) report(STATUS.unavailable, loadError);
    if (available && !readOnly) run();  // start-up repairs (quarantine moves) reach IndexedDB too
  }

  return {
    mount: mount,
    save: save,
    requestPersist: requestPersist,
    started: started,
    flushThen: function (fn) {
      flushNow();
      var tries = 0;
      (function wait() { if (!inFlight || ++tries > 100) fn(); else setTimeout(wait, 50); })();
    },
    isReadOnly: function () { return readOnly; },
    isAvailable: function () { return available; },
    loadError: function () { return loadError; },
  };
})();

// One tab owns the workspace: Web Locks where available, else BroadcastChannel. A second tab is
// read-only and is told when it may take over.
HosoWeb.lock = (function () {
  'use strict';
  var NAME = 'hoso-workspace';
  var owner = false, canTakeOver = false;
  function notifyTakeOver() {
    canTakeOver = true;
    if (HosoWeb.started) { Module._hoso_lock_released(); HosoWeb.requestFrame(); }
  }
  function acquire(cb) {
    if (navigator.locks && navigator.locks.request) {
      navigator.locks.request(NAME, { ifAvailable: true }, function (lock) {
        if (!lock) {
          cb(false);
          // Wait in line: when the owner closes, this tab may take over.
          navigator.locks.request(NAME, function () {
            notifyTakeOver();
            return new Promise(function () {});
          });
          return undefined;
        }
        owner = true;
        cb(true);
        return new Promise(function () {});  // held for the page's life
      }).catch(function () { cb(true); });
      return;
    }
    if (typeof BroadcastChannel === 'undefined') { owner = true; cb(true); return; }
    var ch = new BroadcastChannel(NAME), heardOwner = false;
    ch.onmessage = function (e) {
      if (e.data === 'who-owns' && owner) ch.postMessage('i-own');
      else if (e.data === 'i-own') heardOwner = true;
      else if (e.data === 'released' && !owner) notifyTakeOver();
    };
    ch.postMessage('who-owns');
    setTimeout(function () {
      owner = !heardOwner;
      cb(owner);
    }, 250);
    window.addEventListener('pagehide', function () { if (owner) ch.postMessage('released'); });
  }
  return {
    acquire: acquire,
    isOwner: function () { return owner; },
    canTakeOver: function () { return canTakeOver; },
    takeOver: function () { if (canTakeOver) location.reload(); },
  };
})();
