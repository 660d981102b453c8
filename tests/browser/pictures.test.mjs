// Issue 14: the owner's photo drawn in the header (the browser decodes it), a broken one
// falling back to the monogram with the owner told, and a Markdown link in the summary
// as a real <a> in the mirror.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';

// A w×h PNG of one colour, written here (no fixture file to keep).
function png(w, h, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const x of buf) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([r, g, b], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const GREEN = [20, 200, 40];

function profile(image) {
  return JSON.stringify({ basics: { name: 'Ada Lovelace', label: 'Analyst', image,
    summary: 'Advised by [Prof. X](https://x.example/) on *engines*.' } });
}

async function serve(page, image) {
  await page.route('**/fixtures/profile.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: profile(image) }));
  await page.route('**/fixtures/photo.png', (r) => r.fulfill({ status: 200, contentType: 'image/png', body: png(96, 96, GREEN) }));
  await page.route('**/fixtures/broken.png', (r) => r.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from('not a picture at all') }));
}

// The colour at the middle of the header's circle, from a screenshot of the canvas.
async function circleCentre(t, page) {
  const box = await page.locator('.mirror-page [role=img]').first().boundingBox().catch(() => null);
  const shot = t.decodePng(await page.screenshot());
  const at = (x, y) => { const i = (Math.round(y) * shot.width + Math.round(x)) * 4; return [shot.data[i], shot.data[i + 1], shot.data[i + 2]]; };
  return { box, at };
}

async function until(page, test, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const s = await page.evaluate(() => window.imfolio.stats());
    if (test(s)) return s;
    if (Date.now() > end) return s;
    await page.waitForTimeout(100);
  }
}

export const tests = {
  'basics.image is drawn in the header circle, decoded by the browser': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=fixtures/profile.json',
                                                   { ...t.HIDPI, beforeGoto: (p) => serve(p, 'photo.png') });
    await t.ready(page);
    const s = await until(page, (x) => x.pictures === 1);
    assert.equal(s.pictures, 1, 'the photo is ready');
    await t.settle(page);
    const { box, at } = await circleCentre(t, page);
    assert.ok(box, 'the mirror has the image node');
    assert.equal(await page.locator('.mirror-page [role=img]').first().getAttribute('aria-label'), 'Photo of Ada Lovelace');
    // Screenshots are in device pixels (dpr 2).
    const [r, g, b] = at((box.x + box.width / 2) * 2, (box.y + box.height / 2) * 2);
    assert.ok(g > 150 && r < 80 && b < 100, `the photo's green in the circle, got ${r},${g},${b}`);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'a broken photo falls back to the monogram, and the owner is told': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '?profile=fixtures/profile.json',
                                           { ...t.HIDPI, beforeGoto: (p) => serve(p, 'broken.png') });
    await t.ready(page);
    const s = await until(page, (x) => x.problems >= 1);
    await t.settle(page);
    assert.equal(s.pictures, 0);
    assert.ok(s.problems >= 1, 'a problem for the owner');
    const all = await page.locator('.mirror-page').textContent();
    assert.match(all, /profile photo "broken\.png" is not shown: not a PNG, JPEG, GIF or WebP picture/);
    // No pixel of the photo's green anywhere: the monogram's circle is drawn instead.
    const shot = t.decodePng(await page.screenshot());
    let green = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i + 1] > 150 && shot.data[i] < 80 && shot.data[i + 2] < 100) green++;
    assert.equal(green, 0);
    assert.equal(await page.locator('.mirror-page [role=img]').count(), 0, 'no image in the page');
    await context.close();
  },

  'a Markdown link in the summary is a real <a> in the mirror': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '?profile=fixtures/profile.json',
                                           { ...t.DESKTOP, beforeGoto: (p) => serve(p, '') });
    await t.ready(page);
    await t.settle(page);
    const link = page.locator('.mirror-page a[href="https://x.example/"]');
    assert.equal(await link.count(), 1);
    assert.equal((await link.textContent()).trim(), 'Prof. X');
    const all = t.squash(await page.locator('.mirror-page').textContent());
    assert.match(all, /Advised by Prof\. X on engines\./);
    assert.doesNotMatch(all, /\[Prof|\]\(|\*engines\*/);
    await context.close();
  },
};
