// web/text_layer.js: what a visitor does with the text of the page (linked with
// --post-js after mirror.js, before page.js).
//
// The browser does the work on the mirror's transparent text (web/mirror.js): drag,
// double- and triple-click, shift-click, the context menu, find in page, translation.
// This file adds what a canvas page needs on top:
//   - Copy: the selection as plain text in reading order, one line per line of a block,
//     a blank line between paragraphs and entries (the browser's own serialisation of
//     positioned runs would break every line);
//   - Ctrl/Cmd+A selects the page's text, not the page around it;
//   - with nothing selected, Copy on a focused link gives its address;
//   - a drag that starts on a link selects instead of following it;
//   - a long press on a touch screen selects a word and offers Copy;
//   - translation: text the browser's translator rewrote is reported, by node, so the
//     canvas draws it (report());
// Does not implement: drawing the selection (the browser paints ::selection over the
// canvas, in the palette's colour: web/site.css).
var imfolioTextLayer = (function () {
  'use strict';
  var m = imfolioMirror;
  var BLOCKS = { P: 1, H1: 1, H2: 1, H3: 1, H4: 1, H5: 1, H6: 1, LI: 1, SECTION: 1, HEADER: 1, MAIN: 1 };

  function insideText(node) {
    return node && m.pageLayer.contains(node.nodeType === 1 ? node : node.parentNode);
  }

  // The nearest block element of a text node, and the list item holding it (if any).
  function blockOf(node) {
    for (var el = node.parentNode; el && el !== m.pageLayer; el = el.parentNode)
      if (BLOCKS[el.tagName]) return el;
    return m.pageLayer;
  }
  function itemOf(el) {
    for (; el && el !== m.pageLayer; el = el.parentNode) if (el.tagName === 'LI') return el;
    return null;
  }
  // Not copied: buttons, the search field, and what the page does not show (a closed
  // abstract), except a long list's held entries, which stand for entries laid out only
  // near the screen (mirror.js): Ctrl+A copies every entry of the list.
  function skipped(node) {
    for (var el = node.parentNode; el && el !== m.pageLayer; el = el.parentNode) {
      if (el.tagName === 'BUTTON' || el.tagName === 'INPUT') return true;
      if (el.hidden && !(el.classList.contains('held') && el.hidden === 'until-found')) return true;
    }
    return false;
  }

  // The selected text of the mirror in reading order. Lines of one entry are one line
  // each; paragraphs, headings and entries are set apart by a blank line.
  function selectedText(range) {
    var walker = document.createTreeWalker(m.pageLayer, NodeFilter.SHOW_TEXT);
    var out = '', block = null, line = '';
    function endBlock(next) {
      line = line.replace(/\s+$/, '');
      if (line) {
        if (out) out += itemOf(block) && itemOf(block) === itemOf(next) ? '\n' : '\n\n';
        out += line;
      }
      line = '';
    }
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node) || skipped(node) || node.parentNode.className === 'eol') continue;
      var text = node.data;
      if (node === range.endContainer) text = text.slice(0, range.endOffset);
      if (node === range.startContainer) text = text.slice(range.startOffset);
      var b = blockOf(node);
      if (b !== block) { endBlock(b); block = b; }
      line += text;
    }
    endBlock(null);
    return out.replace(/^\s+/, '');
  }

  // Nothing selected and a link of the page focused (Tab): Copy gives its address.
  function focusedLink() {
    var el = document.activeElement;
    return el && el.tagName === 'A' && m.root.contains(el) ? el : null;
  }

  document.addEventListener('copy', function (e) {
    var sel = window.getSelection();
    var link = focusedLink();
    if ((!sel || sel.isCollapsed) && link) {
      e.clipboardData.setData('text/plain', link.href);
      e.preventDefault();
      return;
    }
    if (!sel || sel.isCollapsed || !sel.rangeCount || !insideText(sel.anchorNode)) return;
    var text = '';
    for (var i = 0; i < sel.rangeCount; i++) text += (i ? '\n' : '') + selectedText(sel.getRangeAt(i));
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  });

  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'a' || e.key === 'A')) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      e.preventDefault();
      window.getSelection().selectAllChildren(m.pageLayer);
    }
  });

  // A press that moves more than a few pixels before it ends is a drag: on a link it
  // selects text, so the click it ends in must not follow the link.
  var press = null;
  document.addEventListener('mousedown', function (e) { press = { x: e.clientX, y: e.clientY }; }, true);
  m.root.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a');
    if (!link || !press) return;
    var moved = Math.abs(e.clientX - press.x) + Math.abs(e.clientY - press.y) > 6;
    if (moved && !window.getSelection().isCollapsed) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);

  // A selection made without the pointer (window.find(), the keyboard, the find bar when it
  // closes) that is out of sight is brought into view: the text layer scrolls, and the
  // canvas with it. A drag is left alone: the visitor is looking at it.
  var buttons = 0;
  document.addEventListener('mousedown', function (e) { buttons = e.buttons; }, true);
  document.addEventListener('mouseup', function (e) { buttons = e.buttons; }, true);
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (buttons || !sel || sel.isCollapsed || !sel.rangeCount || !insideText(sel.focusNode)) return;
    var box = sel.getRangeAt(0).getBoundingClientRect();
    var view = m.scroller.getBoundingClientRect();
    var top = view.top + m.fixedLayer.getBoundingClientRect().height;
    if (box.bottom > view.bottom || box.top < top + 60) {
      var el = sel.focusNode.nodeType === 1 ? sel.focusNode : sel.focusNode.parentElement;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  });

  // Touch: a long press on text selects its word and shows a Copy button by it.
  var copyButton = document.createElement('button');
  copyButton.type = 'button';
  copyButton.className = 'copy-bubble';
  copyButton.textContent = 'Copy';
  copyButton.hidden = true;
  document.body.appendChild(copyButton);
  copyButton.addEventListener('click', function () {
    var sel = window.getSelection();
    if (sel.rangeCount) {
      var text = selectedText(sel.getRangeAt(0));
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
      else document.execCommand('copy');
    }
    copyButton.hidden = true;
  });
  var hold = null;
  document.addEventListener('touchstart', function (e) {
    if (e.target === copyButton) return;
    copyButton.hidden = true;
    if (e.touches.length !== 1) { clearTimeout(hold && hold.timer); hold = null; return; }
    var t = e.touches[0];
    hold = { x: t.clientX, y: t.clientY, timer: setTimeout(function () { selectWordAt(hold); }, 550) };
  }, { passive: true });
  document.addEventListener('touchmove', function (e) {
    if (!hold) return;
    var t = e.touches[0];
    if (Math.abs(t.clientX - hold.x) + Math.abs(t.clientY - hold.y) > 10) { clearTimeout(hold.timer); hold = null; }
  }, { passive: true });
  document.addEventListener('touchend', function () { if (hold) { clearTimeout(hold.timer); hold = null; } }, { passive: true });

  function selectWordAt(at) {
    if (!at) return;
    var r = document.caretRangeFromPoint && document.caretRangeFromPoint(at.x, at.y);
    if (!r || !insideText(r.startContainer) || r.startContainer.nodeType !== 3) return;
    var text = r.startContainer.data, i = r.startOffset, j = r.startOffset;
    var word = /[\p{L}\p{N}_'’-]/u;
    while (i > 0 && word.test(text.charAt(i - 1))) i--;
    while (j < text.length && word.test(text.charAt(j))) j++;
    if (i === j) return;
    var range = document.createRange();
    range.setStart(r.startContainer, i);
    range.setEnd(r.startContainer, j);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    var box = range.getBoundingClientRect();
    copyButton.style.left = Math.max(8, box.left) + 'px';
    copyButton.style.top = Math.max(8, box.top - 48) + 'px';
    copyButton.hidden = false;
  }

  // Print: a link whose text is its own address prints it once, not twice.
  window.addEventListener('beforeprint', function () {
    m.root.querySelectorAll('a[href]').forEach(function (a) {
      var text = a.textContent.trim(), href = a.getAttribute('href');
      var bare = href.replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '');
      a.classList.toggle('url-shown', text === href || text === bare);
    });
  });

  // --- translation ------------------------------------------------------------------------
  // The mirror reports each text it writes; a text node of the mirror that later reads
  // differently was rewritten by someone else: the browser's translator (which wraps what
  // it writes in <font> elements), or an extension. Its node's new text is reported.
  var written = new Map();  // node id -> text the mirror wrote
  m.callbacks.written = function (id, text) { written.set(String(id), text); };
  var reportTranslation = null;
  var applying = false;
  var observer = new MutationObserver(function (records) {
    if (applying || !reportTranslation) return;
    var changed = new Set();
    records.forEach(function (r) {
      for (var el = r.target.nodeType === 1 ? r.target : r.target.parentNode; el && el !== m.pageLayer; el = el.parentNode)
        if (el.dataset && el.dataset.id && written.has(el.dataset.id)) { changed.add(el); break; }
    });
    changed.forEach(function (el) {
      var text = el.textContent;
      if (text !== written.get(el.dataset.id)) {
        written.set(el.dataset.id, text);
        reportTranslation(Number(el.dataset.id), text);
      }
    });
  });
  observer.observe(m.pageLayer, { childList: true, characterData: true, subtree: true });
  observer.observe(m.fixedLayer, { childList: true, characterData: true, subtree: true });

  return {
    selectedText: selectedText,
    // Runs `apply` (the mirror writing the wasm's changes) without reporting them.
    quietly: function (apply) {
      applying = true;
      try { apply(); } finally { observer.takeRecords(); applying = false; }
    },
    onTranslation: function (report) { reportTranslation = report; },
  };
})();
