// Runs the command line on fuzz cases, in-process for the bulk (the CLI takes ~2 s to start, a call of `main`
// a few ms) and as real `buildbench` processes for a sample, and checks what a user would see on bad
// input: exit 2, nothing on stdout, and on stderr one line per problem, each naming the file.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

import { BIN } from '../e2e/helpers.ts';

/** One malformed input. `content` is written to the file; `special` makes something that is not a plain file. */
export interface FuzzCase {
  id: string;
  kind: string;
  content?: string | Uint8Array;
  special?: 'dir' | 'dir-with-dir' | 'fifo' | 'dev-zero' | 'missing';
  /** Every problem has a source position (`file:line:col`): a syntax or schema error of a parsed document. */
  positioned: boolean;
}

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Write a case into `dir`; returns the path a command is given. */
export function materialise(dir: string, c: FuzzCase, ext: string): string {
  const file = path.join(dir, `${c.id}${ext}`);
  if (c.special === 'dir') mkdirSync(file);
  else if (c.special === 'dir-with-dir') mkdirSync(path.join(file, 'results.json'), { recursive: true });
  else if (c.special === 'fifo') execFileSync('mkfifo', [file]);
  else if (c.special === 'dev-zero') symlinkSync('/dev/zero', file);
  else if (c.special !== 'missing') writeFileSync(file, c.content ?? '');
  return file;
}

/** `main(argv)` in this process, with stdout and stderr captured. */
export async function runInProcess(argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const [out, err] = [process.stdout.write, process.stderr.write];
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true)) as typeof out;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  const started = performance.now();
  try {
    const code = await main(argv);
    return { code, stdout, stderr, ms: performance.now() - started };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The real CLI as a child process, killed after `timeoutMs` (a hang shows as code null). */
export function runProcess(argv: string[], timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** At most `limit` promises at once (2 shared cores: more CLI starts at once only queue). */
export async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// C0 controls but newline and tab, DEL and C1: none may reach the terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A file a command was given, and whether every problem it has carries `file:line:col`. */
export interface Named {
  file: string;
  positioned: boolean;
}

/** What is wrong with the output of a command given only bad files (the empty list when nothing is). */
export function outputFaults(o: Outcome, opts: { files: Named[]; maxMs: number }): string[] {
  const faults: string[] = [];
  if (o.code !== 2) faults.push(`exit ${o.code}, not 2`);
  if (o.stdout !== '') faults.push(`stdout not empty: ${JSON.stringify(o.stdout.slice(0, 200))}`);
  if (!o.stderr.endsWith('\n') || o.stderr.trim() === '') faults.push('stderr is not newline-terminated problem lines');
  if (o.ms > opts.maxMs) faults.push(`took ${Math.round(o.ms)} ms (limit ${opts.maxMs})`);
  const lines = o.stderr.split('\n').slice(0, -1);
  for (const { file } of opts.files) if (!lines.some((l) => l.startsWith(file))) faults.push(`no problem names ${file}`);
  // Longest name first: `a.yaml` must not claim the lines of `a.yaml.yaml`.
  const byLength = [...opts.files].sort((a, b) => b.file.length - a.file.length);
  for (const line of lines) {
    const show = JSON.stringify(line.slice(0, 300));
    // `file/results.json: …` names the file inside a folder given as a results file.
    const named = byLength.find(({ file }) => [':', ' ', '/'].some((next) => line.startsWith(file + next)));
    if (!named) faults.push(`line does not start with a file name: ${show}`);
    else if (named.positioned && !/^:\d+:\d+[ :]/.test(line.slice(named.file.length))) faults.push(`line has no file:line:col: ${show}`);
    if (/internal error/.test(line)) faults.push(`internal error: ${show}`);
    if (/^\s+at /.test(line)) faults.push(`stack trace line: ${show}`);
    if (CONTROL.test(line)) faults.push(`control character: ${show}`);
    if (line.length - (named?.file.length ?? 0) < 3) faults.push(`empty problem: ${show}`);
  }
  return faults;
}
