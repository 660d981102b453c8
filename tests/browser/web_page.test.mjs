// Issue 5: the canvas behaves like a web page: a static profile without JavaScript,
// real links, an accessibility tree, keyboard focus, search, URLs, loading states.
import assert from 'node:assert/strict';
import { join } from 'node:path';

const LINKS_PROFILE = (t) => join(t.ROOT, 'tests', 'fixtures', 'web', 'links.json');

const serveFixture = (page, t, name, file) => t.serveFixture(page, name, file);

export const tests = {
  'without JavaScript the whole profile is readable, with JSON-LD Person and OpenGraph tags': async (t) => {
    const context = await t.browser.newContext({ ...t.DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(t.base);
    const text = await page.locator('body').innerText();
    for (const fact of ['Qizhen Weng', 'AI Infra Team Lead. Research Scientist. Ph.D. in CSE from HKUST.',
      'Institute of Artificial Intelligence (TeleAI), China Telecom', 'Shanghai AI Laboratory', 'Alibaba Cloud & Alibaba Group',
      'The Hong Kong University of Science and Technology', 'Shanghai Jiao Tong University', 'UC Berkeley',
      'Young Elite Scientists Sponsorship Program', 'Hong Kong PhD Fellowship Scheme', 'Shanghai Outstanding Graduates',
      'Cyber-Security Scholarship', 'Invited Keynote Speaker at AI for Good Global Summit', 'Jun 15, 2025',
      'Toppings: CPU-Assisted, Rank-Aware Adapter Serving for LLM Inference', 'Research interns'])
      assert.ok(text.includes(fact), `the static page lacks "${fact}"`);
    assert.match(text, /text version of this page/);  // the <noscript> note
    const h1 = await page.locator('h1').allInnerTexts();
    assert.deepEqual(h1, ['Qizhen Weng']);

    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'Person');
    assert.equal(ld.name, 'Qizhen Weng');
    assert.equal(ld.alternateName, '翁祈桢');
    assert.match(ld.jobTitle, /AI Infra Team Lead/);
    assert.match(ld.affiliation.name, /TeleAI/);
    assert.deepEqual(ld.alumniOf.map((o) => o.name).sort(),
      ['Shanghai Jiao Tong University', 'The Hong Kong University of Science and Technology', 'UC Berkeley']);
    assert.equal(ld.award.length, 4);
    const meta = async (sel) => page.locator(sel).getAttribute('content');
    assert.match(await meta('meta[property="og:title"]'), /Qizhen Weng/);
    assert.match(await meta('meta[property="og:description"]'), /AI Infrastructure/);
    assert.equal(await meta('meta[property="og:type"]'), 'profile');
    assert.equal(await meta('meta[name="twitter:card"]'), 'summary');
    assert.match(await meta('meta[name="description"]'), /research interests/i);
    assert.match(await page.title(), /^Qizhen Weng/);
    assert.ok(await page.locator('link[rel="canonical"]').getAttribute('href'));
    const sitemap = await (await page.request.get(t.base + 'sitemap.xml')).text();
    assert.match(sitemap, /<urlset[\s\S]*<loc>http/);
    const robots = await (await page.request.get(t.base + 'robots.txt')).text();
    assert.match(robots, /Sitemap: http/);
    await context.close();
  },

  'a ?profile= profile has real <a href> links over what the canvas draws, and no javascript: link': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=fixtures/links.json', {
      ...t.HIDPI, beforeGoto: (p) => serveFixture(p, t, 'links.json', LINKS_PROFILE(t)),
    });
    await t.ready(page);
    await t.settle(page);
    const links = await page.$$eval('#mirror a', (as) => as.map((a) => ({ href: a.href, text: a.textContent })));
    const hrefs = links.map((l) => l.href);
    for (const want of ['https://github.com/anaf-example', 'https://orcid.org/0000-0000-0000-0000',
      'https://scholar.google.com/citations?user=EXAMPLE', 'https://ana.example.org/', 'mailto:ana@example.org',
      'https://ana.example.org/papers/repair.pdf', 'https://doi.org/10.1145/0000000.0000000'])
      assert.ok(hrefs.includes(want), `no link to ${want}: ${hrefs.join(' ')}`);
    for (const h of hrefs) assert.match(h, /^(https?:|mailto:)/);
    assert.equal(await page.locator('#mirror [href^="javascript"]').count(), 0);
    // The refused link is still named, as text.
    assert.ok((await page.locator('#mirror').textContent()).includes('Evil'));

    // Each profile link sits exactly where the canvas draws its label: read it back there.
    for (const label of ['GitHub', 'ORCID']) {
      const a = page.locator('#mirror a', { hasText: label });
      const box = await a.boundingBox();
      const shot = await page.screenshot({ clip: { x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4 } });
      assert.match(t.ocr(shot), new RegExp(label), `the canvas under the ${label} link does not say ${label}`);
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).textContent, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      assert.equal(hit, label);
    }

    // Middle-click opens the link in a new tab, as a link does; the page itself stays.
    const box = await page.locator('#mirror a', { hasText: 'GitHub' }).boundingBox();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'middle' }),
    ]);
    assert.ok(popup);
    assert.equal(page.url().includes('github'), false);

    // What a screen reader reads: headings, the publication, the interests.
    const aria = await page.locator('#mirror').ariaSnapshot();
    assert.match(aria, /heading "Ana Ferreira" \[level=1\]/);
    assert.match(aria, /heading "Publications" \[level=2\]/);
    assert.match(aria, /Repairing Erasure-Coded Stripes Faster/);
    assert.match(aria, /Erasure coding/);
    assert.match(aria, /Storage reliability/);
    assert.match(aria, /link "GitHub"/);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'Tab walks the links, the canvas shows the focus, and Enter follows the focused link': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(first, 'Qizhen Weng');  // the site title in the top bar comes first
    const box = await page.locator('#mirror a', { hasText: 'Publications' }).boundingBox();
    const before = await page.screenshot({ clip: { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 } });
    for (let i = 0; i < 12; i++) {
      if ((await page.evaluate(() => document.activeElement.textContent)) === 'Publications') break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Publications');
    await t.settle(page);
    const focused = await page.screenshot({ clip: { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 } });
    assert.notDeepEqual(focused, before, 'no focus ring drawn around the focused link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.imfolio.stats().route === 'publications');
    await context.close();
  },

  'Ctrl+K filters every section and a result jumps to its entry': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('scholarship');
    await t.settle(page);
    const results = await page.$$eval('#mirror [role=search] button', (b) => b.map((x) => x.textContent));
    assert.deepEqual(results, ['Awards: Cyber-Security Scholarship']);
    const sections = await page.$$eval('#mirror section', (s) => s.map((x) => x.id));
    assert.deepEqual(sections, ['section-awards'], 'the page should show only the matching section');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.imfolio.stats().route === 'awards');
    await t.settle(page);
    assert.equal(await page.locator('#mirror [role=search]').count(), 0, 'the search closes after a choice');
    const items = page.locator('#section-awards li');
    assert.equal(await items.count(), 4, 'the full page is back');
    // The chosen award is just under the top bar, unless the page ends before that.
    const top = (await items.nth(3).boundingBox()).y;
    const s = await t.stats(page);
    assert.ok(top > 40 && top < 700, `the chosen award is off screen (${top}px)`);
    assert.ok(top < 150 || s.scroll === s.scrollMax, `the chosen award is at ${top}px, not at the top`);
    assert.match(page.url(), /#\/awards$/);

    // The visible search button opens the same search.
    const button = await page.locator('#mirror button', { hasText: 'Search' }).boundingBox();
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await page.waitForSelector('#mirror [role=search]', { state: 'attached' });
    assert.deepEqual(errors, []);
    await context.close();
  },

  'only changes cross into JavaScript: scrolling within a section sends nothing': async (t) => {
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    const before = (await t.stats(page)).mirror;
    assert.ok(before.full >= 1);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 100);  // stays within the header and About: the route does not change
    await t.settle(page);
    const s = await t.stats(page);
    assert.ok(s.scroll > 50, `did not scroll (${s.scroll})`);
    assert.equal(s.route, 'about');
    assert.deepEqual(s.mirror, before, 'scrolling changed the page document');
    // Scrolling into another section changes only which navigation item is current.
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 100);
    await t.settle(page);
    const far = await t.stats(page);
    assert.notEqual(far.route, 'about');
    assert.equal(far.mirror.full, before.full, 'scrolling rebuilt the mirror');
    const perUpdate = (far.mirror.bytes - before.bytes) / Math.max(1, far.mirror.updates - before.updates);
    assert.ok(perUpdate < 1000, `updates while scrolling are ${perUpdate} bytes each`);
    await context.close();
  },

  'loading shows progress; a failure keeps the static profile and offers a retry': async (t) => {
    // Slow wasm: the progress indicator is up meanwhile, and gone once the app is ready.
    const slow = await t.open(t.browser, t.base, '', {
      ...t.DESKTOP,
      beforeGoto: (p) => p.route('**/*.wasm', async (r) => { await new Promise((s) => setTimeout(s, 1500)); await r.continue(); }),
    });
    await slow.page.waitForSelector('#loader:not([hidden])');
    assert.match(await slow.page.locator('#loader').innerText(), /Loading/);
    await t.ready(slow.page);
    assert.equal(await slow.page.locator('#loader').isHidden(), true);
    await slow.context.close();

    // The wasm cannot be fetched.
    const broken = await t.open(t.browser, t.base, '', {
      ...t.DESKTOP, beforeGoto: (p) => p.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'gone' })),
    });
    await broken.page.waitForSelector('#failure:not([hidden])');
    assert.match(await broken.page.locator('#failure-text').innerText(), /could not be loaded/);
    assert.equal(await broken.page.locator('#retry').isVisible(), true);
    assert.equal(await broken.page.locator('#static-page h1').isVisible(), true);
    const rejected = await broken.page.evaluate(() => window.imfolio.ready.then(() => 'resolved', (e) => e.message));
    assert.match(rejected, /could not be loaded/);
    await broken.context.close();

    // No WebGL 2: the static profile, with a note saying why.
    const noGl = await t.open(t.browser, t.base, '', {
      ...t.DESKTOP,
      beforeGoto: (p) => p.addInitScript(() => {
        const real = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : real.call(this, kind, ...rest); };
      }),
    });
    await noGl.page.waitForSelector('#failure:not([hidden])');
    assert.match(await noGl.page.locator('#failure-text').innerText(), /WebGL 2/);
    assert.equal(await noGl.page.locator('#static-page h1').isVisible(), true);
    await noGl.context.close();
  },
};
