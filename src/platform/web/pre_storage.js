// hoso's browser layer, part 3: keeping data. The workspace lives in files under /data (IDBFS,
// an in-memory file system mirrored to IndexedDB). Loading happens before main() runs. Saving
// writes only the files that changed, in one IndexedDB transaction of our own (not FS.syncfs,
// which in Emscripten 3.1.6 has no abort handler: TOOLCHAIN.md), and follows each save to its
// real end. The rules (docs/STORE.md, "In the browser"):
//  - a save is all or nothing: any failed request aborts the whole transaction;
//  - "saved" is shown only once IndexedDB confirmed it: from the first edit it says "saving";
//  - a save starts 500 ms after the last edit, and at least every 2 s while the person types;
//  - a save that outlives the timeout is shown as failing, but is still followed: when it
//    commits after all, the state says so and nothing is sent twice;
//  - a connection the browser closed (memory pressure, storage cleared from another tab) is
//    reopened, what the store now holds is read again, and the difference is written;
//  - nothing reloads or leaves the page while a save is pending or failing (leaveAfterSave).
HosoWeb.storage = (function () {
  'use strict';
  var M = Module, W = HosoWeb;
  var ROOT = '/data';
  var DEBOUNCE_MS = 500, MAX_WAIT_MS = 2000;
  var timeoutMs = 15000;    // hoso.dev.saveTimeout changes it for the fault tests
  var synced = {};          // path -> mtime (ms) that IndexedDB holds
  var available = false;    // IndexedDB usable
  var readOnly = false;     // another tab owns the workspace
  var loadError = '';
  // Saving.
  var pending = false, pendingSince = 0, debounceTimer = 0;  // edits not yet handed to IndexedDB
  var inFlight = [];        // saves sent and not yet ended (more than one only after a timeout)
  var again = false;        // an edit came while a save was in flight
  var failure = '';         // why the last save failed ('' once one succeeds)
  var lost = null;          // the connection cannot be reopened: why
  var reopening = false;
  var persistAsked = false, persisted = false;
  var leaveAction = null;   // a reload held because the work is not saved
  var leavingOnPurpose = false;

  var STATUS = { saved: 0, saving: 1, error: 2, unavailable: 3, readonly: 4 };
  var shown = -1, shownMessage = '';
  function report(code, message) {
    message = message || '';
    if (!W.started || W.dead) return;
    // "saved" always goes through: it carries the time of the save.
    if (code === shown && message === shownMessage && code !== STATUS.saved) return;
    shown = code; shownMessage = message;
    W.withString(message, function (p) { M._hoso_storage_status(code, p); });
    W.requestFrame();
  }
  // The state the person sees, from what is true now.
  function show() {
    if (readOnly) report(STATUS.readonly, '');
    else if (!available) report(STATUS.unavailable, loadError);
    else if (lost) report(STATUS.error, 'closed');
    else if (failure) report(STATUS.error, failure);
    else if (pending || inFlight.length) report(STATUS.saving, '');
    else report(STATUS.saved, '');
  }
  function unsaved() { return pending || inFlight.length > 0 || !!failure || !!lost; }

  function idbUsable() {
    try { return typeof indexedDB !== 'undefined' && indexedDB !== null; } catch (e) { return false; }
  }

  // Called in preRun: mount, take the tab lock, and load IndexedDB into /data before main().
  // A load that fails or times out leaves `available` false: nothing is written over what could
  // not be read, and the app says what happened (not "private window": that is no-indexeddb).
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
    }, timeoutMs);
    try {
      FS.syncfs(true, function (err) {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (err) { loadError = 'load-failed: ' + (err.message || err.name || err); }
        else { available = true; rememberSynced(); watch(IDBFS.dbs[ROOT]); }
        removeRunDependency('hoso-idbfs');
      });
    } catch (e) {
      finished = true;
      clearTimeout(timer);
      loadError = 'load-failed: ' + e.message;
      removeRunDependency('hoso-idbfs');
    }
  }

  // The browser may close the connection under the page (Safari under memory pressure; storage
  // cleared from another tab fires 'close'; a deletion elsewhere fires 'versionchange', which
  // must be answered by closing so the other side can go on). Forget it; the next save reopens.
  function watch(db) {
    if (!db) return;
    var drop = function () {
      if (db.hosoClosed) return;
      db.hosoClosed = true;
      try { db.close(); } catch (e) { /* already closed */ }
      if (IDBFS.dbs[ROOT] === db) delete IDBFS.dbs[ROOT];
      // What the store held may be gone: write the workspace again as soon as it is reopened.
      if (available && !readOnly && !W.dead) setTimeout(function () { run(); }, 0);
    };
    db.addEventListener('close', drop);
    db.addEventListener('versionchange', drop);
  }
  // The open connection, or a new one: then what the store holds now is read, so the next save
  // writes exactly the difference (everything, after the store was cleared).
  function connect(cb) {
    var db = IDBFS.dbs[ROOT];
    if (db && !db.hosoClosed) { cb(null, db); return; }
    var req;
    try { req = indexedDB.open(ROOT, IDBFS.DB_VERSION); } catch (e) { cb(e); return; }
    req.onupgradeneeded = function () {
      var d = req.result, store = d.objectStoreNames.contains(IDBFS.DB_STORE_NAME)
        ? req.transaction.objectStore(IDBFS.DB_STORE_NAME) : d.createObjectStore(IDBFS.DB_STORE_NAME);
      if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
    };
    req.onblocked = function () { /* waits for the other side to close */ };
    req.onerror = function (e) { e.preventDefault(); cb(req.error || new Error('open failed')); };
    req.onsuccess = function () {
      var d = req.result;
      watch(d);
      var held = {};
      try {
        var cursor = d.transaction([IDBFS.DB_STORE_NAME], 'readonly').objectStore(IDBFS.DB_STORE_NAME)
          .index('timestamp').openKeyCursor();
        cursor.onsuccess = function () {
          var c = cursor.result;
          if (c) { held[c.primaryKey] = c.key.getTime(); c.continue(); return; }
          synced = held;
          IDBFS.dbs[ROOT] = d;
          cb(null, d);
        };
        cursor.onerror = function (e) { e.preventDefault(); cb(cursor.error); };
      } catch (e) { cb(e); }
    };
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
      if (synced[p] !== st.mtime.getTime()) put.push(p);
    });
    Object.keys(synced).forEach(function (p) { if (!seen[p]) del.push(p); });
    put.sort();                 // directories before the files in them
    del.sort().reverse();       // files before their directories
    return { put: put, del: del };
  }
  function localEntry(p) {
    var out = null;
    IDBFS.loadLocalEntry(p, function (err, entry) { if (err) throw err; out = entry; });
    return out;
  }

  // One save: the app writes its dirty records to /data, then the changed files go to IndexedDB
  // in one transaction. `leaving`: the page is going away, so a save in flight cannot be waited
  // for; this one starts at once (IndexedDB runs read-write transactions in order, and this one
  // holds every change the other had not yet confirmed). `retry`: the person asked again while a
  // save hangs past its timeout.
  function run(leaving, retry) {
    if (!available || readOnly || W.dead) return;
    if (inFlight.length && !leaving && !(retry && inFlight.every(function (s) { return s.timedOut; }))) {
      again = true;
      return;
    }
    clearTimeout(debounceTimer);
    pending = false;
    try { M._hoso_flush(); } catch (e) { W.crashed(e); return; }
    var db = IDBFS.dbs[ROOT];
    if (db && !db.hosoClosed) { send(db); return; }
    // Reopen first (asynchronous: a page that is closing may not live to see it).
    if (reopening) { again = true; return; }
    reopening = true;
    show();
    var attempts = 0;
    connect(function reopened(err, d) {
      // The browser may still be closing or clearing the store (a new connection then closes at
      // once): try again a few times. A database of a newer version will not open at all.
      if (err && err.name !== 'VersionError' && ++attempts < 5) {
        setTimeout(function () { connect(reopened); }, 200 * attempts);
        return;
      }
      reopening = false;
      if (err) {
        lost = errorText(err);
        console.warn('hoso: IndexedDB cannot be reopened: ' + lost);
        show();
        settleWaiters();
        return;
      }
      lost = null;
      send(d);
    });
  }

  function send(db) {
    var c = changes();
    if (!c.put.length && !c.del.length) {
      if (!inFlight.length) { failure = ''; again = false; }
      show();
      settleWaiters();
      return;
    }
    var save = { done: false, timedOut: false, timer: 0, stamps: {}, del: c.del };
    var tx;
    try {
      tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
      var store = tx.objectStore(IDBFS.DB_STORE_NAME);
      c.put.forEach(function (p) {
        var entry = localEntry(p);
        save.stamps[p] = entry.timestamp.getTime();
        store.put(entry, p);
      });
      c.del.forEach(function (p) { store.delete(p); });
      // Commit now rather than when the page's task ends: the page may be closing.
      if (tx.commit) tx.commit();
    } catch (e) {
      // Nothing of this save reaches IndexedDB: the next one puts every change again.
      try { if (tx) tx.abort(); } catch (e2) { /* already finished */ }
      if (db.hosoClosed || (e && e.name === 'InvalidStateError')) {
        // The connection closed under us: drop it and reopen.
        if (IDBFS.dbs[ROOT] === db) delete IDBFS.dbs[ROOT];
        db.hosoClosed = true;
      }
      inFlight.push(save);
      end(save, false, errorText(e), db);
      return;
    }
    inFlight.push(save);
    show();
    tx.oncomplete = function () { end(save, true, '', db); };
    // A failed request aborts the whole transaction (its error event is not cancelled): never
    // half a save. The abort event then says why.
    tx.onerror = function () { try { tx.abort(); } catch (e) { /* aborting already */ } };
    tx.onabort = function () { end(save, false, errorText(tx.error || new Error('aborted')), db); };
    save.timer = setTimeout(function () {
      if (save.done) return;
      save.timedOut = true;
      failure = 'timeout';
      show();
      settleWaiters();
    }, timeoutMs);
  }

  var retriedAfterClose = 0;
  function end(save, ok, message, db) {
    if (save.done) return;
    save.done = true;
    clearTimeout(save.timer);
    inFlight.splice(inFlight.indexOf(save), 1);
    if (ok) {
      Object.keys(save.stamps).forEach(function (p) { synced[p] = save.stamps[p]; });
      save.del.forEach(function (p) { delete synced[p]; });
      retriedAfterClose = 0;
      if (!inFlight.length) failure = '';
    } else if (db.hosoClosed && retriedAfterClose < 3) {
      // The connection went away during the save: reopen and send it again, without a word.
      retriedAfterClose++;
      again = true;
    } else {
      failure = message;
    }
    if (!inFlight.length && again) { again = false; run(); return; }
    show();
    settleWaiters();
    if (ok) {
      if (!persistAsked) requestPersist();
      else reportInfo(persisted);  // the usage changed
    }
  }
  function errorText(e) {
    if (!e) return 'unknown';
    if (e.name === 'QuotaExceededError') return 'quota';
    return (e.name || 'Error') + ': ' + (e.message || '');
  }

  // Called by the app after each edit (`urgent`: save now). "Saving" shows from this moment.
  function save(urgent) {
    if (readOnly || W.dead) return;
    if (!available) { pending = true; return; }  // nothing can be written: only remember it
    var now = Date.now();
    if (!pending) { pending = true; pendingSince = now; }
    clearTimeout(debounceTimer);
    if (urgent) { run(false, true); return; }
    // The debounce restarts with every key, but never waits past MAX_WAIT_MS from the first.
    debounceTimer = setTimeout(run, Math.max(0, Math.min(DEBOUNCE_MS, pendingSince + MAX_WAIT_MS - now)));
    show();
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
    if (W.dead) return;
    var st = navigator.storage;
    if (st && st.estimate) {
      st.estimate().then(function (est) {
        if (W.dead) return;
        M._hoso_storage_info(isPersisted ? 1 : 0, est.usage || 0, est.quota || 0);
        W.requestFrame();
      }, function () { if (!W.dead) M._hoso_storage_info(isPersisted ? 1 : 0, -1, -1); });
    } else {
      M._hoso_storage_info(isPersisted ? 1 : 0, -1, -1);
    }
  }

  // Leaving the page: save at once. The transaction is opened inside the event, so the browser
  // finishes it even while the page goes away. Input the app has not drawn yet (a key pressed
  // just before) is taken in first. A crashed module is never called.
  function flushNow() {
    if (W.dead) return;
    clearTimeout(debounceTimer);
    if (W.started) {
      try { W.frameNow(); } catch (e) { W.crashed(e); return; }
    }
    if (pending || W.started) run(true);
  }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flushNow(); });
  window.addEventListener('pagehide', flushNow);
  window.addEventListener('beforeunload', function (e) {
    flushNow();
    // A save that failed (or a crash after one) would be lost: the browser asks the person. A
    // read-only tab holds nothing of its own to lose (every change is refused there): no question.
    if (!leavingOnPurpose && !readOnly && (failure || lost || (!available && pending) || (W.dead && unsaved()))) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // Reloading (an update, another edition): only once everything is saved. While a save is in
  // flight it waits; when saving fails, nothing happens until the person chooses
  // (chooseLeave: retry, leave anyway, or stay) — the app shows why, with a backup button.
  var waiters = [];
  function settleWaiters() {
    var ready = !pending && !inFlight.length && !reopening;
    var failing = !!(failure || lost);
    if (!ready && !failing) return;
    var list = waiters;
    waiters = [];
    list.forEach(function (fn) { fn(!failing); });
  }
  function leaveAfterSave(action) {
    if (W.dead || readOnly) { leave(action); return; }
    clearTimeout(debounceTimer);
    if (W.started) W.frameNow();
    if (available) run(false, true);
    if (!available) {  // nothing can be saved: work typed here is lost by a reload, so ask
      if (pending) hold(action); else leave(action);
      return;
    }
    waiters.push(function (ok) { if (ok) leave(action); else hold(action); });
    settleWaiters();
  }
  function leave(action) {
    leaveAction = null;
    leavingOnPurpose = true;
    action();
  }
  function hold(action) {
    leaveAction = action;
    if (W.started && !W.dead) { M._hoso_leave_held(1); W.requestFrame(); }
  }
  // 0: try to save again (and leave once it works), 1: leave without saving, 2: stay.
  function chooseLeave(choice) {
    var action = leaveAction;
    if (!action) return;
    leaveAction = null;
    if (!W.dead) M._hoso_leave_held(0);
    if (choice === 1) leave(action);
    else if (choice === 0) { failure = ''; lost = null; leaveAfterSave(action); }
  }

  function started() {
    show();
    if (available && !readOnly) run();  // start-up repairs (quarantine moves) reach IndexedDB too
  }

  return {
    mount: mount,
    save: save,
    requestPersist: requestPersist,
    started: started,
    leaveAfterSave: leaveAfterSave,
    chooseLeave: chooseLeave,
    unsaved: unsaved,
    setTimeoutMs: function (ms) { timeoutMs = ms; },
    isReadOnly: function () { return readOnly; },
    isAvailable: function () { return available; },
    loadError: function () { return loadError; },
  };
})();

// One tab owns the workspace: Web Locks where available, else BroadcastChannel. A tab opened
// while another holds the workspace waits a moment (the other may be closing: the app reopened
// right after it was closed, then this tab owns it by itself), then starts read-only and offers
// "Use this tab" once the other is gone. A read-only tab never writes.
HosoWeb.lock = (function () {
  'use strict';
  var NAME = 'hoso-workspace';
  var GRACE_MS = 1500;
  var owner = false, canTakeOver = false, decided = false;
  function notifyTakeOver() {
    canTakeOver = true;
    if (HosoWeb.started && !HosoWeb.dead) { Module._hoso_lock_released(); HosoWeb.requestFrame(); }
  }
  function takeOver() { if (canTakeOver) location.reload(); }
  function acquire(cb) {
    var decide = function (isOwner) {
      if (decided) return;
      decided = true;
      owner = isOwner;
      cb(isOwner);
    };
    if (navigator.locks && navigator.locks.request) {
      navigator.locks.request(NAME, { ifAvailable: true }, function (lock) {
        if (!lock) {
          // Wait in line: the owner may be closing right now (then this tab owns at once), or
          // stay open (then this tab starts read-only and takes over when it closes).
          var grace = setTimeout(function () { decide(false); }, GRACE_MS);
          navigator.locks.request(NAME, function () {
            clearTimeout(grace);
            if (!decided) { decide(true); return new Promise(function () {}); }  // held for the page's life
            // Started read-only and now free: let it go again at once (the owner may only be
            // reloading into an update, and must get it back); this tab offers "Use this tab".
            canTakeOver = true;
            if (HosoWeb.started && !HosoWeb.dead) { Module._hoso_lock_released(); HosoWeb.requestFrame(); }
            return undefined;
          });
          return undefined;
        }
        decide(true);
        return new Promise(function () {});  // held for the page's life
      }).catch(function () { decide(true); });
      return;
    }
    if (typeof BroadcastChannel === 'undefined') { decide(true); return; }
    var ch = new BroadcastChannel(NAME), heardOwner = false;
    ch.onmessage = function (e) {
      if (e.data === 'who-owns' && owner) ch.postMessage('i-own');
      else if (e.data === 'i-own') heardOwner = true;
      else if (e.data === 'released' && !owner) {
        if (decided) notifyTakeOver(); else heardOwner = false;
      }
    };
    ch.postMessage('who-owns');
    setTimeout(function () { decide(!heardOwner); }, 250);
    window.addEventListener('pagehide', function () { if (owner) ch.postMessage('released'); });
  }
  return {
    acquire: acquire,
    isOwner: function () { return owner; },
    canTakeOver: function () { return canTakeOver; },
    takeOver: takeOver,
  };
})();
