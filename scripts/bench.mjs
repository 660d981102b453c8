// scripts/bench.mjs DIST: the browser half of scripts/bench (see there). Prints
// `name value unit` lines.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as lib from '../tests/browser/lib.mjs';

const dist = resolve(process.argv[2] || 'build/web/dist');
if (!existsSync(join(dist, 'index.html'))) { console.error(`no site in ${dist}: run scripts/build`); process.exit(1); }
const RUNS = 5;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const print = (name, value, unit) => console.log(`${name} ${value} ${unit}`);

function kindOf(path) {
  if (path.startsWith('fonts/')) return 'fonts';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.json')) return 'profile';
  if (path.endsWith('.html') || path === '') return 'html';
  return 'other';
}

// What the file costs gzip'd: its precompressed .gz sibling, or gzip -9 of it (PNGs).
function gzipBytes(path) {
  const file = join(dist, path === '' ? 'index.html' : path);
  if (existsSync(file + '.gz')) return statSync(file + '.gz').size;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const server = await lib.startServer(dist);
const browser = await lib.launch();
try {
  // --- startup, JavaScript on: fresh context each time, so nothing is cached --------------
  const ready = [];
  let fetched = null, idle = null;
  for (let i = 0; i < RUNS; i++) {
    const paths = [];
    const { page, context, errors } = await lib.open(browser, server.url, '', {
      ...lib.DESKTOP,
      beforeGoto: async (p) => p.on('response', (r) => {
        const url = new URL(r.url());
        if (url.origin === new URL(server.url).origin && r.status() === 200) paths.push(url.pathname.slice(1));
      }),
    });
    await page.evaluate(() => window.imfolio.ready);
    ready.push(await page.evaluate(() => performance.getEntriesByName('imfolio-ready')[0].startTime));
    if (i === 0) {
      await lib.settle(page);
      fetched = [...new Set(paths)];
      const before = (await lib.stats(page)).frames;
      await page.waitForTimeout(4000);
      idle = (await lib.stats(page)).frames - before;
    }
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    await context.close();
  }

  // --- startup, JavaScript off: the static profile's load event ------------------------------
  const nojs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ ...lib.DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    nojs.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await context.close();
  }

  const r = median(ready), n = median(nojs);
  print('startup_ready_ms_median', r.toFixed(0), 'ms');
  print('startup_nojs_load_ms_median', n.toFixed(0), 'ms');
  print('startup_ready_over_nojs', (r / n).toFixed(2), 'x');

  const kinds = { html: 0, css: 0, js: 0, wasm: 0, profile: 0, fonts: 0, other: 0 };
  for (const p of fetched) kinds[kindOf(p)] += gzipBytes(p);
  let total = 0;
  for (const [k, bytes] of Object.entries(kinds)) {
    print(`first_visit_gzip_${k}`, (bytes / 1024).toFixed(1), 'KiB');
    total += bytes;
  }
  print('first_visit_gzip_total', (total / 1024).toFixed(1), 'KiB');
  print('first_visit_files', fetched.length, 'files');
  print('first_visit_budget', 350, 'KiB');
  // The wasm's second half (scripts/package): not fetched to show the profile, but at the
  // visitor's first key, click, touch or wheel (web/boot.js).
  const deferred = /data-deferred="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'));
  if (deferred) print('deferred_wasm_gzip_on_first_act', (gzipBytes(deferred[1]) / 1024).toFixed(1), 'KiB');
  print('idle_frames_4s', idle, 'frames');

  // --- the swap: the share of first-screen pixels that change when the canvas takes over ----
  for (const [name, options] of [['1280x800_light', { ...lib.DESKTOP, colorScheme: 'light' }],
    ['1280x800_dark', { ...lib.DESKTOP, colorScheme: 'dark' }], ['390x844_light', { ...lib.PHONE, colorScheme: 'light' }]]) {
    const { before, after } = await lib.swapShots(browser, server.url, options);
    const share = lib.changedShare(before, after, { radius: Math.round(options.deviceScaleFactor) });
    print(`swap_changed_pixels_${name}`, (share * 100).toFixed(2), '%');
  }
} finally {
  await browser.close();
}

// --- Lighthouse 12.2.3 (tests/browser/package.json), mobile, its own Chromium, 3 runs ---------
// Set IMFOLIO_BENCH_LIGHTHOUSE=0 to skip it (it takes about a minute).
if (process.env.IMFOLIO_BENCH_LIGHTHOUSE !== '0') {
  const { default: lighthouse } = await import('../tests/browser/node_modules/lighthouse/core/index.js');
  const chromeLauncher = await import('../tests/browser/node_modules/chrome-launcher/dist/index.js');
  const scores = [], tbt = [], cls = [], lcp = [], longest = [];
  for (let i = 0; i < 3; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run'],
    });
    try {
      const r = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      scores.push(r.lhr.categories.performance.score * 100);
      tbt.push(r.lhr.audits['total-blocking-time'].numericValue);
      cls.push(r.lhr.audits['cumulative-layout-shift'].numericValue);
      lcp.push(r.lhr.audits['largest-contentful-paint'].numericValue);
      const tasks = (r.lhr.audits['long-tasks'].details || {}).items || [];
      longest.push(Math.max(0, ...tasks.map((task) => task.duration)));
    } finally {
      await chrome.kill();
    }
  }
  print('lighthouse_mobile_performance_median', median(scores).toFixed(0), 'score');
  print('lighthouse_mobile_tbt_ms_median', median(tbt).toFixed(0), 'ms');
  print('lighthouse_mobile_cls_median', median(cls).toFixed(4), 'cls');
  print('lighthouse_mobile_lcp_ms_median', median(lcp).toFixed(0), 'ms');
  print('lighthouse_mobile_longest_task_ms_median', median(longest).toFixed(0), 'ms');
}
server.stop();
