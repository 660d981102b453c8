// tests/browser/run.mjs TEST_FILE DIST: runs one browser test file against the built site.
// A test file exports `tests`: { name: async (t) => {...} }, where t gives the
// browser, the site's base URL and helpers (lib.mjs). Prints "ok"/"not ok" per test
// and ends with "N passed, M failed"; exits 1 on any failure. ONLY=TEXT runs only the
// tests whose name contains TEXT.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as lib from './lib.mjs';

const [file, dist] = process.argv.slice(2);
if (!file || !dist) { console.error('usage: run.mjs TEST_FILE DIST'); process.exit(2); }
if (!existsSync(resolve(dist, 'index.html'))) { console.error(`no site in ${dist}: run scripts/build`); process.exit(1); }

const { tests } = await import(pathToFileURL(resolve(file)).href);
const server = await lib.startServer(resolve(dist));
const browser = await lib.launch();
let passed = 0, failed = 0;
for (const [name, run] of Object.entries(tests)) {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
  const started = Date.now();
  try {
    await run({ ...lib, browser, base: server.url, dist: resolve(dist) });
    passed++;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split('\n').join('\n  ')}`);
  }
}
await browser.close();
server.stop();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
