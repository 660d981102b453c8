// Issue 7: a profile can come from anywhere, so nothing in it may run as script or
// become markup, the page asks nothing of any other site, and a stranger's file is
// always introduced as such.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each piece of injected code records itself in window.__pwned; none may ever run.
const MARK = (what) => `(window.__pwned=window.__pwned||[]).push('${what}')`;
const XSS_NAME = `<img src=x onerror="${MARK('img')}"><script>${MARK('script')}</script>`;
const XSS_PROFILE = {
  basics: {
    name: XSS_NAME,
    label: `</script><script>${MARK('label')}</script>. <b>bold</b>`,
    summary: `<iframe src="javascript:${MARK('iframe')}"></iframe> <svg onload="${MARK('svg')}"></svg> & {{static}}`,
    url: `javascript:${MARK('url')}`,
    email: `a@b.example"><img src=x onerror="${MARK('email')}">`,
    profiles: [
      { network: 'GitHub', url: `javascript:${MARK('profile')}` },
      { network: 'Mixed', url: `JaVaScRiPt:${MARK('mixed')}` },
      { network: 'Spaced', url: ` java\tscript:${MARK('spaced')}` },
      { network: 'Data', url: `data:text/html,<script>${MARK('data')}</script>` },
      { network: 'Vb', url: 'vbscript:msgbox(1)' },
    ],
  },
  news: [{ date: '2025-01-01', title: `<img src=x onerror="${MARK('news')}">`, url: `javascript:${MARK('news-url')}` }],
  publications: [{
    title: `<script>${MARK('pub')}</script>`, URL: `javascript:${MARK('pub-url')}`,
    custom: { pdf: `javascript:${MARK('pdf')}`, abbr: '<b>X</b>' },
  }],
};

// Serves `body` at `url` (any origin), with CORS so a page on another origin may read it.
async function serve(page, url, body) {
  const requests = [];
  await page.route(url, (route) => {
    requests.push(route.request().url());
    route.fulfill({
      status: 200, contentType: 'application/json', body: JSON.stringify(body),
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  return requests;
}

function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return dialogs;
}

// Every href on the page, as written in the markup.
const ALL_HREFS = () => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href'));
const scriptLike = (href) => /^[\u0000-\u0020]*(javascript|vbscript|data):/i.test(href.replace(/[\t\n\r]/g, ''));

function parseCsp(content) {
  const directives = {};
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}

export const tests = {
  'an XSS profile is only text: its name in the mirror, no element from it, and clicking every link runs nothing': async (t) => {
    // CSP bypassed: escaping alone must keep the injected code from running.
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=xss.json', {
      ...t.DESKTOP, bypassCSP: true, beforeGoto: (p) => serve(p, '**/xss.json', XSS_PROFILE),
    });
    const dialogs = watchDialogs(page);
    await t.ready(page);
    await t.settle(page);

    const mirror = page.locator('#mirror');
    const text = await mirror.textContent();
    assert.ok(text.includes(XSS_NAME), 'the name is not shown as the text it is');
    assert.ok(text.includes('</script><script>'), 'the label is not shown as text');
    assert.equal(await page.locator('#mirror h1').textContent(), XSS_NAME);
    for (const tag of ['img', 'script', 'iframe', 'svg', 'b', 'object', 'embed'])
      assert.equal(await page.locator(`#mirror ${tag}`).count(), 0, `a <${tag}> element came out of the profile`);

    // The name is too wide for the sections to fit in the top bar: open their menu, so
    // its links are there too.
    await page.evaluate(() => [...document.querySelectorAll('#mirror button')]
      .find((b) => b.textContent === 'Sections menu').click());
    await page.waitForFunction(() => document.querySelectorAll('#mirror a').length >= 3);
    // Every link the page has, clicked: the section links move the page, nothing runs.
    const links = await page.$$eval('#mirror a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 3, `only ${links.length} links to click`);
    const count = await page.evaluate(() => {
      const as = [...document.querySelectorAll('#mirror a')];
      for (const a of as) a.click();
      return as.length;
    });
    assert.equal(count, links.length);
    // And with the mouse, where the canvas draws the refused links' labels (plain text now).
    for (const label of ['GitHub', 'Mixed', 'Data']) {
      const span = page.locator('#mirror span', { hasText: label }).first();
      const box = await span.boundingBox();
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    await t.settle(page);
    await page.waitForTimeout(300);

    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
    assert.deepEqual(dialogs, []);
    assert.deepEqual((await page.evaluate(ALL_HREFS)).filter(scriptLike), []);
    assert.ok(page.url().startsWith(t.base), `the page navigated away to ${page.url()}`);
    // The refused links are reported, not silently dropped.
    const stats = await t.stats(page);
    assert.ok(stats.problems >= 8, `${stats.problems} problems reported`);
    assert.deepEqual(errors, []);
    await context.close();
  },

  "the page's CSP: script-src 'self' 'wasm-unsafe-eval', no 'unsafe-eval', no inline script, no violations": async (t) => {
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=xss.json', {
      ...t.DESKTOP,
      beforeGoto: async (p) => {
        await p.addInitScript(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        });
        await serve(p, '**/xss.json', XSS_PROFILE);
      },
    });
    await t.ready(page);
    await t.settle(page);
    const metas = await page.$$eval('meta[http-equiv="Content-Security-Policy"]', (ms) => ms.map((m) => m.content));
    assert.equal(metas.length, 1);
    const csp = parseCsp(metas[0]);
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp['default-src'], ["'self'"]);
    assert.deepEqual(csp['object-src'], ["'none'"]);
    assert.deepEqual(csp['base-uri'], ["'none'"]);
    assert.ok(!metas[0].includes("'unsafe-eval'"), 'unsafe-eval allowed');
    assert.ok(!metas[0].includes("'unsafe-inline'"), 'unsafe-inline allowed');
    // Scripts: files from this origin, and the JSON-LD data block. Nothing inline runs.
    const scripts = await page.$$eval('script', (ss) => ss.map((s) => ({ src: s.src, type: s.type, text: s.textContent })));
    for (const s of scripts) {
      if (s.src) assert.ok(s.src.startsWith(t.base), `script from elsewhere: ${s.src}`);
      else assert.equal(s.type, 'application/ld+json', `inline script: ${s.text.slice(0, 80)}`);
    }
    // The served page as written, before any script touched it.
    const html = await (await page.request.get(t.base)).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(inline, [' type="application/ld+json"']);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
    await context.close();
  },

  'every request the page makes is to its own origin': async (t) => {
    const context = await t.browser.newContext(t.DESKTOP);
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(t.base);
    await t.ready(page);
    await t.settle(page);
    // Visit every section, the dark theme and the phone layout's menu: more slices, more assets.
    for (const section of ['news', 'experience', 'education', 'awards', 'publications', 'openings'])
      await page.evaluate((s) => window.imfolio.navigate(s), section);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await t.settle(page);
    await page.waitForTimeout(500);
    const origin = new URL(t.base).origin;
    const foreign = requests.filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(requests.some((u) => u.includes('/fonts/')), 'no font request seen: the check proves nothing');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'no wasm request seen');
    await context.close();
  },

  'a profile on another https site loads, and the page names that site above everything': async (t) => {
    const url = 'https://profiles.example.net/people/ana.json';
    const profile = JSON.parse(readFileSync(join(t.ROOT, 'data', 'profile.json'), 'utf8'));
    profile.basics.name = 'Ana Ferreira';
    let fetched;
    const { page, context, errors } = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent(url), {
      ...t.DESKTOP, beforeGoto: async (p) => { fetched = await serve(p, url, profile); },
    });
    const stats = await t.ready(page);
    assert.equal(stats.error, null);
    assert.deepEqual(fetched, [url]);
    await t.settle(page);
    const alert = page.locator('#mirror main [role="alert"]').first();
    assert.match(await alert.textContent(), /Profile from another site: profiles\.example\.net/);
    // Unmissable: on the first screen, above the name.
    const box = await alert.boundingBox();
    const name = await page.locator('#mirror h1').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the note is not on the first screen: ${JSON.stringify(box)}`);
    assert.ok(box.y < name.y, 'the note is below the name');
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
    assert.match(t.ocr(shot), /another site/);
    // Relative links in that profile resolve against its site, never against this one.
    assert.deepEqual(errors, []);
    await context.close();
  },

  'a profile on another site over plain http is refused, with a clear error, and never fetched': async (t) => {
    const url = 'http://profiles.example.net/ana.json';
    let fetched;
    const { page, context } = await t.open(t.browser, t.base, '?profile=' + encodeURIComponent(url), {
      ...t.DESKTOP, beforeGoto: async (p) => { fetched = await serve(p, url, { basics: { name: 'Ana' } }); },
    });
    await assert.rejects(page.evaluate(() => window.imfolio.ready), /must be fetched over https/);
    const stats = await t.stats(page);
    assert.match(stats.error, /a profile from another site must be fetched over https \(http:\/\/profiles\.example\.net\)/);
    await t.settle(page);
    assert.match(await page.locator('#mirror').textContent(), /This profile could not be shown/);
    assert.deepEqual(fetched, []);
    await context.close();
  },

  'imfolio export of an XSS profile: title, meta tags, JSON-LD and static HTML hold it as text': async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'imfolio-xss-'));
    try {
      const file = join(dir, 'xss.json');
      writeFileSync(file, JSON.stringify(XSS_PROFILE));
      const site = join(dir, 'site');
      const r = spawnSync(join(t.ROOT, 'build', 'native', 'imfolio'), ['export', file, site, '--site-url', 'https://ana.example/'],
        { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const server = await t.startServer(site);
      try {
        // CSP bypassed and JavaScript on: only the escaping stands between the text and a script.
        const context = await t.browser.newContext({ ...t.DESKTOP, bypassCSP: true });
        const page = await context.newPage();
        const dialogs = watchDialogs(page);
        await page.goto(server.url);
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
        assert.deepEqual(dialogs, []);
        assert.ok((await page.title()).startsWith(XSS_NAME), `title: ${await page.title()}`);
        const meta = (sel) => page.locator(sel).getAttribute('content');
        assert.equal(await meta('meta[name="author"]'), XSS_NAME);
        assert.equal(await meta('meta[property="og:site_name"]'), XSS_NAME);
        assert.ok((await meta('meta[property="og:title"]')).startsWith(XSS_NAME));
        const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
        assert.equal(ld.name, XSS_NAME);
        assert.equal(await page.locator('#static-page h1').textContent(), XSS_NAME);
        for (const tag of ['img', 'iframe', 'svg', 'b', 'object'])
          assert.equal(await page.locator(tag).count(), 0, `a <${tag}> element came out of the profile`);
        const scripts = await page.$$eval('script', (ss) => ss.map((s) => s.type || s.getAttribute('src')));
        assert.equal(scripts.length, 2, `scripts: ${scripts.join(', ')}`);
        assert.deepEqual((await page.evaluate(ALL_HREFS)).filter(scriptLike), []);
        await context.close();
      } finally {
        server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
