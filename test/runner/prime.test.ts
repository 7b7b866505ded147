// A warm state primed from its cold twin's build, on a real build script that keeps a cache file: the warm
// state's first measured build finds the cache the cold build left, and no build runs that would not have run
// without the warm state but its own measured ones (plan/prime.ts, runner/prime.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario, writeScenario } from './helpers.ts';
import type { ResultsFile } from '../../src/results/schema.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';

// Says whether build/cache was there and what it held, then writes a fresh one; every build appends its
// workdir to {scenarioDir}/builds. With {scenarioDir}/fail-once present, the build removes it and fails.
const BUILD = [
  'if [ -f {scenarioDir}/fail-once ]; then rm {scenarioDir}/fail-once; exit 3; fi',
  'mkdir -p dist build',
  'if [ -f build/cache ]; then echo "hit $(cat build/cache)"; else echo miss; fi',
  'echo "$BUILDBENCH_WORKDIR" >> {scenarioDir}/builds',
  'cat /proc/sys/kernel/random/uuid > build/cache',
  'echo "wrote $(cat build/cache)"',
  'echo app > dist/app',
].join('; ');

const yaml = (extra = '') => `name: primed
project: project
runs: 3
warmup: 0
cache: [cold, warm]
variants:
  - name: a
    build: '${BUILD}'
    clean: [dist]
    caches: [build]
    artifact: dist/app
${extra}`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(opts: { failFirst?: boolean; extra?: string } = {}) {
  const file = writeScenario({ yaml: yaml(opts.extra) });
  const dir = path.dirname(file);
  dirs.push(dir);
  if (opts.failFirst) writeFileSync(path.join(dir, 'fail-once'), '');
  const results = await runScenario({ file });
  const log = (id: string, name: string) => readFileSync(path.join(dir, 'out', 'logs', id.replace('/', '+'), name), 'utf8');
  const builds = readFileSync(path.join(dir, 'builds'), 'utf8').trim().split('\n');
  const of = (id: string) => results.variants.find((v) => v.id === id)!;
  return { results, log, builds, cold: of('primed/a@cold'), warm: of('primed/a@warm'), workdir: (r: ResultsFile['variants'][number]) => path.join(dir, 'work', r.id.replace('/', '+'), 'work') };
}

describe('priming a warm state from its cold twin', () => {
  it("runs the cold twin's first build in the warm workdir: the warm state's first measured build sees its cache, and no warm-up runs", async () => {
    const { results, log, builds, cold, warm, workdir } = await run();
    expect(results.config.order[0]!.indexOf('primed/a@cold')).toBeLessThan(results.config.order[0]!.indexOf('primed/a@warm'));
    expect(warm.warmups).toEqual([]);
    expect(warm.primedFrom).toEqual({ variant: 'primed/a@cold', round: 1 });
    expect(cold.samples.map((s) => s.primes)).toEqual(['primed/a@warm', undefined, undefined]);
    // Six builds in all: three per state, the first cold one in the warm workdir.
    expect(builds[0]).toBe(workdir(warm));
    expect(builds.filter((b) => b === workdir(warm))).toHaveLength(4);
    expect(builds.filter((b) => b === workdir(cold))).toHaveLength(2);
    const wrote = /wrote (\S+)/.exec(log('primed/a@cold', '1.log'))![1];
    expect(log('primed/a@warm', '1.log')).toContain(`hit ${wrote}`);
    expect(log('primed/a@cold', '2.log')).toContain('miss');
    // Where the run's time went, as it ran: every build process within its rounds, every part within the run.
    const spent = results.spentMs!;
    const buildMs = [...cold.samples, ...warm.samples].reduce((a, x) => a + x.wallMs + results.config.overheadMs!, 0);
    expect(Math.abs(spent.roundBuilds - buildMs)).toBeLessThanOrEqual(6); // each of 6 rounded to the ms
    expect(spent.rounds).toBeGreaterThanOrEqual(spent.roundBuilds);
    expect(spent.warmups).toBe(0);
    const parts = spent.checks + spent.setup + spent.warmups + spent.rounds + spent.startup;
    expect(parts).toBeLessThanOrEqual(Date.parse(results.finishedAt!) - Date.parse(results.startedAt) + 5);
    // summary.md says it.
    expect(renderMarkdown(buildReportModel({ results: [results] }))).toContain(
      '  - primed/a@warm: primed by its cold twin’s first build, with no warm-up of its own (the same build definition, run in the primed workdir)\n',
    );
  });

  it('falls back to a full warm-up of its own when the priming build fails', async () => {
    const { results, log, builds, cold, warm, workdir } = await run({ failFirst: true });
    expect(cold.failures!.map((s) => [s.round, s.primes])).toEqual([[1, 'primed/a@warm']]);
    expect(warm.primedFrom).toBeUndefined();
    expect(warm.warmups.map((s) => s.round)).toEqual([-1]);
    const wrote = /wrote (\S+)/.exec(log('primed/a@warm', 'warmup1.log'))![1];
    expect(log('primed/a@warm', '1.log')).toContain(`hit ${wrote}`);
    expect(builds.filter((b) => b === workdir(warm))).toHaveLength(4);
    expect(renderMarkdown(buildReportModel({ results: [results] }))).not.toContain('primed by');
  });
});
