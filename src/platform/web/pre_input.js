// hoso's browser layer, part 2: input. Pointer Events (mouse, touch, pen), keys, and the hidden
// "text agent" that receives what input methods, phone keyboards, dictation and paste produce.
// Emscripten's GLFW reads text from the deprecated keypress event and drops all of that, so hoso
// does not use GLFW: every event is forwarded to ImGui here (technique: DESIGN.md, "Typing").
HosoWeb.input = (function () {
  'use strict';
  var M = Module, W = HosoWeb;
  var canvas = null, agent = null;
  var agentText = '';        // what the agent held after the last event, NFC
  var composing = false;
  var imeWanted = false, imeId = 0;
  var clipboardOut = null;   // text ImGui copied during the current copy/cut event
  var inClipboardEvent = false;
  var keysDown = {};         // key names we reported down, so every down gets its up
  var touch = null;          // the touch being tracked: a tap, or a drag that scrolls
  var TAP_SLOP = 10;         // CSS px a finger may move and still tap

  var NAMED = {
    Tab: 1, ArrowLeft: 1, ArrowRight: 1, ArrowUp: 1, ArrowDown: 1, PageUp: 1, PageDown: 1,
    Home: 1, End: 1, Insert: 1, Delete: 1, Backspace: 1, Enter: 1, Escape: 1, F1: 1, F2: 1,
    F3: 1, F5: 0,
  };
  // Shortcuts ImGui handles itself; copy, cut and paste are left to the browser so that its
  // clipboard events fire (only they may read and write the system clipboard).
  var SHORTCUT_LETTERS = { a: 1, z: 1, y: 1, s: 1, f: 1, n: 1, e: 1, p: 1 };

  function mods(e) { M._hoso_modifiers(e.ctrlKey, e.shiftKey, e.altKey, e.metaKey); }
  function key(name, down) { return W.withString(name, function (p) { return M._hoso_key(p, down ? 1 : 0); }); }
  function sendText(s) { if (s) W.withString(s, function (p) { M._hoso_text(p); }); }
  function cssPoint(e) {
    var r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  // ---- text agent ------------------------------------------------------------------------------
  function resetAgent() {
    agentText = '';
    if (agent && !composing) agent.value = '';
  }
  // The agent's value changed (typing, composition, dictation, autocorrect): send ImGui the
  // difference as Backspaces for what disappeared and characters for what appeared.
  function syncAgent() {
    var now = agent.value.normalize('NFC');
    var before = Array.from(agentText), after = Array.from(now);
    var common = 0;
    while (common < before.length && common < after.length && before[common] === after[common]) common++;
    if (common === before.length && common === after.length) return;  // nothing new (a repeated sync)
    for (var i = common; i < before.length; i++) { key('Backspace', true); key('Backspace', false); }
    sendText(after.slice(common).join(''));
    agentText = now;
    if (!composing && after.length > 64) { agent.value = ''; agentText = ''; }
    // Draw now, inside the event, not on the next animation frame: the character is in the field
    // (and the model) when the event returns, and shows at the very next paint (issue 19).
    W.frameNow();
  }
  function placeAgent(x, y, h) {
    var r = canvas.getBoundingClientRect();
    agent.style.left = Math.round(r.left + x) + 'px';
    agent.style.top = Math.round(r.top + y) + 'px';
    agent.style.height = Math.max(16, Math.round(h)) + 'px';
  }
  function focusAgentIfWanted(drawFirst) {
    // A field that starts editing on click (multi-line) becomes active a frame or two later:
    // draw those frames now, still inside the person's gesture (never from inside a frame).
    if (drawFirst !== false)
      for (var i = 0; i < 4 && !imeWanted && M._hoso_want_text_input(); i++) W.frameNow();
    if (imeWanted) {
      if (document.activeElement !== agent) {
        resetAgent();
        agent.focus({ preventScroll: true });
      }
    } else if (document.activeElement === agent) {
      agent.blur();
    }
  }
  function setIme(want, x, y, h, id) {
    if (id !== imeId) { composing = false; resetAgent(); }
    imeWanted = want;
    imeId = id;
    if (want) placeAgent(x, y, h);
    // Desktop browsers let us focus at any time; phones only inside a gesture (pointerup below).
    if (!touchDevice() || !want) focusAgentIfWanted(false);
  }
  var sawTouch = false;
  function touchDevice() { return sawTouch; }

  function onBeforeInput(e) {
    if (composing) return;
    // Enter on a phone keyboard, and Backspace when the agent is empty, produce no value change.
    if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') {
      e.preventDefault();
      key('Enter', true); key('Enter', false); resetAgent(); W.requestFrame();
    } else if (e.inputType === 'deleteContentBackward' && agent.value === '') {
      e.preventDefault();
      key('Backspace', true); key('Backspace', false); W.requestFrame();
    } else if (e.inputType === 'deleteContentForward' && agent.value === '') {
      e.preventDefault();
      key('Delete', true); key('Delete', false); W.requestFrame();
    }
  }

  // ---- keys ------------------------------------------------------------------------------------
  function onKeyDown(e) {
    if (!W.started || e.defaultPrevented) return;
    // Keys on an element of the accessible mirror (pre_a11y.js) are ImGui's too, Space included.
    var mirror = W.a11y && W.a11y.isMirror(e.target);
    if (e.target !== agent && e.target !== document.body && e.target !== canvas && e.target !== document.documentElement && !mirror) return;
    if (e.isComposing || e.keyCode === 229 || composing) return;  // the input method owns it
    var k = e.key;
    if (mirror && k === ' ') {
      key(' ', true);
      keysDown[' '] = 1;
      e.preventDefault();
      W.frameNow();
      focusAgentIfWanted();
      return;
    }
    // The first Tab from the top of the page reaches the skip link (pre_a11y.js), as on any page.
    if (k === 'Tab' && !e.shiftKey && e.target === document.body && W.a11y && W.a11y.offerSkip()) return;
    if (NAMED[k]) {
      mods(e);
      if (!key(k, true)) return;
      keysDown[k] = 1;
      e.preventDefault();
      if (k === 'Backspace' && agentText) {
        var a = Array.from(agentText); a.pop(); agentText = a.join(''); agent.value = agentText;
      } else if (k !== 'Backspace') {
        resetAgent();
      }
      W.frameNow();
      focusAgentIfWanted();
      return;
    }
    var shortcut = e.ctrlKey || e.metaKey;
    if (shortcut && k.length === 1 && SHORTCUT_LETTERS[k.toLowerCase()]) {
      mods(e);
      var name = k.toLowerCase();
      key(name, true);
      keysDown[name] = 1;
      e.preventDefault();
      resetAgent();
      W.frameNow();
      focusAgentIfWanted();
    } else if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta') {
      mods(e);
      W.requestFrame();
    }
    // Printable keys fall through to the agent's input event.
  }
  function onKeyUp(e) {
    if (!W.started) return;
    var k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    mods(e);
    if (keysDown[k]) { delete keysDown[k]; key(k, false); }
    W.requestFrame();
  }
  function releaseAllKeys() {
    for (var k in keysDown) key(k, false);
    keysDown = {};
    M._hoso_modifiers(0, 0, 0, 0);
  }

  // ---- clipboard -------------------------------------------------------------------------------
  function chord(letter) {
    M._hoso_modifiers(1, 0, 0, 0);
    key(letter, true);
    W.frameNow();
    key(letter, false);
    M._hoso_modifiers(0, 0, 0, 0);
    W.frameNow();
  }
  function onCopyOrCut(e, letter) {
    if (!W.started || !imeWanted) return;
    clipboardOut = null;
    inClipboardEvent = true;
    try { chord(letter); } finally { inClipboardEvent = false; }
    if (clipboardOut !== null) {
      e.clipboardData.setData('text/plain', clipboardOut);
      e.preventDefault();
    }
  }
  function onPaste(e) {
    if (!W.started || !imeWanted) return;
    var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
    e.preventDefault();
    W.withString(text.normalize('NFC').replace(/\r\n?/g, '\n'), function (p) { M._hoso_clipboard_in(p); });
    resetAgent();
    chord('v');
  }

  // ---- pointer ---------------------------------------------------------------------------------
  function source(e) { return e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0; }
  function onPointerDown(e) {
    if (!W.started) return;
    e.preventDefault();  // keeps focus on the text agent, no text selection, no emulated mouse
    var p = cssPoint(e);
    if (e.pointerType === 'touch') {
      sawTouch = true;
      if (touch) return;  // a second finger: ignore
      touch = { id: e.pointerId, x0: p.x, y0: p.y, x: p.x, y: p.y, dragging: false };
      try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
      return;
    }
    // The release comes to the canvas wherever the pointer is then (over the text agent, outside
    // the window), so ImGui never holds a button the person let go of.
    try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
    M._hoso_pointer_source(source(e));
    M._hoso_pointer_move(p.x, p.y);
    M._hoso_pointer_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 1);
    W.frameNow();
    focusAgentIfWanted();
  }
  function onPointerMove(e) {
    if (!W.started) return;
    var p = cssPoint(e);
    if (touch && e.pointerId === touch.id) {
      if (!touch.dragging && Math.hypot(p.x - touch.x0, p.y - touch.y0) > TAP_SLOP) {
        touch.dragging = true;
        M._hoso_pointer_source(1);
        M._hoso_pointer_move(touch.x0, touch.y0);  // so the wheel scrolls the window under the finger
      }
      if (touch.dragging) {
        var line = 5 * 16 * Module._hoso_ui_scale();  // ImGui scrolls 5 lines per wheel unit
        M._hoso_wheel((p.x - touch.x) / line, (p.y - touch.y) / line);
      }
      touch.x = p.x; touch.y = p.y;
      return;
    }
    if (e.pointerType === 'touch') return;
    M._hoso_pointer_source(source(e));
    M._hoso_pointer_move(p.x, p.y);
  }
  function onPointerUp(e) {
    if (!W.started) return;
    var p = cssPoint(e);
    if (touch && e.pointerId === touch.id) {
      var wasTap = !touch.dragging;
      touch = null;
      if (wasTap) {
        // A tap: press and release at the finger, each in its own frame, then hand the keyboard
        // to the text agent while still inside the gesture (iOS requires that).
        M._hoso_pointer_source(1);
        M._hoso_pointer_move(p.x, p.y);
        M._hoso_pointer_button(0, 1);
        W.frameNow();
        M._hoso_pointer_button(0, 0);
        W.frameNow();
        M._hoso_pointer_leave();
        W.frameNow();
        focusAgentIfWanted();
      } else {
        M._hoso_pointer_leave();
      }
      return;
    }
    if (e.pointerType === 'touch') return;
    M._hoso_pointer_move(p.x, p.y);
    M._hoso_pointer_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 0);
    W.frameNow();
    focusAgentIfWanted();
  }
  function onPointerCancel(e) {
    if (touch && e.pointerId === touch.id) touch = null;
    M._hoso_pointer_button(0, 0);
    M._hoso_pointer_leave();
  }
  function onWheel(e) {
    if (!W.started) return;
    e.preventDefault();
    var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    var p = cssPoint(e);
    M._hoso_pointer_move(p.x, p.y);
    M._hoso_wheel(-e.deltaX * unit, -e.deltaY * unit);
  }

  // ---- resize ----------------------------------------------------------------------------------
  function viewportSize() {
    var vv = window.visualViewport;
    // The visual viewport shrinks when a phone keyboard opens (also on iOS, which ignores
    // interactive-widget=resizes-content), so the field being edited can stay above it.
    var w = vv ? vv.width : window.innerWidth, h = vv ? vv.height : window.innerHeight;
    return { w: Math.max(1, Math.floor(w)), h: Math.max(1, Math.floor(h)), dpr: window.devicePixelRatio || 1 };
  }
  function layoutCanvas() {
    if (!canvas) canvas = document.getElementById('canvas');
    var s = viewportSize();
    canvas.style.width = s.w + 'px';
    canvas.style.height = s.h + 'px';
    var vv = window.visualViewport;
    canvas.style.transform = vv ? 'translate(' + Math.round(vv.offsetLeft) + 'px,' + Math.round(vv.offsetTop) + 'px)' : '';
    return s;
  }
  function onResize() {
    if (!W.started) return;
    var s = layoutCanvas();
    M._hoso_resize(s.w, s.h, s.dpr);
  }
  var dprQuery = null;
  function watchDpr() {
    if (dprQuery) dprQuery.removeEventListener('change', watchDpr);
    dprQuery = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    dprQuery.addEventListener('change', watchDpr);
    onResize();
  }

  function install(canvasEl) {
    canvas = canvasEl;
    agent = document.createElement('textarea');
    agent.id = 'hoso-text-agent';
    agent.setAttribute('autocomplete', 'off');
    agent.setAttribute('autocorrect', 'off');
    agent.setAttribute('autocapitalize', 'off');
    agent.setAttribute('spellcheck', 'false');
    agent.setAttribute('aria-hidden', 'true');
    agent.setAttribute('tabindex', '-1');
    document.body.appendChild(agent);

    // Our listeners are the only ones: capture phase on window so nothing else sees keys first.
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', function () { releaseAllKeys(); M._hoso_focus(0); });
    window.addEventListener('focus', function () { M._hoso_focus(1); });
    agent.addEventListener('beforeinput', onBeforeInput);
    agent.addEventListener('input', function () { syncAgent(); });
    agent.addEventListener('compositionstart', function () { composing = true; });
    agent.addEventListener('compositionupdate', function () { W.requestFrame(); });
    agent.addEventListener('compositionend', function () {
      composing = false;
      // Chromium fires input after compositionend, others before: sync either way.
      setTimeout(syncAgent, 0);
      syncAgent();
    });
    document.addEventListener('copy', function (e) { onCopyOrCut(e, 'c'); });
    document.addEventListener('cut', function (e) { onCopyOrCut(e, 'x'); });
    document.addEventListener('paste', onPaste);

    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerCancel);
    canvas.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') M._hoso_pointer_leave(); });
    canvas.addEventListener('mousedown', function (e) { e.preventDefault(); });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('touchstart', function (e) { e.preventDefault(); }, { passive: false });

    window.addEventListener('resize', onResize);
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', onResize);
      window.visualViewport.addEventListener('scroll', onResize);
    }
    watchDpr();
  }

  // The agent is the field being edited, for assistive technology: its name, findings, validity
  // and, on a desktop, its current value (pre_a11y.js gives them; `field` null when none). The
  // value is put in only when the agent is fresh, and not on touch screens, whose keyboards may
  // rewrite earlier words of what the agent holds.
  var described = null;
  function describeAgent(field, descId) {
    if (!agent) return;
    if (!field) {
      if (described) {
        described = null;
        agent.setAttribute('aria-hidden', 'true');
        ['aria-label', 'aria-invalid', 'aria-required', 'aria-describedby', 'aria-multiline'].forEach(function (a) { agent.removeAttribute(a); });
      }
      return;
    }
    var fresh = !described || described.n !== field.n;
    described = field;
    agent.removeAttribute('aria-hidden');
    agent.setAttribute('aria-label', field.label);
    agent.setAttribute('aria-multiline', field.r === 'multiline' ? 'true' : 'false');
    if (field.s & 128) agent.setAttribute('aria-invalid', 'true'); else agent.removeAttribute('aria-invalid');
    if (field.s & 64) agent.setAttribute('aria-required', 'true'); else agent.removeAttribute('aria-required');
    var d = document.getElementById(descId);
    if (d && d.textContent !== (field.d || '')) d.textContent = field.d || '';
    if (field.d) agent.setAttribute('aria-describedby', descId); else agent.removeAttribute('aria-describedby');
    if (fresh && !touchDevice() && !composing && agentText === '' && field.v) {
      agent.value = field.v;
      agentText = field.v.normalize('NFC');
      agent.setSelectionRange(agent.value.length, agent.value.length);
    }
  }

  return {
    install: install,
    describeAgent: describeAgent,
    focusAgentIfWanted: focusAgentIfWanted,
    // A field is being edited (as of the last frame drawn; ImGui's WantTextInput lags a frame).
    wantsText: function () { return imeWanted; },
    layoutCanvas: layoutCanvas,
    viewportSize: viewportSize,
    setIme: setIme,
    // The keyboard a phone shows for the field being edited (ui::Keyboard: text, numeric,
    // decimal, tel); a focused agent takes the change at once.
    setInputMode: function (keyboard) {
      if (agent) agent.setAttribute('inputmode', ['text', 'numeric', 'decimal', 'tel', 'email'][keyboard] || 'text');
    },
    clipboardOut: function (text) {
      clipboardOut = text;
      // Outside a copy event (a "Copy" button), use the async clipboard API where allowed.
      if (!inClipboardEvent && navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(function () {});
      }
    },
    copyText: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    },
  };
})();
