// Screenshots a report page in headless Chromium for the docs: node scripts/report-screenshot.mjs <page.html>
// <out.png> [height]. Same browser and flags as test/slow/report-chromium.slow.test.ts; a height crops the
// full page to its top part (a README image need not show all of a long page).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [page, out, height] = process.argv.slice(2);
if (!page || !out) {
  console.error('usage: node scripts/report-screenshot.mjs <page.html> <out.png> [height]');
  process.exit(2);
}
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'paradip-shot-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1240, height: Number(height ?? 900) },
});
try {
  const tab = await context.newPage();
  await tab.goto(`file://${resolve(page)}`, { waitUntil: 'load' });
  await tab.screenshot({ path: out, fullPage: height === undefined });
} finally {
  await context.close();
}
