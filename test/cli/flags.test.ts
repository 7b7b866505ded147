// Every flag of every command is checked when the command line is parsed: a bad value is one line naming the
// flag and exit 2, before any scenario builds. And every flag the docs and the code's own comments name exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { makeResults } from '../report/fixtures.ts';

import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';
const ROOT = new URL('../../', import.meta.url).pathname;

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scenario whose build leaves a mark, so a test can tell that nothing was built. */
function markingScenario(): string {
  const dir = tempDir('bb-flags-');
  mkdirSync(path.join(dir, 'proj'));
  writeFileSync(path.join(dir, 's.yaml'), 'name: demo\nproject: proj\nvariants:\n  - {name: a, build: "touch {scenarioDir}/built"}\n');
  return dir;
}

describe('flags are checked before anything builds', () => {
  const cases: [string[], string][] = [
    [['--alpha', '2'], '--alpha: must be a number > 0 and < 0.5 (got 2)'],
    [['--alpha', '0'], '--alpha: must be a number > 0 and < 0.5 (got 0)'],
    [['--noise', '-1'], '--noise: must be a number ≥ 0 and < 100 (got -1)'],
    [['--threshold', 'abc'], '--threshold: must be a number ≥ 0 (got "abc")'],
    [['--min-free-gb', '-3'], '--min-free-gb: must be a number ≥ 0 (got -3)'],
    [['--seed', '1.5'], '--seed: must be a whole number ≥ 0 and ≤ 2147483647 (got 1.5)'],
    [['--warmup', '-1'], '--warmup: must be a whole number ≥ 0 and ≤ 100 (got -1)'],
    [['--history-k', '0'], '--history-k: must be a whole number ≥ 1 (got 0)'],
    [['--target-ci', '0'], '--target-ci: must be a number > 0 and ≤ 100 (got 0)'],
    [['--min-runs', '1'], '--min-runs: must be a whole number ≥ 2 and ≤ 1000 (got 1)'],
    [['--cache', 'warm,hot'], '--cache: must be a comma list of cold, warm, incremental, noop (got "warm,hot")'],
    [['--runs', '2.5'], '--runs: must be a whole number ≥ 1 or "auto" (got "2.5")'],
    [['--only', ''], '--only: must not be empty (got "")'],
    [['--shard', '5/4'], '--shard: must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "5/4")'],
    [['--shard', '1-4'], '--shard: must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "1-4")'],
    [['--alpha', '0.1', '--alpha', '0.2'], '--alpha: given 2 times; give it once'],
    [['--runs', 'auto', '--min-runs', '6', '--max-runs', '3'], '--runs auto: --min-runs (6) must be ≤ --max-runs (3)'],
    [['--only', 'demo/b*'], '--only: "demo/b*" matches no variant id of these scenarios (demo/a@warm)'],
    [['--only', 'demo/*', '--only', 'x.yaml'], '--only: "x.yaml" matches no variant id of these scenarios (demo/a@warm)'],
    [['--cache', 'warm,cold'], '--cache: no variant of these scenarios has the cache state "cold" (theirs: warm)'],
    [['--only'], '--only: needs a value (keep variant ids matching this glob, e.g. "sidecar/*@cold")'],
    [['--seed'], '--seed: needs a value (seed of the shuffled order)'],
  ];
  // In this process (the command line's own entry, `main`), so the table costs no start-up per case.
  it.each(cases)('run %j', async (flags, message) => {
    const dir = markingScenario();
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    let code: number;
    try {
      code = await main(['run', path.join(dir, 's.yaml'), '--out', path.join(dir, 'out'), ...flags]);
    } finally {
      spy.mockRestore();
    }
    expect({ code, stderr: stderr.join('') }).toEqual({ code: 2, stderr: `${message}\n` });
    expect(existsSync(path.join(dir, 'built'))).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a list flag takes one value per use: the files after `--only GLOB` stay scenario files', () => {
    const dir = markingScenario();
    writeFileSync(path.join(dir, 'b.yaml'), 'name: other\nproject: proj\nvariants:\n  - {name: b, build: "touch {scenarioDir}/built"}\n');
    // Read as files: b.yaml's variant is planned, and a missing third file is named as a file.
    const planned = cli(['run', '--only', 'other/*', 's.yaml', 'b.yaml', '--dry-run'], dir);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('  other/b@warm (baseline):');
    expect(cli(['run', '--only', 'demo/*', 's.yaml', 'missing.yaml'], dir)).toMatchObject({ code: 2, stderr: 'missing.yaml: no such file\n' });
    expect(existsSync(path.join(dir, 'built'))).toBe(false);
  });

  it('a real buildbench process prints the one line and exits 2', () => {
    const dir = markingScenario();
    expect(cli(['run', 's.yaml', '--alpha', '2'], dir)).toMatchObject({ code: 2, stderr: '--alpha: must be a number > 0 and < 0.5 (got 2)\n' });
    expect(existsSync(path.join(dir, 'built'))).toBe(false);
  });

  it('checks compare and report flags the same way', () => {
    const dir = markingScenario();
    expect(cli(['compare', 'a.json', 'b.json', '--alpha', '1'], dir)).toMatchObject({ code: 2, stderr: '--alpha: must be a number > 0 and < 0.5 (got 1)\n' });
    expect(cli(['compare', 'a.json', 'b.json', '--noise', '100'], dir)).toMatchObject({ code: 2, stderr: '--noise: must be a number ≥ 0 and < 100 (got 100)\n' });
    expect(cli(['report', 'r.json', '--format', 'pdf'], dir)).toMatchObject({ code: 2, stderr: '--format: must be a comma list of html, png, markdown, json, csv (got "pdf")\n' });
  });
});

describe('report --format', () => {
  it('writes only the formats asked for', () => {
    const dir = markingScenario();
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify(makeResults({ variants: [{ name: 'a', cache: 'warm', baseline: true }] })));
    const r = cli(['report', 'results.json', '--format', 'html,markdown', '--out', 'rep'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'rep')).sort()).toEqual(['report.html', 'summary.md']);
  });
});

describe('every documented flag exists', () => {
  const COMMANDS = ['run', 'validate', 'report', 'compare', 'doctor'];
  /** Flags each command accepts, read from its own --help. */
  const accepted = new Map(COMMANDS.map((c) => [c, new Set(cli([c, '--help'], ROOT).stdout.match(/--[a-z][a-z-]+/g) ?? [])]));

  /** Files that tell a user how to call buildbench: docs, scripts, the workflow, and the code's comments. */
  function documents(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(md|ts|sh|ya?ml)$/.test(e.name)) out.push(full);
      }
    };
    for (const d of ['docs', 'src', 'scripts', '.github']) if (existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
    return [path.join(ROOT, 'README.md'), ...out];
  }

  it('accepts every flag written after `buildbench <command>` or `npm run bench --`', () => {
    const named: string[] = [];
    for (const file of documents()) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        for (const m of line.matchAll(/(?:buildbench (run|validate|report|compare|doctor)|npm run bench --)\b([^`'"();]*)/g)) {
          const command = m[1] ?? 'run';
          for (const flag of m[2]!.match(/--[a-z][a-z-]+/g) ?? []) {
            const bare = flag.replace(/^--no-/, '--');
            if (!accepted.get(command)!.has(bare)) named.push(`${path.relative(ROOT, file)}: buildbench ${command} ${flag}`);
          }
        }
      }
    }
    expect(named).toEqual([]);
    // The scan found what it is there to find (a scan that reads nothing would pass too).
    expect(accepted.get('report')!.has('--format')).toBe(true);
  });

  it('accepts every flag the README lists under "Command line"', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Scenario files'));
    const flags = [...new Set(section.match(/`--[a-z][a-z-]+/g)!.map((f) => f.slice(1)))];
    expect(flags.length).toBeGreaterThan(10);
    expect(flags.filter((f) => !accepted.get('run')!.has(f))).toEqual([]);
  });
});
