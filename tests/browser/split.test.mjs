// The wasm in two halves (scripts/package, web/boot.js): a first visit of the default
// profile fetches only what it runs; the rest comes when the visitor acts, at once for
// another profile, or synchronously from a placeholder that is called before it arrived.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const deferredOf = (t) => {
  const m = /data-deferred="([^"]*)"/.exec(readFileSync(join(t.dist, 'index.html'), 'utf8'));
  return m ? m[1] : '';
};

async function watched(t, path, route, before) {
  const requests = [];
  const opened = await t.open(t.browser, t.base, path, {
    ...t.DESKTOP,
    beforeGoto: async (p) => {
      p.on('request', (r) => { if (/imfolio-deferred\./.test(r.url())) requests.push(r.resourceType()); });
      if (route) await p.route('**/imfolio-deferred.*', route);
      if (before) await before(p);
    },
  });
  return { ...opened, requests };
}

const deferredState = (page) => page.evaluate(() => ({
  state: window.imfolio._state.deferred, calls: window.imfolio._state.placeholderCalls || 0,
}));

export const tests = {
  'the site is split: the first visit fetches one half, the first key fetches the other and search works': async (t) => {
    const deferred = deferredOf(t);
    assert.match(deferred, /^imfolio-deferred\.[0-9a-f]{10}\.wasm$/, 'index.html names the second half');
    const { page, context, errors, requests } = await watched(t, '');
    await t.ready(page);
    await t.settle(page);
    assert.deepEqual(requests, [], 'the second half is not fetched to show the profile');
    assert.deepEqual(await deferredState(page), { state: 'not loaded', calls: 0 });
    // The warm-up worker ran the start-up code without reaching a placeholder: none of it
    // is in the second half (a slow machine may make it give up waiting, which is not that).
    assert.match(await page.evaluate(() => window.imfolio._state.warmUp), /^(ran|timed out)$/);
    await page.keyboard.press('Control+k');
    await t.settle(page);
    await page.keyboard.type('sparse');
    await t.settle(page);
    assert.equal((await t.stats(page)).query, 'sparse');
    await page.waitForFunction(() => window.imfolio._state.deferred === 'linked');
    assert.deepEqual(requests, ['fetch'], 'fetched once, asynchronously');
    // Linked: the page goes on (a route, drawn by code from either half).
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.imfolio.navigate('publications'));
    await t.settle(page);
    assert.equal((await t.stats(page)).route, 'publications');
    assert.deepEqual(errors, []);
    await context.close();
  },

  'another profile (BibTeX) waits for both halves; if the fetch fails, a placeholder loads it in its place': async (t) => {
    const bib = join(t.ROOT, 'tests', 'fixtures', 'bibtex', 'alfolio.bib');
    // The asynchronous fetch refused: the BibTeX reader is in the second half, and the
    // placeholder that calls it fetches the half synchronously (an XHR).
    for (const refuseFetch of [false, true]) {
      const { page, context, errors, requests } = await watched(t, '?profile=fixtures/alfolio.bib', async (r) => {
        if (refuseFetch && r.request().resourceType() === 'fetch') await r.fulfill({ status: 503, body: 'busy' });
        else await r.continue();
      }, (p) => t.serveFixture(p, 'alfolio.bib', bib, 'text/x-bibtex'));
      const s = await t.ready(page);
      await t.settle(page);
      assert.equal(s.error, null);
      assert.match(await page.locator('.mirror-page').textContent(), /Lantern: Sparse Attention for Long Video Streams/);
      const d = await deferredState(page);
      assert.equal(d.state, 'linked');
      if (refuseFetch) {
        assert.deepEqual(requests, ['fetch', 'xhr'], 'refused, then loaded by the placeholder');
        assert.ok(d.calls >= 1, 'a placeholder was called');
      } else {
        assert.deepEqual(requests, ['fetch'], 'fetched before the profile was read');
        assert.equal(d.calls, 0, 'no placeholder was needed');
      }
      assert.deepEqual(errors.filter((e) => !/503|Failed to load/.test(e)), []);
      await context.close();
    }
  },
};
