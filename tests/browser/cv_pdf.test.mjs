// build/web/dist/cv.pdf (scripts/build, through `imfolio export --pdf` and
// scripts/cv-pdf.mjs): every fact of the seed profile in its text (pdftotext), fonts
// embedded, links clickable, document information set, A4; and the page links it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Letters and digits only: line breaks, hyphenation points and the spacing of a printed
// page are not facts.
const squeeze = (s) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

// The seed profile's facts: every string a visitor reads, and each date's year.
function facts(profile) {
  const out = [];
  const skip = new Set(['$schema', 'type', 'lang', 'countryCode', 'language']);
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.entries(v).forEach(([k, x]) => walk(x, k));
    if (typeof v !== 'string' || skip.has(key)) return;
    if (/date$|^date$|lastModified/i.test(key)) out.push(v.slice(0, 4));
    else out.push(v);
  };
  walk(profile, '');
  return out;
}

export const tests = {
  'cv.pdf holds every fact of the seed profile, with fonts embedded and its title, author and subject': async (t) => {
    const pdf = join(t.dist, 'cv.pdf');
    assert.ok(existsSync(pdf), 'no cv.pdf in the site: scripts/build writes it');
    const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    const profile = JSON.parse(readFileSync(join(t.ROOT, 'data', 'profile.json'), 'utf8'));
    const missing = facts(profile).filter((f) => squeeze(f) && !text.includes(squeeze(f)));
    assert.deepEqual(missing, [], 'facts not in cv.pdf');

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, new RegExp('^Title:\\s+CV .* ' + profile.basics.name + '$', 'm'));
    assert.match(info, new RegExp('^Author:\\s+' + profile.basics.name + '$', 'm'));
    assert.match(info, /^Subject:\s+\S/m);
    assert.match(info, /^Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/m);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(fonts.length > 0);
    for (const line of fonts) assert.match(line, /\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/, 'not embedded: ' + line);
  },

  'imfolio export --pdf writes cv.pdf natively: links stay clickable, the CJK name is text, Letter on request': async (t) => {
    // The seed profile has no web addresses; the two-language example has several.
    const dir = mkdtempSync(join(tmpdir(), 'imfolio-cv-'));
    for (const f of readdirSync(t.dist)) if (/^site\..*\.css$/.test(f)) copyFileSync(join(t.dist, f), join(dir, f));
    const imfolio = join(t.ROOT, 'build', 'native', 'imfolio');
    execFileSync(imfolio, ['export', join(t.ROOT, 'data', 'examples', 'two-languages.json'), dir, '--pdf', '--paper', 'letter'],
      { encoding: 'utf8' });
    const pdf = join(dir, 'cv.pdf');
    const raw = readFileSync(pdf).toString('latin1');
    const uris = [...raw.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]);
    for (const want of ['https://example.org/~tal', 'https://github.com/tal-soil', 'mailto:t.achterberg-lin@example.org',
      'https://example.org/papers/litter-mixing'])
      assert.ok(uris.includes(want), 'no link to ' + want + ' in ' + uris.join(' '));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes('林拓马'), 'the name in Chinese is not text in cv.pdf');
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /^Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/m);
    rmSync(dir, { recursive: true, force: true });
  },

  'the top bar links "CV (PDF)" with a real <a href>': async (t) => {
    const html = readFileSync(join(t.dist, 'index.html'), 'utf8');
    assert.match(html, /<a href="cv\.pdf"[^>]*>CV \(PDF\)<\/a>/);
    const { page, context } = await t.open(t.browser, t.base);
    await t.ready(page);
    await t.settle(page);
    const href = await page.$eval('#mirror a[href$="cv.pdf"]', (a) => a.getAttribute('href'));
    assert.match(href, /cv\.pdf$/);
    const response = await page.request.get(new URL('cv.pdf', t.base).href);
    assert.equal(response.status(), 200);
    await context.close();
  },
};
