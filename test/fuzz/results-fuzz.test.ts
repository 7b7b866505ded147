// Fuzz: malformed results files fed to `compare` (as baseline and as current) and `report`. Each must end with
// exit 2 and one line per problem on stderr (naming the file, with file:line:col where the problem has a
// position) — no stack trace, no "internal error", no hang. The bulk runs in-process; a sample runs through
// the real CLI and must print exactly what the in-process call printed.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool, materialise, outputFaults, runInProcess, runProcess, type FuzzCase } from './cli-harness.ts';
import { BASE_JSON, lineBreakKeyCases, resultsCases } from './results-cases.ts';
import { oddResults } from './odd-results.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Far above what a case takes (a few ms; a 6 MB file ~0.5 s); a case this slow is a hang in all but name. */
const MAX_MS = 15_000;

let dir: string;
let good: string;
let cases: { c: FuzzCase; file: string }[];

beforeAll(() => {
  dir = tempDir('bb-fuzz-results-');
  good = path.join(dir, 'good.json');
  writeFileSync(good, BASE_JSON);
  cases = resultsCases().map((c) => ({ c, file: materialise(dir, c, '.json') }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command's faults on one bad file, described for the failure list. */
async function faultsOf(argv: string[], c: FuzzCase, file: string): Promise<string[]> {
  const outcome = await runInProcess(argv);
  const faults = outputFaults(outcome, { files: [{ file, positioned: c.positioned }], maxMs: MAX_MS });
  return faults.length === 0 ? [] : [`${c.id} (${argv[0]}): ${faults.slice(0, 3).join('; ')} | stderr: ${JSON.stringify(outcome.stderr.slice(0, 300))}`];
}

describe('malformed results files', () => {
  it('starts from a valid base file, so each case is invalid by what it changes', async () => {
    const o = await runInProcess(['compare', good, good]);
    expect(o).toMatchObject({ code: 0, stderr: 'warning: sidecar/b@cold was not measured in the current run (failed: exit code 2): not compared\n' });
    expect(o.stdout).toMatch(/^sidecar\/c@cold +\(same id\) +wallMs +1\.00× /m);
  });

  it('covers at least 200 cases of every kind the issue names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(cases.map(({ c }) => c.kind));
    for (const kind of ['random-json', 'schema-version', 'truncated', 'missing-field', 'wrong-type', 'huge-array', 'number-text', 'special']) expect(kinds).toContain(kind);
  });

  it('compare: exit 2 whether the bad file is the baseline or the current run', async () => {
    const faults: string[] = [];
    for (const [i, { c, file }] of cases.entries()) faults.push(...(await faultsOf(['compare', ...(i % 2 ? [good, file] : [file, good])], c, file)));
    expect(faults).toEqual([]);
  });

  it('report: exit 2, and nothing rendered', async () => {
    const out = path.join(dir, 'report-out');
    const faults: string[] = [];
    for (const { c, file } of cases) faults.push(...(await faultsOf(['report', file, '--out', out], c, file)));
    expect(faults).toEqual([]);
  });

  // A defect this suite found (since fixed): src/results/schema.ts's Records (stats, phases) are
  // patternProperties `^(.*)$`, which no key with a line break matches.
  it('record keys with a line break are checked like any other', async () => {
    const faults: string[] = [];
    for (const c of lineBreakKeyCases()) faults.push(...(await faultsOf(['compare', materialise(dir, c, '.json'), good], c, path.join(dir, `${c.id}.json`))));
    expect(faults).toEqual([]);
  });

  it('schema-valid but odd files are compared and rendered without an internal error', async () => {
    const faults: string[] = [];
    for (const odd of oddResults()) {
      const file = path.join(dir, `odd-${odd.id}.json`);
      writeFileSync(file, JSON.stringify(odd.results));
      for (const argv of [['compare', good, file], ['compare', file, file], ['report', file, '--out', path.join(dir, `odd-${odd.id}`)]]) {
        const o = await runInProcess(argv);
        if (o.code !== 0 && o.code !== 1) faults.push(`${odd.id} (${argv[0]}): exit ${o.code}: ${o.stderr.slice(0, 300)}`);
        if (/internal error|^\s+at /m.test(o.stderr)) faults.push(`${odd.id} (${argv[0]}): ${o.stderr.slice(0, 300)}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('the real CLI prints exactly what the in-process call printed, and exits 2', async () => {
    const kinds = ['truncated', 'missing-field', 'wrong-type', 'number-text', 'binary', 'deep', 'control', 'large', 'special', 'schema-version'];
    const sample = kinds.map((k) => cases.find(({ c }) => c.kind === k && c.special !== 'missing')!);
    const files = sample.map((s) => s.file);
    const runs = [
      ...sample.slice(0, 4).map(({ file }, i) => ['compare', ...(i % 2 ? [good, file] : [file, good])]),
      ['report', ...files, '--out', path.join(dir, 'real-out')],
    ];
    const outcomes = await inPool(runs, 3, (argv) => runProcess(argv));
    for (const [i, argv] of runs.entries()) {
      const named = argv.filter((a) => a !== good && a.startsWith(dir) && !a.endsWith('real-out')).map((file) => ({ file, positioned: false }));
      expect(outputFaults(outcomes[i]!, { files: named, maxMs: 60_000 })).toEqual([]);
      expect(outcomes[i]!.stderr).toBe((await runInProcess(argv)).stderr);
    }
  });
});
