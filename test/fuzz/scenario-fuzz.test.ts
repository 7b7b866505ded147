// Fuzz: malformed scenario files fed to `validate` and `run --dry-run`. Each must end with exit 2 and one line
// per problem on stderr (naming the file, with file:line:col where the problem has a position) — no stack
// trace, no "internal error", no hang. The bulk runs in-process; a sample runs through the real CLI and must
// print exactly what the in-process call printed.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool, materialise, outputFaults, runInProcess, runProcess, type FuzzCase } from './cli-harness.ts';
import { BASE_TEXT, ENV_KEY_CASES, mutatedCases, scenarioCases } from './scenario-cases.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Far above what a case takes (a few ms); a case this slow is a hang in all but name. */
const MAX_MS = 10_000;

let dir: string;
let outside: string;
let cases: { c: FuzzCase; file: string }[];

beforeAll(() => {
  dir = tempDir('bb-fuzz-scenario-');
  outside = tempDir('bb-fuzz-outside-');
  mkdirSync(path.join(dir, 'proj'));
  symlinkSync(outside, path.join(dir, 'proj', 'out-link'));
  writeFileSync(path.join(dir, 'afile.txt'), 'not a folder\n');
  cases = scenarioCases().map((c) => ({ c, file: materialise(dir, c, '.yaml') }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/**
 * Faults of a command over every case, `batch` files per call (`run` parses 24 flags: ~25 ms a call, so
 * `run --dry-run` takes ten files at once; every file must still be named and exit 2 holds for the batch).
 */
async function faultsOf(opts: { command: (files: string[]) => string[]; list: { c: FuzzCase; file: string }[]; batch: number }): Promise<string[]> {
  const all: string[] = [];
  for (let i = 0; i < opts.list.length; i += opts.batch) {
    const group = opts.list.slice(i, i + opts.batch);
    const outcome = await runInProcess(opts.command(group.map((g) => g.file)));
    const faults = outputFaults(outcome, { files: group.map(({ c, file }) => ({ file, positioned: c.positioned })), maxMs: MAX_MS });
    if (faults.length > 0) all.push(`${group.map(({ c }) => c.id).join(',')}: ${faults.join('; ')} | stderr: ${JSON.stringify(outcome.stderr.slice(0, 300))}`);
  }
  return all;
}

describe('malformed scenario files', () => {
  it('starts from a valid base file, so each case is invalid by what it changes', async () => {
    const file = path.join(dir, 'base.yaml');
    writeFileSync(file, BASE_TEXT);
    expect(await runInProcess(['validate', file])).toMatchObject({ code: 0, stderr: '', stdout: '1 scenario file valid (2 variants)\n' });
  });

  it('covers at least 500 cases of every kind the issue names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const kinds = new Set(cases.map(({ c }) => c.kind));
    for (const kind of ['random-yaml', 'wrong-type', 'out-of-range', 'unknown-key', 'duplicate', 'huge-string', 'deep', 'empty', 'binary', 'invalid-utf8', 'alias', 'tab', 'project', 'confinement', 'regex', 'special']) {
      expect(kinds).toContain(kind);
    }
  });

  it('validate: exit 2, one line per problem naming the file', async () => {
    expect(await faultsOf({ command: (f) => ['validate', ...f], list: cases, batch: 1 })).toEqual([]);
  });

  it('run --dry-run: exit 2, one line per problem naming the file', async () => {
    expect(await faultsOf({ command: (f) => ['run', ...f, '--dry-run'], list: cases, batch: 10 })).toEqual([]);
  });

  // A defect this suite found (since fixed): src/scenario/schema.ts's Env record has no
  // `additionalProperties: false`, so its key pattern is never applied.
  it('environment keys that are no variable name are refused', async () => {
    const list = ENV_KEY_CASES.map((c) => ({ c, file: materialise(dir, c, '.yaml') }));
    expect(await faultsOf({ command: (f) => ['validate', ...f], list, batch: 1 })).toEqual([]);
  });

  it('random edits of a valid file are accepted or refused cleanly, never a crash', async () => {
    const faults: string[] = [];
    for (const c of mutatedCases(80)) {
      const file = materialise(dir, c, '.yaml');
      const outcome = await runInProcess(['validate', file]);
      if (outcome.code === 0) continue;
      const found = outputFaults(outcome, { files: [{ file, positioned: false }], maxMs: MAX_MS });
      if (found.length > 0) faults.push(`${c.id}: ${found.join('; ')}`);
    }
    expect(faults).toEqual([]);
  });

  it('the real CLI prints exactly what the in-process call printed, and exits 2', async () => {
    const kinds = ['wrong-type', 'deep', 'binary', 'invalid-utf8', 'alias', 'tab', 'confinement', 'control', 'special', 'empty'];
    const sample = kinds.map((k) => cases.find(({ c }) => c.kind === k && c.id !== 'special-dir' && c.id !== 'special-missing')!);
    const files = sample.map((s) => s.file);
    const runs = [['validate', files[0]!], ['validate', files[2]!], ['validate', files[8]!], ['validate', ...files], ['run', ...files, '--dry-run']];
    const outcomes = await inPool(runs, 3, (argv) => runProcess(argv));
    for (const [i, argv] of runs.entries()) {
      const real = outcomes[i]!;
      const named = argv.filter((a) => a.startsWith(dir)).map((file) => ({ file, positioned: false }));
      expect(outputFaults(real, { files: named, maxMs: 60_000 })).toEqual([]);
      expect(real.stderr).toBe((await runInProcess(argv)).stderr);
    }
  });
});
