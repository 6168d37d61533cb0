// Starts hoso: checks what the browser can do, downloads the WebAssembly with a progress bar,
// and shows a readable error (Vietnamese and English) when something is missing or fails.
(function () {
  'use strict';
  // Replaced by scripts/package_dist.py with the build's facts (sizes, content hash).
  var BUILD = {"wasmBytes": {}, "hash": "dev"};
  window.hosoBuild = BUILD.hash;  // Settings shows it beside the version

  var MESSAGES = {
    'no-wasm': ['Trình duyệt này không chạy được WebAssembly. Hãy dùng bản mới của Chrome, Edge, Firefox hoặc Safari.',
                'This browser cannot run WebAssembly. Please use a recent Chrome, Edge, Firefox or Safari.'],
    'no-webgl2': ['Trình duyệt hoặc máy này không hỗ trợ WebGL 2 (đồ họa), hoặc đã tắt tăng tốc phần cứng. Hãy cập nhật trình duyệt, bật tăng tốc phần cứng, hoặc dùng trình duyệt khác.',
                  'This browser or device has no WebGL 2 (graphics), or hardware acceleration is turned off. Please update the browser, turn hardware acceleration on, or use another browser.'],
    'download': ['Không tải được ứng dụng. Hãy kiểm tra kết nối mạng rồi tải lại trang.',
                 'The app could not be downloaded. Check the connection and reload the page.'],
    'start': ['Ứng dụng gặp lỗi khi khởi động. Dữ liệu đã lưu không bị ảnh hưởng. Hãy tải lại trang.',
              'The app failed while starting. Saved data is not affected. Please reload the page.'],
    'crash': ['Ứng dụng gặp lỗi nghiêm trọng và đã dừng (có thể do thiếu bộ nhớ). Những gì đã lưu vẫn còn trong trình duyệt; các thay đổi trong vài giây cuối có thể chưa được lưu. Hãy tải bản sao dữ liệu đã lưu về máy, rồi tải lại trang.',
              'The app hit a serious error and stopped (perhaps out of memory). What was saved is still in this browser; changes from the last few seconds may not be. Download a copy of the saved data, then reload the page.'],
    'webgl': ['Không khởi tạo được đồ họa WebGL 2.', 'WebGL 2 graphics could not be initialised.'],
    'webgl-restore': ['Mất kết nối đồ họa và không khôi phục được. Dữ liệu đã được lưu; hãy tải lại trang.',
                      'The graphics context was lost and could not be restored. Your data is saved; please reload.'],
  };
  var NOTICES = {
    'gl-lost': 'Đang khôi phục đồ họa… / Restoring graphics…',
  };

  function $(id) { return document.getElementById(id); }
  function showError(code, detail) {
    var m = MESSAGES[code] || MESSAGES.start;
    $('loading').hidden = true;
    $('error-vi').textContent = m[0];
    $('error-en').textContent = m[1];
    $('error-detail').textContent = detail ? String(detail) : '';
    $('error').hidden = false;
    document.documentElement.classList.add('failed');
  }
  window.hosoShowError = showError;
  // The module crashed (pre_core.js): it cannot be called again, so the copy of what is saved is
  // read here, straight from IndexedDB (IDBFS: database "/data", store "FILE_DATA").
  window.hosoShowCrash = function (detail) {
    showError('crash', detail);
    document.querySelector('#error h1').textContent = 'Ứng dụng đã dừng';
    document.querySelector('#error h2').textContent = 'The app stopped';
    $('error-download').hidden = false;
  };
  function downloadStored() {
    var open = indexedDB.open('/data');
    open.onerror = function () { $('error-detail').textContent = String(open.error); };
    open.onsuccess = function () {
      var db = open.result, files = [];
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); return; }
      var cursor = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').openCursor();
      cursor.onsuccess = function () {
        var c = cursor.result;
        if (c) {
          var e = c.value, file = { path: String(c.key), timestamp: e.timestamp && e.timestamp.toISOString(), mode: e.mode };
          if (e.contents) {
            var c8 = e.contents, bin = '';
            var b = ArrayBuffer.isView(c8) ? new Uint8Array(c8.buffer, c8.byteOffset, c8.byteLength) : new Uint8Array(c8);
            for (var i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
            file.base64 = btoa(bin);
          }
          files.push(file);
          c.continue();
          return;
        }
        db.close();
        var text = JSON.stringify({ format: 'hoso-stored-files', version: 1, saved_at: new Date().toISOString(), files: files });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
        a.download = 'hoso-du-lieu-da-luu_' + new Date().toISOString().slice(0, 10) + '.json';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
      };
      cursor.onerror = function () { db.close(); $('error-detail').textContent = String(cursor.error); };
    };
  }
  $('error-download').addEventListener('click', downloadStored);
  window.hosoShowNotice = function (code) {
    var n = $('notice');
    n.textContent = NOTICES[code] || '';
    n.hidden = !NOTICES[code];
  };
  window.hosoLoaded = function () { $('loading').hidden = true; registerWorker(); };
  // A new build waiting may be the fix for what failed: reloading from here takes it.
  $('error-reload').addEventListener('click', function () { update.apply(); });

  // Offline and updates. sw.js (registered with a relative URL and scope, so any host and any
  // path work) keeps this build's files. A new build installs in the background and waits; the
  // app shows its notice while update.available, and only update.apply() — the person's word,
  // after the app has saved their work — lets it take over, then the page reloads into it.
  var sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  var registration = null, accepted = false;
  var update = window.hosoUpdate = {
    available: false,
    onchange: null,  // set by the app (pre_core.js)
    apply: function () {
      accepted = true;
      // From the error page the app never registered: the browser may still hold a new build.
      var find = registration ? Promise.resolve(registration) : sw ? sw.getRegistration() : Promise.resolve(null);
      find.then(function (reg) {
        var waiting = reg && reg.waiting;
        if (!waiting) { location.reload(); return; }
        sw.addEventListener('controllerchange', function () { location.reload(); });
        waiting.postMessage('skip-waiting');
        // Should 'controllerchange' never come, reload anyway.
        setTimeout(function () { location.reload(); }, 4000);
      }, function () { location.reload(); });
    },
  };
  function offer() {
    if (update.available) return;
    update.available = true;
    if (update.onchange) update.onchange();
  }
  // A worker that finished installing while another one is active is a new build.
  function watch(worker) {
    if (!worker) return;
    var check = function () { if (worker.state === 'installed' && registration.active) offer(); };
    worker.addEventListener('statechange', check);
    check();
  }
  function checkForUpdate() {
    if (registration && navigator.onLine !== false) registration.update().catch(function () {});
  }
  function registerWorker() {
    if (!sw || registration) return;
    var hadController = !!sw.controller;  // none on the first visit, until the worker claims it
    sw.addEventListener('controllerchange', function () {
      // Another tab accepted the new build: this page is the older one (after apply(), the
      // listener apply() added reloads).
      if (!accepted && hadController) offer();
      hadController = true;
    });
    sw.register('sw.js', { scope: './' }).then(function (reg) {
      registration = reg;
      watch(reg.waiting);
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      window.addEventListener('online', checkForUpdate);
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') checkForUpdate();
      });
      setInterval(checkForUpdate, 60 * 60 * 1000);
    }, function (e) { console.warn('hoso: no service worker: ' + (e && e.message)); });
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showError('no-wasm');
  if (!hasWebGL2()) return showError('no-webgl2');

  function setProgress(loaded, total) {
    var f = total > 0 ? Math.min(1, loaded / total) : 0;
    $('loading-fill').style.width = Math.round(f * 100) + '%';
    $('loading-text').textContent = 'Đang tải ứng dụng… ' + Math.round(f * 100) + '% / Loading…';
  }

  // The edition (src/app/edition.hpp): the unit's "hoso", or "hoso-full" with the secretariat's
  // tools once the app has chosen it (the secretariat's role).
  var edition = 'hoso';
  try { if (localStorage.getItem('hoso.edition') === 'full') edition = 'hoso-full'; } catch (e) { /* no storage: the unit's */ }

  // The wasm is fetched here, not by Emscripten, so the bar follows the bytes actually received.
  function fetchWasm() {
    return fetch(edition + '.wasm', { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      var total = Number(res.headers.get('Content-Length')) || BUILD.wasmBytes[edition] || 0;
      if (!res.body || !res.body.getReader) return res.arrayBuffer();
      var reader = res.body.getReader(), chunks = [], loaded = 0;
      return (function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var out = new Uint8Array(loaded), off = 0;
            chunks.forEach(function (c) { out.set(c, off); off += c.length; });
            return out.buffer;
          }
          chunks.push(r.value);
          loaded += r.value.length;
          setProgress(loaded, Math.max(total, loaded));
          return pump();
        });
      })();
    });
  }

  var wasmBytes = fetchWasm();
  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: function (imports, success) {
      wasmBytes.then(function (bytes) {
        setProgress(1, 1);
        return WebAssembly.instantiate(bytes, imports);
      }).then(function (r) { success(r.instance, r.module); }, function (e) {
        showError('download', e && e.message);
      });
      return {};
    },
    onAbort: function (what) { showError('start', what); },
  };
  window.addEventListener('error', function (e) {
    if (!window.hoso || document.documentElement.classList.contains('started')) return;
    showError('start', e.message);
  });

  var s = document.createElement('script');
  s.src = edition + '.js';
  s.onerror = function () { showError('download', edition + '.js'); };
  document.body.appendChild(s);
})();
