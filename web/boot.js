// web/boot.js: starts the interactive page over the static one.
//
// Loaded first (deferred, no inline script, so the page runs under a strict CSP). It
// creates window.imfolio (ready, stats, navigate) before anything else exists, checks
// for WebGL 2, shows a progress bar while the wasm downloads, and then loads the
// Emscripten module, whose web/page.js half completes the API. If anything fails the
// static profile stays readable and a notice with a retry button explains why.
(function () {
  'use strict';
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

  var probe = document.createElement('canvas');
  if (typeof WebAssembly !== 'object' || !probe.getContext('webgl2')) {
    fail('This browser cannot show the interactive page (it needs WebAssembly and WebGL 2). The profile is below as text.');
    return;
  }

  loader.hidden = false;
  var wasmBytes = Number(app.dataset.wasmBytes) || 0;
  function progress(received) {
    var share = wasmBytes ? Math.min(1, received / wasmBytes) : 0.5;
    fill.style.transform = 'scaleX(' + share.toFixed(3) + ')';
    loaderText.textContent = 'Loading the interactive page… ' + Math.round(received / 1024) + ' KiB';
  }

  // Streams the wasm to count its bytes for the progress bar, then instantiates it.
  function instantiateWasm(imports, receive) {
    fetch(app.dataset.wasm, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + app.dataset.wasm);
      var reader = response.body.getReader();
      var chunks = [], received = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return;
          chunks.push(step.value);
          received += step.value.length;
          progress(received);
          return pump();
        });
      }
      return pump().then(function () {
        var bytes = new Uint8Array(received), at = 0;
        chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
        return WebAssembly.instantiate(bytes, imports);
      });
    }).then(function (result) {
      receive(result.instance, result.module);
    }).catch(function (e) {
      fail('The interactive page could not be loaded (' + e.message + '). The profile is below as text.');
    });
    return {};
  }

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
})();
