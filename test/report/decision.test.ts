// The first screen: a decision table per scenario and cache state, winners only from decided verdicts,
// reasons once each, and a summary.md that stays short for a default-size run.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/results/schema.ts';
import { buildDecisions } from '../../src/report/decision.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { pickSmallest, pickTimedWinner } from '../../src/report/winner.ts';
import { methodFields } from '../fixtures/comparison.ts';
import { makeResults, manyVariants } from './fixtures.ts';

describe('pickTimedWinner', () => {
  const base = { key: 'b', baseline: true };
  it.each([
    { name: 'baseline, when every other is decided slower', others: ['slower', 'slower'], expected: { key: 'b' } },
    { name: 'the one decided faster, the rest slower or the same', others: ['faster', 'no difference', 'slower'], expected: { key: 'v0' } },
    { name: 'nobody when two are faster (never compared with each other)', others: ['faster', 'faster'], expected: { key: null, why: 'several faster' } },
    { name: 'nobody when one is faster and another undecided', others: ['faster', 'inconclusive'], expected: { key: null, why: 'undecided' } },
    { name: 'nobody when every difference is undecided', others: ['inconclusive'], expected: { key: null, why: 'undecided' } },
    { name: 'nobody when all are the same', others: ['no difference'], expected: { key: null, why: 'undecided' } },
  ] as const)('$name', ({ others, expected }) => {
    expect(pickTimedWinner([base, ...others.map((verdict, i) => ({ key: `v${i}`, baseline: false, verdict }))])).toEqual(expected);
  });

  it('sizes: the strictly smallest, no winner on a tie', () => {
    expect(pickSmallest([{ key: 'a', value: 3 }, { key: 'b', value: 2 }])).toBe('b');
    expect(pickSmallest([{ key: 'a', value: 2 }, { key: 'b', value: 2 }])).toBeNull();
  });
});

/** The same binary in two cache states, a faster pex, an artifact that does not run, an unavailable tool twice. */
function sidecarRun() {
  const file = makeResults({
    variants: [
      { name: 'onefile', cache: 'cold', baseline: true, wallMs: 40_000 },
      { name: 'pex', cache: 'cold', wallMs: 8_000, bytes: 19_000_000 },
      { name: 'llama', cache: 'cold', status: 'failed', reason: "built, does not run: the first launch of round 1 exited with 1 before it was ready: FileNotFoundError: Shared library with base name 'llama' not found (log: logs/x/startup-1-first.log)" },
      { name: 'scie', cache: 'cold', status: 'unavailable', reason: 'scie-mirror not found (set BUILDBENCH_SCIE_MIRROR)' },
      { name: 'onefile', cache: 'warm', baseline: true, wallMs: 1_000 },
      { name: 'scie', cache: 'warm', status: 'unavailable', reason: 'scie-mirror not found (set BUILDBENCH_SCIE_MIRROR)' },
    ],
  });
  const launch = (id: string, ms: number) => {
    const v = file.variants.find((x) => x.id === id)!;
    v.stats.startupFirstMs = { ...v.stats.wallMs!, n: 5, median: ms, ciLow: ms * 0.8, ciHigh: ms * 1.3, outliers: [] };
  };
  launch('sidecar/onefile@cold', 2810);
  launch('sidecar/pex@cold', 2500);
  launch('sidecar/onefile@warm', 4330);
  const undecided: Comparison = { scenario: 'sidecar', metric: 'startupFirstMs', baseline: 'sidecar/onefile@cold', variant: 'sidecar/pex@cold', ...methodFields(0.89), ratio: 0.89, ciLow: 0.7, ciHigh: 1.2, pValue: 0.31, verdict: 'inconclusive' };
  file.comparisons.push(undecided);
  return file;
}

describe('decision tables', () => {
  it('one per cache state: values, ratios, verdict marks, winners only where decided, reasons once', () => {
    const model = buildReportModel({ results: [sidecarRun()] });
    const { tables, footnotes } = buildDecisions(model.scenarios[0]!);
    expect(tables.map((t) => t.title)).toEqual(['cold builds', 'warm builds']);
    const [cold, warm] = tables;
    const row = (key: string) => cold!.rows.find((r) => r.key === key)!;
    // Build time: pex decided faster, the only other ok variant: it wins.
    expect(row('sidecar/pex@cold').cells[0]).toMatchObject({ value: expect.stringMatching(/^8(\.\d+)? s$/), ratio: '0.20×', tone: 'good', mark: 'faster', winner: true });
    expect(row('sidecar/onefile@cold').cells[0]).toMatchObject({ tone: 'baseline', winner: false });
    // Start-up: lower median but undecided, so no winner, and the mark says so.
    expect(row('sidecar/pex@cold').cells[2]).toMatchObject({ value: '2.5 s', ratio: '0.89×', tone: 'undecided', mark: 'undecided', winner: false });
    expect(cold!.rows.flatMap((r) => r.cells).filter((c) => c.winner)).toHaveLength(2); // build time and size
    // The broken artifact: its own status, a footnote with the reason, no figure, never a winner.
    expect(row('sidecar/llama@cold')).toMatchObject({ status: 'does not start', footnote: 1 }); // a file from before build figures were kept for it
    expect(row('sidecar/llama@cold').cells.every((c) => c.value === '—' && !c.winner)).toBe(true);
    // The same unavailable reason in both cache states: one footnote.
    expect(footnotes.map((f) => f.n)).toEqual([1, 2]);
    expect(row('sidecar/scie@cold').footnote).toBe(2);
    expect(warm!.rows.find((r) => r.key === 'sidecar/scie@warm')!.footnote).toBe(2);
    // At most three sentences, each from a decided verdict or an exact size.
    expect(cold!.sentences).toEqual([
      'Build time: pex is decidedly the fastest.',
      'Smallest artifact: pex, 18.1 MiB (exact).',
      'Start-up on first launch: no variant is decidedly the fastest (some differences are undecided).',
    ]);
    // Warm holds only the baseline: nothing to crown, and no claim across cache states.
    expect(warm!.sentences).toEqual(['Build time: the baseline is the only variant measured.', 'Start-up on first launch: the baseline is the only variant measured.']);
  });

  it('the other compared metrics in a table under it: CPU from the recorded comparison, sizes exactly, equal columns left out', async () => {
    const file = sidecarRun();
    const cpu = (id: string, ms: number) => {
      const v = file.variants.find((x) => x.id === id)!;
      v.stats.cpuMs = { ...v.stats.wallMs!, median: ms, ciLow: ms * 0.9, ciHigh: ms * 1.1 };
    };
    cpu('sidecar/onefile@cold', 60_000);
    cpu('sidecar/pex@cold', 12_000);
    file.variants.find((x) => x.id === 'sidecar/onefile@cold')!.artifact!.debugBytes = 4_000_000;
    file.variants.find((x) => x.id === 'sidecar/pex@cold')!.artifact!.debugBytes = 1_000_000;
    file.comparisons.push({ scenario: 'sidecar', metric: 'cpuMs', baseline: 'sidecar/onefile@cold', variant: 'sidecar/pex@cold', ...methodFields(0.2), ratio: 0.2, ciLow: 0.18, ciHigh: 0.22, pValue: 0.0001, verdict: 'faster' });
    const [cold, warm] = buildDecisions(buildReportModel({ results: [file] }).scenarios[0]!).tables;
    // Files are 1 on both sides (nothing to decide): no column. Warm has one variant: no table.
    expect(cold!.also!.columns).toEqual(['CPU user+system', 'Split debug info']);
    expect(warm!.also).toBeNull();
    const pex = cold!.also!.rows.find((r) => r.key === 'sidecar/pex@cold')!;
    expect(pex.cells[0]).toMatchObject({ value: '12 s', ratio: '0.20×', tone: 'good', mark: 'faster' });
    expect(pex.cells[1]).toMatchObject({ value: '977 KiB', ratio: '0.25×', tone: 'good', mark: 'smaller', title: '1,000,000 bytes' });
    expect(cold!.also!.rows.map((r) => r.key)).toEqual(['sidecar/onefile@cold', 'sidecar/pex@cold']); // measured variants only
    const markdown = renderMarkdown(buildReportModel({ results: [file] }));
    // summary.md: one line under the decision table, whose header stays the first screen's.
    expect(markdown).toContain('| Variant | Build time | Artifact size | Start-up, first launch | Start-up, warm launch |\n');
    expect(markdown).toContain('\nAlso against the baseline: pex — CPU user+system 12 s (0.20× the baseline, faster), Split debug info 977 KiB (0.25× the baseline, smaller).\n');
    // report.html: a table of its own under the decision table, with the same cells.
    const html = await renderHtml(buildReportModel({ results: [file] }));
    expect(html).toContain('<caption>Also compared with the baseline</caption>\n<thead><tr><th>Variant</th><th>CPU user+system</th><th>Split debug info</th></tr></thead>');
    expect(html).toMatch(/<td title="1,000,000 bytes">977 KiB <span class="ratio">0\.25×<\/span> <span class="mark good">smaller<\/span><\/td>/);
  });

  it('summary.md: decision tables first, each reason once, under 60 lines for a default-size run', () => {
    const unavailable = (cache: 'cold' | 'warm', i: number) => ({ name: `excl-${i}`, cache, status: 'unavailable' as const, reason: 'a'.repeat(250) });
    const file = makeResults({ variants: [...manyVariants(14), ...[0, 1, 2].flatMap((i) => [unavailable('cold', i), unavailable('warm', i)])] });
    const markdown = renderMarkdown(buildReportModel({ results: [file] }));
    const lines = markdown.split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(markdown.split('a'.repeat(250))).toHaveLength(2);
    expect(lines.findIndex((l) => l.startsWith('| Variant | Build time | Artifact size |'))).toBeLessThan(10);
  });
});
