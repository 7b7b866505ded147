// Reading a build's output: the build writes straight into its log file (the harness is not in the pipe), and
// every reader (unit counts, cache checks, declared phases, the log tail in results and reports) reads text
// decoded as one UTF-8 stream with terminal escapes removed. A check that could not run says so.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { CARGO_NOT_CHECKED } from '../../src/probe/rust/cargo-probe.ts';
import { runScenario, writeScenario as writeRunnerScenario } from '../runner/helpers.ts';
import { startCli } from './helpers.ts';

const cargo = (name: string, extra: string) => `  - name: ${name}
    build: cargo build --offline ${extra}
    cache: incremental
    mutate: { touch: src/main.rs }
`;

describe('terminal escapes and split characters in build output', () => {
  it('leave unit counts, cache checks, phases and the log tail as they are in plain output', async () => {
    const file = writeRunnerScenario({
      fixture: 'tiny-crate',
      yaml: `name: out
project: project
runs: 1
warmup: 1
cache: cold
variants:
${cargo('plain', '')}${cargo('colour', '')}    env: { CARGO_TERM_COLOR: always }
    phases: [{ name: finished, pattern: '^\\s*Finished' }]
${cargo('quiet', '-q')}  - name: titled
    build: printf '\\033]0;a title\\007\\033]8;;http://x/a,b\\033\\\\\\033[1;32mphase one done\\033[0m\\033]8;;\\033\\\\\\n'
    phases: [{ name: one, pattern: '^phase one done$' }, { name: never, pattern: '^no such line$' }]
  - name: split
    build: python3 emit.py
`,
    });
    // The three bytes of ‘ (U+2018) in two writes 0.2 s apart: two reads of the log, one character.
    writeFileSync(
      path.join(path.dirname(file), 'project', 'emit.py'),
      "import os, sys, time\nos.write(1, b'quote \\xe2\\x80')\ntime.sleep(0.2)\nos.write(1, b'\\x98 end\\n')\nsys.exit(1)\n",
    );
    const dir = path.dirname(file);
    const cli = startCli({ args: ['run', 'scenario.yaml', '--out', 'out', '--seed', '3'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const byName = new Map(results.variants.map((v) => [v.variant, v]));

    for (const name of ['plain', 'colour']) expect(byName.get(name)!.samples[0]).toMatchObject({ rebuiltUnits: 1, cacheCheck: 'ok' });
    expect(byName.get('colour')!.samples[0]!.phases).toHaveProperty('finished');
    expect(readFileSync(path.join(dir, 'out', byName.get('colour')!.samples[0]!.log), 'utf8')).toContain('\u001b[');
    // cargo -q prints no unit line: the check could not run, and the sample says so.
    expect(byName.get('quiet')!.samples[0]).toMatchObject({ cacheCheck: CARGO_NOT_CHECKED });
    expect(byName.get('titled')!.samples[0]).toMatchObject({ phases: { one: expect.any(Number) }, phasesMissing: ['never'] });

    const split = byName.get('split')!;
    expect(split.status).toBe('failed');
    expect(split.logTail).toEqual(['quote ‘ end']);
    const report = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(report).toContain('quote ‘ end');
    expect(report).not.toContain('\ufffd');
    expect(report).toContain('no output line matched: never (1 of 1 samples)');
    expect(report).toContain('not checked: the output has no cargo unit lines');
  }, 180_000);
});

describe('the harness is not in the build output’s path', () => {
  it('the build’s stdout and stderr are its log file, not a pipe to the harness', async () => {
    const file = writeRunnerScenario({
      yaml: `name: fd\nproject: project\nruns: 1\nwarmup: 0\ncache: cold\nvariants:\n  - name: probe\n    build: 'stat -L -c "%F" /proc/self/fd/1 /proc/self/fd/2; readlink /proc/self/fd/1'\n`,
    });
    const [probe] = (await runScenario({ file })).variants;
    const log = path.join(path.dirname(file), 'out', probe!.samples[0]!.log);
    const [stdout, stderr, target] = readFileSync(log, 'utf8').split('\n');
    for (const kind of [stdout, stderr]) expect(kind).toMatch(/^regular (empty )?file$/);
    expect(target).toBe(log);
  });
});
