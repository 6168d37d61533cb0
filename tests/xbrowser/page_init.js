// Runs in the page before boot.js (the runner's server adds <script src="__xb/init.js"> in front of
// it, and serves this file after a line `var XB = {...}` naming what this load should do). The
// same file in every engine, so no engine needs its own "init script" API (WebKit's WebDriver has
// none). It records errors, and on request removes a capability before the app can see it, fixes
// the clock and the random bytes (so three engines make the same package), and keeps what the app
// hands to a download link.
(function () {
  'use strict';
  var cfg = typeof XB === 'object' && XB ? XB : {};
  var errors = window.__xbErrors = [];
  var origError = console.error;
  console.error = function () {
    try { errors.push(Array.prototype.map.call(arguments, String).join(' ')); } catch (e) { /* ignore */ }
    return origError.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    errors.push('error: ' + (e && (e.message || (e.target && e.target.src)) || 'unknown'));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandledrejection: ' + String(e && e.reason && (e.reason.stack || e.reason)));
  });

  // Removes a property wherever the engine keeps it (own or on a prototype).
  function hide(obj, proto, name) {
    try { Object.defineProperty(proto, name, { configurable: true, get: function () { return undefined; } }); } catch (e) { /* ignore */ }
    try { Object.defineProperty(obj, name, { configurable: true, value: undefined, writable: true }); } catch (e) { /* ignore */ }
  }

  if (cfg.noWebGL2) {
    var getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind) {
      if (String(kind).toLowerCase() === 'webgl2') return null;
      return getContext.apply(this, arguments);
    };
    if (typeof WebGL2RenderingContext !== 'undefined') hide(window, window, 'WebGL2RenderingContext');
  }
  if (cfg.noIndexedDB) {
    ['indexedDB', 'mozIndexedDB', 'webkitIndexedDB', 'msIndexedDB'].forEach(function (n) {
      hide(window, Window.prototype, n);
      try { Object.defineProperty(window, n, { configurable: true, get: function () { return undefined; } }); } catch (e) { /* ignore */ }
    });
  }
  if (cfg.noLocks) hide(navigator, Navigator.prototype, 'locks');
  if (cfg.noShare) {
    hide(navigator, Navigator.prototype, 'share');
    hide(navigator, Navigator.prototype, 'canShare');
  }
  if (cfg.persistDenied && navigator.storage) {
    var no = function () { return Promise.resolve(false); };
    try { StorageManager.prototype.persist = no; StorageManager.prototype.persisted = no; } catch (e) { /* ignore */ }
    navigator.storage.persist = no;
    navigator.storage.persisted = no;
  }
  // The clock stands still except when the runner moves it (__xbTick), at the same points of the
  // journey in every engine. (It must move between saves: the save compares files by mtime.)
  if (cfg.fixedTime) {
    var t = +cfg.fixedTime;
    Date.now = function () { return t; };
    window.__xbTick = function (ms) { t += ms; return t; };
  }
  if (cfg.seed) {
    var x = (cfg.seed >>> 0) || 1;
    var fill = function (arr) {
      var b = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      for (var i = 0; i < b.length; i++) {
        x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
        b[i] = x & 255;
      }
      return arr;
    };
    try { Crypto.prototype.getRandomValues = fill; } catch (e) { /* ignore */ }
    try { crypto.getRandomValues = fill; } catch (e) { /* ignore */ }
  }

  // Downloads: the app makes a blob: URL and clicks a link with a download name. The blob is
  // kept here by name; the browser's own download goes ahead only where the runner asked for it
  // (Chromium), because Firefox and WebKit would ask where to save it.
  var blobs = {};
  var downloads = window.__xbDownloads = [];
  var createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    var url = createObjectURL.apply(URL, arguments);
    if (obj instanceof Blob) blobs[url] = obj;
    return url;
  };
  var click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs[this.href]) {
      var entry = { name: this.download, type: blobs[this.href].type, text: null };
      downloads.push(entry);
      blobs[this.href].text().then(function (s) { entry.text = s; });
      if (!cfg.realDownloads) return undefined;
    }
    return click.apply(this, arguments);
  };
  // When hoso.ready resolves, in page time (ms since navigation started): the benchmark.
  if (cfg.timeReady) {
    Object.defineProperty(window, 'hoso', {
      configurable: true,
      get: function () { return this.__xbHoso; },
      set: function (v) {
        this.__xbHoso = v;
        if (v && v.ready) v.ready.then(function () { window.__xbReadyAt = performance.now(); });
      },
    });
  }
  window.__xbConfig = cfg;
})();
