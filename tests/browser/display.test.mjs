// Issue 4: text and display quality: pixel density, every script and colour emoji,
// touch/wheel/keys, themes, layouts, clipboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const TABLET = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

function serveFixture(t, name) {
  return (page) => page.route(`**/fixtures/${name}`, (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: readFileSync(join(t.ROOT, 'tests', 'fixtures', 'web', name)),
  }));
}

// Every character a page may draw: the profile's text, plus the UI's own (ASCII,
// dates' dashes, quotes and the icon font's private-use area).
function usedCodePoints(profileJson) {
  const used = new Set();
  for (const ch of JSON.stringify(JSON.parse(profileJson))) used.add(ch.codePointAt(0));
  for (let c = 0x20; c < 0x7f; c++) used.add(c);
  for (const c of [0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0xb7, 0x2192, 0xd7]) used.add(c);
  return used;
}

// A slice file is "family-<first code point in hex>.<ext>"; its range is the one
// scripts/build-fonts wrote for it in the table the wasm compiles in (font_manifest.inc).
let sliceTable = null;
function sliceRange(file) {
  if (!sliceTable) {
    sliceTable = new Map();
    const inc = readFileSync(join(ROOT, 'build', 'fonts', 'font_manifest.inc'), 'utf8');
    for (const m of inc.matchAll(/^IMFOLIO_FONT_SLICE\(([a-z_]+), 0x([0-9A-F]+), 0x([0-9A-F]+), \d+\)$/gm))
      sliceTable.set(`${m[1]}-${m[2].toLowerCase().padStart(4, '0')}`, [parseInt(m[2], 16), parseInt(m[3], 16)]);
  }
  const range = sliceTable.get(/^([a-z_]+-[0-9a-f]+)\./.exec(file)[1]);
  assert.ok(range, `${file} is not in build/fonts/font_manifest.inc`);
  return range;
}

// Records the font slices a page fetches, from before its first request.
function recordFonts(files, also) {
  return async (page) => {
    page.on('request', (r) => { const m = /\/fonts\/(?:[0-9a-f]+\/)?([^/?]+)$/.exec(r.url()); if (m && !files.includes(m[1])) files.push(m[1]); });
    if (also) await also(page);
  };
}

function saturation(png, t) {
  const { data } = t.decodePng(png);
  let max = 0;
  for (let i = 0; i < data.length; i += 4) {
    const hi = Math.max(data[i], data[i + 1], data[i + 2]), lo = Math.min(data[i], data[i + 1], data[i + 2]);
    max = Math.max(max, hi - lo);
  }
  return max;
}

// A flick needs real finger speed; CDP touch input waits for each frame, which is slow
// under SwiftShader, so the flick is dispatched from inside the page at 10 ms intervals.
async function flick(page, x, y0, y1, steps) {
  await page.evaluate(async ({ x, y0, y1, steps }) => {
    const target = document.getElementById('canvas');
    const touch = (y) => new Touch({ identifier: 7, target, clientX: x, clientY: y });
    const send = (type, t, list) => target.dispatchEvent(new TouchEvent(type, {
      touches: list, targetTouches: list, changedTouches: [t], bubbles: true, cancelable: true }));
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    let t0 = touch(y0);
    send('touchstart', t0, [t0]);
    for (let i = 1; i <= steps; i++) {
      await sleep(10);
      const t = touch(y0 + ((y1 - y0) * i) / steps);
      send('touchmove', t, [t]);
      t0 = t;
    }
    await sleep(5);
    send('touchend', t0, []);
  }, { x, y0, y1, steps });
}

async function touchDrag(page, x, y0, y1, steps, msPerStep) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y0 + ((y1 - y0) * i) / steps) });
    await page.waitForTimeout(msPerStep);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

export const tests = {
  'HiDPI (DPR 2): the canvas has clientWidth x DPR pixels and its text reads back': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '', t.HIDPI);
    const s = await t.ready(page);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
    });
    assert.equal(size.w, Math.round(size.cw * size.dpr));
    assert.equal(size.h, Math.round(size.ch * size.dpr));
    assert.deepEqual(s.canvas, [2560, 1600]);
    await t.settle(page);
    const text = t.ocr(await page.screenshot());
    assert.match(text, /Qizhen Weng/);
    assert.match(text, /Since 2024, [I|l1] have been leading the A[Il1] Infrastructure Research Center/);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'phone (390x844, DPR 3, touch): canvas pixels, sharp text, one column, 44 px targets': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '', t.PHONE);
    const s = await t.ready(page);
    assert.deepEqual(s.canvas, [1170, 2532]);
    await t.settle(page);
    const text = t.ocr(await page.screenshot());
    assert.match(text, /Qizhen Weng/);
    assert.match(text, /About/);
    const layout = await page.evaluate(() => {
      const out = { overflow: document.documentElement.scrollWidth - innerWidth, wide: [], small: [] };
      for (const el of document.querySelectorAll('#mirror *')) {
        const r = el.getBoundingClientRect();
        if (r.width && (r.left < -0.5 || r.right > innerWidth + 0.5)) out.wide.push(el.tagName + ' ' + el.textContent.slice(0, 30));
        // Targets outside running text (buttons, pills, menu items) must be finger-sized.
        if ((el.tagName === 'A' || el.tagName === 'BUTTON') && !el.closest('p') && r.height < 44)
          out.small.push(el.textContent + ' ' + r.height);
      }
      return out;
    });
    assert.ok(layout.overflow <= 0, `the page scrolls sideways by ${layout.overflow}px`);
    assert.deepEqual(layout.wide, []);
    assert.deepEqual(layout.small, []);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'tablet and desktop widths: nothing wider than the window': async (t) => {
    for (const device of [TABLET, t.DESKTOP, { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 }]) {
      const { page, context } = await t.open(t.browser, t.base, '', device);
      await t.ready(page);
      const overflow = await page.evaluate(() => {
        let worst = document.documentElement.scrollWidth - innerWidth;
        for (const el of document.querySelectorAll('#mirror *')) {
          const r = el.getBoundingClientRect();
          if (r.width) worst = Math.max(worst, r.right - innerWidth, -r.left);
        }
        return worst;
      });
      assert.ok(overflow <= 0.5, `${device.viewport.width}px: something sticks out by ${overflow}px`);
      await context.close();
    }
  },

  'every script and colour emoji: no missing glyph, and only the slices the profile uses are fetched': async (t) => {
    // The seed profile.
    const seedFiles = [];
    const seed = await t.open(t.browser, t.base, '', { ...t.DESKTOP, beforeGoto: recordFonts(seedFiles) });
    assert.equal((await t.ready(seed.page)).missingGlyphs, 0);
    const seedUsed = usedCodePoints(readFileSync(join(t.ROOT, 'data', 'profile.json'), 'utf8'));
    for (const f of seedFiles) {
      const [a, b] = sliceRange(f);
      assert.ok([...seedUsed].some((c) => c >= a && c <= b) || f.startsWith('icons-'), `the seed page fetched ${f}, which it does not use`);
    }
    assert.ok(seedFiles.some((f) => f.startsWith('emoji-1f4dc')), 'the 📜 emoji was not fetched');
    assert.ok(seedFiles.some((f) => f.startsWith('cjk-7fc0')), 'the 翁 slice was not fetched');
    // The news emoji are drawn in colour: the first glyph of the first news item is saturated.
    await t.settle(seed.page);
    await seed.page.evaluate(() => window.imfolio.navigate('news'));
    await t.settle(seed.page);
    const p = await seed.page.locator('#section-news li').first().locator('p').nth(1).boundingBox();
    const emoji = await seed.page.screenshot({ clip: { x: p.x, y: p.y, width: 22, height: 26 } });
    assert.ok(saturation(emoji, t) > 80, 'the ♻️ emoji is not in colour');
    await seed.context.close();

    // A profile loaded at run time mixing Latin, accents, Greek, Cyrillic, Chinese, Korean and emoji.
    const mixedFiles = [];
    const mixed = await t.open(t.browser, t.base, '?profile=fixtures/scripts.json',
      { ...t.HIDPI, beforeGoto: recordFonts(mixedFiles, serveFixture(t, 'scripts.json')) });
    const s = await t.ready(mixed.page);
    assert.equal(s.missingGlyphs, 0);
    assert.equal(s.error, null);
    const used = usedCodePoints(readFileSync(join(t.ROOT, 'tests', 'fixtures', 'web', 'scripts.json'), 'utf8'));
    for (const f of mixedFiles.filter((x) => !seedFiles.includes(x))) {
      const [a, b] = sliceRange(f);
      assert.ok([...used].some((c) => c >= a && c <= b), `fetched ${f}, which the profile does not use`);
    }
    for (const want of ['sans-0380', 'sans-0400', 'cjk-ac00', 'emoji-1f680'])
      assert.ok(mixedFiles.some((f) => f.startsWith(want)), `${want} was not fetched`);
    await t.settle(mixed.page);
    const text = t.ocr(await mixed.page.screenshot(), 'eng');
    assert.match(text, /Researcher in computational linguistics/);
    await mixed.context.close();
  },

  'the wheel scrolls the right way, about three lines a notch': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 100);  // one notch in Chromium
    await t.settle(page);
    const one = (await t.stats(page)).scroll;
    assert.ok(one >= 60 && one <= 110, `one notch scrolled ${one}px`);
    await page.mouse.wheel(0, 300);
    await t.settle(page);
    const four = (await t.stats(page)).scroll;
    assert.ok(four > one + 180, `three more notches scrolled only ${four - one}px`);
    await page.mouse.wheel(0, -200);
    await t.settle(page);
    assert.ok((await t.stats(page)).scroll < four, 'scrolling up did not go up');
    await context.close();
  },

  'keys scroll: PageDown, End, Home, arrows': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    await page.keyboard.press('PageDown');
    await t.settle(page);
    const pd = (await t.stats(page)).scroll;
    assert.ok(pd > 500 && pd < 800, `PageDown scrolled ${pd}px in an 800px window`);
    await page.keyboard.press('ArrowDown');
    await t.settle(page);
    assert.ok((await t.stats(page)).scroll > pd);
    await page.keyboard.press('End');
    await t.settle(page);
    let s = await t.stats(page);
    assert.equal(s.scroll, s.scrollMax);
    await page.keyboard.press('Home');
    await t.settle(page);
    s = await t.stats(page);
    assert.equal(s.scroll, 0);
    await context.close();
  },

  'touch: a tap on a navigation item navigates, a drag scrolls, a flick keeps going': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '', t.PHONE);
    await t.ready(page);
    await t.settle(page);
    // The phone layout keeps the sections in a menu.
    const menu = await page.locator('#mirror button', { hasText: 'Sections menu' }).boundingBox();
    await page.touchscreen.tap(menu.x + menu.width / 2, menu.y + menu.height / 2);
    await page.waitForSelector('#mirror a:text-is("Education")');
    await t.settle(page);
    const item = await page.locator('#mirror a:text-is("Education")').boundingBox();
    await page.touchscreen.tap(item.x + item.width / 2, item.y + item.height / 2);
    await page.waitForFunction(() => window.imfolio.stats().route === 'education');
    await t.settle(page);

    // A slow drag: the page follows the finger (finger up = page down).
    await page.evaluate(() => window.imfolio.navigate('about'));
    await t.settle(page);
    const before = (await t.stats(page)).scroll;
    await touchDrag(page, 200, 600, 300, 15, 40);
    await t.settle(page);
    const dragged = (await t.stats(page)).scroll - before;
    assert.ok(dragged > 250 && dragged < 360, `a 300px drag scrolled ${dragged}px`);

    assert.deepEqual(errors, []);
    await context.close();

    // A flick: the page keeps moving after the finger lifts. At DPR 3 SwiftShader takes
    // ~200 ms a frame, which no finger survives, so the flick runs on a DPR 1 phone.
    const fast = await t.open(t.browser, t.base, '', { ...t.PHONE, deviceScaleFactor: 1 });
    await t.ready(fast.page);
    await t.settle(fast.page);
    const start = (await t.stats(fast.page)).scroll;
    await flick(fast.page, 200, 650, 450, 5);
    const atRelease = (await t.stats(fast.page)).scroll;
    await t.settle(fast.page);
    const after = (await t.stats(fast.page)).scroll;
    assert.ok(atRelease - start >= 150, `the flick itself scrolled ${atRelease - start}px`);
    assert.ok(after - atRelease > 100, `no inertia: ${after - atRelease}px after the finger lifted`);
    await fast.context.close();
  },

  'themes: follows prefers-color-scheme, the toggle overrides it and is remembered': async (t) => {
    const context = await t.browser.newContext({ ...t.DESKTOP, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(t.base);
    assert.equal((await t.ready(page)).theme, 'dark');
    await t.settle(page);
    const dark = t.decodePng(await page.screenshot({ clip: { x: 20, y: 200, width: 4, height: 4 } })).data;
    assert.ok(dark[0] < 40 && dark[1] < 40 && dark[2] < 40, 'a dark theme with a light background');
    const toggle = await page.locator('#mirror button', { hasText: 'Use light theme' }).boundingBox();
    await page.mouse.click(toggle.x + toggle.width / 2, toggle.y + toggle.height / 2);
    await page.waitForFunction(() => window.imfolio.stats().theme === 'light');
    await t.settle(page);
    const light = t.decodePng(await page.screenshot({ clip: { x: 20, y: 200, width: 4, height: 4 } })).data;
    assert.ok(light[0] > 230, 'the light theme is not light');
    assert.equal(await page.evaluate(() => localStorage.getItem('imfolio-theme')), 'light');
    await page.reload();
    assert.equal((await t.ready(page)).theme, 'light', 'the choice was not remembered');
    await context.close();
  },

  'clipboard: BibTeX, the email, and Ctrl+C on the focused element': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '?profile=fixtures/links.json', {
      ...t.DESKTOP, permissions: ['clipboard-read', 'clipboard-write'], beforeGoto: serveFixture(t, 'links.json'),
    });
    await t.ready(page);
    await t.settle(page);
    const click = async (locator) => {
      const b = await locator.boundingBox();
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
      await t.settle(page);
    };
    await page.evaluate(() => window.imfolio.navigate('publications'));
    await t.settle(page);
    await click(page.locator('#mirror button', { hasText: 'BibTeX' }));
    const bib = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(bib, /^@article\{ferreira2024repairing,/);
    assert.match(bib, /title = \{Repairing Erasure-Coded Stripes Faster\}/);
    assert.match(bib, /author = \{Ferreira, Ana and Okafor, Chidi\}/);
    assert.ok(await page.locator('#mirror button', { hasText: 'Copied' }).count() === 1, 'no "Copied" confirmation');

    await page.evaluate(() => window.imfolio.navigate('about'));
    await t.settle(page);
    await click(page.locator('#mirror button', { hasText: 'Copy email' }));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'ana@example.org');

    await page.locator('#mirror a', { hasText: 'ORCID' }).focus();
    await page.keyboard.press('Control+c');
    await t.settle(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://orcid.org/0000-0000-0000-0000');
    await context.close();
  },
};
