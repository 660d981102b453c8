// A JSON Resume file written by someone else (data/examples/complete-resume.json),
// previewed through ?profile=: every section renders, the javascript: link is never
// a link, the owner is emphasised, the notice can be dismissed, and the publication
// buttons (abstract, selected only, BibTeX) work.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = 'data/examples/complete-resume.json';
const SECTIONS = ['about', 'interests', 'news', 'experience', 'education', 'awards', 'publications', 'projects',
  'volunteer', 'certificates', 'skills', 'languages', 'references', 'openings'];

// Opens the page with ?profile=PATH, answering PATH (same origin) with `body`.
async function openWith(t, path, body, extra = {}) {
  const profileUrl = new URL(path, t.base);
  const { page, context, errors } = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent(path), {
    ...t.DESKTOP,
    ...extra,
    beforeGoto: async (p) => {
      // Matched on the path alone: a glob would also match the page's own address,
      // whose query string holds the same path.
      await p.route((u) => u.origin === profileUrl.origin && u.pathname === profileUrl.pathname,
        (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  return { page, context, errors };
}

async function openExample(t, extra) {
  const r = await openWith(t, '/examples/complete-resume.json', readFileSync(join(t.ROOT, EXAMPLE)), extra);
  const stats = await t.ready(r.page);
  await t.settle(r.page);
  return { ...r, stats };
}

// The mirror button whose text starts with `label`, inside `scope` (a CSS selector).
function mirrorButton(page, scope, label) {
  return page.locator(`${scope} button`, { hasText: label }).first();
}

// Clicks where the canvas draws the button (the mirror's buttons let the pointer
// through), as a visitor's mouse would.
async function clickCanvasAt(page, locator) {
  await locator.scrollIntoViewIfNeeded().catch(() => {});
  const box = await locator.boundingBox();
  assert.ok(box, 'the button has no place on the page');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function waitForText(page, selector, text, present = true) {
  await page.waitForFunction(([sel, txt, want]) => {
    const el = document.querySelector(sel);
    return !!el && el.textContent.includes(txt) === want;
  }, [selector, text, present], { timeout: 10000 });
}

export const tests = {
  'the example renders via ?profile=: every section, one warning, no errors': async (t) => {
    const { page, context, errors, stats } = await openExample(t);
    assert.equal(stats.error, null);
    assert.equal(stats.problems, 1);
    assert.equal(stats.missingGlyphs, 0);
    const ids = await page.$$eval('#mirror section', (els) => els.map((e) => e.id));
    assert.deepEqual(ids, SECTIONS.map((s) => 'section-' + s));
    const h1 = await page.$eval('#mirror h1', (e) => e.textContent);
    assert.equal(h1, 'Élodie Marchand-Sato');
    const variance = t.luminanceVariance(await page.locator('#canvas').screenshot());
    assert.ok(variance > 200, `the canvas looks blank (luminance variance ${variance.toFixed(1)})`);
    // The sections at the end of the page are reachable and drawn.
    await page.evaluate(() => window.imfolio.navigate('references'));
    await page.waitForFunction(() => window.imfolio.stats().route === 'references');
    await t.settle(page);
    const text = t.ocr(await page.screenshot());
    assert.match(text, /References/);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'the javascript: link is shown as text and is never an <a href>': async (t) => {
    const { page, context } = await openExample(t);
    const hrefs = await page.$$eval('a', (els) => els.map((a) => a.getAttribute('href') || ''));
    assert.ok(hrefs.length > 10);
    // Web links, mail, the page's own sections (#/route in the canvas's mirror, #route in
    // the static page, which page.js reads as the same route), and the site's own CV in the
    // static top bar (the site's page, under the preview).
    for (const href of hrefs) assert.match(href, /^(https?:|mailto:|#\/?[a-z0-9_-]+$|cv\.pdf$)/, `unexpected link ${href}`);
    const blog = await page.$$eval('#mirror header *', (els) =>
      els.filter((e) => e.children.length === 0 && e.textContent === 'Blog').map((e) => e.tagName));
    assert.deepEqual(blog, ['SPAN']);
    await context.close();
  },

  'the owner is emphasised in author lists': async (t) => {
    const { page, context } = await openExample(t);
    const strong = await page.$$eval('#section-publications strong', (els) => els.map((e) => e.textContent));
    assert.deepEqual(strong, ['Élodie Marchand-Sato', 'マルシャン佐藤エロディ', 'Élodie Marchand-Sato', 'É. Marchand-Sato']);
    await context.close();
  },

  'the notice names the problem with its place and can be dismissed': async (t) => {
    const { page, context, errors } = await openExample(t);
    const alert = page.locator('#mirror [role="alert"]');
    assert.match(await alert.textContent(), /complete-resume\.json:26:50: warning: \/basics\/profiles\/3\/url: link "javascript:/);
    const before = await page.locator('#canvas').screenshot();
    await clickCanvasAt(page, mirrorButton(page, '#mirror [role="alert"]', 'Dismiss'));
    await page.waitForFunction(() => !document.querySelector('#mirror [role="alert"]'));
    await t.settle(page);
    const after = await page.locator('#canvas').screenshot();
    assert.notDeepEqual(after, before, 'the canvas did not change');
    assert.equal(await page.locator('#mirror h1').textContent(), 'Élodie Marchand-Sato');
    assert.deepEqual(errors, []);
    await context.close();
  },

  'the abstract toggle and the selected-only filter change the page': async (t) => {
    const { page, context, errors } = await openExample(t);
    await page.evaluate(() => window.imfolio.navigate('publications'));
    await page.waitForFunction(() => window.imfolio.stats().route === 'publications');
    await t.settle(page);
    const entries = () => page.locator('#section-publications ul[aria-label="Publications"] > li').count();
    const abstract = 'Many languages are written in more than one script.';

    const toggle = mirrorButton(page, '#section-publications', 'Abstract');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    const closed = await page.locator('#canvas').screenshot();
    await clickCanvasAt(page, toggle);
    await waitForText(page, '#section-publications', abstract);
    await page.waitForFunction(() => document.querySelector('#section-publications button[aria-pressed="true"]')
      ?.textContent === 'Abstract');
    await t.settle(page);
    assert.notDeepEqual(await page.locator('#canvas').screenshot(), closed, 'the abstract did not appear');

    assert.equal(await entries(), 5);
    await clickCanvasAt(page, mirrorButton(page, '#section-publications', 'Selected only'));
    // The pressed state reaches the mirror a frame after the list changes: wait for both.
    await page.waitForFunction(() =>
      document.querySelectorAll('#section-publications ul[aria-label="Publications"] > li').length === 2 &&
      [...document.querySelectorAll('#section-publications button')]
        .some((b) => b.textContent.startsWith('Selected only') && b.getAttribute('aria-pressed') === 'true'));
    await clickCanvasAt(page, mirrorButton(page, '#section-publications', 'Selected only'));
    await page.waitForFunction(() =>
      document.querySelectorAll('#section-publications ul[aria-label="Publications"] > li').length === 5);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'the BibTeX button puts a BibTeX entry on the clipboard': async (t) => {
    const { page, context, errors } = await openExample(t, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => window.imfolio.navigate('publications'));
    await page.waitForFunction(() => window.imfolio.stats().route === 'publications');
    await t.settle(page);
    await clickCanvasAt(page, mirrorButton(page, '#section-publications', 'BibTeX'));
    await page.waitForFunction(() => [...document.querySelectorAll('#section-publications button')]
      .some((b) => b.textContent === 'Copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^@inproceedings\{marchandsato2025borders,\n {2}title = \{Morphology Without Borders/);
    assert.match(copied, /author = \{Παπαδόπουλος, Νίκος and Marchand-Sato, Élodie and Okafor, Chidi and \{The MORPHÉ Consortium\}\}/);
    assert.match(copied, /doi = \{10\.5555\/fcl\.2025\.0142\}/);
    assert.deepEqual(errors, []);
    await context.close();
  },

  '?profile= takes an https address on another site, and refuses plain http there': async (t) => {
    const body = readFileSync(join(t.ROOT, EXAMPLE));
    const remote = 'https://profiles.example.org/people/emsato.json';
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent(remote), {
      ...t.DESKTOP,
      beforeGoto: (p) => p.route(remote, (route) => route.fulfill({
        status: 200, contentType: 'application/json', body, headers: { 'Access-Control-Allow-Origin': '*' },
      })),
    });
    const stats = await t.ready(page);
    assert.equal(stats.error, null);
    assert.equal(await page.locator('#mirror h1').textContent(), 'Élodie Marchand-Sato');
    assert.deepEqual(errors, []);
    await context.close();

    const plain = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent('http://profiles.example.org/x.json'));
    const failure = await plain.page.evaluate(() => window.imfolio.ready.then(() => null, (e) => e.message));
    assert.match(failure, /must be fetched over https/);
    assert.match((await t.stats(plain.page)).error, /must be fetched over https/);
    await plain.context.close();
  },
};
