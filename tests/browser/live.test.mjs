// Issue 14, live editing: scripts/serve's server (static-server.py --watch PROFILE) tells
// the open page when the owner saves; the page shows the new profile in place.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A copy of the site and an owner's folder with the seed profile, served live.
async function liveSite(t) {
  const root = mkdtempSync(join(tmpdir(), 'imfolio-live-'));
  cpSync(t.dist, join(root, 'dist'), { recursive: true });
  const profile = join(root, 'owner', 'profile.json');
  cpSync(join(t.ROOT, 'data', 'profile.json'), profile);
  const server = await t.startServer(join(root, 'dist'), ['--watch', profile]);
  return {
    url: server.url, profile,
    edit: (change) => writeFileSync(profile, change(readFileSync(profile, 'utf8'))),
    stop: () => { server.stop(); rmSync(root, { recursive: true, force: true }); },
  };
}

// Waits until the mirror shows `text`; returns how long that took after `since`.
async function shown(page, text, since, timeoutMs = 5000) {
  await page.waitForFunction((s) => document.getElementById('mirror').textContent.includes(s), text, { timeout: timeoutMs });
  return Date.now() - since;
}

export const tests = {
  'a save shows in the open page within 2 s, on the same section and scroll position, without a reload': async (t) => {
    const site = await liveSite(t);
    try {
      const opened = Date.now();
      const { page, context, errors } = await t.open(t.browser, site.url);
      await t.ready(page);
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.mouse.move(640, 500);
      await page.mouse.wheel(0, 900);
      await t.settle(page);
      const before = await t.stats(page);
      assert.ok(before.scroll > 0 && before.scroll < before.scrollMax, 'the page did not scroll, or scrolled to its end');
      assert.notEqual(before.route, 'about');

      const saved = Date.now();
      console.log(`  (ready and scrolled in ${saved - opened} ms)`);
      site.edit((s) => s.replace('AI Infra Team Lead', 'AI Infrastructure Lead (edited live)'));
      const took = await shown(page, 'AI Infrastructure Lead (edited live)', saved);
      console.log(`  a save reached the page in ${took} ms`);
      assert.ok(took <= 2000, `the save took ${took} ms to show`);
      await t.settle(page);
      const after = await t.stats(page);
      console.log(`  before ${before.route} ${before.scroll}/${before.scrollMax}, after ${after.route} ${after.scroll}/${after.scrollMax}`);
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
      assert.equal(after.route, before.route);
      assert.ok(Math.abs(after.scroll - before.scroll) <= 1, `scroll moved from ${before.scroll} to ${after.scroll}`);
      assert.equal(after.error, null);
      assert.deepEqual(errors, []);
      await context.close();
    } finally { site.stop(); }
  },

  'a save with a mistake keeps the page and updates the owner\'s notice; fixing it clears it': async (t) => {
    const site = await liveSite(t);
    try {
      const { page, context } = await t.open(t.browser, site.url);
      await t.ready(page);
      await t.settle(page);
      const problems = () => page.evaluate(() => window.imfolio.stats().problems);
      const clean = await problems();
      // A wrong type in one field: the rest of the profile stays, the notice names it.
      site.edit((s) => s.replace('"position": "', '"position": 7, "was": "'));
      await page.waitForFunction((n) => window.imfolio.stats().problems > n, clean, { timeout: 5000 });
      await t.settle(page);
      assert.match(await page.locator('#mirror').textContent(), /unknown field "was"/);
      assert.match(await page.locator('#mirror h1').textContent(), /Qizhen Weng/);
      // A file that is not JSON while the owner types: the page keeps the last good profile
      // and says where the file broke.
      site.edit((s) => s.replace('"basics"', '"basics" :: '));
      await page.waitForFunction(() => /profile\.json:\d+:\d+: error/.test(document.getElementById('mirror').textContent), null, { timeout: 5000 });
      assert.match(await page.locator('#mirror').textContent(), /the saved file could not be read/);
      assert.match(await page.locator('#mirror h1').textContent(), /Qizhen Weng/);
      site.edit((s) => s.replace('"basics" :: ', '"basics"').replace('"position": 7, "was": "', '"position": "'));
      await page.waitForFunction((n) => window.imfolio.stats().problems === n, clean, { timeout: 5000 });
      await context.close();
    } finally { site.stop(); }
  },
};
