// Which one among the winners on the first screen: the winners' comparison with each other decides the
// sentence and the ★, and a size within 0.5% of the next smallest is a tie with no ★.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/results/schema.ts';
import { formatVerdicts } from '../../src/cli/run-table.ts';
import { buildDecisions } from '../../src/report/decision.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { methodFields } from '../fixtures/comparison.ts';
import { makeResults } from './fixtures.ts';

const between = (verdict: Comparison['verdict'], ratio: number): Comparison =>
  ({ scenario: 'sidecar', metric: 'wallMs', baseline: 'sidecar/shiv@cold', variant: 'sidecar/pex@cold', ...methodFields(ratio), ratio, ciLow: ratio * 0.97, ciHigh: ratio * 1.03, pValue: 0.004, holmP: 0.004, verdict }) as Comparison;

/** onefile (the baseline, cold), pex and shiv: both decided faster than it. */
const coldTrio = (bytes: { pex: number; shiv: number } = { pex: 19_000_000, shiv: 20_500_000 }) =>
  makeResults({
    variants: [
      { name: 'onefile', cache: 'cold', baseline: true, wallMs: 40_000, bytes: 45_000_000 },
      { name: 'pex', cache: 'cold', wallMs: 7_000, bytes: bytes.pex },
      { name: 'shiv', cache: 'cold', wallMs: 8_000, bytes: bytes.shiv },
    ],
  });

function firstTable(winnerComparisons: Comparison[], bytes?: { pex: number; shiv: number }) {
  const file = coldTrio(bytes);
  const model = buildReportModel({ results: [{ ...file, winnerComparisons }] });
  return buildDecisions(model.scenarios[0]!).tables[0]!;
}

const starred = (t: ReturnType<typeof firstTable>, column: number) => t.rows.filter((r) => r.cells[column]!.winner).map((r) => r.name);

describe('winners compared with each other', () => {
  it('pex decided faster than shiv: the sentence says by how much, and pex gets the ★', () => {
    const t = firstTable([between('faster', 1 / 1.14)]);
    expect(t.sentences[0]).toBe('Build time: pex is decidedly the fastest.');
    expect(starred(t, 0)).toEqual(['pex']);
  });

  it.each([
    { verdict: 'no difference' as const, ratio: 1.003, text: 'Build time: more than one variant is faster than the baseline; pex and shiv: no difference between them (1.00×, Holm p = 0.004).' },
    { verdict: 'inconclusive' as const, ratio: 0.97, text: 'Build time: more than one variant is faster than the baseline; undecided between pex and shiv (0.97×, Holm p = 0.004).' },
  ])('$verdict between them: said so, and no ★', ({ verdict, ratio, text }) => {
    const t = firstTable([between(verdict, ratio)]);
    expect(t.sentences[0]).toBe(text);
    expect(starred(t, 0)).toEqual([]);
  });

  it('a size within 0.5% of the next smallest is a tie: no ★ on it', () => {
    expect(starred(firstTable([], { pex: 19_000_000, shiv: 19_050_000 }), 1)).toEqual([]);
    expect(starred(firstTable([], { pex: 19_000_000, shiv: 20_500_000 }), 1)).toEqual(['pex']);
  });
});

describe('winners compared with each other, in the terminal', () => {
  // A new user read "undecided between pex and shiv" and then "pex is 2.00× faster than shiv" for one scenario:
  // the cold and the incremental winners, compared apart, with nothing saying which was which.
  it('names the cache state of the winners it compares', () => {
    const file = coldTrio();
    const text = formatVerdicts({ ...file, winnerComparisons: [between('inconclusive', 0.97)] });
    expect(text).toContain('among the winners (sidecar, cold builds, build time): undecided between pex and shiv');
  });
});

describe('a verdict that stands on busy builds, in the terminal', () => {
  // A new user's run with a hog beside every build printed "1.31× slower" with nothing on the line itself.
  it('says how many of its builds were kept while the machine was busy, when that is most of them', () => {
    const file = makeResults({
      variants: [
        { name: 'onefile', cache: 'cold', baseline: true, wallMs: 40_000, bytes: 45_000_000 },
        { name: 'pex', cache: 'cold', wallMs: 7_000, bytes: 19_000_000 },
      ],
    });
    const quiet = formatVerdicts(file);
    expect(quiet).toMatch(/sidecar\/pex@cold vs sidecar\/onefile@cold: .*faster/);
    expect(quiet).not.toContain('busy');
    for (const v of file.variants) for (const s of v.samples) s.interference = { foreignCpuPct: 96, loadAvg: 2, busy: true };
    const n = file.variants.reduce((k, v) => k + v.samples.length, 0);
    expect(formatVerdicts(file)).toContain(` — ${n} of ${n} builds kept while the machine was busy`);
  });
});

describe('the recommendation paragraph and the winners', () => {
  // A new user's report said "Cold builds: pex has the lowest median build time" while the first screen said
  // "undecided between pex and shiv": the paragraph now says what the winners' comparison decided.
  it('follows the lowest median with what the winners’ comparison with each other decided', () => {
    const file = coldTrio();
    const model = buildReportModel({ results: [{ ...file, winnerComparisons: [between('inconclusive', 0.97)] }] });
    const text = model.scenarios[0]!.recommendations.join(' ');
    expect(text).toContain('pex has the lowest median build time');
    expect(text).toContain('Among the winners: undecided between pex and shiv (0.97×, Holm p = 0.004)');
  });
});
