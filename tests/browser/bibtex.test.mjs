// Issue 8: a profile whose publications come from BibTeX files, in the page through
// ?profile=: the .bib is fetched beside the profile, merged, and its problems are the
// owner's (a preview shows them); a .bib alone is a profile of publications.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = (t) => join(t.ROOT, 'tests', 'fixtures', 'bibtex');

async function serveBibtex(page, t) {
  await t.serveFixture(page, 'profile.json', join(FIXTURES(t), 'profile.json'));
  await t.serveFixture(page, 'alfolio.bib', join(FIXTURES(t), 'alfolio.bib'), 'text/x-bibtex');
  await page.route('**/fixtures/missing.bib', (r) => r.fulfill({ status: 404, body: 'not here' }));
}

const text = (page) => page.locator('.mirror-page').textContent();

export const tests = {
  'a profile names a .bib: its entries are the publications, merged with the JSON ones, LaTeX read': async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=fixtures/profile.json',
                                                   { ...t.DESKTOP, beforeGoto: (p) => serveBibtex(p, t) });
    const s = await t.ready(page);
    await t.settle(page);
    const all = await text(page);
    // From the .bib: LaTeX accents as Unicode, the macro expanded, no braces or backslashes.
    assert.match(all, /Tone Sandhi Without Tears: Learning Weiß’?'?s Rules from Sparse Data/);
    assert.match(all, /Rafaël Okonkwo/);
    assert.match(all, /Jürgen Weiß/);
    assert.doesNotMatch(all, /\\"|\{\\|\\ss/);
    // Lantern is in both (same DOI): once, with the JSON entry's title first.
    assert.equal((all.match(/Lantern:/g) || []).length, 1, 'the entry in both files is shown once');
    assert.match(all, /Journal of Imaginary Linguistics/);
    // The missing .bib is a problem, for the owner of a preview: counted and listed.
    assert.ok(s.problems >= 1);
    assert.match(all, /missing\.bib/);
    assert.deepEqual(errors.filter((e) => !/404|Failed to load/.test(e)), []);
    await context.close();
  },

  'a .bib alone is a profile of publications': async (t) => {
    const { page, context } = await t.open(t.browser, t.base, '?profile=fixtures/alfolio.bib',
                                            { ...t.DESKTOP, beforeGoto: (p) => serveBibtex(p, t) });
    const s = await t.ready(page);
    await t.settle(page);
    assert.equal(s.error, null);
    const all = await text(page);
    assert.match(all, /Publications/);
    assert.match(all, /Lantern: Sparse Attention for Long Video Streams/);
    await context.close();
  },
};

// Problems are the owner's: a deployed page (any host but this machine) shows the valid
// content and no list of problems; a preview, a local server or ?problems=1 lists them.
tests['a deployed page shows its visitors no problems; previews and local servers do'] = async (t) => {
  const untidy = JSON.stringify({ basics: { name: 'Vera Okafor', label: 'Lecturer' },
    work: [{ name: 'Example University', position: 'Lecturer', startDate: 'sometime', nickname: 'x' }] });
  const browser = await t.launch(['--host-resolver-rules=MAP imfolio.test 127.0.0.1']);
  const deployed = t.base.replace('127.0.0.1', 'imfolio.test');
  try {
    for (const [url, owner] of [[deployed, false], [deployed + '?problems=1', true], [t.base, true]]) {
      const context = await browser.newContext(t.DESKTOP);
      const page = await context.newPage();
      await page.route('**/data/profile.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: untidy }));
      await page.goto(url);
      const s = await t.ready(page);
      await t.settle(page);
      assert.ok(s.problems >= 2, `${url}: problems are still counted (${s.problems})`);
      const alerts = await page.locator('.mirror [role="alert"]').count();
      assert.equal(alerts > 0, owner, `${url}: the problem list ${owner ? 'is' : 'is not'} shown`);
      assert.match(await page.locator('.mirror-page').textContent(), /Example University/);
      await context.close();
    }
  } finally {
    await browser.close();
  }
};
