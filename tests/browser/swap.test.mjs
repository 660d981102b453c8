// Issue 13, no jump: the static page is what the canvas draws, so when the canvas takes
// over, the first screen stays as it was. The pixels are compared (lib.changedShare says
// how a pixel counts as changed); no time is measured here (scripts/bench does that).
import assert from 'node:assert/strict';

// The budget of the issue: at most 2% of the first screen's pixels change.
const BUDGET = 0.02;

async function swapChanges(t, options) {
  const { before, after } = await t.swapShots(t.browser, t.base, options);
  return t.changedShare(before, after, { radius: Math.round(options.deviceScaleFactor) });
}

export const tests = {
  'the canvas replaces the static page without a visible change, 1280x800, light theme': async (t) => {
    const share = await swapChanges(t, { ...t.DESKTOP, colorScheme: 'light' });
    assert.ok(share <= BUDGET, `${(share * 100).toFixed(2)}% of the first screen changed at the swap`);
  },

  'the canvas replaces the static page without a visible change, 1280x800, dark theme': async (t) => {
    const share = await swapChanges(t, { ...t.DESKTOP, colorScheme: 'dark' });
    assert.ok(share <= BUDGET, `${(share * 100).toFixed(2)}% of the first screen changed at the swap`);
  },

  'the canvas replaces the static page without a visible change, phone (390x844)': async (t) => {
    const share = await swapChanges(t, { ...t.PHONE, colorScheme: 'light' });
    assert.ok(share <= BUDGET, `${(share * 100).toFixed(2)}% of the first screen changed at the swap`);
  },

  'a theme chosen in the canvas is the static page\'s too, so the swap keeps it': async (t) => {
    const options = { ...t.DESKTOP, colorScheme: 'light' };
    const context = await t.browser.newContext(options);
    await context.addInitScript(() => { try { localStorage.setItem('imfolio-theme', 'dark'); } catch (e) { /* none */ } });
    const page = await context.newPage();
    await page.goto(t.base);
    await t.ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal((await t.stats(page)).theme, 'dark');
    // The page around the canvas (and the static page under it) took the dark palette on a
    // light system: its background is the palette's, and dark.
    const [background, palette] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.documentElement).getPropertyValue('--background').trim()]);
    const rgb = background.match(/\d+/g).map(Number);
    const hex = '#' + rgb.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('');
    assert.equal(hex, palette.toLowerCase());
    assert.ok(rgb[0] + rgb[1] + rgb[2] < 150, `background ${background} is not dark`);
    await context.close();
  },

  'a change the swap must not hide is counted: the budget is not met by a page that moves': async (t) => {
    // The measure itself: the static page shifted down by a few pixels is a visible jump.
    const context = await t.browser.newContext({ ...t.DESKTOP, colorScheme: 'light' });
    const page = await context.newPage();
    await page.route(/\/imfolio\.[0-9a-f]+\.js$/, () => {});
    await page.goto(t.base, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => document.fonts.ready);
    const still = await page.screenshot();
    await page.evaluate(() => { document.querySelector('.static-page main').style.transform = 'translateY(3px)'; });
    const moved = await page.screenshot();
    assert.ok(t.changedShare(still, still) === 0);
    assert.ok(t.changedShare(still, moved) > BUDGET, 'a 3 px shift of the content went unnoticed');
    await context.close();
  },
};
