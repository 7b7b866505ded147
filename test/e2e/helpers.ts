// Helpers for the end-to-end tests: real `buildbench` processes on tiny scenarios of sleeps, in temp folders.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { ResultsFile } from '../../src/results/schema.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
/** buildbench run from its sources (tsx), so the tests exercise the code as edited; test/e2e/package.test.ts runs the packed dist/. */
export const BIN = path.join(ROOT, 'scripts/from-source.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end and collects its output. Asynchronous (unlike cli.test.ts's spawnSync) so a
 * slow run does not block vitest's worker from reporting its timeout. CI=true gives plain progress lines.
 */
export function exec(opts: { command: string; args: string[]; cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: { ...process.env, CI: 'true', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `buildbench ARGS…` in `cwd`. */
export function buildbench(args: string[], cwd: string): Promise<CliResult> {
  return exec({ command: process.execPath, args: [BIN, ...args], cwd });
}

/**
 * A temp folder for the current test, removed when the test passes and kept when it fails, so the
 * results files of a failed verdict can be read (each run leaves about 1 MB of logs, charts and reports).
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bb-e2e-${prefix}-`));
  onTestFinished(({ task }) => {
    if (task.result?.state === 'pass') rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** A scratch folder with an empty `proj/` to point scenarios at. */
export function tempDir(prefix: string): string {
  const dir = scratchDir(prefix);
  mkdirSync(path.join(dir, 'proj'));
  return dir;
}

/**
 * `sleeps.yaml` in `dir`, a scenario named `sleeps`: one cold variant per entry, the first the baseline. Cold with no caches
 * declared costs nothing beyond the sleep, and warmup 0 keeps every test short. 10 runs, not 5: while
 * other tests compile on the same two cores, a build is now and then delayed by 100-350 ms (seen:
 * `sleep 0.2` measured 517 and 549 ms in two rounds at load 7), and delayed samples beating every sample
 * of the other side leave the exact Mann-Whitney p at 0.15 with 5 runs a side (one such sample) but at
 * 0.0015 (one) or 0.023 (two) with 10, so a real 20-30% difference still reads `slower`.
 */
export function writeSleepScenario(opts: { dir: string; sleeps: Record<string, string> }): string {
  const variants = Object.entries(opts.sleeps).map(
    ([name, seconds], i) => `  - name: ${name}\n${i === 0 ? '    baseline: true\n' : ''}    build: sleep ${seconds}\n`,
  );
  const yaml = `name: sleeps\nproject: proj\nruns: 10\nwarmup: 0\ncache: [cold]\nvariants:\n${variants.join('')}`;
  const file = path.join(opts.dir, 'sleeps.yaml');
  writeFileSync(file, yaml);
  return file;
}

export function readResults(file: string): ResultsFile {
  return JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Every measured build of a run, over all variants. */
export const countSamples = (r: ResultsFile): number => r.variants.reduce((n, v) => n + v.samples.length, 0);

/**
 * For tests whose verdict depends on timing: one more try when the first met a burst of load so long that
 * even 10 runs could not decide (a wrong verdict would have to come twice), and room for several runs
 * on a loaded machine (each `buildbench` process costs 2-4 s before its first build).
 */
export const TIMING = { retry: 1, timeout: 150_000 } as const;

/** Output of a failed expectation worth reading: the command's own words. */
export const explain = (r: CliResult): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
