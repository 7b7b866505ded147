// A mistyped command line is named as the user typed it, in one line per mistake, with exit 2 and nothing run:
// an unknown command or option (with the nearest real one), a missing argument by what it is, a number flag's
// text quoted, a folder or a git ref that does not exist.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A real buildbench process: its exit code and stderr. */
function cli(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A git repository holding a scenario whose build leaves a mark, so a test can tell that nothing was built. */
function repository(): string {
  const dir = tempDir('bb-words-');
  mkdirSync(path.join(dir, 'proj'));
  writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "touch {scenarioDir}/built"}\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'scenario');
  return dir;
}

let dir: string;
beforeAll(() => {
  dir = repository();
  mkdirSync(path.join(dir, 'h'));
});

describe('what a new user mistypes, in real buildbench processes', () => {
  it('names each mistake in one line, exits 2 and builds nothing', async () => {
    const cases: [string[], string][] = [
      [['validate', '--stirct', 's.yaml'], 'buildbench validate: unknown option --stirct (did you mean --strict?)'],
      [['runn'], 'buildbench: unknown command runn (did you mean run?)'],
      [['run', 's.yaml', '--dry-run', '--ref', 'no-such-ref'], `--ref: unknown git ref "no-such-ref" in ${dir}`],
    ];
    // Side by side: each process spends most of its time starting.
    const got = await Promise.all(cases.map(([args]) => cli(args, dir)));
    expect(got).toEqual(cases.map(([, line]) => ({ code: EXIT.badInput, stderr: `${line}\n` })));
    expect(existsSync(path.join(dir, 'built'))).toBe(false);
  });
});

/** `main` in this process, run in the shared repository: its exit code, stdout and stderr. */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const spies = (['stdout', 'stderr'] as const).map((s) => vi.spyOn(process[s], 'write').mockImplementation((chunk) => (out[s].push(String(chunk)), true)));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    return { code: await main(args), stdout: out.stdout.join(''), stderr: out.stderr.join('') };
  } finally {
    process.chdir(cwd);
    for (const spy of spies) spy.mockRestore();
  }
}

describe('every command, every class of mistake', () => {
  const cases: [string[], string][] = [
    // what the new user met
    [['history'], 'buildbench history: missing <dir>, the history folder (usage: buildbench history <dir>)'],
    [['run', 's.yaml', '--bogus-flag'], 'buildbench run: unknown option --bogus-flag (its options: buildbench run --help)'],
    [['run', 's.yaml', '--seed', 'xyz'], '--seed: must be a whole number ≥ 0 and ≤ 2147483647 (got "xyz")'],
    // unknown options, as typed, once; the nearest flag of that command when there is one
    [['run', 's.yaml', '--dryRun', '--bogusFlag'], 'buildbench run: unknown option --bogusFlag (its options: buildbench run --help)'],
    [['run', 's.yaml', '--no-fail-on-regresion'], 'buildbench run: unknown option --no-fail-on-regresion (did you mean --no-fail-on-regression?)'],
    [['compare', 'a.json', 'b.json', '--treshold', '3'], 'buildbench compare: unknown option --treshold (did you mean --threshold?)'],
    [['report', 'r.json', '--fromat', 'html'], 'buildbench report: unknown option --fromat (did you mean --format?)'],
    [['history', 'h', '--jsn'], 'buildbench history: unknown option --jsn (did you mean --json?)'],
    [['history', 'add', 'r.json', '--too', 'h'], 'buildbench history add: unknown option --too (did you mean --to?)'],
    [['history', 'thin', 'h', '--keep-day', '3'], 'buildbench history thin: unknown option --keep-day (did you mean --keep-days?)'],
    [['dashboard', 'h', '--out', 'site', '--last-run', '9'], 'buildbench dashboard: unknown option --last-run (did you mean --last-runs?)'],
    [['bisect', '--god', 'a', '--bad', 'b', '--only', 'x'], 'buildbench bisect: unknown option --god (did you mean --good?)'],
    [['comment', '--body', 'b.md', '--pr-number', '3'], 'buildbench comment: unknown option --pr-number (its options: buildbench comment --help)'],
    [['init', '--scrip', 'main.py'], 'buildbench init: unknown option --scrip (did you mean --script?)'],
    [['setup', '--chek'], 'buildbench setup: unknown option --chek (did you mean --check?)'],
    [['doctor', '--nosie'], 'buildbench doctor: unknown option --nosie (did you mean --noise?)'],
    [['show', '--jsno'], 'buildbench show: unknown option --jsno (did you mean --json?)'],
    [['validate', '-x', 's.yaml'], 'buildbench validate: unknown option -x (its options: buildbench validate --help)'],
    // missing arguments, by what they are
    [['validate'], 'buildbench validate: missing <files>, the scenario files (or .buildbench/acknowledged.yaml) to check (usage: buildbench validate <files..>)'],
    [['report'], 'buildbench report: missing <results>, results.json files or run folders (usage: buildbench report <results..>)'],
    [['compare', 'a.json'], 'buildbench compare: missing <current>, the results file or run folder compared with it (usage: buildbench compare <baseline> <current>)'],
    [['history', 'add', 'r.json'], 'buildbench history add: missing --to, the history folder'],
    [['history', 'thin', 'h'], 'buildbench history thin: missing --keep-days, keep every run of the last N days'],
    [['dashboard', 'h'], 'buildbench dashboard: missing --out, the folder the site is written to'],
    [['comment'], 'buildbench comment: missing --body, the Markdown to post'],
    [['run', 's.yaml', '--only'], '--only: needs a value (keep variant ids matching this glob, e.g. "sidecar/*@cold")'],
    // a number flag's text, quoted
    [['compare', 'a.json', 'b.json', '--alpha', 'abc'], '--alpha: must be a number > 0 and < 0.5 (got "abc")'],
    [['bisect', '--good', 'a', '--bad', 'b', '--only', 'x', '--runs', 'six'], '--runs: must be a whole number ≥ 4 and ≤ 100 (got "six")'],
    [['comment', '--body', 'b.md', '--pr', '#3'], '--pr: must be a whole number ≥ 1 (got "#3")'],
    [['history', 'thin', 'h', '--keep-days', 'week'], '--keep-days: must be a number ≥ 0 (got "week")'],
    [['dashboard', 'h', '--out', 's', '--last-runs', ''], '--last-runs: must be a number ≥ 4 (got "")'],
    // folders and refs that do not exist
    [['history', 'nope'], 'nope: no such folder (the history folder)'],
    [['history', 'thin', 'nope', '--keep-days', '3'], 'nope: no such folder (the history folder)'],
    [['dashboard', 's.yaml', '--out', 'site'], 's.yaml: not a folder (the history folder)'],
    [['run', 's.yaml', '--dry-run', '--ref', 'HEAD', '--ref', 'v9'], '--ref: unknown git ref "v9" in {dir}'],
    // a word that is neither a command nor a scenario
    [['hisotry', 'h'], 'buildbench: unknown command hisotry (did you mean history?)'],
    [['acknowledged'], 'buildbench: acknowledged is neither a command (run, validate, show, report, compare, history, dashboard, setup, init, doctor, bisect, comment) nor a scenario file or a name in scenarios/'],
  ];
  // In this process (the command line's own entry, `main`), so the table costs no start-up per case.
  it.each(cases)('%j', async (args, line) => {
    expect(await inProcess(args)).toEqual({ code: EXIT.badInput, stderr: `${line.replace('{dir}', dir)}\n`, stdout: '' });
    expect(existsSync(path.join(dir, 'built'))).toBe(false);
  });

  it('leaves a scenario named in scenarios/ and a valid command line to the command', async () => {
    mkdirSync(path.join(dir, 'scenarios'));
    writeFileSync(path.join(dir, 'scenarios', 'demo.yaml'), 'name: demo\nproject: ../proj\nvariants:\n  - {name: a, build: "true"}\n');
    const got = await inProcess(['demo', '--dry-run', '--ref', 'HEAD']);
    expect(got).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(got.stdout).toContain('demo/a@warm#HEAD (baseline)');
  });
});
