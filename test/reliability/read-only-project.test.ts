// A project folder the user cannot write (another owner's checkout, a read-only mount): the workdir copies are
// the user's own, so builds write in them and the run removes them; where buildbench itself would write into the
// folder (the default out dir, reports/ under it), one line says so, exit 2, before any build. As root the
// run is made as the unprivileged user 65534 (root may write anywhere); otherwise as this user.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { BIN } from '../e2e/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const asRoot = process.getuid?.() === 0;

function bb(opts: { args: string[]; cwd: string; tmp: string }): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...opts.args], {
    cwd: opts.cwd,
    env: { ...process.env, CI: 'true', TMPDIR: opts.tmp, HOME: opts.tmp },
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

describe('a read-only project folder', () => {
  it('builds in writable copies, removes them, and refuses an out dir it cannot create with one line', async () => {
    const base = tempDir('bb-ro-');
    chmodSync(base, 0o755);
    const dir = path.join(base, 'checkout');
    mkdirSync(path.join(dir, 'proj', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'proj', 'sub', 'x.sh'), 'echo hi\n');
    // The build writes into a copied folder and a copied file, as builds do.
    writeFileSync(path.join(dir, 's.yaml'), 'name: ro\nproject: proj\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - {name: a, build: "mkdir -p out && echo more >> sub/x.sh && cp sub/x.sh out/x", artifact: out/x}\n');
    for (const p of ['proj/sub/x.sh', 'proj/sub', 'proj', 's.yaml', '.']) chmodSync(path.join(dir, p), p.endsWith('.sh') || p.endsWith('.yaml') ? 0o444 : 0o555);
    const writable = path.join(base, 'writable');
    mkdirSync(writable);
    chmodSync(writable, 0o777);

    const refused = await bb({ args: ['run', 's.yaml'], cwd: dir, tmp: writable });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^${dir}/reports/[\\w-]+: cannot create the output folder: permission denied \\(EACCES\\); choose another --out\\n$`));

    const out = path.join(writable, 'out');
    const ran = await bb({ args: ['run', 's.yaml', '--out', out, '--interference-threshold', 'off'], cwd: dir, tmp: writable });
    expect(ran.code, ran.stderr).toBe(0);
    const variant = readResultsFile(out).value!.variants[0]!;
    expect([variant.status, variant.artifact?.bytes]).toEqual(['ok', 'echo hi\nmore\n'.length]);
    // The copies are gone, and the project is as it was.
    expect(readdirSync(writable).filter((f) => f.startsWith('buildbench-'))).toEqual([]);
    expect(existsSync(path.join(dir, 'proj', 'out'))).toBe(false);
    chmodSync(dir, 0o755); // let the temp folder be cleaned
  });
});
