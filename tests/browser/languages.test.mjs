// The page in the profile's other languages (data/examples/two-languages.json, en +
// zh-Hans), previewed through ?profile=: ?lang= shows the translation with the page's own
// words in that language, <html lang> and stats().lang follow it, the switcher changes
// it and the choice is remembered, and a first visit follows navigator.languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = 'data/examples/two-languages.json';
const PATH = '/examples/two-languages.json';

async function openExample(t, query = '', extra = {}) {
  const body = readFileSync(join(t.ROOT, EXAMPLE));
  const profileUrl = new URL(PATH, t.base);
  const { page, context, errors } = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent(PATH) + query, {
    ...t.DESKTOP,
    ...extra,
    beforeGoto: async (p) => {
      await p.route((u) => u.origin === profileUrl.origin && u.pathname === profileUrl.pathname,
        (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  const stats = await t.ready(page);
  await t.settle(page);
  return { page, context, errors, stats };
}

const headings = (page) => page.$$eval('#mirror h2', (hs) => hs.map((h) => h.textContent.trim()));

export const tests = {
  '?lang=zh-Hans shows the Chinese text, Chinese section titles, <html lang> and stats().lang': async (t) => {
    const { page, context, errors, stats } = await openExample(t, '&lang=zh-Hans');
    assert.equal(stats.error, null);
    assert.equal(stats.lang, 'zh-Hans');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
    const titles = await headings(page);
    for (const title of ['关于', '研究兴趣', '经历', '教育', '发表论文']) assert.ok(titles.includes(title), titles.join(', '));
    assert.ok(!titles.includes('Experience'), titles.join(', '));
    const text = await page.evaluate(() => document.getElementById('mirror').textContent);
    for (const fact of ['林拓马', '土壤生态学副教授', '西湖地球科学研究院', '2021年8月', '至今'])
      assert.ok(text.includes(fact), 'missing ' + fact);
    // What the translation leaves out is the original's.
    assert.ok(text.includes('Mixed leaf litter decomposes faster than its parts predict'));
    assert.equal((await t.stats(page)).missingGlyphs, 0);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'without ?lang= the first visit follows navigator.languages; the switcher changes and remembers': async (t) => {
    const zh = await openExample(t, '', { locale: 'zh-CN' });
    assert.equal(zh.stats.lang, 'zh-Hans');
    await zh.context.close();

    const { page, context, stats } = await openExample(t, '', { locale: 'en-US' });
    assert.equal(stats.lang, 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok((await headings(page)).includes('Experience'));
    const switcher = page.locator('#mirror button', { hasText: 'Language' }).first();
    // The mirror's buttons let the pointer through: click where the canvas draws it.
    const box = await switcher.boundingBox();
    assert.ok(box, 'no language button in the top bar');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.imfolio.stats().lang === 'zh-Hans', null, { timeout: 10000 });
    await t.settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
    assert.ok((await headings(page)).includes('经历'));
    assert.match(page.url(), /[?&]lang=zh-Hans/);
    assert.equal(await page.evaluate(() => localStorage.getItem('imfolio-lang')), 'zh-Hans');
    // A new visit in the same browser remembers the choice over the browser's language.
    await page.goto(t.base + '?profile=' + encodeURIComponent(PATH));
    const again = await t.ready(page);
    assert.equal(again.lang, 'zh-Hans');
    await context.close();
  },
};
