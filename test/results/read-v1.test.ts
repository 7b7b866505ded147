// schemaVersion 1 files stay readable: their comparisons keep their numbers and are labelled with the method
// that made them (ratio of medians, bootstrap interval, mid-p), so no reader mistakes them for today's.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { SCHEMA_VERSION } from '../../src/results/schema.ts';
import { formatComparison } from '../../src/stats/index.ts';
import { makeResults } from '../report/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function writeV1(): string {
  const file = makeResults({ variants: [{ name: 'onefile', baseline: true, wallMs: 20_000 }, { name: 'onedir', wallMs: 14_000 }] });
  const v1 = {
    ...file,
    schemaVersion: 1,
    comparisons: file.comparisons.map(({ scenario, metric, baseline, variant }) => ({
      scenario, metric, baseline, variant, ratio: 0.7, ciLow: 0.68, ciHigh: 0.72, pValue: 0.0079, verdict: 'faster',
    })),
  };
  const out = path.join(tempDir('bb-v1-'), 'results.json');
  writeFileSync(out, JSON.stringify(v1));
  return out;
}

describe('reading a schemaVersion 1 results file', () => {
  it('migrates its comparisons to the current shape, numbers unchanged, method named', () => {
    const { value, problems } = readResultsFile(writeV1());
    expect(problems).toEqual([]);
    expect(value!.schemaVersion).toBe(SCHEMA_VERSION);
    const [c] = value!.comparisons;
    expect(c).toMatchObject({ method: 'bootstrap-median-ratio', ratio: 0.7, medianRatio: 0.7, ciLow: 0.68, ciHigh: 0.72, level: 0.95, pValue: 0.0079 });
    expect(formatComparison(c!)).toBe('1.43× faster [1.39–1.47, 95% bootstrap CI], p = 0.0079');
  });

  it('still reports a version it does not know', () => {
    const file = writeV1();
    writeFileSync(file, JSON.stringify({ schemaVersion: 3 }));
    expect(readResultsFile(file).problems.map((p) => p.message)).toEqual(['not a buildbench results file of schemaVersion 1 or 2 (found 3)']);
  });

  it('says in one line that a Markdown or YAML file is not a results file (not the YAML parser\'s every complaint)', () => {
    const file = writeV1();
    writeFileSync(file, '# buildbench\n\n```sh\nnpm ci && npm run bench\n```\n\nsome: text: here\n');
    expect(readResultsFile(file).problems.map((p) => p.message)).toEqual(['not a buildbench results file (results.json is a JSON object; give it or its run folder)']);
    // Broken JSON still gets its position from the validator.
    writeFileSync(file, '{"schemaVersion": 2,');
    expect(readResultsFile(file).problems[0]!.line).toBeDefined();
  });
});
