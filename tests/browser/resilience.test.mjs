// Issue 7, staying up: a slow or flaky network, a lost GPU context and a hidden tab
// neither break the page nor keep it busy.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const seedProfile = (t) => readFileSync(join(t.ROOT, 'data', 'profile.json'));

// Answers the n-th request for `url` with plan[n] ('fail', 'hang' or 'ok'); records when
// each arrived. A hanging request is never answered (the page's own timeout ends it).
// Arrival times are taken in this process, up to ~100 ms after the page sent the
// request, so the bounds below leave that much slack.
async function flaky(page, url, plan, body) {
  const arrivals = [];
  await page.route(url, (route) => {
    const step = plan[Math.min(arrivals.length, plan.length - 1)];
    arrivals.push(Date.now());
    if (step === 'fail') return route.abort('connectionreset');
    if (step === 'hang') return;  // left unanswered
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  return arrivals;
}

async function canvasVariance(t, page) {
  return t.luminanceVariance(await page.locator('#canvas').screenshot());
}

export const tests = {
  'a profile fetch that fails twice is retried with growing delays, then shows': async (t) => {
    let arrivals;
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=flaky.json', {
      ...t.DESKTOP, beforeGoto: async (p) => { arrivals = await flaky(p, '**/flaky.json', ['fail', 'fail', 'ok'], seedProfile(t)); },
    });
    const stats = await t.ready(page);
    assert.equal(stats.error, null);
    assert.equal(arrivals.length, 3);
    const first = arrivals[1] - arrivals[0], second = arrivals[2] - arrivals[1];
    // web_runner waits 0.5 s, then 1.5 s.
    assert.ok(first >= 400, `first retry after ${first} ms`);
    assert.ok(second >= 1300 && second > first + 500, `second retry after ${second} ms (first ${first} ms)`);
    assert.match(await page.locator('#mirror h1').textContent(), /Qizhen Weng/);
    // Failed fetches show up in the console as network errors; nothing else may.
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
    await context.close();
  },

  'a request that never answers times out, is retried, and the profile shows': async (t) => {
    let arrivals;
    const { page, context } = await t.open(t.browser, t.base, '?profile=slow.json&timeout=1000', {
      ...t.DESKTOP, beforeGoto: async (p) => { arrivals = await flaky(p, '**/slow.json', ['hang', 'ok'], seedProfile(t)); },
    });
    const stats = await t.ready(page);
    assert.equal(stats.error, null);
    assert.equal(arrivals.length, 2);
    const gap = arrivals[1] - arrivals[0];
    // The unanswered request ends only by the page's 1 s timeout; then the 0.5 s backoff.
    assert.ok(gap >= 1300, `retried ${gap} ms after the first request: the 1 s timeout and 0.5 s backoff did not both pass`);
    await context.close();
  },

  'a profile that never arrives ends in a clear error after three attempts': async (t) => {
    let arrivals;
    const { page, context } = await t.open(t.browser, t.base, '?profile=gone.json', {
      ...t.DESKTOP, beforeGoto: async (p) => { arrivals = await flaky(p, '**/gone.json', ['fail'], ''); },
    });
    await assert.rejects(page.evaluate(() => window.imfolio.ready), /network error or timeout after 3 attempts/);
    assert.equal(arrivals.length, 3);
    await t.settle(page);
    assert.match(await page.locator('#mirror').textContent(), /This profile could not be shown/);
    await context.close();
  },

  'a profile over 16 MiB is refused before it is read: by its length, or counted as it streams': async (t) => {
    const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
    big.write('{"basics": {"name": "Big"}}');
    const refused = async (path, beforeGoto) => {
      const { page, context } = await t.open(t.browser, t.base, `?profile=${path}`, { ...t.DESKTOP, beforeGoto });
      await assert.rejects(page.evaluate(() => window.imfolio.ready),
        /the profile is larger than the limit of 16777216 bytes \(16 MiB\); it was not downloaded/, path);
      await t.settle(page);
      assert.match(await page.locator('#mirror').textContent(), /This profile could not be shown/);
      await context.close();
    };
    // Declared: Content-Length says 17 MiB.
    await refused('declared.json', (p) => p.route('**/declared.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: big })));
    // Gzipped by the site's own server: Content-Length says ~17 KiB, and only counting
    // the decoded stream catches it. (Playwright's route.fulfill would not decode it.)
    const file = join(t.dist, 'oversized-test-profile.json');
    writeFileSync(file, big);
    writeFileSync(file + '.gz', gzipSync(big));
    try {
      await refused('oversized-test-profile.json');
    } finally {
      rmSync(file, { force: true });
      rmSync(file + '.gz', { force: true });
    }
  },

  'a lost WebGL context is restored and the page draws again': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    const before = await t.stats(page);
    // The page's own context: getContext returns the one the app created.
    await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      window.__loseContext = gl.getExtension('WEBGL_lose_context');
      window.__loseContext.loseContext();
    });
    await page.waitForFunction(() => document.getElementById('canvas').getContext('webgl2').isContextLost());
    // While lost, input asks for frames but none is drawn.
    await page.evaluate(() => window.imfolio.navigate('awards'));
    await page.mouse.move(400, 400);
    await page.waitForTimeout(400);
    assert.equal((await t.stats(page)).frames, before.frames, 'frames drawn into a lost context');

    await page.evaluate(() => window.__loseContext.restoreContext());
    await page.waitForFunction(() => !document.getElementById('canvas').getContext('webgl2').isContextLost());
    await page.waitForFunction((f) => window.imfolio.stats().frames > f, before.frames);
    await t.settle(page);
    const after = await t.stats(page);
    assert.equal(after.ready, true);
    assert.equal(after.error, null);
    assert.equal(after.route, 'awards', 'the navigation asked for while lost was not applied');
    const variance = await canvasVariance(t, page);
    assert.ok(variance > 200, `the canvas is blank after the restore (luminance variance ${variance.toFixed(1)})`);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'a hidden tab draws nothing, and draws again once shown': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    // Headless Chromium never hides a page by itself, so the page is told it is hidden
    // the way a browser tells it: document.hidden and visibilityState change, then a
    // visibilitychange event fires. The app's own listener (web_runner on_visibility)
    // reads them, as it would for a real background tab.
    const setHidden = (hidden) => page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    const hiddenAt = (await t.stats(page)).frames;
    // Everything that would otherwise draw: input, navigation, a theme change, a resize.
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 340);
    await page.evaluate(() => window.imfolio.navigate('publications'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.waitForTimeout(600);
    assert.equal((await t.stats(page)).frames, hiddenAt, 'frames drawn while hidden');

    await setHidden(false);
    await page.waitForFunction((f) => window.imfolio.stats().frames > f, hiddenAt);
    await t.settle(page);
    const shown = await t.stats(page);
    assert.equal(shown.route, 'publications', 'what happened while hidden was lost');
    assert.equal(shown.theme, 'dark');
    assert.deepEqual(shown.canvas, [1000, 700]);
    assert.deepEqual(errors, []);
    await context.close();
  },
};
