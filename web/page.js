// web/page.js: the page around the canvas, linked into the Emscripten module with
// --post-js, so it shares the module's scope (_malloc, HEAPU8, UTF8ToString, the
// exported _imfolio_* functions). The C++ side calls it through EM_JS
// (src/platform/web/web_bridge.cpp); nothing here evaluates strings as code.
//
// It owns: fetching (with a timeout), the address bar (#/route, back and forward), the
// theme preference, the clipboard, and completing window.imfolio (stats, navigate) that
// web/boot.js created; it wires the mirror (web/mirror.js: semantic DOM over the canvas,
// real <a href> elements, the text layer) and the text layer's tools (web/text_layer.js)
// to the wasm.
var imfolioPage = (function () {
  'use strict';
  var api = window.imfolio;
  var app = document.getElementById('app');
  var canvas = document.getElementById('canvas');
  var params = new URLSearchParams(location.search);
  var customProfile = params.has('profile');
  var profileBase = location.href;
  var foreignHost = '';  // the host of a ?profile= on another origin: the page names it
  var NAV_USER = 0, NAV_LINK = 1, NAV_HISTORY = 2;

  function cString(s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  }

  // --- fetching ------------------------------------------------------------------------
  var TOO_LARGE = -1;  // imfolio_fetch_done's status for a body over its limit

  function deliver(id, status, bytes, type) {
    var ptr = 0, len = 0;
    if (bytes && bytes.length) {
      len = bytes.length;
      ptr = _malloc(len);
      if (!ptr) { len = 0; status = TOO_LARGE; } else HEAPU8.set(bytes, ptr);
    }
    var t = cString(type || '');
    _imfolio_fetch_done(id, status, ptr, len, t);
    _free(t);
  }

  // The body, or null once it passes maxBytes: a hostile server could otherwise send
  // gigabytes, all held here and then copied into the wasm heap. The declared length
  // is checked first; the stream is counted too (a compressed body declares less).
  function readCapped(response, maxBytes) {
    if (Number(response.headers.get('content-length')) > maxBytes) return Promise.resolve(null);
    var reader = response.body.getReader(), chunks = [], total = 0;
    function pump() {
      return reader.read().then(function (step) {
        if (step.done) {
          var bytes = new Uint8Array(total), at = 0;
          chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
          return bytes;
        }
        total += step.value.length;
        if (total > maxBytes) { reader.cancel(); return null; }
        chunks.push(step.value);
        return pump();
      });
    }
    return pump();
  }

  // The timeout covers the whole body, so a server that trickles bytes is cut off too.
  function fetchFile(id, url, timeoutMs, maxBytes) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, timeoutMs);
    fetch(url, { signal: controller.signal, credentials: 'same-origin' }).then(function (response) {
      return readCapped(response, maxBytes).then(function (bytes) { return { response: response, bytes: bytes }; });
    }).then(function (got) {
      clearTimeout(timer);
      if (got.bytes === null) {
        controller.abort();
        deliver(id, TOO_LARGE, null, '');
      } else {
        deliver(id, got.response.status, got.bytes, got.response.headers.get('content-type'));
      }
    }, function () {
      clearTimeout(timer);
      deliver(id, 0, null, '');
    });
  }

  // A task of its own, as soon as the browser can run one: a message to ourselves. A zero
  // timeout would do, but after five nested ones the browser holds each back 4 ms.
  var channel = new MessageChannel(), tasks = [];
  channel.port1.onmessage = function () { var task = tasks.shift(); if (task) task(); };
  function postTask(fn) {
    tasks.push(fn);
    channel.port2.postMessage(0);
  }

  // The app asks for files a dozen at a time (the font slices a profile needs): each fetch
  // costs this thread about a millisecond to start, so they start one task each.
  var queued = [];
  function fetchSoon(id, url, timeoutMs, maxBytes) {
    if (queued.push([id, url, timeoutMs, maxBytes]) === 1) postTask(startQueued);
  }
  function startQueued() {
    var job = queued.shift();
    fetchFile(job[0], job[1], job[2], job[3]);
    if (queued.length) postTask(startQueued);
  }

  function profileUrl() {
    var raw = params.get('profile');
    if (!raw) return new URL(app.dataset.profile || 'data/profile.json', location.href).href;
    var url;
    try { url = new URL(raw, location.href); } catch (e) { return '!"' + raw + '" is not a web address'; }
    if (url.origin !== location.origin && url.protocol !== 'https:')
      return '!a profile from another site must be fetched over https (' + url.protocol + '//' + url.host + ')';
    // url.host is the punycode form, so a look-alike internationalised name shows as xn--.
    if (url.origin !== location.origin) foreignHost = url.host;
    profileBase = url.href;
    return url.href;
  }

  // A file the profile names (its bibliography): beside the profile, by the same rules.
  function besideProfile(path) {
    var url;
    try { url = new URL(path, profileBase); } catch (e) { return ''; }
    if (url.origin !== location.origin && url.protocol !== 'https:') return '';
    return url.href;
  }

  // Only http, https and mailto links may exist; relative ones resolve against the
  // profile's own address, "#/route" ones against the page.
  function safeHref(href) {
    if (!href) return null;
    var url;
    try { url = new URL(href, href.charAt(0) === '#' ? location.href : profileBase); } catch (e) { return null; }
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  }

  // --- the mirror (web/mirror.js) and the text layer (web/text_layer.js) ------------------
  var mirror = imfolioMirror;
  mirror.safeHref = safeHref;
  mirror.callbacks.scrolled = function (y) { _imfolio_scroll_to(y); };
  mirror.callbacks.typed = function (text) { var p = cString(text); _imfolio_set_query(p); _free(p); };
  mirror.callbacks.fieldFocus = function (focused) { _imfolio_text_field(focused ? 1 : 0); };
  mirror.callbacks.revealed = function (id) { _imfolio_reveal(id); };
  imfolioTextLayer.onTranslation(function (id, text) { var p = cString(text); _imfolio_translated(id, p); _free(p); });

  var followingLink = false;
  mirror.root.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (button) { e.preventDefault(); _imfolio_activate(Number(button.dataset.id)); return; }
    var link = e.target.closest('a');
    if (link && link.hash.indexOf('#/') === 0 && link.pathname === location.pathname) followingLink = true;
  });
  // Focus in the mirror is focus in the canvas: keyboard focus gets a ring there (and is
  // scrolled into view); any focus decides what Ctrl+C copies.
  mirror.root.addEventListener('focusin', function (e) {
    var id = e.target.dataset && e.target.dataset.id;
    if (id) _imfolio_focus(Number(id), e.target.matches(':focus-visible') ? 1 : 0);
  });
  mirror.root.addEventListener('focusout', function () { _imfolio_focus(0, 0); });

  // --- the address bar -----------------------------------------------------------------------
  function route() {
    var m = /^#\/?([A-Za-z0-9_-]+)/.exec(location.hash);
    return m ? m[1].toLowerCase() : '';
  }
  var lastRoute = route();
  function onAddressChange() {
    var r = route();
    if (!r || r === lastRoute) return;
    lastRoute = r;
    navigate(r, followingLink ? NAV_LINK : NAV_HISTORY);
    followingLink = false;
  }
  window.addEventListener('popstate', onAddressChange);
  window.addEventListener('hashchange', onAddressChange);

  function navigate(r, cause) {
    var p = cString(r);
    _imfolio_navigate(p, cause);
    _free(p);
  }

  // --- environment -----------------------------------------------------------------------------
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', function () { _imfolio_set_system_dark(dark.matches ? 1 : 0); });
  function watchPixelRatio() {
    var q = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    q.addEventListener('change', function () { _imfolio_wake(); watchPixelRatio(); }, { once: true });
  }
  watchPixelRatio();
  // The canvas's CSS size, asked for every frame: read where the browser lays the page out
  // anyway (a ResizeObserver), never by forcing a layout inside a frame after the mirror
  // changed the DOM.
  var runtimeUp = false;  // the exported functions may be called (onRuntimeInitialized)
  var canvasBox = (function () { var r = canvas.getBoundingClientRect(); return [r.width, r.height]; })();
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function (entries) {
      var r = entries[entries.length - 1].contentRect;
      if (r.width === canvasBox[0] && r.height === canvasBox[1]) return;
      canvasBox = [r.width, r.height];
      if (runtimeUp) _imfolio_wake();
    }).observe(canvas);
  } else {
    window.addEventListener('resize', function () { var r = canvas.getBoundingClientRect(); canvasBox = [r.width, r.height]; });
  }

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  var THEMES = ['system', 'light', 'dark'];

  // Live editing: scripts/serve watches the profile and the files it names, and tells the
  // page it serves (app.dataset.live, which only that server writes) when one is saved;
  // the page fetches the profile again and shows it where the owner is reading.
  function listenForSaves() {
    if (!app.dataset.live || !window.EventSource) return;
    var events = new EventSource(app.dataset.live);
    events.addEventListener('saved', function () { _imfolio_reload(); });
  }

  // The exported functions may only be called once the runtime is up (before main()).
  Module['onRuntimeInitialized'] = function () {
    runtimeUp = true;
    api._stats = function () {
      var s = JSON.parse(UTF8ToString(_imfolio_stats()));
      s.mirror = { full: mirror.counts.full, updates: mirror.counts.updates, bytes: mirror.counts.bytes };
      return s;
    };
    api._navigate = function (section) { navigate(String(section).toLowerCase(), NAV_USER); };
    api._retry = function () { _imfolio_retry(); };
    listenForSaves();
  };

  return {
    cString: cString,
    postTask: postTask,
    fetch: fetchSoon,
    mirror: {
      apply: function (json) { imfolioTextLayer.quietly(function () { mirror.apply(json); }); },
      scroll: function (y, height) { mirror.scroll(y, height); },
      zoom: function (z) { mirror.zoom(z); },
    },
    profileUrl: profileUrl,
    besideProfile: besideProfile,
    foreignHost: function () { return foreignHost; },
    // The section to open first: one imfolio.navigate() asked for early, or the address's.
    route: function () { return api._state.pendingRoute || route(); },
    fetchTimeout: function () {
      var t = Number(params.get('timeout'));
      return t >= 500 && t <= 120000 ? t : 15000;
    },
    ownProfile: function () { return !customProfile; },
    // The site's top folder, from this page: "" or "../" for a language's own page.
    siteRoot: function () { return app.dataset.root || ''; },
    // ?lang= first (and remembered, as a choice), then the remembered choice, then the browser's.
    wantedLanguages: function () {
      var s = storage();
      var asked = params.get('lang');
      if (asked && s) s.setItem('imfolio-lang', asked);
      var wanted = [asked, app.dataset.lang, s ? s.getItem('imfolio-lang') : null].concat(navigator.languages || [navigator.language]);
      return wanted.filter(function (t) { return t && /^[A-Za-z0-9-]{1,35}$/.test(t); }).join('\n');
    },
    language: function (tag, chosen) {
      document.documentElement.lang = tag;
      if (!chosen) return;
      var s = storage();
      if (s) s.setItem('imfolio-lang', tag);
      var url = new URL(location.href);
      url.searchParams.set('lang', tag);
      window.history.replaceState(window.history.state, '', url.href);
    },
    storedTheme: function () {
      var s = storage();
      var i = s ? THEMES.indexOf(s.getItem('imfolio-theme')) : -1;
      return i;
    },
    storeTheme: function (theme) {
      var s = storage();
      if (s) s.setItem('imfolio-theme', THEMES[theme] || 'system');
    },
    prefersDark: function () { return dark.matches; },
    coarsePointer: function () { return window.matchMedia('(pointer: coarse)').matches; },
    // The owner's view lists the profile's problems: a preview (?profile=), a page served
    // from this machine (scripts/serve), or ?problems=1. A deployed page is the visitors'.
    ownerView: function () {
      var local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(location.hostname);
      return customProfile || local || params.get('problems') === '1';
    },
    canvasSize: function () { return canvasBox; },
    history: function (r, push) {
      lastRoute = r;
      if (location.hash === '#/' + r) return;
      if (push) window.history.pushState(null, '', '#/' + r);
      else window.history.replaceState(null, '', '#/' + r);
    },
    ready: function () {
      app.classList.add('ready');
      document.documentElement.classList.add('imfolio-ready');
      document.getElementById('loader').hidden = true;
      document.getElementById('failure').hidden = true;
      api._resolve();
    },
    // The profile could not be shown: a custom (?profile=) one gets the canvas's error
    // page; the default one keeps its static text, with the notice and a retry button.
    failed: function (message) {
      if (customProfile) {
        app.classList.add('ready');
        document.documentElement.classList.add('imfolio-ready');
        document.getElementById('loader').hidden = true;
        api._reject(message);
      } else {
        api._fail(message);
      }
    },
    // No WebGL 2 context: whatever the profile, only the static page can be shown.
    unsupported: function (message) { api._fail(message); },
    copy: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(function () { copyFallback(text); });
      } else {
        copyFallback(text);
      }
    },
    cursor: function (pointer) { mirror.root.style.cursor = pointer ? 'pointer' : ''; },
  };

  function copyFallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.className = 'clipboard-buffer';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
})();
