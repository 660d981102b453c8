// web/boot.js: starts the interactive page over the static one.
//
// Loaded first (deferred, no inline script, so the page runs under a strict CSP). It
// creates window.imfolio (ready, stats, navigate) before anything else exists, applies a
// theme the visitor chose earlier to the static page, and once the static page has been
// painted it starts the rest: the wasm is compiled while it downloads
// (WebAssembly.compileStreaming, off the main thread), its bytes counted on the way for
// the progress bar; the Emscripten module (whose web/page.js half completes the API),
// the profile and the font slices download beside it. If anything fails the static
// profile stays readable and a notice with a retry button explains why.
(function () {
  'use strict';
  var root = document.documentElement;
  var app = document.getElementById('app');
  var loader = document.getElementById('loader');
  var fill = document.getElementById('loader-fill');
  var loaderText = document.getElementById('loader-text');
  var failure = document.getElementById('failure');
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});  // a rejection is reported through stats() and the page, not the console

  var state = { error: null, settled: false, pendingRoute: null };
  var api = {
    ready: ready,
    stats: function () {
      return api._stats ? api._stats() : { frames: 0, route: null, error: state.error, ready: false };
    },
    navigate: function (section) {
      if (api._navigate) api._navigate(String(section)); else state.pendingRoute = String(section);
    },
    _resolve: function () {
      if (state.settled) return;
      state.settled = true;
      // A mark in the page's own timeline: scripts/bench reads when the page became interactive.
      if (window.performance && performance.mark) performance.mark('imfolio-ready');
      resolveReady();
    },
    _reject: function (message) {
      state.error = message;
      if (!state.settled) { state.settled = true; rejectReady(new Error(message)); }
    },
    _fail: fail,
    _state: state,
  };
  window.imfolio = api;

  // The static page follows the theme chosen in the canvas (site.css has both palettes
  // under data-theme), so the canvas does not repaint it in the other one at the swap.
  try {
    var theme = window.localStorage.getItem('imfolio-theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch (e) { /* storage refused: the system theme it is */ }

  // Shows the failure notice over the static profile (which stays readable).
  function fail(message) {
    loader.hidden = true;
    document.getElementById('failure-text').textContent = message;
    failure.hidden = false;
    api._reject(message);
  }
  document.getElementById('retry').addEventListener('click', function () {
    if (api._retry) { failure.hidden = true; api._retry(); } else { location.reload(); }
  });

  // Creating a WebGL context to test for one costs as much as the app's own (a GPU
  // process round trip): the app reports a refused context itself (page.js unsupported).
  if (typeof WebAssembly !== 'object' || typeof WebGL2RenderingContext !== 'function') {
    fail('This browser cannot show the interactive page (it needs WebAssembly and WebGL 2). The profile is below as text.');
    return;
  }

  loader.hidden = false;
  var wasmBytes = Number(app.dataset.wasmBytes) || 0;
  var received = 0, progressQueued = false;
  // At most one update per frame, however small the network's chunks.
  function progress() {
    if (progressQueued) return;
    progressQueued = true;
    requestAnimationFrame(function () {
      progressQueued = false;
      var share = wasmBytes ? Math.min(1, received / wasmBytes) : 0.5;
      fill.style.transform = 'scaleX(' + share.toFixed(3) + ')';
      loaderText.textContent = 'Loading the interactive page… ' + Math.round(received / 1024) + ' KiB';
    });
  }

  // The response's body, counted as it passes on its way to the compiler.
  function counted(response) {
    if (typeof TransformStream !== 'function' || !response.body) return response;
    var body = response.body.pipeThrough(new TransformStream({
      transform: function (chunk, controller) {
        received += chunk.byteLength;
        progress();
        controller.enqueue(chunk);
      },
    }));
    return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  }

  // Compiles while downloading where the browser can; otherwise from the whole body.
  function compile(response) {
    if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + app.dataset.wasm);
    if (typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(counted(response));
    return response.arrayBuffer().then(function (bytes) {
      received = bytes.byteLength;
      progress();
      return WebAssembly.compile(bytes);
    });
  }

  var compiled = null;
  function loadFailed(e) {
    fail('The interactive page could not be loaded (' + e.message + '). The profile is below as text.');
  }

  // Emscripten's hook: instantiate the module compiled above (the instance is quick to make).
  function instantiateWasm(imports, receive) {
    compiled.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
    }).catch(loadFailed);
    return {};
  }

  // What the app fetches first, asked for now so it is in hand when main() asks: the
  // profile and the font slices (page.js fetches them with the same mode, so the browser
  // hands over these responses).
  function preload(href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  }

  function start() {
    compiled = fetch(app.dataset.wasm, { credentials: 'same-origin' }).then(compile);
    compiled.catch(loadFailed);
    window.Module = {
      instantiateWasm: instantiateWasm,
      print: function (text) { console.log(text); },
      printErr: function (text) { console.warn(text); },
      onAbort: function (what) { fail('The interactive page stopped (' + what + '). The profile is below as text.'); },
    };
    var script = document.createElement('script');
    script.src = app.dataset.app;
    script.onerror = function () { fail('The interactive page could not be loaded. The profile is below as text.'); };
    document.body.appendChild(script);
    if (!new URLSearchParams(location.search).has('profile')) {
      if (app.dataset.profile) preload(app.dataset.profile);
      (app.dataset.fonts || '').split(',').forEach(function (file) { if (file) preload('fonts/' + file); });
    }
  }

  // After the static page's first paint: its text is what a visitor reads first, and
  // nothing (downloads, compiling, the app's first frames) should hold it back. The
  // callback of the frame that paints it runs just before that paint; a task queued
  // from there runs after it. A hidden page never paints: start at once.
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(function () { setTimeout(start, 0); });
})();
