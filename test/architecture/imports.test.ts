// The folder tree is the data flow (DESIGN.md, "Data flow"): an import against it fails here, naming the
// file, the line and the arrow.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED, arrowsOf, arrowsUnder, forbiddenArrows } from './boundaries.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('stage boundaries', () => {
  it('src/ has no import the data flow forbids', () => {
    expect(forbiddenArrows(arrowsUnder(SRC))).toEqual([]);
  });

  it('every stage folder under src/ is in the rule', () => {
    const stages = new Set(arrowsUnder(SRC).flatMap((a) => [a.from, a.to]));
    expect([...stages].filter((s) => !(s in ALLOWED))).toEqual([]);
  });

  it('fails on a forbidden import: stats reaching up into the report, the runner importing a probe', () => {
    const file = path.join(SRC, 'stats', 'shift.ts');
    const text = "// x\nimport { renderHtml } from '../report/html.ts';\nexport { x } from '../results/schema.ts';\n";
    expect(forbiddenArrows(arrowsOf({ srcDir: SRC, file, text }))).toEqual([`${file}:2 stats → report ('../report/html.ts')`]);
    const runner = path.join(SRC, 'runner', 'run.ts');
    const lazy = "const m = await import('../probe/index.ts');\nimport type { Plan } from '../plan/plan.ts';\n";
    expect(forbiddenArrows(arrowsOf({ srcDir: SRC, file: runner, text: lazy }))).toEqual([`${runner}:1 runner → probe ('../probe/index.ts')`]);
  });

  it('draws the arrows that exist', () => {
    const drawn = new Set(arrowsUnder(SRC).map((a) => `${a.from}→${a.to}`));
    // The ones DESIGN.md names: every stage uses the results types, the runner uses stats, probes plug into the runner.
    for (const arrow of ['runner→results', 'report→results', 'runner→stats', 'probe→runner', 'cli→probe']) expect(drawn, arrow).toContain(arrow);
  });
});
