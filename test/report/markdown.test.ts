// summary.md: a golden file (dates, run ids and versions replaced by placeholders) and the escaping of
// strings that would otherwise open a table cell, a code span, a link or an HTML tag on GitHub.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { makeResults } from './fixtures.ts';
import { ALL_ATTACKS, MARKDOWN_ATTACK } from './hostile.ts';
import { methodFields } from '../fixtures/comparison.ts';
import { describeMethod } from '../../src/stats/index.ts';

const GOLDEN = join(import.meta.dirname, 'golden', 'summary.md');

/** What changes from run to run or release to release becomes a placeholder. */
export function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<DATE>')
    .replace(/\b\d{8}-\d{6}-[a-z0-9]+\b/g, '<RUN-ID>')
    .replace(/(?<![\w.])\d+\.\d+\.\d+(?![\w.])/g, '<VERSION>')
    .replace(/(?<=\s|^)\/(tmp|home|work|root)\/\S*/g, '<PATH>');
}

function summaryFixture() {
  return makeResults({
    description: 'Freeze the sidecar',
    variants: [
      { name: 'onefile', baseline: true, wallMs: 20_000, bytes: 30_000_000, startupMs: 900 },
      { name: 'onedir', wallMs: 14_000, bytes: 34_000_000, startupMs: 250 },
      { name: 'onedir-strip', wallMs: 14_200, bytes: 26_000_000, startupMs: 260, description: MARKDOWN_ATTACK },
      { name: 'scie', status: 'unavailable', reason: 'science is not installed (needs the network)' },
      { name: 'pex', status: 'failed', reason: `exit code 1: ${ALL_ATTACKS} ${MARKDOWN_ATTACK}`, logTail: ['boom'] },
    ],
  });
}

describe('summary.md', () => {
  it('matches the golden file', async () => {
    const markdown = normalise(renderMarkdown(buildReportModel({ results: [summaryFixture()] })));
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(GOLDEN, markdown);
    expect(markdown).toBe(await readFile(GOLDEN, 'utf8'));
  });

  it('says under its run which variants the run left out, and why', () => {
    const file = summaryFixture();
    file.config.leftOut = [{ why: '--quick measures each variant in its warmest cache state only', ids: ['sidecar/onefile@cold', 'sidecar/onedir@cold'] }];
    const lines = renderMarkdown(buildReportModel({ results: [file] })).split('\n');
    const run = lines.findIndex((l) => l.startsWith(`- ${file.runId} on `));
    expect(lines[run + 1]).toBe('  - not measured (--quick measures each variant in its warmest cache state only): sidecar/onefile@cold, sidecar/onedir@cold');
  });

  it('ends with the run against earlier results: the compare rows, escaped, and the regressions', () => {
    const comparison = { scenario: 'sidecar', metric: 'wallMs', baseline: 'sidecar/a|b@cold', variant: 'sidecar/a|b@cold', ...methodFields(1.3), ratio: 1.3, ciLow: 1.2, ciHigh: 1.4, pValue: 0.004, verdict: 'slower' as const };
    const model = buildReportModel({ results: [summaryFixture()] });
    const lines = renderMarkdown({
      ...model,
      against: [
        { title: 'Against base/results.json', comparisons: [comparison], regressions: ['sidecar/a|b@cold'], thresholdPct: 5 },
        { title: 'Against the last 5 runs of history/', comparisons: [], regressions: [], thresholdPct: 5 },
      ],
    }).split('\n');
    const at = lines.indexOf('## Against base/results.json');
    expect(lines.slice(at, at + 9)).toEqual([
      '## Against base/results.json',
      '',
      '| variant | baseline | ratio [95% Moses CI] | p | verdict |',
      '|---|---|---|---|---|',
      '| sidecar/a\\|b@cold | (same id) | 1.30× \\[1.20–1.40\\] | 0.004 | slower |',
      '',
      `_${describeMethod('hodges-lehmann').replace(/\*/g, '\\*')}_`,
      '',
      '**Regression** (slower by more than 5%): sidecar/a\\|b@cold',
    ]);
    expect(lines).toContain('No variant of this run was found in the earlier results.');
    expect(lines.at(-2)).toBe('Full report with every number: `report.html`.');
  });

  it('escapes table pipes, code spans, emphasis, links and HTML, and keeps one line', () => {
    expect(escapeMarkdown(MARKDOWN_ATTACK)).toBe('\\| col \\| \\`code\\` \\*em\\* \\[link\\](http://x) &lt;b&gt;bold&lt;/b&gt; next line');
  });

  it('lists failed and unavailable variants with their reasons, escape sequences gone', () => {
    const markdown = renderMarkdown(buildReportModel({ results: [summaryFixture()] }));
    expect(markdown).toContain('| scie — unavailable \\[1\\] | — | — | — | — |');
    expect(markdown).toContain('\n1. science is not installed (needs the network)\n');
    expect(markdown).toContain('exit code 1: &lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; red bell\u2407 and nul\u2400 \\| col \\| \\`code\\`');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
