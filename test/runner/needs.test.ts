// Artifacts flowing between variants, end to end on tiny shell builds: naming the consumer's file brings
// the producer's scenario into the run, the producer builds first, the consumer reads its artifact through
// {needs.NAME}, and a producer that fails skips its consumer with the reason.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { runPlan } from '../../src/runner/run.ts';
import { formatProblem, InputError } from '../../src/common/problem.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const PRODUCER = `name: make
project: proj
runs: 2
warmup: 0
cache: [cold, warm]
variants:
  - name: good
    baseline: true
    build: mkdir -p out && echo "made in round {round}" > out/thing && sleep 0.05
    artifact: out/thing
    clean: [out]
  - name: broken
    build: echo "no compiler here" >&2; exit 3
    artifact: out/thing
`;

const CONSUMER = `name: use
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: from-good
    baseline: true
    needs: { input: make/good@cold }
    build: mkdir -p out && cp "{needs.input}" out/copy && echo "$FROM" >> out/copy
    env: { FROM: "read {needs.input}" }
    artifact: out/copy
  - name: from-broken
    needs: { input: make/broken@cold }
    build: mkdir -p out && cp "{needs.input}" out/copy
    artifact: out/copy
`;

function project(files: Record<string, string>): string {
  const dir = tempDir('bb-needs-');
  mkdirSync(path.join(dir, 'scenarios', 'proj'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'scenarios', name), text);
  return dir;
}

function problemsOf(dir: string, args: string[]): string[] {
  try {
    selectScenarios({ args: args.map((a) => path.join(dir, 'scenarios', a)), cwd: dir });
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
  }
}

describe('needs: artifacts that flow between variants', () => {
  it('builds the producer first, hands its artifact to the consumer and skips the consumer of a failed producer', async () => {
    const dir = project({ 'make.yaml': PRODUCER, 'use.yaml': CONSUMER });
    const { scenarios } = selectScenarios({ args: [path.join(dir, 'scenarios', 'use.yaml')], cwd: dir });
    // Only the producer variants the consumers need, in the cache state they need, join the run.
    expect(scenarios.map((s) => [s.name, s.variants.map((v) => `${v.name}@${v.cacheStates.join(',')}`)])).toEqual([
      ['use', ['from-good@cold', 'from-broken@cold']],
      ['make', ['broken@cold', 'good@cold']],
    ]);
    const plan = buildPlan({ scenarios, runId: 't', seed: 3, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') });
    expect(plan.stages.map((s) => s.rounds.map((r) => [...r].sort()))).toEqual([
      [['make/broken@cold', 'make/good@cold'], ['make/broken@cold', 'make/good@cold']],
      [['use/from-broken@cold', 'use/from-good@cold'], ['use/from-broken@cold', 'use/from-good@cold']],
    ]);
    const results = await runPlan({
      plan,
      tool: { name: 'buildbench', version: 'test' },
      checkTool: async (name) => ({ name, version: null, path: `/usr/bin/${name}` }),
      cwd: dir,
    });
    const byId = new Map(results.variants.map((v) => [v.id, v]));
    const good = byId.get('use/from-good@cold')!;
    expect(good.status).toBe('ok');
    expect(good.needs).toEqual({ input: 'make/good@cold' });
    const producerArtifact = path.join(dir, 'work', 'make+good@cold', 'work', 'out', 'thing');
    // The producer's last build (round 2) is what the consumer copied; env values expand {needs.…} too.
    const consumerWorkdir = plan.variants.find((v) => v.id === 'use/from-good@cold')!.workdir;
    expect(readFileSync(path.join(consumerWorkdir, 'out', 'copy'), 'utf8')).toBe(`made in round 2\nread ${producerArtifact}\n`);
    // Every producer sample came before every consumer sample.
    const producerRounds = byId.get('make/good@cold')!.samples.map((s) => s.round);
    expect(Math.max(...producerRounds)).toBeLessThan(Math.min(...good.samples.map((s) => s.round)));
    const skipped = byId.get('use/from-broken@cold')!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toMatch(/^needs\.input \(make\/broken@cold\) failed: build failed: exit code 3: no compiler here \(log: logs\/make\+broken@cold\/\d+\.log\)$/);
    expect(skipped.samples).toEqual([]);
  }, 60_000);

  it('reports unknown and circular references and undeclared placeholders at their line and column', () => {
    const dir = project({
      'make.yaml': PRODUCER,
      'bad.yaml': `name: bad
project: proj
variants:
  - name: a
    needs: { x: nowhere/a@cold, y: make/nothing@cold, z: make/good@incremental }
    build: cat {needs.x} {needs.w}
  - name: b
    needs: { prev: bad/c@warm }
    build: "true"
    artifact: b.out
  - name: c
    needs: { prev: bad/b@warm }
    build: "true"
    artifact: c.out
`,
    });
    expect(problemsOf(dir, ['bad.yaml'])).toEqual(['bad.yaml:6:12 variants[0].build: {needs.w} names no entry of this variant\'s `needs` (valid: x, y, z)']);
    writeFileSync(path.join(dir, 'scenarios', 'bad.yaml'), readFileSync(path.join(dir, 'scenarios', 'bad.yaml'), 'utf8').replace(' {needs.w}', ''));
    expect(problemsOf(dir, ['bad.yaml'])).toEqual([
      'bad.yaml:5:17 variants[0].needs.x: no scenario named "nowhere" (valid: bad, make)',
      'bad.yaml:5:36 variants[0].needs.y: scenario "make" has no variant "nothing" (valid: good, broken)',
      'bad.yaml:5:58 variants[0].needs.z: make/good is not measured @incremental (valid: cold, warm)',
      'bad.yaml:12:20 variants[2].needs.prev: circular needs: bad/b → bad/c → bad/b',
    ]);
  });
});
