// Bad profiles and bad answers in the browser, through ?profile=: each gives a notice
// (or the error page) naming its place, and stats().error; never a blank canvas, never
// an abort or a page error. The server's answers are faked with page.route().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Chromium reports every 4xx/5xx answer on the console; that is the browser, not the page.
const BROWSER_NOISE = /Failed to load resource/;

// Opens ?profile=/bad/NAME (plus `query`), with `answer(route, count)` answering each request for it.
async function openAnswering(t, name, answer, query = '') {
  const path = '/bad/' + name;
  let requests = 0;
  const { page, context, errors } = await t.open(t.browser, t.base, '?profile=' + path + query, {
    ...t.DESKTOP,
    beforeGoto: (p) => p.route((u) => u.pathname === path, (route) => answer(route, ++requests)),
  });
  const failure = await page.evaluate(() => window.imfolio.ready.then(() => null, (e) => e.message));
  await t.settle(page);
  return { page, context, failure, stats: await t.stats(page), requests: () => requests,
    errors: () => errors.filter((e) => !BROWSER_NOISE.test(e)) };
}

function serving(body, contentType = 'application/json', status = 200) {
  return (route) => route.fulfill({ status, contentType, body });
}

const fixture = (t, name) => readFileSync(join(t.ROOT, 'tests', 'fixtures', name));

async function alertText(page) {
  const alert = page.locator('#mirror [role="alert"]');
  assert.equal(await alert.count(), 1, 'no notice in the page');
  return alert.textContent();
}

async function assertDrawn(t, page) {
  const variance = t.luminanceVariance(await page.locator('#canvas').screenshot());
  assert.ok(variance > 50, `the canvas looks blank (luminance variance ${variance.toFixed(1)})`);
}

// A profile that cannot be shown: the error page, with the place, and ready rejected.
async function assertErrorPage(t, r, errorPattern, pagePattern) {
  assert.match(r.failure, errorPattern);
  assert.match(r.stats.error, errorPattern);
  const text = await alertText(r.page);
  assert.match(text, /This profile could not be shown/);
  assert.match(text, pagePattern);
  await assertDrawn(t, r.page);
  assert.deepEqual(r.errors(), []);
}

// A profile shown with problems: ready resolves, the notice names the place.
async function assertNotice(t, r, noticePattern) {
  assert.equal(r.failure, null);
  assert.equal(r.stats.ready, true);
  assert.match(await alertText(r.page), noticePattern);
  await assertDrawn(t, r.page);
  assert.deepEqual(r.errors(), []);
}

export const tests = {
  'a file that is not JSON: line and column in stats().error and on a drawn page': async (t) => {
    const r = await openAnswering(t, 'syntax-error.json', serving(fixture(t, 'syntax-error.json')));
    await assertErrorPage(t, r, /\/bad\/syntax-error\.json:4:5: error: \/: not valid JSON: expected ',' or '}' after an object member, found the string "label"/,
      /Line 4, column 5: not valid JSON/);
    await r.context.close();
  },

  'an empty file and a truncated file': async (t) => {
    const empty = await openAnswering(t, 'empty.json', serving(''));
    await assertErrorPage(t, empty, /empty\.json:1:1: error: \/: file is empty/, /Line 1, column 1: file is empty/);
    await empty.context.close();
    const cut = await openAnswering(t, 'truncated.json', serving(fixture(t, 'truncated.json')));
    await assertErrorPage(t, cut, /truncated\.json:8:43: error: .*it has no closing '"'/, /Line 8, column 43/);
    await cut.context.close();
  },

  'wrong types, invalid UTF-8, a byte-order mark and duplicate keys: the profile with a notice': async (t) => {
    const cases = [
      ['wrong-types.json', /wrong-types\.json:4:5: error: \/basics\/label: expected a string, found an array/],
      ['invalid-utf8.json', /invalid-utf8\.json:5:20: warning: \/work\/1\/name: 3 invalid UTF-8 byte sequences/],
      ['bom.json', /bom\.json:1:1: warning: \/: file starts with a UTF-8 byte-order mark/],
      ['duplicate-keys.json', /duplicate-keys\.json:9:3: warning: \/awards: duplicate key "awards"/],
    ];
    for (const [name, pattern] of cases) {
      const r = await openAnswering(t, name, serving(fixture(t, name)));
      await assertNotice(t, r, pattern);
      assert.equal(await r.page.locator('#mirror h1').textContent(), 'Ada Lovelace', name);
      if (name === 'wrong-types.json') assert.match(r.stats.error, /wrong-types\.json:4:5: error: \/basics\/label/);
      else assert.equal(r.stats.error, null, name);
      await r.context.close();
    }
  },

  'nesting 200,000 deep and a 20 MB string: no abort': async (t) => {
    const deep = '{"basics": {"name": "Ada Lovelace"},\n"projects": [{"name": "P", "description": ' +
      '['.repeat(200000) + ']'.repeat(200000) + '}]}';
    const r = await openAnswering(t, 'deep.json', serving(deep));
    await assertNotice(t, r, /deep\.json:2:104: error: \/projects\/0\/description\/0\/0.*nested deeper than the limit/);
    await r.context.close();

    const huge = '{"basics": {"name": "Ada", "summary": "' + 's'.repeat(20 << 20) + '"}}';
    const big = await openAnswering(t, 'huge.json', serving(huge));
    // Refused by its length before it is downloaded (page.js), so the message has no place.
    await assertErrorPage(t, big,
      /huge\.json: error: \/: the profile is larger than the limit of 16777216 bytes \(16 MiB\); it was not downloaded/,
      /the profile is larger than the limit of 16777216 bytes \(16 MiB\); it was not downloaded/);
    await big.context.close();
  },

  'HTTP 404: the error page and stats().error': async (t) => {
    const r = await openAnswering(t, 'missing.json', serving('Not found', 'text/plain', 404));
    await assertErrorPage(t, r, /could not fetch the profile: HTTP 404/, /could not fetch the profile: HTTP 404/);
    assert.equal(r.requests(), 1, 'a 404 is not retried');
    await r.context.close();
  },

  'HTTP 500: retried, then the error page and stats().error': async (t) => {
    const r = await openAnswering(t, 'broken.json', serving('Internal error', 'text/plain', 500));
    await assertErrorPage(t, r, /could not fetch the profile: HTTP 500/, /HTTP 500/);
    assert.equal(r.requests(), 3, 'a server error is tried three times');
    await r.context.close();
  },

  'a timeout: retried, then the error page and stats().error': async (t) => {
    // The server never answers; ?timeout= shortens the page's wait to 600 ms.
    const r = await openAnswering(t, 'slow.json', () => new Promise(() => {}), '&timeout=600');
    await assertErrorPage(t, r, /network error or timeout after 3 attempts/, /network error or timeout/);
    assert.equal(r.requests(), 3);
    await r.context.close();
  },

  'a non-JSON (HTML) answer: the error page names it, at 1:1': async (t) => {
    const html = '<!doctype html>\n<html><body><h1>Welcome to our hosting</h1></body></html>\n';
    const r = await openAnswering(t, 'profile.json', serving(html, 'text/html; charset=utf-8'));
    await assertErrorPage(t, r, /profile\.json:1:1: error: \/: the server answered with an HTML page \(text\/html; charset=utf-8\), not a JSON profile/,
      /Line 1, column 1: the server answered with an HTML page/);
    await r.context.close();
  },
};
