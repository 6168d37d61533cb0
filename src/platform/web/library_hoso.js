// Functions the C++ side calls (declared extern "C" there). They delegate to the HosoWeb object
// that the pre-js files (pre_*.js) build, so all browser logic stays in plain, readable JS.
mergeInto(LibraryManager.library, {
  hoso_js_request_frame: function () { HosoWeb.requestFrame(); },
  hoso_js_frame_drawn: function () { HosoWeb.frameDrawn(); },
  hoso_js_input_mode: function (keyboard) { HosoWeb.input.setInputMode(keyboard); },
  hoso_js_ime: function (wantVisible, x, y, lineHeight, id) {
    HosoWeb.input.setIme(wantVisible !== 0, x, y, lineHeight, id);
  },
  hoso_js_clipboard_out: function (text) { HosoWeb.input.clipboardOut(UTF8ToString(text)); },
  hoso_js_wake_after: function (ms) { HosoWeb.wakeAfter(ms); },
  hoso_js_random_bytes: function (ptr, n) {
    crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + n));
  },
  hoso_js_now_ms: function () { return Date.now(); },
  hoso_js_timezone_offset_min: function () { return -new Date().getTimezoneOffset(); },
  hoso_js_storage_save: function (urgent) { HosoWeb.storage.save(urgent !== 0); },
  hoso_js_storage_request_persist: function () { HosoWeb.storage.requestPersist(); },
  hoso_js_download: function (name, mime, ptr, len) {
    HosoWeb.files.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(ptr, ptr + len));
  },
  hoso_js_share: function (name, mime, ptr, len) {
    HosoWeb.files.share(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(ptr, ptr + len));
  },
  hoso_js_can_share_files: function () { return HosoWeb.files.canShareFiles() ? 1 : 0; },
  hoso_js_pick_files: function (purpose, accept, multiple) {
    HosoWeb.files.pick(purpose, UTF8ToString(accept), multiple !== 0);
  },
  hoso_js_open_blob: function (name, mime, ptr, len) {
    HosoWeb.files.open(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(ptr, ptr + len));
  },
  hoso_js_describe_page: function (title, language) {
    document.title = UTF8ToString(title);
    document.documentElement.lang = UTF8ToString(language);
  },
  hoso_js_copy_text: function (text) { HosoWeb.input.copyText(UTF8ToString(text)); },
  hoso_js_reload: function () { HosoWeb.reloadApp(); },
  // The app's folder ("https://example.org/hoso/"), without the page's name, query or hash.
  hoso_js_base_url: function () {
    var s = new URL('.', location.href).href, n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  // The build's content hash, which boot.js holds (package_dist.py writes it there).
  hoso_js_build_id: function () {
    var s = String(window.hosoBuild || ''), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  hoso_js_use_edition: function (full, reloadNow) { return HosoWeb.useEdition(!!full, !!reloadNow) ? 1 : 0; },
  hoso_js_apply_update: function () { HosoWeb.applyUpdate(); },
  hoso_js_started: function () { HosoWeb.start(); },
  hoso_js_fail: function (code, detail) { HosoWeb.fail(UTF8ToString(code), UTF8ToString(detail)); },
  hoso_js_viewport: function (pw, ph, pd) {
    var s = HosoWeb.input.layoutCanvas();
    HEAPF32[pw >> 2] = s.w; HEAPF32[ph >> 2] = s.h; HEAPF32[pd >> 2] = s.dpr;
  },
  hoso_js_storage_read_only: function () { return HosoWeb.storage.isReadOnly() ? 1 : 0; },
  hoso_js_storage_available: function () { return HosoWeb.storage.isAvailable() ? 1 : 0; },
  hoso_js_storage_load_error: function () {
    var s = HosoWeb.storage.loadError(), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  hoso_js_take_over: function () { HosoWeb.lock.takeOver(); },
  hoso_js_choose_leave: function (choice) { HosoWeb.storage.chooseLeave(choice); },
});
