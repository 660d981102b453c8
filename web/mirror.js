// web/mirror.js: the page document as DOM over the canvas (linked with --post-js, before
// text_layer.js and page.js, so they share the module's scope).
//
// The wasm sends ui::document_diff() messages (their keys are explained in
// src/ui/mirror_protocol.h). Each node becomes a semantic element (section, h2, ul, li,
// p, a, button) placed exactly over what the canvas drew for it, and invisible: links are
// real <a href>, screen readers read it, and the text of paragraphs and headings is laid
// out run by run where the canvas drew each line, in transparent text of the same font
// and width, so that the browser's own selection, find in page, copy and translation
// work on what the visitor sees (as pdf.js's text layer does over a PDF).
//
// Layout of the layers:
//   #mirror              zoomed with the canvas (stats().zoom)
//     .mirror-fixed      the top bar: viewport-space, never scrolls
//     .mirror-scroll     a scroll container whose scrollTop is the canvas's scroll: when
//       .mirror-page     the browser scrolls it (find in page, focus, a selection), the
//                        canvas follows
//
// It does not decide anything about the profile; it reports what the visitor did to the
// DOM (a scroll, typing into the search field) through the callbacks it is given.
var imfolioMirror = (function () {
  'use strict';
  var root = document.getElementById('mirror');
  var scroller = document.createElement('div');
  var pageLayer = document.createElement('div');
  var fixedLayer = document.createElement('div');
  scroller.className = 'mirror-scroll';
  pageLayer.className = 'mirror-page';
  fixedLayer.className = 'mirror-fixed';
  scroller.appendChild(pageLayer);
  // The top bar first: Tab reaches the navigation before the content, as on most sites.
  root.append(fixedLayer, scroller);

  var nodes = [];       // {d: the node as last sent, el: its element}
  var byId = new Map(); // node id -> entry of `nodes`
  var callbacks = { scrolled: null, typed: null, fieldFocus: null, written: null, revealed: null };
  var TAGS = {
    banner: 'header', navigation: 'nav', main: 'main', section: 'section', paragraph: 'p', text: 'span',
    list: 'ul', listitem: 'li', link: 'a', button: 'button', image: 'div', alert: 'div', search: 'div',
    textbox: 'input',
  };
  var LABELLED = { section: 1, navigation: 1, list: 1, alert: 1, search: 1, main: 1, banner: 1 };
  var TEXT_ROLES = { heading: 1, text: 1, link: 1, button: 1 };

  // The run text is in the canvas's own fonts: the slices the static page declares with
  // @font-face (family imfolio, already loaded for it), not a family the system must find
  // a fallback for, glyph by glyph, which made laying out the mirror several times slower.
  // imgui sizes a font by its ascender minus descender, CSS by the em: Inter's em is
  // 2816/3408 of that (web/site.css), and the CJK slices' size-adjust follows imgui.
  var FONTS = ' imfolio, Inter, "Noto Sans CJK SC", sans-serif';
  var EM_PER_SIZE = 2816 / 3408;
  function cssSize(size) { return (size * EM_PER_SIZE).toFixed(3) + 'px'; }
  // Widths of run text in that font, to scale each run's DOM text to the canvas's width
  // exactly (the fonts match; rounding and fallbacks need not).
  // Setting a context's font parses it: it is set only when a run's differs from the
  // last; each width is kept, since every update places the same runs again.
  var measure = document.createElement('canvas').getContext('2d');
  var measureFont = '', widths = new Map(), WIDTHS_KEPT = 4096;
  function widthKey(text, size, bold) { return (bold ? '600 ' : '400 ') + size + '\n' + text; }
  function textWidth(text, size, bold) {
    var font = (bold ? '600 ' : '400 ') + cssSize(size) + FONTS;
    var key = widthKey(text, size, bold);
    var w = widths.get(key);
    if (w !== undefined) return w;
    if (font !== measureFont) { measure.font = font; measureFont = font; }
    w = measure.measureText(text).width;
    if (widths.size >= WIDTHS_KEPT) widths.clear();
    widths.set(key, w);
    return w;
  }
  // A run's text, scaled to the width the canvas drew it at. A width measured before is
  // used at once; the others are measured a few milliseconds' worth per task (the first
  // document has hundreds), the run unscaled meanwhile (its text is transparent: only a
  // selection's highlight would be a little off, for a moment).
  var unmeasured = [], next = 0, MEASURE_SLICE_MS = 3;
  function scaleRun(el, u, natural) {
    el.style.transform = natural > 0 ? 'scaleX(' + (u[4] / natural).toFixed(4) + ')' : '';
  }
  function fitRun(el, u) {
    el.imfolioRun = u;  // the run it shows now (a later update may place it again first)
    var w = widths.get(widthKey(u[0], u[6], u[7]));
    if (w !== undefined) { scaleRun(el, u, w); return; }
    el.style.transform = '';
    if (unmeasured.push(el) === 1) setTimeout(measureSome, 0);
  }
  function measureSome() {
    var until = performance.now() + MEASURE_SLICE_MS;
    while (next < unmeasured.length && performance.now() < until) {
      var el = unmeasured[next++], u = el.imfolioRun;
      if (el.isConnected && u) scaleRun(el, u, textWidth(u[0], u[6], u[7]));
    }
    if (next < unmeasured.length) { setTimeout(measureSome, 0); return; }
    unmeasured = [];
    next = 0;
  }
  // A font that loads later measures differently.
  if (document.fonts && document.fonts.addEventListener) document.fonts.addEventListener('loadingdone', function () { widths.clear(); });

  function tagFor(d) {
    if (d.r === 'heading') return 'h' + Math.min(6, Math.max(1, d.l || 2));
    if (d.r === 'link' && !imfolioMirror.safeHref(d.h)) return 'span';
    if (d.z === 1) return 'div';  // hidden="until-found" needs a block
    if (d.r === 'text' && d.e === 1) return 'strong';
    return TAGS[d.r] || 'div';
  }

  // The text a node shows: its runs joined (drawn text and the white space between), or t.
  function textOf(d) {
    if (!d.u) return d.t || '';
    var s = '';
    for (var i = 0; i < d.u.length; i++) s += d.u[i][0] + d.u[i][1];
    return s;
  }

  function fillRuns(el, d) {
    el.textContent = '';
    for (var i = 0; i < d.u.length; i++) {
      var u = d.u[i];
      var run = document.createElement('span');
      run.className = 'run';
      var glyphs = document.createElement('span');
      glyphs.className = 'glyphs';
      glyphs.textContent = u[0];
      run.appendChild(glyphs);
      if (u[1]) {
        var tail = document.createElement('span');
        tail.className = 'tail';
        tail.textContent = u[1];
        run.appendChild(tail);
      }
      el.appendChild(run);
    }
  }

  function fill(el, d) {
    if (d.r === 'textbox') {
      fillField(el, d);
    } else if (TEXT_ROLES[d.r]) {
      var text = textOf(d);
      if (d.u) {
        if (el.dataset.text !== text || el.dataset.runs !== String(d.u.length)) fillRuns(el, d);
      } else if (el.textContent !== text) {
        el.textContent = text;
      }
      el.dataset.text = text;
      el.dataset.runs = d.u ? String(d.u.length) : '0';
      if (callbacks.written) callbacks.written(d.id, text);
    } else if (LABELLED[d.r] && d.t) {
      el.setAttribute('aria-label', d.t);
    }
    if (d.n === 1) el.setAttribute('translate', 'no'); else el.removeAttribute('translate');
    if (d.z === 1) el.setAttribute('hidden', 'until-found'); else if (el.hasAttribute('hidden')) el.removeAttribute('hidden');
    if (d.r === 'section' && d.a) el.id = 'section-' + d.a;
    if (d.r === 'alert') el.setAttribute('role', 'alert');
    if (d.r === 'search') el.setAttribute('role', 'search');
    if (d.r === 'image') { el.setAttribute('role', 'img'); el.setAttribute('aria-label', d.t || ''); }
    if (el.tagName === 'A') {
      el.href = imfolioMirror.safeHref(d.h);
      el.draggable = false;  // a drag that starts on a link selects text, as on a page of text
      if (d.h.charAt(0) !== '#') el.rel = 'noopener';
      if (d.c === 1) el.setAttribute('aria-current', 'location'); else el.removeAttribute('aria-current');
    }
    if (d.r === 'button') {
      el.type = 'button';
      if (d.k >= 0) el.setAttribute('aria-pressed', d.k ? 'true' : 'false'); else el.removeAttribute('aria-pressed');
    }
  }

  // The search box: a real <input>, so that input methods, on-screen keyboards, paste and
  // undo work; the canvas draws its frame, the input its text and caret.
  function fillField(el, d) {
    if (!el.dataset.wired) {
      el.dataset.wired = '1';
      el.type = 'search';
      el.className = 'field';
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.addEventListener('input', function () { if (callbacks.typed) callbacks.typed(el.value); });
      el.addEventListener('focus', function () { if (callbacks.fieldFocus) callbacks.fieldFocus(true); });
      el.addEventListener('blur', function () { if (callbacks.fieldFocus) callbacks.fieldFocus(false); });
    }
    el.setAttribute('aria-label', d.a || 'Search');
    el.placeholder = d.a || '';
    // The wasm echoes what was typed; it only writes when it changed the query itself.
    if (el.value !== (d.t || '') && document.activeElement !== el) el.value = d.t || '';
  }

  // Absolutely positioned at its rect, relative to the nearest ancestor that has one.
  // A node with runs is text inside a paragraph (or a heading): its runs are placed, each
  // an inline-block moved from where the one-line inline flow would put it to where the
  // canvas drew it, so the text stays one run of inline text for find and translation.
  // A run's box is where it is drawn: its margin moves it along the one line of the flow,
  // its relative offset down to its own line.
  function place() {
    var flowX = new Map();    // paragraph index -> width of the runs placed so far in it
    var lastRun = new Map();  // paragraph index -> its last run
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], d = n.d;
      var s = n.el.style;
      var inline = d.u && d.r !== 'heading';
      if (inline || !(d.w > 0 && d.hh > 0)) {
        n.origin = d.p >= 0 ? nodes[d.p].origin : [0, 0];
        s.position = '';
      } else {
        var o = d.p >= 0 ? nodes[d.p].origin : [0, 0];
        s.position = 'absolute';
        s.left = (d.x - o[0]) + 'px';
        s.top = (d.y - o[1]) + 'px';
        s.width = d.w + 'px';
        s.height = d.hh + 'px';
        n.origin = [d.x, d.y];
      }
      if (!d.u) continue;
      var block = inline ? d.p : i;
      var x = flowX.get(block) || 0;
      var runs = n.el.children;
      for (var r = 0; r < d.u.length && r < runs.length; r++) {
        var u = d.u[r], rs = runs[r].style;
        // Moved along the line by its margin, so the flow ends where the canvas's line
        // does (never wider than the paragraph); down to its line by relative position.
        var at = u[2] - n.origin[0];
        rs.marginLeft = (at - x) + 'px';
        rs.top = (u[3] - n.origin[1]) + 'px';
        rs.width = u[4] + 'px';
        rs.height = u[5] + 'px';
        rs.lineHeight = u[5] + 'px';
        rs.fontSize = cssSize(u[6]);
        runs[r].classList.toggle('b', !!u[7]);
        fitRun(runs[r].firstChild, u);
        x = at + u[4];
      }
      flowX.set(block, x);
      lastRun.set(block, runs[runs.length - 1]);
    }
    // A block's text ends with a line break the browser can see (absolutely positioned
    // blocks have none between them), so a double click on a block's first word does not
    // take the end of the block before. The break follows the block's element, outside it,
    // so that the element's own text (a heading's, a link's) is the text it shows.
    lastRun.forEach(function (run, block) {
      var el = nodes[block] && nodes[block].el;
      if (!run || !el || !el.parentNode) return;
      if (el.nextSibling && el.nextSibling.classList && el.nextSibling.classList.contains('eol')) return;
      var eol = document.createElement('span');
      eol.className = 'eol';
      eol.setAttribute('aria-hidden', 'true');
      eol.textContent = '\n';
      el.parentNode.insertBefore(eol, el.nextSibling);
    });
  }

  // An element's children go, except a long list's held entries (they stay in place).
  function clearChildren(el) {
    var c = el.firstChild;
    while (c) {
      var next = c.nextSibling;
      if (!(c.classList && c.classList.contains('held'))) el.removeChild(c);
      c = next;
    }
  }

  // Long lists (virtual_list.h): the canvas lays out only the entries near the screen, and
  // only those are nodes. The others are held here, in the list's element, in order, as
  // hidden-until-found items at their measured places: the browser's find reaches them (and
  // a match scrolls the canvas there), print flows them, and they never show otherwise.
  // Those laid out this frame are plainly hidden, since their nodes hold the same text.
  var heldLists = new Map();  // list node id -> {els, y, begin, end}

  function holdEntries(rec, entries) {
    rec.els.forEach(function (el) { el.remove(); });
    rec.els = entries.map(function (e, i) {
      var el = document.createElement('li');
      el.className = 'held';
      el.dataset.entry = String(i);
      el.textContent = e[2];
      el.style.position = 'absolute';
      el.style.height = e[1] + 'px';
      el.heldTop = e[0];
      el.heldList = rec;
      return el;
    });
    rec.begin = rec.end = -1;
    rec.placed = '';
  }

  // Which held entries the browser may find: all but those laid out. A scroll touches only
  // the entries that were or are laid out, and those a find revealed.
  function showRange(rec, begin, end) {
    function set(i) {
      var want = i >= begin && i < end ? '' : 'until-found';
      if (rec.els[i].getAttribute('hidden') !== want) rec.els[i].setAttribute('hidden', want);
    }
    var i;
    if (rec.begin < 0) {
      for (i = 0; i < rec.els.length; i++) set(i);
    } else {
      for (i = rec.begin; i < rec.end; i++) set(i);
      for (i = begin; i < end; i++) set(i);
      rec.revealed.forEach(set);
    }
    rec.revealed = [];
    rec.begin = begin;
    rec.end = end;
  }

  // The held entries in their list's element, around the entries laid out, at their places.
  function seatHeld() {
    heldLists.forEach(function (rec, id) {
      var list = byId.get(id);
      if (!list || !rec.els.length) return;
      var ul = list.el;
      if (rec.els[0].parentNode !== ul) {
        var all = document.createDocumentFragment();
        rec.els.forEach(function (el) { all.appendChild(el); });
        ul.insertBefore(all, ul.firstChild);
      }
      // The laid-out entries just before the first held one after them, moved only when they
      // are elsewhere (a move would drop a selection inside them).
      var next = rec.end < rec.els.length ? rec.els[rec.end] : null;
      var index = nodes.indexOf(list);
      for (var i = nodes.length - 1; i > index; i--) {
        var el = nodes[i].el;
        if (nodes[i].d.p !== index || el.parentNode !== ul) continue;
        if (el.nextSibling !== next) ul.insertBefore(el, next);
        next = el;
      }
      var origin = list.origin || [0, 0];
      var width = list.d.w > 0 ? list.d.w + 'px' : '100%';
      var placed = rec.y + ' ' + origin[1] + ' ' + width;
      if (rec.placed === placed) return;  // where they were: no 10,000 style writes per message
      rec.placed = placed;
      rec.els.forEach(function (el) {
        el.heldY = rec.y + el.heldTop;
        el.style.top = (el.heldY - origin[1]) + 'px';
        el.style.width = width;
      });
    });
  }

  function applyHeld(msg) {
    (msg.dropped || []).forEach(function (id) {
      var rec = heldLists.get(id);
      if (rec) rec.els.forEach(function (el) { el.remove(); });
      heldLists.delete(id);
    });
    (msg.held || []).forEach(function (h) {
      var rec = heldLists.get(h.id);
      if (!rec) heldLists.set(h.id, rec = { els: [], y: 0, begin: -1, end: -1, revealed: [], placed: '' });
      if (h.e) holdEntries(rec, h.e);
      rec.y = h.y;
      if (rec.begin !== h.s[0] || rec.end !== h.s[1]) showRange(rec, h.s[0], h.s[1]);
    });
  }

  function rebuild(list) {
    var focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    var opened = null;
    var old = new Map();
    nodes.forEach(function (n) { old.set(n.d.id + ':' + n.el.tagName, n.el); });
    pageLayer.textContent = '';
    fixedLayer.textContent = '';
    byId.clear();
    nodes = list.map(function (d) {
      var tag = tagFor(d).toUpperCase();
      var el = old.get(d.id + ':' + tag);
      if (el) {
        old.delete(d.id + ':' + tag);
        if (tag !== 'INPUT') clearChildren(el);
        el.dataset.text = '';
      } else {
        el = document.createElement(tag);
        el.dataset.id = d.id;
        if (tag === 'INPUT') opened = el;  // the search field just appeared: it takes the keyboard
      }
      var n = { d: d, el: el };
      byId.set(d.id, n);
      return n;
    });
    nodes.forEach(function (n) {
      var parent = n.d.p >= 0 ? nodes[n.d.p].el : (n.d.f ? fixedLayer : pageLayer);
      parent.appendChild(n.el);
      fill(n.el, n.d);
    });
    if (focused) {
      var again = root.querySelector('[data-id="' + focused + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    if (opened) opened.focus({ preventScroll: true });
  }

  // Find in page matched text that is hidden until found (a closed abstract): the canvas opens it.
  // A held entry of a long list: the canvas scrolls there, and lays the entry out.
  pageLayer.addEventListener('beforematch', function (e) {
    var t = e.target;
    if (t.classList && t.classList.contains('held')) {
      t.heldList.revealed.push(Number(t.dataset.entry));
      if (callbacks.scrolled) callbacks.scrolled(Math.max(0, t.heldY - scroller.clientHeight / 3));
      return;
    }
    var id = t.dataset && t.dataset.id;
    if (id && callbacks.revealed) callbacks.revealed(Number(id));
  });

  // The scroll position the canvas last set; a scroll event at another one is the browser's.
  var ourScroll = 0;
  scroller.addEventListener('scroll', function () {
    if (scroller.scrollLeft) scroller.scrollLeft = 0;  // the page never scrolls sideways
    var y = scroller.scrollTop;
    if (Math.abs(y - ourScroll) > 1 && callbacks.scrolled) callbacks.scrolled(y);
  });

  // How much crossed from the wasm: only changes do, and only when something changed.
  var counts = { full: 0, updates: 0, held: 0, bytes: 0 };

  return {
    counts: counts,
    callbacks: callbacks,
    apply: function (json) {
      var msg = JSON.parse(json);
      counts.bytes += json.length;
      if (msg.nodes) counts.full++; else if (msg.update) counts.updates++;
      if (msg.held || msg.dropped) counts.held++;
      if (msg.nodes) rebuild(msg.nodes);
      else if (msg.update) msg.update.forEach(function (d) { var n = nodes[d.i]; if (n) { n.d = d; byId.set(d.id, n); fill(n.el, d); } });
      applyHeld(msg);
      place();
      seatHeld();
    },
    // The canvas scrolled to `y` (CSS pixels of the page); the page is `height` tall.
    scroll: function (y, height) {
      pageLayer.style.height = height + 'px';
      ourScroll = y;
      if (Math.abs(scroller.scrollTop - y) >= 1) scroller.scrollTop = y;
    },
    zoom: function (z) { root.style.zoom = z === 1 ? '' : String(z); },
    node: function (id) { return byId.get(Number(id)); },
    textOf: textOf,
    root: root,
    pageLayer: pageLayer,
    fixedLayer: fixedLayer,
    scroller: scroller,
    safeHref: null,  // set by page.js: the one place that decides which links may exist
  };
})();
