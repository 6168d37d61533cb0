// hoso's browser layer, part 1: the frame loop (render on demand), start-up, and window.hoso.
// Emscripten prepends the pre_*.js files to hoso.js, so they share its scope (Module, FS, IDBFS).
/* global Module, FS, IDBFS, addRunDependency, removeRunDependency, UTF8ToString */
var HosoWeb = (function () {
  'use strict';
  var self = {
    frames: 0,
    started: false,
    rafPending: false,
    wakeTimer: 0,
    readyResolve: null,
    readyReject: null,
  };

  // The app draws only when told something changed; hoso_frame() returns 1 while it wants more.
  self.requestFrame = function () {
    if (!self.started || self.rafPending) return;
    self.rafPending = true;
    requestAnimationFrame(self.tick);
  };
  self.inFrame = false;
  function draw() {
    self.inFrame = true;
    try { return Module._hoso_frame(performance.now()); } finally { self.inFrame = false; }
  }
  self.tick = function () {
    self.rafPending = false;
    if (self.dead) return;
    try {
      if (draw()) self.requestFrame();
    } catch (e) { self.crashed(e); }
  };

  // The module crashed (an abort: out of memory, a failed check; or a trap in the wasm). Nothing
  // may call into it again (its memory is in an unknown state): no frames, no leave-page save.
  // boot.js shows the crash message with a button that downloads what IndexedDB holds.
  self.dead = false;
  self.crashed = function (what) {
    if (self.dead) return;
    self.dead = true;
    var detail = String((what && what.message) || what || '');
    var unsaved = self.storage ? self.storage.unsaved() : false;
    if (!self.started) { self.fail('start', detail); return; }
    if (typeof window.hosoShowCrash === 'function') window.hosoShowCrash(detail, unsaved);
  };
  // A frame now, inside the current event handler (needed where the browser only allows an action
  // during the user's gesture: focusing the text agent on a phone, answering a copy event).
  self.frameNow = function () {
    if (!self.started || self.inFrame || self.dead) return;
    var more = draw();
    for (var i = 0; i < 8 && Module._hoso_input_queue_size() > 0; i++) more = draw();
    if (more) self.requestFrame();
  };
  self.frameDrawn = function () {
    self.frames++;
    if (self.a11y) self.a11y.update();  // no DOM work unless the items changed (pre_a11y.js)
  };
  self.wakeAfter = function (ms) {
    clearTimeout(self.wakeTimer);
    self.wakeTimer = setTimeout(function () { Module._hoso_wake(); self.requestFrame(); }, ms);
  };

  self.callString = function (fn) { return UTF8ToString(fn()); };
  self.withString = function (s, fn) {
    var n = lengthBytesUTF8(s) + 1, p = Module._malloc(n);
    stringToUTF8(s, p, n);
    try { return fn(p); } finally { Module._free(p); }
  };

  self.fail = function (code, detail) {
    if (self.readyReject) self.readyReject(new Error(code + (detail ? ': ' + detail : '')));
    if (typeof window.hosoShowError === 'function') window.hosoShowError(code, detail);
  };

  // The edition boot.js loads next (src/app/edition.hpp): remembered in localStorage, since it is
  // chosen before the wasm (and its storage) starts. Reloads only when the choice was kept, so a
  // browser that refuses storage cannot loop.
  self.useEdition = function (full, reloadNow) {
    var kept = false;
    try {
      if (full) localStorage.setItem('hoso.edition', 'full');
      else localStorage.removeItem('hoso.edition');
      kept = (localStorage.getItem('hoso.edition') === 'full') === full;
    } catch (e) { kept = false; }
    if (kept && reloadNow) self.reloadApp();
    return kept;
  };
  // Both wait for the save; a failing one holds them until the person chooses (pre_storage.js).
  self.reloadApp = function () {
    self.storage.leaveAfterSave(function () { location.reload(); });
  };

  // A new version of the app (boot.js's service worker found one): the app shows its notice; the
  // person's click saves everything first, then lets the new version take over and reloads.
  var update = function () { return window.hosoUpdate || { available: false }; };
  self.applyUpdate = function () {
    self.storage.leaveAfterSave(function () {
      if (update().apply) update().apply(); else location.reload();
    });
  };

  // The test and integration interface described in DESIGN.md.
  var ready = new Promise(function (resolve, reject) { self.readyResolve = resolve; self.readyReject = reject; });
  ready.catch(function () {});
  window.hoso = {
    ready: ready,
    items: function () { return JSON.parse(self.callString(Module._hoso_items_json)); },
    state: function () {
      var s = JSON.parse(self.callString(Module._hoso_state_json));
      s.update_available = !!update().available;
      return s;
    },
    frames: function () { return self.frames; },
    // True once the app has drawn everything the input so far asked for (no frame pending, no
    // queued input): tests wait for it after an event instead of guessing a delay.
    idle: function () {
      return self.started && !self.rafPending && !self.inFrame && Module._hoso_input_queue_size() === 0;
    },
    // Developer hooks (documented in README). generate(n) fills the workspace with n generated
    // dossiers; generate(n, {attachmentBytes, ready}) also gives them made-up attachments of that
    // many bytes in all and marks them ready without the interface (benchmarks); {seed} makes
    // other people (1 by default: the same dossiers, ids included, every time); {gaps: k} leaves
    // the summary of every fourth dossier empty, k of them (something real to fill). sha256(bytes)
    // hashes a Uint8Array with the app's own SHA-256 (wasm) and returns the hex.
    dev: {
      generate: function (n, opts) {
        opts = opts || {};
        Module._hoso_dev_generate(n | 0, +opts.attachmentBytes || 0, opts.ready ? 1 : 0, (opts.seed | 0) || 1, opts.gaps | 0);
        self.requestFrame();
      },
      // A theme's colours ({name: [r, g, b, a]}) for the contrast check: dark or light.
      theme: function (dark) { return JSON.parse(UTF8ToString(Module._hoso_dev_theme_json(dark ? 1 : 0))); },
      // The save timeout in ms (15 s by default): the fault tests shorten it.
      saveTimeout: function (ms) { self.storage.setTimeoutMs(+ms); },
      // texts(): the plain texts (headings, paragraphs, help) of the last frame drawn since
      // texts() was first called (the first call starts recording and returns []).
      texts: function () { return JSON.parse(self.callString(Module._hoso_dev_texts)); },
      // probeText(text, {small}) draws each letter of text alone in a square cell over the app
      // (legibility tests); returns the cell's side in CSS px: letter i's cell starts at
      // (side × (i + 1), side). probeText('') ends it.
      probeText: function (text, opts) {
        text = String(text);
        var size = lengthBytesUTF8(text) + 1, p = Module._malloc(size);
        try {
          stringToUTF8(text, p, size);
          var side = Module._hoso_dev_probe(p, opts && opts.small ? 1 : 0);
        } finally { Module._free(p); }
        self.requestFrame();
        return side;
      },
      sha256: function (bytes) {
        var p = Module._malloc(Math.max(1, bytes.length));
        try {
          Module.HEAPU8.set(bytes, p);
          return UTF8ToString(Module._hoso_dev_sha256(p, bytes.length));
        } finally { Module._free(p); }
      },
    },
  };
  return self;
})();

Module.preRun = Module.preRun || [];
Module.preRun.push(function () { HosoWeb.storage.mount(); });
Module.onRuntimeInitialized = function () {};
// Emscripten calls onAbort for every fatal error (out of memory included) before it throws.
(function (bootAbort) {
  Module.onAbort = function (what) {
    if (HosoWeb.started) HosoWeb.crashed(what);
    else if (bootAbort) bootAbort(what);
  };
})(Module.onAbort);
Module.printErr = function (text) { console.warn(text); };
Module.print = function (text) { console.log(text); };

// Called by main() once the app is set up: listen to the browser and draw the first frame.
HosoWeb.start = function () {
  var canvas = document.getElementById('canvas');
  HosoWeb.input.install(canvas);
  HosoWeb.a11y.install(canvas);
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();  // allow the browser to restore it
    if (typeof window.hosoShowNotice === 'function') window.hosoShowNotice('gl-lost');
  });
  canvas.addEventListener('webglcontextrestored', function () {
    if (typeof window.hosoShowNotice === 'function') window.hosoShowNotice('');
    if (Module._hoso_gl_restored() !== 0) HosoWeb.fail('webgl-restore');
  });
  HosoWeb.started = true;
  HosoWeb.storage.started();
  var update = window.hosoUpdate;
  if (update) {
    update.onchange = function () { Module._hoso_update_available(1); HosoWeb.requestFrame(); };
    if (update.available) update.onchange();
  }
  HosoWeb.frameNow();
  requestAnimationFrame(function () {
    HosoWeb.frameNow();
    if (typeof window.hosoLoaded === 'function') window.hosoLoaded();
    HosoWeb.readyResolve();
  });
};
