// Helpers for the reliability tests: a real `buildbench` process on a tiny scenario in a temp folder, and
// ways to wait for what it starts and to look for what survives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processesMatching } from '../runner/helpers.ts';
import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A temp folder with `proj/` and `s.yaml` holding `yaml`; removed when the test finishes. */
export function scenarioDir(yaml: string): string {
  const dir = tempDir('bb-rel-');
  mkdirSync(path.join(dir, 'proj'));
  writeFileSync(path.join(dir, 's.yaml'), yaml);
  return dir;
}

/** Writes each of `files` (name → text) into `<dir>/proj/` as an executable script. */
export function writeExecutables(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dir, 'proj', name), text);
    chmodSync(path.join(dir, 'proj', name), 0o755);
  }
}

/** test/runner's scenario folder (a copy of its `sh` fixture as `project/`), removed when the test finishes. */
export { writeScenario } from '../runner/helpers.ts';

export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `buildbench ARGS…` in `cwd`, not awaited: the test signals it, kills it or waits for `exit`. Its TMPDIR is a
 * temp folder of the test's own: a run killed with SIGKILL, or stopped at once by a second signal, cannot
 * remove its workdirs (os.tmpdir()/buildbench-<runId>), and they would stay in /tmp.
 */
export function startCli(opts: { args: string[]; cwd: string; prefix?: string[]; env?: Record<string, string> }): Cli {
  const [command, ...pre] = opts.prefix ?? [process.execPath];
  const child = spawn(command!, [...pre, ...(opts.prefix ? [process.execPath] : []), BIN, ...opts.args], {
    cwd: opts.cwd,
    env: { ...process.env, CI: 'true', TMPDIR: tempDir('bb-cli-tmp-'), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Poll until `check` holds (true) or `ms` pass (false). */
export async function waitFor(check: () => boolean, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * Processes matching `token`, after giving a dying group a moment; then kills them so no test leaks. With
 * `environ` ('NAME=value'), only the processes whose environment holds it: a token as general as a tool's own
 * command line ('Xvfb -displayfd') also matches other runs on the machine, which a test must not kill.
 */
export async function survivors(token: string, opts: { environ?: string } = {}): Promise<string[]> {
  const mine = () => processesMatching(token).filter((line) => !opts.environ || environOf(Number(line.split(' ')[0])).includes(opts.environ));
  await waitFor(() => mine().length === 0, 1500);
  const left = mine();
  for (const line of left) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return left;
}

/** A process's environment as NAME=value entries; none when it is gone or not readable. */
function environOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  } catch {
    return [];
  }
}
