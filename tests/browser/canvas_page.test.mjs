// Issue 9 (the canvas does what every web page does): select and copy, find in page,
// print, a real input element for any script, pinch-zoom with reflow, translation.
// Driven as visitors do it: the mouse, keys, CDP touch, the browser's own find and print.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXAMPLE = (t) => join(t.ROOT, 'data', 'examples', 'complete-resume.json');
const LINKS = (t) => join(t.ROOT, 'tests', 'fixtures', 'web', 'links.json');

async function openReady(t, options, path = '') {
  const o = await t.open(t.browser, t.base, path, options);
  await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.base });
  await t.ready(o.page);
  await t.settle(o.page);
  return o;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

// The viewport rect of the first/last run of the first paragraph matching `selector`.
async function paragraphEnds(page, selector) {
  return page.evaluate((sel) => {
    const p = document.querySelector(sel);
    const runs = p.querySelectorAll('.run');
    const a = runs[0].getBoundingClientRect(), b = runs[runs.length - 1].getBoundingClientRect();
    return { x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2, text: p.textContent };
  }, selector);
}

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

function pdfText(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'imfolio-pdf-'));
  writeFileSync(join(dir, 'page.pdf'), pdf);
  const text = spawnSync('pdftotext', [join(dir, 'page.pdf'), '-'], { encoding: 'utf8' }).stdout;
  const info = spawnSync('pdfinfo', [join(dir, 'page.pdf')], { encoding: 'utf8' }).stdout;
  return { text, pages: Number((/Pages:\s+(\d+)/.exec(info) || [0, 0])[1]) };
}

async function pinch(context, page, from, to) {
  const cdp = await context.newCDPSession(page);
  const points = (d) => [{ x: 195 - d, y: 420, id: 1 }, { x: 195 + d, y: 420, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let d = from; d <= to; d += 8) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const DEVICES = (t) => ({ 'DPR 1': t.DESKTOP, 'DPR 2': t.HIDPI });

export const tests = {
  'dragging over a paragraph and Ctrl+C copies that paragraph, at DPR 1 and 2': async (t) => {
    for (const [name, device] of Object.entries(DEVICES(t))) {
      const { page, context, errors } = await openReady(t, device);
      const p = await paragraphEnds(page, '#section-about p');
      await drag(page, { x: p.x0, y: p.y0 }, { x: p.x1 + 6, y: p.y1 });
      await page.keyboard.press('Control+C');
      const copied = await clipboard(page);
      assert.equal(copied, p.text.replace(/\s+$/, ''), name);
      assert.ok(copied.startsWith('Since 2024, I have been leading') && copied.endsWith('beginning in 2020.'), name);
      // The selection is drawn over the canvas in the palette's colour.
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.mirror .glyphs'), '::selection').backgroundColor);
      assert.match(bg, /29, 91, 181|29 91 181/, `${name}: selection colour ${bg}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  },

  'a double-click copies one word, a triple-click the paragraph, shift-click extends, Ctrl+A copies the whole profile': async (t) => {
    const { page, context } = await openReady(t, t.DESKTOP);
    const word = await page.evaluate(() => {
      const run = document.querySelectorAll('#section-about p .run')[1];
      const r = run.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + r.height / 2 };
    });
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.press('Control+C');
    assert.equal(await clipboard(page), 'Intelligence');
    await page.mouse.click(word.x, word.y, { clickCount: 3 });
    await page.keyboard.press('Control+C');
    assert.match(await clipboard(page), /^Since 2024, .* beginning in 2020\.$/);
    // Click at the start of the paragraph, shift-click further on: the words between.
    const p = await paragraphEnds(page, '#section-about p');
    await page.mouse.click(p.x0, p.y0);
    await page.keyboard.down('Shift');
    await page.mouse.click(word.x, word.y);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+C');
    assert.match(await clipboard(page), /^Since 2024, I have been leading .*\n?.*Intel/s);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const all = await clipboard(page);
    for (const fact of t.seedFacts()) assert.ok(all.includes(fact), `Ctrl+A, Ctrl+C lacks "${fact}"`);
    // Reading order, and a blank line between paragraphs and entries.
    assert.ok(all.indexOf('Qizhen Weng') < all.indexOf('About') && all.indexOf('About') < all.indexOf('Openings'));
    assert.match(all, /beginning in 2020\.\n\nI received my Ph\.D\./);
    // The page around the text (loader, buttons, the top bar) is not part of it.
    assert.ok(!all.includes('Use dark theme') && !all.includes('Loading'));
    // The context menu is the browser's own: nothing cancels it over the text.
    const cancelled = await page.evaluate(() => {
      const target = document.querySelector('#section-about p .glyphs');
      const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      return !target.dispatchEvent(e);
    });
    assert.equal(cancelled, false);
    await context.close();
  },

  'links stay clickable, and a drag that starts on a link selects rather than follows': async (t) => {
    const { page, context } = await openReady(t, { ...t.DESKTOP, beforeGoto: (p) => t.serveFixture(p, 'links.json', LINKS(t)) },
                                              '?profile=fixtures/links.json');
    await page.route('https://**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: 'elsewhere' }));
    const link = page.locator('#mirror-page-link, .mirror-page a[href^="https://github.com"]').first();
    const box = await link.boundingBox();
    await drag(page, { x: box.x + 2, y: box.y + box.height / 2 }, { x: box.x + box.width + 140, y: box.y + box.height / 2 + 40 });
    await page.waitForTimeout(300);
    assert.equal(page.url().startsWith(t.base), true, 'a drag followed the link');
    const selected = await page.evaluate(() => window.getSelection().toString());
    assert.ok(selected.length > 0, 'a drag on a link selects text');
    const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 5000 }).catch(() => null),
      link.click({ modifiers: ['Control'] })]);
    assert.ok(popup || page.url().startsWith('https://github.com'), 'a click on the link follows it');
    await context.close();
  },

  'window.find() shows the match on the canvas, highlighted, and moves to the next and previous matches': async (t) => {
    for (const [name, device] of Object.entries({ ...DEVICES(t), phone: t.PHONE })) {
      const { page, context } = await openReady(t, device);
      assert.equal(await page.evaluate(() => window.find('Cyber-Security Scholarship')), true);
      await page.waitForTimeout(200);
      await t.settle(page);
      const s = await t.stats(page);
      assert.ok(s.scroll > 0, `${name}: the canvas scrolled to the match (${s.scroll})`);
      const box = await page.evaluate(() => {
        const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
        return { x: r.left, y: r.top, w: r.width, h: r.height };
      });
      const vh = device.viewport.height;
      assert.ok(box.y > 40 && box.y + box.h < vh, `${name}: match at ${box.y} is on screen`);
      const shot = await page.screenshot({ clip: { x: 0, y: Math.max(0, box.y - 20), width: device.viewport.width, height: box.h + 40 } });
      assert.match(t.squash(t.ocr(shot)), /Cyber-Security Scholarship/, `${name}: OCR of the canvas`);
      // The selection is painted where the canvas draws it: the highlighted pixels are tinted.
      await context.close();
    }
    // Next and previous: "Shanghai" appears several times, in page order.
    const { page, context } = await openReady(t, t.DESKTOP);
    const tops = [];
    for (let i = 0; i < 3; i++) {
      assert.equal(await page.evaluate(() => window.find('Shanghai')), true);
      await page.waitForTimeout(100);
      tops.push(await page.evaluate(() => {
        const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
        return r.top + document.querySelector('.mirror-scroll').scrollTop;
      }));
    }
    assert.ok(tops[0] < tops[1] && tops[1] < tops[2], `next: ${tops}`);
    assert.equal(await page.evaluate(() => window.find('Shanghai', false, true)), true);
    const back = await page.evaluate(() => window.getSelection().getRangeAt(0).getBoundingClientRect().top + document.querySelector('.mirror-scroll').scrollTop);
    assert.ok(back < tops[2], `previous: ${back} after ${tops}`);
    await context.close();
  },

  'a closed abstract is text find in page can find (hidden until found), and a match opens it': async (t) => {
    const { page, context } = await openReady(t, { ...t.DESKTOP, beforeGoto: (p) => t.serveFixture(p, 'example.json', EXAMPLE(t)) },
                                              '?profile=fixtures/example.json');
    const phrase = 'Many languages are written in more than one script';
    const held = page.locator('.mirror-page [hidden="until-found"]', { hasText: phrase });
    assert.equal(await held.count(), 1);
    // What the browser's find bar does when it matches text hidden until found (window.find()
    // does not search it): it fires beforematch and reveals it.
    await held.evaluate((el) => { el.dispatchEvent(new Event('beforematch', { bubbles: true })); el.removeAttribute('hidden'); });
    await page.waitForTimeout(200);
    await t.settle(page);
    const opened = await page.evaluate(() => [...document.querySelectorAll('.mirror button')].some((b) => /Abstract/.test(b.textContent) && b.getAttribute('aria-pressed') === 'true'));
    assert.ok(opened, 'the abstract was opened');
    await context.close();
  },

  'find in page reaches every entry of a long list, those the canvas has not laid out too, and prints them all': async (t) => {
    // 150 publications: more than the canvas lays out at once (virtual_list.h lays out 100 or more
    // only near the screen).
    const dir = mkdtempSync(join(tmpdir(), 'imfolio-many-'));
    const file = join(dir, 'many.json');
    const made = spawnSync(join(t.ROOT, 'scripts', 'make-profile'), ['--publications', '150', file], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const titles = JSON.parse(readFileSync(file, 'utf8')).publications.map((p) => p.title);
    const { page, context } = await openReady(t, { ...t.DESKTOP, beforeGoto: (p) => t.serveFixture(p, 'many.json', file) },
                                              '?profile=fixtures/many.json');
    // Every entry is in the list's element once: laid out (a node, text on the canvas) or held
    // (hidden until found); a held entry whose node is there is plainly hidden, so find sees it once.
    const census = () => page.evaluate(() => {
      const list = [...document.querySelectorAll('.mirror-page ul')].find((ul) => ul.querySelector(':scope > li.held'));
      const items = [...list.children].filter((el) => el.tagName === 'LI');
      return items.map((li) => ({
        held: li.classList.contains('held'), hidden: li.getAttribute('hidden'), entry: Number(li.dataset.entry),
        text: li.textContent,
      }));
    });
    let items = await census();
    const findable = items.filter((i) => !i.held || i.hidden === 'until-found');
    assert.equal(findable.length, 150, 'every entry once, for find');
    const laidOut = items.filter((i) => !i.held).length;
    assert.ok(laidOut > 0 && laidOut < 40, `${laidOut} entries laid out`);
    for (const title of titles)
      assert.equal(findable.filter((i) => i.text.includes(title)).length, 1, `"${title}" once`);
    // In reading order: the held entries before the laid-out ones, then those after.
    const held = items.filter((i) => i.held).map((i) => i.entry);
    assert.deepEqual(held, [...held].sort((a, b) => a - b));
    const covered = items.filter((i) => i.held && i.hidden === '').map((i) => i.entry);
    assert.equal(covered.length, laidOut, 'the held copies of the laid-out entries are hidden');
    assert.equal(covered[covered.length - 1] - covered[0] + 1, laidOut, 'and they are one stretch');
    const firstLaidOut = items.findIndex((i) => !i.held);
    assert.equal(items[firstLaidOut - 1].entry, covered[covered.length - 1], 'the laid-out entries follow it');
    assert.ok(items.slice(firstLaidOut, firstLaidOut + laidOut).every((i) => !i.held));

    // What the find bar does on a match in a held entry (window.find() does not search text
    // hidden until found): beforematch, then it is revealed. The canvas scrolls there and lays it out.
    const last = items.filter((i) => i.held && i.hidden === 'until-found').pop();
    const title = titles.find((x) => last.text.includes(x));
    assert.ok(title, 'the held entry names its paper');
    const before = (await t.stats(page)).scroll;
    await page.evaluate((n) => {
      const el = document.querySelector(`.mirror-page li.held[data-entry="${n}"]`);
      el.dispatchEvent(new Event('beforematch', { bubbles: true }));
      el.removeAttribute('hidden');
    }, last.entry);
    await page.waitForTimeout(200);
    await t.settle(page);
    const after = (await t.stats(page)).scroll;
    assert.ok(after > before + 2000, `the canvas scrolled to the match (${before} -> ${after})`);
    items = await census();
    const now = items.find((i) => !i.held && i.text.includes(title));
    assert.ok(now, 'the entry is laid out');
    assert.equal(items.find((i) => i.held && i.entry === last.entry).hidden, '', 'its held copy is hidden again');
    const box = await page.evaluate((x) => {
      const li = [...document.querySelectorAll('.mirror-page li:not(.held)')].find((el) => el.textContent.includes(x));
      const r = li.getBoundingClientRect();
      return { y: r.top, h: r.height };
    }, title);
    assert.ok(box.y > 40 && box.y < 800, `the entry is on screen (${box.y})`);
    const shot = await page.screenshot({ clip: { x: 0, y: Math.max(0, box.y - 10), width: 1280, height: Math.min(200, 800 - box.y + 10) } });
    const words = title.split(' ').slice(0, 3).join(' ');
    assert.ok(t.squash(t.ocr(shot)).includes(words), `OCR of the canvas shows "${words}"`);

    // Ctrl+A, Ctrl+C copies every paper, those not laid out too, each once.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = t.squash(await clipboard(page));
    const copiedTitles = titles.filter((x) => copied.includes(x));
    assert.equal(copiedTitles.length, 150, `copied ${copiedTitles.length} of 150 papers`);
    assert.equal(copied.split(titles[0]).length - 1, 1, 'a laid-out paper is copied once');

    // Print flows the held entries in their places: every paper is in the PDF.
    const { text } = pdfText(await page.pdf({ format: 'A4' }));
    const flat = t.squash(text).replace(/- /g, '');
    const printed = titles.filter((x) => flat.includes(t.squash(x).slice(0, 40)));
    assert.equal(printed.length, 150, `printed ${printed.length} of 150 papers`);
    await context.close();
  },

  'printing gives the whole profile as a document: every fact, light, no top bar, A4 and Letter': async (t) => {
    const { page, context } = await openReady(t, { ...t.DESKTOP, colorScheme: 'dark' });
    for (const format of ['A4', 'Letter']) {
      const { text, pages } = pdfText(await page.pdf({ format }));
      const flat = t.squash(text);
      for (const fact of t.seedFacts()) assert.ok(flat.includes(t.squash(fact)), `${format}: the PDF lacks "${fact}"`);
      assert.ok(!/Use light theme|Use dark theme|Search \(Ctrl\+K\)|Sections menu/.test(flat), `${format}: the top bar was printed`);
      assert.ok(pages >= 2, `${format}: ${pages} pages`);
    }
    // Dark mode on screen, dark text on white paper.
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.querySelector('#section-about p .glyphs')).color]);
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(17, 22, 28)']);
    await context.close();

    const ex = await openReady(t, { ...t.DESKTOP, beforeGoto: (p) => t.serveFixture(p, 'example.json', EXAMPLE(t)) },
                               '?profile=fixtures/example.json');
    const { text, pages } = pdfText(await ex.page.pdf({ format: 'A4' }));
    assert.ok(pages >= 4, `the complete example prints on ${pages} pages`);
    // A link alone would be lost on paper: its address is printed.
    assert.match(text, /<https:\/\/doi\.org\/10\.5555\/fcl\.2025\.0142>/);
    // Closed abstracts print too.
    assert.match(t.squash(text), /Many languages are written in more than one script/);
    await ex.context.close();
  },

  'the search box is a real input: Chinese typed through an input method arrives, on a desktop and a phone': async (t) => {
    for (const [name, device] of Object.entries({ desktop: t.DESKTOP, phone: t.PHONE })) {
      const { page, context } = await openReady(t, device);
      if (name === 'phone') await page.locator('.mirror-fixed button[aria-label^="Search"], .mirror-fixed button:has-text("Search")').first().tap({ force: true });
      else await page.keyboard.press('Control+K');
      await t.settle(page);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'INPUT', `${name}: focus is on an input`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.insertText', { text: '翁祈桢' });
      await t.settle(page);
      const s = await t.stats(page);
      assert.equal(s.query, '翁祈桢', name);
      assert.equal(await page.evaluate(() => document.activeElement.value), '翁祈桢');
      // Paste is the input's own too.
      await page.evaluate(() => navigator.clipboard.writeText('Shanghai'));
      await page.evaluate(() => document.activeElement.select());
      await page.keyboard.press('Control+V');
      await t.settle(page);
      assert.equal((await t.stats(page)).query, 'Shanghai', `${name}: after a paste`);
      await context.close();
    }
  },

  'a two-finger spread zooms the page to 3x, re-laid out with no sideways scrolling': async (t) => {
    for (const dpr of [1, 2]) {
      const { page, context, errors } = await openReady(t, { ...t.PHONE, deviceScaleFactor: dpr });
      const before = await t.stats(page);
      await pinch(context, page, 30, 110);
      await page.waitForTimeout(300);
      await t.settle(page);
      const s = await t.stats(page);
      assert.ok(s.zoom >= 1.5, `zoom ${s.zoom}`);
      assert.ok(s.zoom <= 3);
      assert.ok(s.scrollMax > before.scrollMax * 1.5, 'the page grew longer: text reflowed, not magnified');
      assert.equal(s.dpr, dpr * s.zoom, 'glyphs rasterised for the zoom (sharp)');
      // Every line of text still fits the screen's width, and nothing scrolls sideways.
      const wide = await page.evaluate(() => [...document.querySelectorAll('.mirror-page .run')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > window.innerWidth + 1;
      }).map((el) => el.textContent.slice(0, 30)));
      assert.deepEqual(wide, [], 'nothing wider than the screen');
      // A scroll sideways (find in page revealing a line's end) is undone at once.
      const left = await page.evaluate(async () => {
        const s = document.querySelector('.mirror-scroll');
        s.scrollLeft = 60;
        await new Promise((r) => setTimeout(r, 100));
        return s.scrollLeft;
      });
      assert.equal(left, 0, 'the text layer stayed scrolled sideways');
      assert.deepEqual(errors, []);
      await context.close();
    }
    // On a desktop, Ctrl+wheel is left to the browser's zoom: the page does not scroll.
    const { page, context } = await openReady(t, t.DESKTOP);
    const prevented = await page.evaluate(() => {
      const e = new WheelEvent('wheel', { deltaY: 100, ctrlKey: true, bubbles: true, cancelable: true });
      return !document.querySelector('.mirror-scroll').dispatchEvent(e);
    });
    await t.settle(page);
    assert.equal(prevented, false);
    assert.equal((await t.stats(page)).scroll, 0);
    await context.close();
  },

  'text a translator rewrites is what the canvas draws, after scrolling and a resize too; names are not translated': async (t) => {
    const { page, context } = await openReady(t, t.DESKTOP);
    const french = 'Depuis deux mille vingt-quatre, je dirige le centre de recherche.';
    await page.evaluate((text) => {
      const span = document.querySelector('#section-about p span[data-id]');
      const font = document.createElement('font');
      font.textContent = text;
      span.textContent = '';
      span.appendChild(font);
    }, french);
    await page.waitForTimeout(300);
    await t.settle(page);
    const read = async () => t.squash(t.ocr(await page.screenshot({ clip: { x: 280, y: 300, width: 720, height: 260 } })));
    assert.match(await read(), /Depuis deux mille vingt-quatre/);
    assert.doesNotMatch(await read(), /Since 2024/);
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, 1600);
    await t.settle(page);
    await page.mouse.wheel(0, -1600);
    await t.settle(page);
    assert.match(await read(), /Depuis deux mille vingt-quatre/, 'after scrolling');
    await page.setViewportSize({ width: 1100, height: 800 });
    await t.settle(page);
    const shot = t.squash(t.ocr(await page.screenshot({ clip: { x: 180, y: 300, width: 740, height: 260 } })));
    assert.match(shot, /Depuis deux mille vingt-quatre/, 'after a re-layout');
    const keep = await page.evaluate(() => [...document.querySelectorAll('.mirror [translate="no"]')].map((e) => e.textContent.trim()));
    assert.ok(keep.includes('Qizhen Weng'), `translate="no" on ${JSON.stringify(keep)}`);
    await context.close();
  },

  'a long press on a phone selects a word and offers Copy': async (t) => {
    const { page, context } = await openReady(t, t.PHONE);
    const at = await page.evaluate(() => {
      const r = document.querySelectorAll('#section-about p .run')[1].getBoundingClientRect();
      return { x: r.left + 40, y: r.top + r.height / 2 };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y, id: 1 }] });
    await page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const word = await page.evaluate(() => window.getSelection().toString());
    assert.match(word, /^\S+$/, `one word selected: "${word}"`);
    const copy = page.locator('button.copy-bubble');
    await copy.waitFor({ state: 'visible', timeout: 3000 });
    await copy.tap();
    assert.equal(await clipboard(page), word);
    await context.close();
  },

  'none of it costs the idle page a frame, the real links or the screen-reader text': async (t) => {
    const { page, context } = await openReady(t, { ...t.DESKTOP, beforeGoto: (p) => t.serveFixture(p, 'links.json', LINKS(t)) },
                                              '?profile=fixtures/links.json');
    const frames = (await t.stats(page)).frames;
    await page.waitForTimeout(4000);
    assert.equal((await t.stats(page)).frames, frames, 'frames drawn while idle');
    assert.ok(await page.locator('.mirror a[href="https://github.com/anaf-example"]').count() === 1);
    assert.equal(await page.locator('.mirror a[href^="javascript"]').count(), 0);
    const h1 = await page.locator('.mirror h1').textContent();
    assert.equal(h1.trim(), 'Ana Ferreira');
    await context.close();
  },
};
