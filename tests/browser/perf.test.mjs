// Fast, light and shippable: an idle page draws nothing, the first visit stays within
// its weight budget, and the server side of shipping (precompressed files, types, caching).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync, gzipSync } from 'node:zlib';

function request(url, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

export const tests = {
  'an idle page draws at most 4 frames in 4 s, and wakes for input': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    let before = (await t.stats(page)).frames;
    await page.waitForTimeout(4000);
    let idle = (await t.stats(page)).frames - before;
    assert.ok(idle <= 4, `${idle} frames drawn in 4 s of idle`);
    // Input wakes it; once the glide has ended it is idle again.
    before = (await t.stats(page)).frames;
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 400);
    await t.settle(page);
    assert.ok((await t.stats(page)).frames > before, 'the wheel drew no frame');
    before = (await t.stats(page)).frames;
    await page.waitForTimeout(4000);
    idle = (await t.stats(page)).frames - before;
    assert.ok(idle <= 4, `${idle} frames drawn in 4 s of idle after scrolling`);
    assert.deepEqual(errors, []);
    await context.close();
  },

  // Issue 13's budget: 350 KiB gzip for every file a first visit fetches to show the
  // profile. The wasm's second half (split.test.mjs) is not among them.
  'the first visit fetches at most 350 KiB gzip': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '', {
      ...t.DESKTOP,
      beforeGoto: async (p) => {
        p.fetched = [];
        p.on('response', (r) => { if (r.status() === 200) p.fetched.push(new URL(r.url()).pathname.slice(1)); });
      },
    });
    await t.ready(page);
    await t.settle(page);
    let total = 0;
    const kinds = new Set();
    for (const path of new Set(page.fetched)) {
      const file = join(t.dist, path === '' ? 'index.html' : path);
      total += existsSync(file + '.gz') ? statSync(file + '.gz').size : gzipSync(readFileSync(file), { level: 9 }).length;
      kinds.add(path.startsWith('fonts/') ? 'fonts' : path.split('.').pop());
    }
    for (const k of ['wasm', 'js', 'json', 'fonts']) assert.ok(kinds.has(k), `no ${k} fetched: ${[...kinds]}`);
    assert.ok(total <= 350 * 1024, `the first visit weighs ${(total / 1024).toFixed(1)} KiB gzip`);
    await context.close();
  },

  'precompressed files are served with their encoding, type and cache policy': async (t) => {
    const html = readFileSync(join(t.dist, 'index.html'), 'utf8');
    const wasm = /data-wasm="([^"]+)"/.exec(html)[1];
    const font = /href="(fonts\/[^"]+\.otf)"/.exec(html)[1];
    const raw = readFileSync(join(t.dist, wasm));
    for (const [enc, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
      const r = await request(t.base + wasm, { 'Accept-Encoding': enc });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], enc);
      assert.equal(r.headers['content-type'], 'application/wasm');
      assert.match(r.headers['vary'] || '', /Accept-Encoding/);
      assert.match(r.headers['cache-control'], /immutable/);
      assert.ok(decode(r.body).equals(raw), `${enc} body differs from the file`);
      assert.ok(r.body.length < raw.length * 0.6, `${enc} body is not compressed`);
    }
    const plain = await request(t.base + wasm);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(raw));
    const index = await request(t.base, { 'Accept-Encoding': 'gzip' });
    assert.equal(index.headers['content-encoding'], 'gzip');
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.equal(index.headers['cache-control'], 'no-cache');
    const f = await request(t.base + font, { 'Accept-Encoding': 'br' });
    assert.equal(f.status, 200);
    assert.match(f.headers['cache-control'], /immutable/);
    for (const name of [wasm, font]) {
      assert.ok(existsSync(join(t.dist, name + '.gz')) && existsSync(join(t.dist, name + '.br')), `${name} lacks .gz/.br`);
    }
  },
};
