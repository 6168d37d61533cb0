// hoso's browser layer: the accessible mirror. A screen reader sees nothing of what the canvas
// draws, so every item and text ImGui drew (item_registry.cpp, with its role, name, state and
// value) gets a real, invisible DOM element of the right role, placed over its rectangle on the
// canvas (touch exploration on a phone finds it where it is drawn). The mirror is brought in step
// by diffing, and only when the registry's generation moved: a frame where nothing changed, and
// an idle page, do no DOM work at all. Focus goes both ways (ImGui's keyboard focus moves the DOM
// focus; focusing an element moves ImGui's), activating an element (click, Enter, Space, a screen
// reader's "activate") acts on the ImGui item, and the field being edited is the text agent
// itself, labelled, with its value, validity and findings. Technique: DESIGN.md, "Accessibility".
HosoWeb.a11y = (function () {
  'use strict';
  var M = Module, W = HosoWeb;
  var root = null, live = null, desc = null, skip = null, canvas = null;
  var regions = {};          // landmark number -> <main>/<nav>, and the rest
  var containers = {};       // "d<id>" dialogs, "p<id>" popups' lists
  var nodes = {};            // item key -> { el, ctl, props }
  var lastGen = -1, lastFocus = 0, focusing = false;
  var focusPending = false;  // ImGui's focus moved while the text agent still held the DOM focus
  // Whether ImGui wanted text input at the last followFocus: a click activates a field in one frame
  // and ImGui wants text input only from the next, in which no item need change.
  var wantedText = false;
  var statusSeen = {};       // status texts in the last view: only new ones are announced
  var view = { items: [], focus: 0 };

  function str(key) { return W.withString(key, function (p) { return UTF8ToString(M._hoso_tr(p)); }); }

  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    return e;
  }

  // ---- elements by role ------------------------------------------------------------------------
  // Returns { el: the positioned element, ctl: the focusable control inside (or el) }.
  function make(item) {
    var r = item.r, e, ctl;
    switch (r) {
      case 'button': e = ctl = el('button'); e.type = 'button'; break;
      case 'link': e = ctl = el('a'); e.href = '#'; break;
      case 'heading': e = ctl = el('h' + Math.min(6, Math.max(1, item.l || 2))); break;
      case 'text': e = ctl = el('p'); break;
      case 'status': e = ctl = el('p'); break;
      case 'disclosure':
        e = el('div'); e.setAttribute('role', 'heading'); e.setAttribute('aria-level', '2');
        ctl = el('button'); ctl.type = 'button'; e.appendChild(ctl);
        break;
      case 'textbox': case 'multiline':
        e = ctl = el('div'); e.setAttribute('role', 'textbox');
        if (r === 'multiline') e.setAttribute('aria-multiline', 'true');
        break;
      default:  // checkbox, radio, combobox, option, tab, columnheader, cell
        e = ctl = el('div'); e.setAttribute('role', r);
    }
    if (ctl.tagName !== 'P' && !/^H\d$/.test(ctl.tagName)) {
      ctl.tabIndex = -1;  // Tab is ImGui's (it draws the focus ring); the DOM focus follows it
      ctl.addEventListener('click', onActivate);
      ctl.addEventListener('focus', onFocus);
    }
    e.className = 'a11y-item';
    return { el: e, ctl: ctl, props: {} };
  }

  function set(node, name, value) {
    if (node.props[name] === value) return;
    node.props[name] = value;
    var c = node.ctl;
    if (name === 'text') { c.textContent = value; return; }
    if (value === null || value === undefined || value === false) c.removeAttribute(name);
    else c.setAttribute(name, value === true ? 'true' : value);
  }
  function place(node, item) {
    var s = node.el.style, p = node.props;
    if (p.x !== item.x) { p.x = item.x; s.left = item.x + 'px'; }
    if (p.y !== item.y) { p.y = item.y; s.top = item.y + 'px'; }
    if (p.w !== item.w) { p.w = item.w; s.width = item.w + 'px'; }
    if (p.h !== item.h) { p.h = item.h; s.height = item.h + 'px'; }
  }

  // State bits: ui/semantics.hpp.
  var CHECKED = 1, SELECTED = 2, EXPANDED = 4, COLLAPSED = 8, DISABLED = 16, READ_ONLY = 32,
      REQUIRED = 64, INVALID = 128, CURRENT = 256;
  function apply(node, item) {
    var r = item.r, s = item.s;
    set(node, 'data-id', item.id || null);  // the item's stable id (tests, and reading the DOM)
    var nameByContent = r === 'button' || r === 'link' || r === 'heading' || r === 'text' ||
                        r === 'status' || r === 'disclosure' || r === 'option' || r === 'tab' ||
                        r === 'columnheader' || r === 'cell';
    if (nameByContent) set(node, 'text', item.label);
    else {
      set(node, 'aria-label', item.label);
      set(node, 'text', r === 'textbox' || r === 'multiline' || r === 'combobox' ? (item.v || '') : '');
    }
    if (r === 'checkbox' || r === 'radio') set(node, 'aria-checked', s & CHECKED ? 'true' : 'false');
    if (r === 'option' || r === 'tab') set(node, 'aria-selected', s & SELECTED ? 'true' : 'false');
    if (r === 'disclosure' || r === 'combobox') set(node, 'aria-expanded', s & EXPANDED ? 'true' : 'false');
    if (r === 'combobox') set(node, 'aria-haspopup', 'listbox');
    if (r === 'link') set(node, 'aria-current', s & CURRENT ? 'page' : null);
    set(node, 'aria-disabled', !!(s & DISABLED) && r !== 'text' && r !== 'heading' && r !== 'status');
    if (r === 'textbox' || r === 'multiline' || r === 'combobox' || r === 'checkbox') {
      set(node, 'aria-readonly', !!(s & READ_ONLY) && r !== 'checkbox');
      set(node, 'aria-required', !!(s & REQUIRED));
      set(node, 'aria-invalid', !!(s & INVALID));
      set(node, 'aria-description', item.d || null);
    }
    place(node, item);
  }

  // ---- where an element goes -------------------------------------------------------------------
  function containerFor(item) {
    if (item.dlg) return container('d' + item.dlg, 'dialog');
    if (item.pop) return container('p' + item.pop, 'listbox');
    return regions[item.lm] || regions[0];
  }
  // A data table's item (one drawn in a table with a header row) sits in its cell, in its row, in
  // its table, so a screen reader reads it with its column's header and moves by rows and columns.
  // Layout tables (two columns of a form) are not tables to the reader; the registry leaves them out.
  function parentFor(item, order) {
    var base = containerFor(item);
    if (!item.tb) return base;
    var key = 'T' + item.tb, table = tablePart(key, 'table', base, order);
    var row = tablePart(key + 'r' + item.row, 'row', table, order);
    if (item.r === 'columnheader') return row;
    return tablePart(key + 'r' + item.row + 'c' + item.col, item.hdr ? 'columnheader' : 'cell', row, order);
  }
  function tablePart(key, role, parent, order) {
    var c = containers[key];
    if (!c) {
      c = el('div', 'a11y-group');
      c.setAttribute('role', role);
      containers[key] = c;
    }
    if (!c.used) {
      c.used = true;
      inOrder(order, parent, c);
    }
    return c;
  }
  function inOrder(order, parent, child) {
    if (!order.has(parent)) order.set(parent, []);
    order.get(parent).push(child);
  }
  function container(key, role) {
    var c = containers[key];
    if (!c) {
      c = el('div', 'a11y-group');
      c.setAttribute('role', role);
      if (role === 'dialog') c.setAttribute('aria-modal', 'true');
      c.id = 'a11y-' + key;
      containers[key] = c;
    }
    c.used = true;
    if (!c.parentNode) root.appendChild(c);
    return c;
  }

  // ---- the diff --------------------------------------------------------------------------------
  function update() {
    var gen = M._hoso_a11y_generation();
    if (gen === lastGen) {
      if (focusPending || !!M._hoso_want_text_input() !== wantedText) followFocus();
      return;
    }
    var starting = lastGen === -1;
    lastGen = gen;
    view = JSON.parse(W.callString(M._hoso_a11y_json));
    var want = {}, order = new Map(), announce = [], statusNow = {};
    for (var k in containers) containers[k].used = false;
    for (var i = 0; i < view.items.length; i++) {
      var item = view.items[i];
      var node = nodes[item.k];
      if (node && node.role !== item.r) { node.el.remove(); node = null; }
      if (!node) { node = make(item); node.role = item.r; nodes[item.k] = node; }
      node.item = item;
      apply(node, item);
      want[item.k] = true;
      inOrder(order, parentFor(item, order), node.el);
      if (item.r === 'status') {
        statusNow[item.label] = true;
        if (!statusSeen[item.label]) announce.push(item.label);
      }
    }
    for (var key in nodes) if (!want[key]) { nodes[key].el.remove(); delete nodes[key]; }
    // Children in drawing order (reading order): move only what is out of place.
    order.forEach(function (els, parent) {
      var at = parent.firstChild;
      for (var j = 0; j < els.length; j++) {
        if (els[j] !== at) parent.insertBefore(els[j], at);
        else at = at.nextSibling;
      }
    });
    for (var c in containers) {
      var box = containers[c];
      if (!box.used) { box.remove(); delete containers[c]; continue; }
      // A dialog is named by its first text or heading; a popup's list by the box that opened it.
      var head = box.firstChild, role = box.getAttribute('role');
      if (role === 'dialog') {
        if (head && !head.id) head.id = 'a11y-first-' + c;
        if (head) box.setAttribute('aria-labelledby', head.id);
      } else if (role === 'listbox') {
        box.setAttribute('aria-label', expandedComboLabel() || '');
      }
    }
    // What appeared on its own since the last view (not at start: the page is read then anyway).
    if (announce.length && !starting) live.textContent = announce.join('. ');
    statusSeen = statusNow;
    followFocus();
  }
  function expandedComboLabel() {
    for (var k in nodes) {
      var it = nodes[k].item;
      if (it.r === 'combobox' && (it.s & EXPANDED)) return it.label;
    }
    return '';
  }

  // ---- focus, both ways ------------------------------------------------------------------------
  function followFocus() {
    var f = view.focus;
    var node = f ? nodes['i' + f] : null;
    wantedText = !!M._hoso_want_text_input();
    // ImGui's WantTextInput comes a frame late; the agent's own "wanted" (set in the frame the
    // field started editing) is current. Without it the focus was taken back from the agent in that
    // frame, and typing went nowhere until a named key gave it back.
    var wants = wantedText || W.input.wantsText();
    var editing = node && (node.item.r === 'textbox' || node.item.r === 'multiline') && wants;
    W.input.describeAgent(editing ? node.item : null, desc.id);
    focusPending = false;
    if (f === lastFocus) return;
    if (!node || editing) { lastFocus = f; return; }
    var active = document.activeElement;
    // Only take the focus from the page, the canvas or another mirror element, never from the
    // text agent while a field is being typed into (try again after the next frame).
    var free = !active || active === document.body || active === canvas || root.contains(active);
    if (!free && active.id === 'hoso-text-agent') {
      if (wants) { focusPending = true; return; }
      free = true;
    }
    if (!free) return;
    lastFocus = f;
    focusing = true;
    try { node.ctl.focus({ preventScroll: true }); } finally { focusing = false; }
  }
  function onFocus(e) {
    if (focusing) return;
    var node = nodeOf(e.currentTarget);
    if (node && node.item.n && node.item.n !== lastFocus) {
      lastFocus = node.item.n;
      M._hoso_a11y_focus(node.item.n);
    }
  }
  function nodeOf(ctl) {
    for (var k in nodes) if (nodes[k].ctl === ctl) return nodes[k];
    return null;
  }
  // A click from assistive technology (or Enter on a link or button it sent itself): a press and
  // release at the middle of the item's rectangle, as a finger would, in frames of their own.
  function onActivate(e) {
    e.preventDefault();
    var node = nodeOf(e.currentTarget);
    if (!node || !node.item.n) return;
    var it = node.item, x = it.x + it.w / 2, y = it.y + it.h / 2;
    M._hoso_pointer_source(0);
    M._hoso_pointer_move(x, y);
    M._hoso_pointer_button(0, 1);
    W.frameNow();
    M._hoso_pointer_button(0, 0);
    W.frameNow();
    W.input.focusAgentIfWanted();
  }

  function install(canvasEl) {
    canvas = canvasEl;
    canvas.setAttribute('aria-hidden', 'true');  // the mirror speaks for it
    root = el('div');
    root.id = 'hoso-a11y';
    skip = el('a', 'a11y-skip');
    skip.href = '#';
    skip.textContent = str('a11y.skip_to_main');
    skip.addEventListener('click', function (e) {
      e.preventDefault();
      for (var i = 0; i < view.items.length; i++) {
        var it = view.items[i], node = nodes[it.k];
        if (it.lm === 1 && it.n && node && node.ctl.hasAttribute('tabindex')) {
          lastFocus = it.n;
          node.ctl.focus({ preventScroll: true });
          M._hoso_a11y_focus(it.n);
          return;
        }
      }
    });
    // Tab from the skip link goes on into ImGui's own order (the page has no other tab stops).
    skip.addEventListener('keydown', function (e) {
      if (e.key !== 'Tab' || e.shiftKey) return;
      e.preventDefault();
      skip.blur();
      W.withString('Tab', function (p) { M._hoso_key(p, 1); });
      W.frameNow();
      W.withString('Tab', function (p) { M._hoso_key(p, 0); });
      W.frameNow();
    });
    document.body.insertBefore(skip, document.body.firstChild);
    regions[0] = el('div', 'a11y-group');
    regions[1] = el('main', 'a11y-group');
    regions[2] = el('nav', 'a11y-group');
    regions[2].setAttribute('aria-label', str('a11y.navigation'));
    root.appendChild(regions[2]);
    root.appendChild(regions[0]);
    root.appendChild(regions[1]);
    live = el('div', 'a11y-live');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.appendChild(live);
    desc = el('div', 'a11y-live');
    desc.id = 'hoso-a11y-desc';
    root.appendChild(desc);
    document.body.appendChild(root);
  }

  return {
    install: install,
    update: update,
    offerSkip: function () { return !!skip && lastFocus === 0 && document.activeElement !== skip; },
    isMirror: function (target) { return !!(root && target && target !== skip && root.contains(target)); },
  };
})();
