// Screenshot of a real report for the README: `node --import tsx scripts/screenshot-report.ts REPORT.html OUT.png`
// Debian's chromium, headless, with the network off (the report needs none).
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, out] = process.argv.slice(2);
if (!report || !out) {
  console.error('usage: screenshot-report.ts REPORT.html OUT.png');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1800 }, deviceScaleFactor: 1 });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(report).href);
  await page.waitForTimeout(500); // charts draw on the next frames
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
