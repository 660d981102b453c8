// tests/browser/lib.mjs: what every browser test needs: a static server for the built
// site, Debian's Chromium through playwright-core, page helpers, PNG decoding.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The flags toolchain.md records: WebGL 2 through SwiftShader, no network chatter.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--disable-features=Translate,MediaRouter',
];

export async function startServer(dir, extraArgs = []) {
  const proc = spawn('/usr/bin/python3', [join(ROOT, 'scripts', 'static-server.py'), dir, '--port', '0', ...extraArgs]);
  const url = await new Promise((resolve, reject) => {
    proc.stdout.once('data', (d) => resolve(d.toString().trim()));
    proc.once('exit', (code) => reject(new Error('static server exited with ' + code)));
  });
  return { url, stop: () => proc.kill() };
}

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// Devices the tests use.
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const HIDPI = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

// Opens `path` on the site in a fresh context; collects page errors and console errors.
export async function open(browser, base, path = '', options = DESKTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|GL Driver/.test(m.text())) errors.push('console: ' + m.text());
  });
  if (options.beforeGoto) await options.beforeGoto(page);
  await page.goto(base + path);
  return { page, context, errors };
}

export async function ready(page) {
  await page.evaluate(() => window.imfolio.ready);
  return page.evaluate(() => window.imfolio.stats());
}

export async function stats(page) {
  return page.evaluate(() => window.imfolio.stats());
}

// Waits until the page has drawn no frame for `quietMs` (animations finished) and has no
// font slice or atlas still on its way (frames wait for those).
export async function settle(page, quietMs = 400, timeoutMs = 10000) {
  const start = Date.now();
  let last = (await stats(page)).frames, since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await page.waitForTimeout(100);
    const s = await stats(page), f = s.frames;
    if (f !== last || s.fontsPending) { last = f; since = Date.now(); } else if (Date.now() - since >= quietMs) return f;
  }
  throw new Error('the page kept drawing for ' + timeoutMs + ' ms');
}

// Decodes an 8-bit, non-interlaced PNG (what Chromium's screenshots are) into RGBA.
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : colorType === 0 ? 1 : 0;
  if (!channels) throw new Error('unsupported PNG colour type ' + colorType);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels] : 0, b = prev[x], c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      cur[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (channels === 1) { out[o] = out[o + 1] = out[o + 2] = cur[x]; out[o + 3] = 255; }
      else { out[o] = cur[x * channels]; out[o + 1] = cur[x * channels + 1]; out[o + 2] = cur[x * channels + 2]; out[o + 3] = channels === 4 ? cur[x * channels + 3] : 255; }
    }
    prev = cur;
  }
  return { width, height, data: out };
}

// Variance of the luminance: a blank canvas is ~0; a page of text is in the hundreds.
export function luminanceVariance(png) {
  const { data } = decodePng(png);
  let sum = 0, sum2 = 0, n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const l = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += l; sum2 += l * l; n++;
  }
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

// The swap from the static page to the canvas, as a visitor sees it: a screenshot of the
// static page once painted (its fonts in) while the app's script is held back, then one of
// the ready canvas in the same page. PNG buffers { before, after }.
export async function swapShots(browser, base, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/imfolio\.[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  // Not the load event: it waits for the script held here.
  await page.goto(base, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await page.screenshot();
  release();
  await ready(page);
  await settle(page);
  const after = await page.screenshot();
  await context.close();
  return { before, after };
}

// The share of pixels that visibly change between two screenshots of the same size. A
// pixel changes when no pixel within `radius` device pixels of its place in the other
// picture is within `tolerance` (0-255, every channel) of its colour, checked both ways.
// The radius (one CSS pixel) absorbs sub-pixel glyph placement, which differs between
// imgui and a browser by up to a pixel without anything moving; the tolerance absorbs the
// difference between two rasterisers' anti-aliasing of the same glyph at the same place
// (stb_truetype's and the browser's: at most 44 here, measured on the first word of a
// line, which both put on the same whole pixel). A line, a word or an element that moves
// by two pixels or more, changes colour or size, or appears, counts in full.
export function changedShare(pngA, pngB, { radius = 1, tolerance = 48 } = {}) {
  const a = decodePng(pngA), b = decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height) throw new Error('screenshots differ in size');
  const { width: w, height: h } = a;
  const close = (x, y, i, j) => Math.abs(x[i] - y[j]) <= tolerance && Math.abs(x[i + 1] - y[j + 1]) <= tolerance &&
    Math.abs(x[i + 2] - y[j + 2]) <= tolerance;
  const matched = (x, y, px, py) => {
    const i = (py * w + px) * 4;
    for (let yy = Math.max(0, py - radius); yy <= Math.min(h - 1, py + radius); yy++)
      for (let xx = Math.max(0, px - radius); xx <= Math.min(w - 1, px + radius); xx++)
        if (close(x, y, i, (yy * w + xx) * 4)) return true;
    return false;
  };
  let changed = 0;
  for (let py = 0; py < h; py++)
    for (let px = 0; px < w; px++) {
      const i = (py * w + px) * 4;
      if (close(a.data, b.data, i, i)) continue;
      if (!matched(a.data, b.data, px, py) || !matched(b.data, a.data, px, py)) changed++;
    }
  return changed / (w * h);
}

// Reads text back from a screenshot with tesseract (eng, plus chi_sim when asked).
export function ocr(png, langs = 'eng') {
  const dir = mkdtempSync(join(tmpdir(), 'imfolio-ocr-'));
  const file = join(dir, 'shot.png');
  writeFileSync(file, png);
  const r = spawnSync('tesseract', [file, 'stdout', '-l', langs, '--psm', '3'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('tesseract failed: ' + r.stderr);
  return r.stdout;
}

// Answers the page's requests for `fixtures/NAME` with the file (a ?profile= preview).
export async function serveFixture(page, name, file, contentType = 'application/json') {
  await page.route(`**/fixtures/${name}`, (route) =>
    route.fulfill({ status: 200, contentType, body: readFileSync(file) }));
}

// What the seed profile (data/profile.json) says, fact by fact: the strings a visitor
// must find on every form of the page (the canvas's text, a print, a copy).
export function seedFacts() {
  const p = JSON.parse(readFileSync(join(ROOT, 'data', 'profile.json'), 'utf8'));
  const facts = [p.basics.name, p.basics.label];
  for (const o of p.basics.otherNames || []) facts.push(o.name || o);
  for (const i of p.interests || []) facts.push(i.name);
  for (const n of p.news || []) facts.push(n.title);
  for (const w of p.work || []) facts.push(w.position, w.name);
  for (const e of p.education || []) facts.push(e.institution);
  for (const a of p.awards || []) facts.push(a.title, a.awarder);
  for (const x of p.publications || []) facts.push(x.title);
  for (const o of p.openings || []) facts.push(o.title);
  return facts.filter(Boolean);
}

// Collapses runs of white space, so text broken into lines (a PDF, OCR) compares.
export function squash(s) { return s.replace(/\s+/g, ' ').trim(); }

export { ROOT };
