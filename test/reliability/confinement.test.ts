// Confinement at run time: a build can replace the folders the runner deletes with symlinks leading outside
// its workdir. The next sample's clean-up must remove the links, never what they point to.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli } from './helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A folder outside every workdir holding a sentinel file and a sub folder, removed after the test. */
function outside(): { dir: string; intact: () => boolean } {
  const dir = tempDir('bb-rel-outside-');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sentinel'), 'keep me\n');
  writeFileSync(path.join(dir, 'sub', 'sentinel'), 'keep me too\n');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const mtimeMs = statSync(path.join(dir, 'sentinel')).mtimeMs; // a `touch` through a link would change it
  const intact = () =>
    readdirSync(dir).sort().join() === 'sentinel,sub' &&
    existsSync(path.join(dir, 'sentinel')) &&
    statSync(path.join(dir, 'sentinel')).mtimeMs === mtimeMs &&
    readFileSync(path.join(dir, 'sub', 'sentinel'), 'utf8') === 'keep me too\n';
  return { dir, intact };
}

describe('a build that swaps its clean and cache folders for symlinks leading outside', () => {
  it('has the links removed before the next sample, and nothing outside is touched', async () => {
    const out = outside();
    const dir = scenarioDir(`name: swap
project: proj
runs: 3
warmup: 0
cache: [cold, warm]
variants:
  - name: links
    build: rm -rf dist build && ln -sfn ${out.dir} dist && ln -sfn ${out.dir}/sub build && ln -sfn ${out.dir} "$BUILDBENCH_CACHE/link" && echo built
    clean: [dist]
    caches: [build]
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(0);
    // Three cold and three warm samples (after the warm state's first build): every one cleaned up after the last.
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.variants.map((v) => [v.id, v.status, v.samples.length])).toEqual([['swap/links@cold', 'ok', 3], ['swap/links@warm', 'ok', 3]]);
    expect(out.intact()).toBe(true);
  });

  it('nothing outside is deleted or touched either when the link sits above the path named', async () => {
    const out = outside();
    // Two runs: the first confinement error ends a run (see the defect below), so each case gets its own.
    const variants = [
      '  - name: above\n    build: rm -rf dist && ln -s OUT dist\n    clean: [dist/sub]\n',
      '  - name: touch\n    build: rm -rf src && ln -s OUT src\n    mutate: { touch: src/sentinel }\n    cache: incremental\n',
    ];
    for (const variant of variants) {
      const dir = scenarioDir(`name: nested\nproject: proj\nruns: 2\nwarmup: 0\ncache: cold\nvariants:\n${variant.replace('OUT', out.dir)}`);
      await startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir }).exit;
      expect(out.intact()).toBe(true);
    }
  });

  // A defect this suite found (since fixed): src/runner/confine.ts rightly throws a
  // ConfinementError for `dist/sub` once `dist` leads outside, but src/runner/run.ts does not catch it around
  // runSample/applyMutate: the whole run ends in "internal error" (exit 1), results.json keeps finishedAt null
  // and the out dir's lock stays.
  it('the variant is failed with the reason and the run goes on', async () => {
    const out = outside();
    const dir = scenarioDir(`name: nested
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: above
    build: rm -rf dist && ln -s ${out.dir} dist
    clean: [dist/sub]
  - name: other
    build: "true"
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    expect(cli.stderr()).not.toMatch(/internal error/);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(results.variants.map((v) => [v.variant, v.status, v.samples.length])).toEqual([['above', 'failed', 1], ['other', 'ok', 2]]);
    expect(results.variants[0]!.reason).toMatch(/dist\/sub leads outside/);
    expect(results.finishedAt).not.toBeNull();
  });
});
