// web/boot.js: starts the interactive page over the static one.
//
// Loaded first (deferred, no inline script, so the page runs under a strict CSP). It
// creates window.imfolio (ready, stats, navigate) before anything else exists, applies a
// theme the visitor chose earlier to the static page, and once the static page has been
// painted it starts the rest: the wasm is downloaded and compiled in a worker (boot.js
// again: WebAssembly.compileStreaming there, its bytes counted on the way for the progress
// bar), which hands the module over and then warms its start-up code up; the Emscripten
// module (whose web/page.js half completes the API),
// the profile and the font slices download beside it. If anything fails the static
// profile stays readable and a notice with a retry button explains why.
(function () {
  'use strict';
  if (typeof document === 'undefined') { warmUpWorker(); return; }
  var bootUrl = document.currentScript && document.currentScript.src;
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
    root.classList.remove('imfolio-starting');
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
  // The page is laid out as the canvas will be: without a scrollbar taking room (site.css).
  root.classList.add('imfolio-starting');
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

  // Compiled on this thread, where no worker can be made: as the worker's compileWasm, but
  // without counting the chunks (the bar does not move; counting here would cost this
  // thread a task per chunk).
  function compileHere() {
    return fetch(app.dataset.wasm, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + app.dataset.wasm);
      if (typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(response);
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  // The boot worker: downloads and compiles the wasm (the chunks of a download pass through
  // whichever thread streams them to the compiler: not this one), reports its progress,
  // hands the module over, and then runs its start-up code once (warmUp below).
  var worker = null;
  function compileInWorker() {
    if (!bootUrl || typeof Worker !== 'function') return null;
    try { worker = new Worker(bootUrl); } catch (e) { return null; }
    return new Promise(function (resolve, reject) {
      worker.onmessage = function (event) {
        var m = event.data || {};
        if (typeof m.received === 'number') { received = m.received; progress(); }
        if (m.module) resolve(m.module);
        else if (m.error && m.http) reject(new Error(m.error));
        else if (m.error) { worker.terminate(); worker = null; resolve(compileHere()); }  // the worker could not: here
      };
      // A worker that cannot start (its script refused): compiled here instead.
      worker.onerror = function (e) { e.preventDefault(); worker = null; resolve(compileHere()); };
      worker.postMessage({ compile: new URL(app.dataset.wasm, location.href).href, inputs: warmUpInputs() });
    });
  }

  var compiled = null;
  // Longer than a worker takes on a slow phone (it compiles what the page would, plus a
  // headless frame), shorter than a visitor should wait for one that never answers.
  var WARM_UP_WAIT_MS = 3000;
  function loadFailed(e) {
    fail('The interactive page could not be loaded (' + e.message + '). The profile is below as text.');
  }

  // The wasm's second half: scripts/package splits the module in two, what a first visit
  // of the default profile runs and the rest, which the first reaches through placeholders.
  // The rest is fetched and compiled (off this thread, as the first) when the visitor starts
  // to act, or at once for another profile, and linked as soon as both halves exist: that
  // fills the placeholders. One called before (Emscripten's loadSplitModule hook) fetches
  // it synchronously: slower, never wrong. A site without data-deferred is one module.
  var deferredUrl = app.dataset.deferred || '';
  var deferred = { module: null, loading: null, linked: false, primary: null };
  state.deferred = deferredUrl ? 'not loaded' : 'none';
  function loadDeferred() {
    if (!deferredUrl || deferred.loading) return deferred.loading || Promise.resolve();
    state.deferred = 'loading';
    deferred.loading = fetch(deferredUrl, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + deferredUrl);
      if (typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(response);
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    }).then(function (module) {
      deferred.module = module;
      linkDeferred();
    }, function () {
      deferred.loading = null;  // tried again by the next trigger, or by a placeholder
      state.deferred = 'not loaded';
    });
    return deferred.loading;
  }
  function linkDeferred() {
    if (deferred.linked || !deferred.module || !deferred.primary) return;
    new WebAssembly.Instance(deferred.module, { primary: deferred.primary });
    deferred.linked = true;
    state.deferred = 'linked';
  }
  // Emscripten's hook, called by a placeholder: must link before it returns.
  function loadSplitModule() {
    state.placeholderCalls = (state.placeholderCalls || 0) + 1;
    if (deferred.linked) return;
    if (!deferred.module) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', deferredUrl, false);
      xhr.overrideMimeType('text/plain; charset=x-user-defined');  // the bytes, one per char
      xhr.send();
      if (xhr.status !== 200) throw new Error('HTTP ' + xhr.status + ' for ' + deferredUrl);
      var text = xhr.responseText, bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      deferred.module = new WebAssembly.Module(bytes);
    }
    linkDeferred();
  }
  var ACTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'hashchange', 'popstate', 'beforeprint'];
  function onAct() {
    ACTS.forEach(function (type) { window.removeEventListener(type, onAct, true); });
    loadDeferred();
  }
  if (deferredUrl) {
    ACTS.forEach(function (type) { window.addEventListener(type, onAct, { capture: true, passive: true }); });
  }

  // Emscripten's hook: instantiate the module compiled above (the instance is quick to
  // make), once the warm-up worker has compiled the start-up code; linked to its second
  // half first if that is already on its way.
  function instantiateWasm(imports, receive) {
    compiled.then(function (module) {
      return warmUp(module, imports).then(function () { return WebAssembly.instantiate(module, imports); })
        .then(function (instance) {
          deferred.primary = instance.exports;
          return (deferred.loading || Promise.resolve()).then(function () {
            linkDeferred();
            receive(instance, module);
          });
        });
    }).catch(loadFailed);
    return {};
  }

  // The export an Emscripten wrapper (Module._name) calls: its names are minified, and the
  // wrapper's text is the one place that says which is which (read, never evaluated).
  function exportName(wrapper) {
    var m = typeof wrapper === 'function' && /\["asm"\]\["([^"]+)"\]/.exec(String(wrapper));
    return m ? m[1] : null;
  }

  // What the warm-up runs on: the default profile and its font slices. The boot worker
  // fetches them while the wasm downloads, so they are in the browser's cache (the slices
  // are immutable) when the app asks; the profile is preloaded by the page itself.
  function fontFiles() { return (app.dataset.fonts || '').split(',').filter(Boolean); }
  function warmUpInputs() {
    if (!app.dataset.profile) return [];
    return [new URL(app.dataset.profile, location.href).href].concat(fontFiles().map(function (f) { return new URL('fonts/' + f, location.href).href; }));
  }

  // Runs the page's start-up code once in a worker sharing the compiled module (the boot
  // worker, which has it; or, if it was compiled here, a new one it is given to), so that
  // the browser compiles it there rather than on this thread, on first call (see
  // src/platform/web/web_warm.cpp); resolves when the worker is done. This thread is idle
  // meanwhile, free for the visitor. Best effort: if anything is missing, or the worker
  // takes longer than a page would compiling its own code, the page simply goes ahead.
  function warmUp(module, imports) {
    var entry = exportName(window.Module._imfolio_warm_up);
    var ctors = exportName(window.Module.___wasm_call_ctors);
    if (!entry || !ctors || !bootUrl || typeof Worker !== 'function' || !app.dataset.profile) return Promise.resolve();
    // Which minified import is which function: the worker implements a few by name.
    var names = {};
    Object.keys(imports).forEach(function (mod) {
      names[mod] = {};
      Object.keys(imports[mod]).forEach(function (key) { names[mod][key] = imports[mod][key].name; });
    });
    var files = fontFiles();
    var helper = worker;
    worker = null;
    if (!helper) {
      try { helper = new Worker(bootUrl); } catch (e) { return Promise.resolve(); }
    }
    var done = new Promise(function (resolve) {
      helper.onmessage = function (event) {
        var m = event.data || {};
        // 'ran', or why not (a placeholder reached means the split left out start-up code).
        state.warmUp = m.error ? 'failed: ' + m.error : 'ran';
        if (m.profile) state.warmUpProfile = m.profile;
        resolve();
      };
      helper.onerror = resolve;
      setTimeout(function () { state.warmUp = state.warmUp || 'timed out'; resolve(); }, WARM_UP_WAIT_MS);
    }).then(function () { helper.terminate(); });
    helper.postMessage({
      module: module, entry: entry, ctors: ctors, names: names,
      urls: warmUpInputs(),
      files: [''].concat(files),
      profile: window.imfolioWasmProfile === true,
    });
    return done;
  }

  // In two tasks, neither long: the wasm's download (the longest) first, then the
  // Emscripten module's script.
  function start() {
    compiled = compileInWorker() || compileHere();
    compiled.catch(loadFailed);
    // Another profile than the one the split was made for: it will need the rest.
    if (/[?&]profile=/.test(location.search)) onAct();
    window.Module = {
      instantiateWasm: instantiateWasm,
      loadSplitModule: loadSplitModule,
      print: function (text) { console.log(text); },
      // Not the two lines a placeholder's call prints (state.placeholderCalls counts them).
      printErr: function (text) { if (!/^(placeholder function called|instantiated deferred module)/.test(text)) console.warn(text); },
      onAbort: function (what) { fail('The interactive page stopped (' + what + '). The profile is below as text.'); },
    };
    setTimeout(function () {
      // The canvas is 1x1 when the app makes its context, which then makes a drawing
      // buffer of one pixel; the app gives it its size in the next task (create_gl_context).
      var canvas = document.getElementById('canvas');
      canvas.width = 1;
      canvas.height = 1;
      var script = document.createElement('script');
      script.src = app.dataset.app;
      script.onerror = function () { fail('The interactive page could not be loaded. The profile is below as text.'); };
      document.body.appendChild(script);
    }, 0);
  }

  // After the static page's first paint: its text is what a visitor reads first, and
  // nothing (downloads, compiling, the app's first frames) should hold it back. Not the
  // frame that paints it (its callback runs before that paint, and the paint can reach
  // the screen much later): the paint timing entry that says it was presented. A hidden
  // page never paints: start at once; a browser without paint timing waits for load.
  var started = false;
  function startOnce() {
    if (started) return;
    started = true;
    setTimeout(start, 0);
  }
  if (document.visibilityState === 'hidden') { startOnce(); return; }
  var painted = false;
  try {
    painted = performance.getEntriesByName('first-contentful-paint').length > 0;
    if (!painted && typeof PerformanceObserver === 'function' &&
        (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0) {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); startOnce(); }
      }).observe({ type: 'paint', buffered: true });
      // A page whose first screen has no text or picture never has a contentful paint.
      window.addEventListener('load', function () { setTimeout(startOnce, 2000); });
      return;
    }
  } catch (e) { /* no paint timing: the frame below */ }
  if (painted) startOnce();
  else requestAnimationFrame(function () { setTimeout(startOnce, 0); });
})();

// The boot worker (boot.js loaded as a Worker above). Asked to compile, it downloads the
// wasm and compiles it as it arrives, telling the page how many bytes came (every 32 KiB),
// and hands the page the module. Asked to warm up, it instantiates the shared module with
// stand-in imports (all do nothing but memory, time and the warm-up's inputs), fetches the
// default profile and its font slices, and calls imfolio_warm_up.
function warmUpWorker() {
  'use strict';
  function compileWasm(url) {
    var received = 0, told = 0;
    fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        var refused = new Error('HTTP ' + response.status + ' for ' + url.split('/').pop());
        refused.http = true;
        throw refused;
      }
      if (typeof WebAssembly.compileStreaming !== 'function' || typeof TransformStream !== 'function' || !response.body)
        return response.arrayBuffer().then(function (bytes) { received = bytes.byteLength; return WebAssembly.compile(bytes); });
      var body = response.body.pipeThrough(new TransformStream({
        transform: function (chunk, controller) {
          received += chunk.byteLength;
          if (received - told >= 32768) { told = received; self.postMessage({ received: received }); }
          controller.enqueue(chunk);
        },
      }));
      return WebAssembly.compileStreaming(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
    }).then(function (module) {
      compiledHere = module;
      self.postMessage({ received: received, module: module });
    }, function (e) {
      self.postMessage({ error: String(e && e.message || e), http: !!(e && e.http) });
    });
  }
  var compiledHere = null;
  var fetched = {};  // url -> promise of its bytes (an empty buffer if it failed)
  function get(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.arrayBuffer() : new ArrayBuffer(0); })
        .catch(function () { return new ArrayBuffer(0); });
    }
    return fetched[url];
  }
  self.onmessage = function (event) {
    var job = event.data;
    if (job.compile) {
      compileWasm(job.compile);
      (job.inputs || []).forEach(get);
      return;
    }
    job.module = job.module || compiledHere;
    var memory = null;
    function heap() { return new Uint8Array(memory.buffer); }
    Promise.all(job.urls.map(get)).then(function (inputs) {
      var real = {
        _emscripten_memcpy_big: function (dest, src, n) { heap().copyWithin(dest, src, src + n); },
        _emscripten_resize_heap: function (size) {
          try { memory.grow(Math.ceil((size - memory.buffer.byteLength) / 65536)); return 1; } catch (e) { return 0; }
        },
        _emscripten_get_now: function () { return performance.now(); },
        _abort: function () { throw new Error('abort'); },
        imfolio_js_warm_count: function () { return inputs.length; },
        imfolio_js_warm_size: function (i) { return inputs[i].byteLength; },
        imfolio_js_warm_copy: function (i, out) { heap().set(new Uint8Array(inputs[i]), out); },
        imfolio_js_warm_name: function (i, out, capacity) {
          var bytes = new TextEncoder().encode(job.files[i] || '');
          if (bytes.length > capacity) return 0;
          heap().set(bytes, out);
          return bytes.length;
        },
      };
      var imports = {};
      WebAssembly.Module.imports(job.module).forEach(function (imp) {
        var name = (job.names[imp.module] || {})[imp.name];
        // A placeholder (the split's second half is not here): the warm-up stops there.
        var standIn = imp.module === 'placeholder' ? function () { throw new Error('deferred'); } : function () { return 0; };
        (imports[imp.module] = imports[imp.module] || {})[imp.name] = real[name] || standIn;
      });
      return WebAssembly.instantiate(job.module, imports).then(function (instance) {
        WebAssembly.Module.exports(job.module).forEach(function (e) {
          if (e.kind === 'memory') memory = instance.exports[e.name];
        });
        instance.exports[job.ctors]();
        var started = performance.now();
        instance.exports[job.entry](1);
        var message = { ms: performance.now() - started };
        // For scripts/wasm-profile.mjs (an instrumented wasm): which functions the warm-up
        // ran, written past the end of the heap.
        var write = instance.exports.__write_profile;
        if (job.profile && typeof write === 'function') {
          var at = memory.grow(16) * 65536;
          message.profile = heap().slice(at, at + write(at, 16 * 65536));
        }
        self.postMessage(message);
      });
    }).catch(function (e) { self.postMessage({ error: String(e) }); });
  };
}
