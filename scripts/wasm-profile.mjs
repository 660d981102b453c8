// scripts/wasm-profile.mjs SITE OUT: which of the wasm's functions a first visit runs.
//
// Called by scripts/package on a staged site whose wasm is the instrumented one that
// Emscripten's -sSPLIT_MODULE writes. Opens the default profile as visitors do (a laptop in
// both themes, a HiDPI screen, a phone), reads and scrolls it to the end and back, searches
// it (Ctrl+K), then asks the wasm for its profile (__write_profile: the functions called so
// far; and web/boot.js's warm-up worker for its own) and writes them, two files per visit, OUT.0, OUT.1, ... for `wasm-split --merge-profiles`. What none of them ran
// goes to the deferred module (web/boot.js loads it when a visitor starts to act).
import { writeFileSync } from 'node:fs';
import * as lib from '../tests/browser/lib.mjs';

const [site, out] = process.argv.slice(2);
if (!site || !out) { console.error('usage: scripts/wasm-profile.mjs SITE OUT'); process.exit(2); }

const visits = [
  { ...lib.DESKTOP, colorScheme: 'light' },
  { ...lib.DESKTOP, colorScheme: 'dark' },
  lib.HIDPI,
  lib.PHONE,
];

const server = await lib.startServer(site);
const browser = await lib.launch();
let code = 0;
try {
  for (const [i, options] of visits.entries()) {
    const { page, context, errors } = await lib.open(browser, server.url, '', {
      ...options,
      // web/boot.js's warm-up worker runs the start-up code first, headlessly: its
      // functions are asked for too.
      beforeGoto: (p) => p.addInitScript(() => { window.imfolioWasmProfile = true; }),
    });
    await lib.ready(page);
    await lib.settle(page);
    if (!options.isMobile) {
      await page.mouse.move(300, 200);
      await page.mouse.move(640, 420, { steps: 4 });
      for (let k = 0; k < 12; k++) await page.mouse.wheel(0, 600);
      await lib.settle(page);
      for (let k = 0; k < 12; k++) await page.mouse.wheel(0, -600);
      await lib.settle(page);
      // Search (Ctrl+K), the page's own key: a query typed, then closed.
      await page.keyboard.press('Control+k');
      await lib.settle(page);
      await page.keyboard.type('learning');
      await lib.settle(page);
      await page.keyboard.press('Escape');
      await lib.settle(page);
    }
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    const bytes = await page.evaluate(() => {
      const asm = window.Module.asm;
      const memory = Object.values(asm).find((v) => v instanceof WebAssembly.Memory);
      const capacity = 1 << 20, at = window.Module._malloc(capacity);
      const n = asm.__write_profile(at, capacity);
      return Array.from(new Uint8Array(memory.buffer, at, n));
    });
    writeFileSync(`${out}.${i}`, Buffer.from(bytes));
    const warm = await page.evaluate(() => Array.from(window.imfolio._state.warmUpProfile || []));
    if (!warm.length) throw new Error('the warm-up worker sent no profile');
    writeFileSync(`${out}.${i}.warm-up`, Buffer.from(warm));
    await context.close();
  }
} catch (e) {
  console.error('wasm-profile: ' + (e && e.message || e));
  code = 1;
} finally {
  await browser.close();
  server.stop();
}
process.exit(code);
