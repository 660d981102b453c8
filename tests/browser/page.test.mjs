// The page as a visitor first meets it: it loads, draws, and its navigation works.
import assert from 'node:assert/strict';

export const tests = {
  'loads the seed profile: ready resolves, no errors, the canvas is drawn': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    const stats = await t.ready(page);
    assert.equal(stats.error, null);
    assert.equal(stats.route, 'about');
    assert.ok(stats.frames >= 1);
    const shot = await page.locator('#canvas').screenshot();
    const variance = t.luminanceVariance(shot);
    assert.ok(variance > 200, `the canvas looks blank (luminance variance ${variance.toFixed(1)})`);
    // The canvas follows the window: 1280x800 CSS pixels at DPR 1.
    assert.deepEqual(stats.canvas, [1280, 800]);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'the first screen shows the name and title legibly (read back with OCR)': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    const text = t.ocr(await page.screenshot());
    assert.match(text, /Qizhen Weng/);
    // Inter's capital I and small l look alike to OCR: "AI" may read as "Al".
    assert.match(text, /A[Il1] Infra Team Lead\. Research Scientist\./);
    await context.close();
  },

  'clicking a navigation item changes the route and the view': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    const before = await page.locator('#canvas').screenshot();
    await page.click('#mirror nav a[href$="#/publications"]');
    await page.waitForFunction(() => window.imfolio.stats().route === 'publications');
    await t.settle(page);
    assert.match(page.url(), /#\/publications$/);
    const after = await page.locator('#canvas').screenshot();
    assert.notDeepEqual(after, before, 'the view did not change');
    // The Publications heading is now near the top of the viewport.
    const top = await page.evaluate(() => document.querySelector('#mirror section#section-publications').getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `the Publications section starts at ${top}px`);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'imfolio.navigate() and the back button': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await page.evaluate(() => window.imfolio.navigate('awards'));
    await page.waitForFunction(() => window.imfolio.stats().route === 'awards');
    await page.evaluate(() => window.imfolio.navigate('education'));
    await page.waitForFunction(() => window.imfolio.stats().route === 'education');
    await page.goBack();
    await page.waitForFunction(() => window.imfolio.stats().route === 'awards');
    assert.match(page.url(), /#\/awards$/);
    await context.close();
  },

  'opening a #/route address shows that section': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '#/publications');
    const stats = await t.ready(page);
    assert.equal(stats.route, 'publications');
    await context.close();
  },
};
