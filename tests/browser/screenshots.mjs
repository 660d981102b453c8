// Takes the README's screenshots: node screenshots.mjs DIST OUT_DIR (see scripts/screenshots).
import { resolve } from 'node:path';
import * as lib from './lib.mjs';

const [dist, out] = process.argv.slice(2);
const server = await lib.startServer(resolve(dist));
const browser = await lib.launch();
const shots = [
  { file: 'screenshot-light.png', device: lib.DESKTOP, scheme: 'light' },
  { file: 'screenshot-dark.png', device: lib.DESKTOP, scheme: 'dark', route: 'experience' },
  { file: 'screenshot-phone.png', device: { ...lib.PHONE, deviceScaleFactor: 2 }, scheme: 'light' },
];
for (const s of shots) {
  const context = await browser.newContext({ ...s.device, colorScheme: s.scheme });
  const page = await context.newPage();
  await page.goto(server.url + (s.route ? '#/' + s.route : ''));
  await lib.ready(page);
  await lib.settle(page);
  await page.screenshot({ path: resolve(out, s.file) });
  console.log('wrote', resolve(out, s.file));
  await context.close();
}
await browser.close();
server.stop();
