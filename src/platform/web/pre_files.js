// hoso's browser layer, part 4: files in and out. Downloads (Blob + link), sharing to other apps
// on phones (Web Share with files), the file picker (and camera), dropped files, and opening a
// file or a printable document in a new tab.
HosoWeb.files = (function () {
  'use strict';
  var M = Module, W = HosoWeb;

  function blobOf(name, mime, bytes) { return new Blob([bytes], { type: mime || 'application/octet-stream' }); }

  function download(name, mime, bytes) {
    var url = URL.createObjectURL(blobOf(name, mime, bytes));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function canShareFiles() {
    try {
      return !!(navigator.canShare && navigator.canShare({ files: [new File(['x'], 'x.json', { type: 'application/json' })] }));
    } catch (e) { return false; }
  }
  function share(name, mime, bytes) {
    var file = new File([bytes], name, { type: mime || 'application/octet-stream' });
    navigator.share({ files: [file], title: name }).then(function () { result(0, ''); }, function (e) {
      if (e && e.name === 'AbortError') result(1, ''); else result(2, e && e.message);
    });
    function result(code, msg) { W.withString(msg || '', function (p) { M._hoso_share_result(code, p); }); W.requestFrame(); }
  }

  // Hands files to the app one by one (only one file's bytes in memory at a time): purpose says
  // what for (set by the app when it asked). A file larger than what the app's reader for that
  // purpose takes (hoso_file_limit) is refused by its size before a byte of it is read.
  function deliver(purpose, files) {
    var list = Array.prototype.slice.call(files || []);
    var count = list.length, index = 0;
    if (!count) return;
    var limit = M._hoso_file_limit(purpose);
    (function next() {
      if (index >= count) { W.requestFrame(); return; }
      var f = list[index];
      if (f.size > limit) {
        W.withString(f.name, function (pn) { M._hoso_file_too_large(purpose, pn, f.size); });
        index++;
        next();
        return;
      }
      f.arrayBuffer().then(function (buf) {
        var bytes = new Uint8Array(buf);
        var p = M._malloc(Math.max(1, bytes.length));
        if (!p) throw new Error('out of memory');
        M.HEAPU8.set(bytes, p);
        W.withString(f.name, function (pn) {
          W.withString(f.type || '', function (pt) {
            M._hoso_file_received(purpose, pn, pt, p, bytes.length, index, count);
          });
        });
        M._free(p);
      }).catch(function (e) {
        W.withString(f.name, function (pn) {
          W.withString(String(e && e.message || e), function (pm) { M._hoso_file_failed(purpose, pn, pm); });
        });
      }).then(function () { index++; next(); });
    })();
  }

  var picker = null;
  function pick(purpose, accept, multiple) {
    if (picker) picker.remove();
    picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = accept;
    picker.multiple = multiple;
    picker.id = 'hoso-file-picker';
    picker.style.display = 'none';
    picker.addEventListener('change', function () { deliver(purpose, picker.files); });
    document.body.appendChild(picker);
    picker.click();
  }

  // 'noopener' would make window.open return null even when the tab opens, so the opener link is
  // cut by hand; null then means the pop-up was blocked.
  function open(name, mime, bytes) {
    var url = URL.createObjectURL(blobOf(name, mime, bytes));
    var w = window.open(url, '_blank');
    if (w) w.opener = null;
    else download(name, mime, bytes);  // pop-up blocked: the file still reaches the person
    setTimeout(function () { URL.revokeObjectURL(url); }, 120000);
  }

  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    if (W.started && e.dataTransfer && e.dataTransfer.files.length) deliver(0, e.dataTransfer.files);
  });

  // The installed app chosen to open a file (manifest "file_handlers": a campaign file, a package,
  // a backup received by chat): as if the file were dropped on it, once the app has started.
  if ('launchQueue' in window && window.launchQueue && window.launchQueue.setConsumer) {
    window.launchQueue.setConsumer(function (params) {
      var handles = (params && params.files) || [];
      if (!handles.length) return;
      Promise.all(handles.map(function (h) { return h.getFile(); })).then(function (files) {
        (function whenStarted() {
          if (W.started) deliver(0, files); else setTimeout(whenStarted, 100);
        })();
      });
    });
  }

  // A file shared to the installed app (manifest "share_target": Android's share sheet): sw.js
  // keeps it in a cache of its own and opens the app. Once the app has started it is read, then
  // claimed (the delete that succeeds: of two pages, one takes it), then handed on as if dropped.
  var shared = 'hoso-shared:' + new URL('./', location.href).pathname;
  function takeShared() {
    if (!W.started) return setTimeout(takeShared, 100);
    caches.open(shared).then(function (c) {
      return c.keys().then(function (reqs) {
        return Promise.all(reqs.map(function (r) {
          return c.match(r).then(function (res) {
            return res && res.blob().then(function (b) {
              var f = new File([b], decodeURIComponent(res.headers.get('X-Name') || 'shared.json'), { type: b.type });
              return c.delete(r).then(function (mine) { return mine ? f : null; });
            });
          });
        }));
      });
    }).then(function (files) {
      files = files.filter(Boolean);
      if (files.length) deliver(0, files);
    });
  }
  if (window.caches) caches.has(shared).then(function (has) {
    if (location.search.indexOf('shared=') >= 0) history.replaceState(null, '', './');
    if (has) takeShared();
  });

  return { download: download, canShareFiles: canShareFiles, share: share, pick: pick, open: open };
})();
