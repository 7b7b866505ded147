// A full disk while buildbench writes its files: the file it was replacing stays whole, the command says in one
// line which file could not be written and why, and exits 1 (never "internal error"). Two real ways to run out
// of room: a file-size limit on the process (ulimit -f: EFBIG, any user) and a full tmpfs (ENOSPC; mounting
// needs root, so that case is skipped where mount is refused).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../e2e/helpers.ts';
import { startCli } from './helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const yaml = 'name: disk\nproject: proj\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - {name: a, build: echo a > a.txt, artifact: a.txt}\n';

/** A finished run's folder (results.json, report.html …), on the ordinary disk, made once for both cases. */
let finished: Promise<string> | undefined;
// Made outside any test, so it lives until the file's last test (tempDir removes a folder a test made when
// that test ends, and the second case reuses the first's run).
let runDir: string | undefined;
function finishedRun(): Promise<string> {
  finished ??= (async () => {
    const dir = runDir!;
    mkdirSync(path.join(dir, 'proj'));
    writeFileSync(path.join(dir, 's.yaml'), yaml);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--interference-threshold', 'off'], cwd: dir });
    expect((await cli.exit).code, cli.stderr()).toBe(0);
    return path.join(dir, 'out');
  })();
  return finished;
}

/** buildbench under `sh -c`, with `limits` (shell lines such as `ulimit -f 64`) applied to it first. */
function bbLimited(opts: { args: string[]; cwd: string; limits: string }) {
  // SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing the process.
  const script = `trap '' XFSZ; ${opts.limits}; exec "$0" "$@"`;
  const r = spawnSync('sh', ['-c', script, process.execPath, BIN, ...opts.args], { cwd: opts.cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stderr: r.stderr };
}

describe('no room to write', () => {
  runDir = tempDir('bb-full-run-');
  it('report.html past a file-size limit: the previous report stays whole, one line, exit 1', async () => {
    const out = await finishedRun();
    const before = readFileSync(path.join(out, 'report.html'));
    const results = readFileSync(path.join(out, 'results.json'));
    // 64 blocks of 512 bytes: results.json is read, report.html (hundreds of KiB) cannot be written.
    const r = bbLimited({ args: ['report', out], cwd: out, limits: 'ulimit -f 64' });
    expect(r).toEqual({ code: 1, stderr: `buildbench: could not write ${out}/report.html: the file is larger than this process may write (ulimit -f) (EFBIG); its previous version is kept whole\n` });
    expect(readFileSync(path.join(out, 'report.html')).equals(before)).toBe(true);
    expect(readFileSync(path.join(out, 'results.json')).equals(results)).toBe(true);
  });

  const mount = tempDir('bb-full-');
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'ignore' });
    mounted = true;
  } catch {
    // not root, or no mount in this container: the ulimit case above still runs
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount]);
  });

  it.skipIf(!mounted)('a run into a full file system: its previous results.json stays whole, one line, exit 1', async () => {
    const done = await finishedRun();
    const out = path.join(mount, 'out');
    mkdirSync(out);
    copyFileSync(path.join(done, 'results.json'), path.join(out, 'results.json'));
    const before = readFileSync(path.join(out, 'results.json'));
    // Fill every block that is left.
    spawnSync('dd', ['if=/dev/zero', `of=${path.join(mount, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    const dir = path.dirname(done);
    const cli = startCli({ args: ['run', 's.yaml', '--out', out], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    expect(cli.stderr()).toBe(`buildbench: could not write ${out}/.buildbench.lock: no space left on the device (ENOSPC); nothing was written there\n`);
    expect(readFileSync(path.join(out, 'results.json')).equals(before)).toBe(true);
    // No empty lock is left to confuse the next run.
    expect(spawnSync('ls', ['-A', out], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)).toEqual(['results.json']);
  });
});
