// A big git-ignored folder (a 150 MiB `target/`) is said before a run copies it into every workdir, naming
// the folder and the keys that leave it out; `ignoreGitignored: true` leaves out what git ignores.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../e2e/helpers.ts';
import { runScenario } from '../runner/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A git repository `proj/` whose .gitignore ignores target/, holding a sparse 150 MiB target/big.rlib. */
function project(): string {
  const dir = tempDir('bb-copy-');
  made.push(dir);
  const proj = path.join(dir, 'proj');
  mkdirSync(path.join(proj, 'target'), { recursive: true });
  mkdirSync(path.join(proj, 'src'));
  writeFileSync(path.join(proj, '.gitignore'), 'target/\n');
  writeFileSync(path.join(proj, 'src', 'main.rs'), 'fn main() {}\n');
  writeFileSync(path.join(proj, 'target', 'big.rlib'), '');
  truncateSync(path.join(proj, 'target', 'big.rlib'), 150 * 2 ** 20); // sparse: 150 MiB that take no disk
  execFileSync('git', ['-C', proj, 'init', '-q']);
  return dir;
}

const scenario = (extra = '') => `name: big\nproject: proj\nruns: 1\nwarmup: 0\ncache: cold\n${extra}variants:\n  - {name: a, build: "ls target > {scenarioDir}/seen.txt 2>&1 || true"}\n  - {name: b, build: "true"}\n`;

describe('a large workdir copy', () => {
  it('is warned of before the run, naming the biggest folders and the keys that leave them out', () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), scenario());
    const r = spawnSync(process.execPath, [BIN, 'run', 's.yaml', '--dry-run'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `warning: s.yaml: each of 2 workdirs copies 150 MiB of ${path.join(dir, 'proj')} (biggest: target 150 MiB (git-ignored), src 1 KiB, .gitignore 1 KiB); ` +
        'leave folders out with `ignore: [target]` or what git ignores with `ignoreGitignored: true`\n',
    );
    writeFileSync(path.join(dir, 's.yaml'), scenario('ignoreGitignored: true\n'));
    expect(spawnSync(process.execPath, [BIN, 'run', 's.yaml', '--dry-run'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');
  });

  it('leaves out what git ignores with ignoreGitignored', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 's.yaml'), scenario('ignoreGitignored: true\n'));
    const results = await runScenario({ file: path.join(dir, 's.yaml') });
    expect(results.variants.map((v) => v.status)).toEqual(['ok', 'ok']);
    expect(spawnSync('cat', [path.join(dir, 'seen.txt')], { encoding: 'utf8' }).stdout).toMatch(/No such file or directory/);
    expect(existsSync(path.join(dir, 'work', 'big+a@cold', 'work', 'src', 'main.rs'))).toBe(true);
  });
});
