// The scripts a page inlines and the font PNGs use, read from node_modules and this folder at run time.
// Resolved with createRequire from this file, so they are found wherever the package is installed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** chart.js's UMD build (its package exports do not list it, so go through the package's folder). */
export const chartJsPath = () => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
/** The error-bar plugin's UMD build, found through its package folder like chart.js's; throws when the package is not installed. */
export const errorBarsPath = () => join(dirname(require.resolve('chartjs-chart-error-bars')), 'index.umd.min.js');
export const pointLabelsPath = join(here, 'assets', 'point-labels.js');
export const pagePath = join(here, 'assets', 'page.js');
export const templatesDir = join(here, 'templates');
/** DejaVu Sans from the dejavu-fonts-ttf package (Bitstream Vera licence, changes public domain). */
export const fontPath = () => require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/**
 * Script text made safe to sit inside <script>…</script>: the source-map comment would make a browser
 * with dev tools open request a file; "</script" would end the element early and "<!--" would change
 * how the HTML parser reads what follows (HTML Living Standard, "script data escaped state").
 */
export function toInlineScript(source: string): string {
  return source
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

/** A CSP source for an inline script: only these exact scripts may run on the page (CSP Level 3 hashes). */
/** The Content-Security-Policy source of an inline script: `'sha256-<base64 of its UTF-8 SHA-256>'`. */
export function cspHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** chart.js, its plugins and the page script, each ready to inline; rejects when a file cannot be read. */
export async function readInlineScripts(): Promise<string[]> {
  const paths = [chartJsPath(), errorBarsPath(), pointLabelsPath, pagePath];
  return Promise.all(paths.map(async (p) => toInlineScript(await readFile(p, 'utf8'))));
}
