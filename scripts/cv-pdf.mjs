#!/usr/bin/env node
// scripts/cv-pdf.mjs: the CV as a PDF, printed from the built page.
//
// usage: node scripts/cv-pdf.mjs DIR [--out FILE] [--paper a4|letter] [--page index.html]
//
// Opens DIR/index.html (the static page `imfolio export` writes: the whole profile as
// HTML, every entry, no virtualised lists) in Debian's headless Chromium with JavaScript
// off, and prints it with the print layout of web/site.css (@media print: one column,
// entries kept whole across pages, addresses after links). Chromium embeds the fonts it
// used (Inter, Noto Sans CJK, Noto Color Emoji: Debian's, as on the page) and keeps links
// clickable. Its PDF has a title only, so the document information (Title, Author,
// Subject, from the page's <title>, author and description) is appended as an
// incremental update: the bytes Chromium wrote stay as they are.
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// playwright-core is installed for the browser tests (scripts/setup).
const { chromium } = createRequire(join(ROOT, 'tests', 'browser', 'package.json'))('playwright-core');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dir = args[0];
if (!dir || dir.startsWith('--')) {
  console.error('usage: node scripts/cv-pdf.mjs DIR [--out FILE] [--paper a4|letter] [--page index.html]');
  process.exit(2);
}
const out = option('--out', join(dir, 'cv.pdf'));
const paper = option('--paper', process.env.IMFOLIO_CV_PAPER || 'a4').toLowerCase();
if (paper !== 'a4' && paper !== 'letter') {
  console.error('cv-pdf: --paper is a4 or letter');
  process.exit(2);
}
const pageFile = resolve(dir, option('--page', 'index.html'));

// PDF text strings in UTF-16BE with a byte-order mark: any script survives.
function pdfText(s) {
  let hex = 'FEFF';
  for (const unit of String(s)) {
    const code = unit.codePointAt(0);
    const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
    for (const u of units) hex += u.toString(16).toUpperCase().padStart(4, '0');
  }
  return '<' + hex + '>';
}

// Appends a new Info dictionary to `file` as an incremental update (ISO 32000-1, 7.5.6).
function setInfo(file, info) {
  const pdf = readFileSync(file).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf)?.[1]);
  const trailer = pdf.lastIndexOf('trailer');
  const size = Number(/\/Size\s+(\d+)/.exec(pdf.slice(trailer))?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(pdf.slice(trailer))?.[1];
  if (!Number.isFinite(startxref) || !Number.isFinite(size) || !root || trailer < 0)
    throw new Error('cv-pdf: unexpected PDF structure; document information not set');
  const offset = pdf.length + (pdf.endsWith('\n') ? 0 : 1);
  const entries = Object.entries(info).filter(([, v]) => v).map(([k, v]) => `/${k} ${pdfText(v)}`).join(' ');
  const object = `${size} 0 obj\n<< ${entries} >>\nendobj\n`;
  const xref = offset + object.length;
  const update = (pdf.endsWith('\n') ? '' : '\n') + object +
    `xref\n${size} 1\n${String(offset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  appendFileSync(file, Buffer.from(update, 'latin1'));
}

const started = Date.now();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const meta = await page.evaluate(() => ({
    title: document.title,
    author: document.querySelector('meta[name="author"]')?.content || '',
    subject: document.querySelector('meta[name="description"]')?.content || '',
    lang: document.documentElement.lang,
  }));
  await page.pdf({ path: out, format: paper === 'letter' ? 'Letter' : 'A4', printBackground: false, preferCSSPageSize: false });
  setInfo(out, { Title: meta.title ? 'CV \u2013 ' + meta.title.split(' | ')[0] : 'CV', Author: meta.author,
    Subject: meta.subject, Creator: 'imfolio (scripts/cv-pdf.mjs)' });
  const bytes = readFileSync(out).length;
  console.log(`cv-pdf: wrote ${out} (${paper}, ${bytes} bytes, ${Date.now() - started} ms)`);
} finally {
  await browser.close();
}
