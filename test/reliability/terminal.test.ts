// Hostile content in the terminal: variant names cannot carry escapes (the schema restricts them), but
// descriptions, build output, reasons, tool names and results files can. What reaches a terminal carries no
// ESC and no other control character but the newline.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { stripControl } from '../../src/cli/terminal.ts';
import { runInProcess } from '../fuzz/cli-harness.ts';
import { oddResults } from '../fuzz/odd-results.ts';
import { baseResults } from '../fuzz/results-cases.ts';
import { scenarioDir, startCli } from './helpers.ts';

// C0 controls (tab included) but the newline, DEL, and C1 controls such as the 8-bit CSI U+009B.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const controlsIn = (text: string) => text.split('\n').filter((l) => CONTROL.test(l)).map((l) => JSON.stringify(l));
// The bidi embeddings, overrides and isolates ("Trojan Source"): "evil\u202etxt.exe" reads as "evilexe.txt".
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = String.raw`\e[2J\e[H\e]0;pwned\a\e[31m\r\b\x7f\u009b1m\e]8;;http://evil\e\\link\e]8;;\e\\\eP+q\e\\`;

describe('hostile text on a non-TTY', () => {
  it('run: progress lines and the final table carry no ESC or control character from a failing build', async () => {
    const dir = scenarioDir(`name: hostile
description: "${HOSTILE} scenario"
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: loud
    description: "${HOSTILE} variant"
    build: |
      printf '\\033[31mred\\033[0m\\n\\033]0;pwned\\007\\rprogress 50%%\\rprogress 100%%\\n\\001\\002\\t\\033[2J\\033[H cleared\\n'
      printf 'tab\\there \\233 8-bit CSI \\302\\233 as UTF-8\\n' >&2
      exit 3
  - name: missing-tool
    build: "true"
    requires: ["${HOSTILE}tool"]
  - name: fine
    build: printf '\\033[1mbold\\033[0m\\n'
`);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    // The hostile bytes really were there: the log keeps them as the build printed them; the log tail in the
    // results holds the text without its escapes (every reader of the output strips them).
    const results = readResultsFile(path.join(dir, 'out')).value!;
    expect(readFileSync(path.join(dir, 'out', results.variants[0]!.failures![0]!.log), 'utf8')).toContain('\u001b]0;pwned\u0007');
    expect(results.variants[0]!.logTail).toEqual(['red', '', 'progress 50%', 'progress 100%', '\u0001\u0002\t cleared', 'tab\there \ufffd 8-bit CSI s UTF-8']);
    expect(controlsIn(cli.stdout())).toEqual([]);
    expect(controlsIn(cli.stderr())).toEqual([]);
    expect(cli.stdout()).toMatch(/hostile\/loud@cold\b.* failed: build failed: exit code 3: .* \(log: logs\/hostile\+loud@cold\/2\.log\)/);
    expect(cli.stderr()).toMatch(/unavailable {2}hostile\/missing-tool@cold: .*tool not found/);
  });

  it('stripControl leaves no ESC or control character in any sequence', () => {
    const text = JSON.parse(`"${HOSTILE.replace(/\\e/g, '\\u001b').replace(/\\a/g, '\\u0007').replace(/\\x7f/g, '\\u007f').replace(/\\\\/g, '\\\\')}"`) as string;
    expect(text).toContain('\u001b');
    expect(controlsIn(stripControl(`${text}\u0000\u0085 end`))).toEqual([]);
  });

  // A defect this suite found (since fixed): src/cli/commands/compare.ts (and run-compare.ts)
  // print formatComparisonTable(…) and the regression list without stripControl, so variant ids from a results
  // file reach the terminal raw (ESC[2J clears it, OSC 0 retitles it).
  it('compare: the table carries no control character from a results file', async () => {
    const hostile = oddResults().find((o) => o.id === 'hostile-strings')!;
    const file = path.join(scenarioDir(''), 'hostile.json');
    writeFileSync(file, JSON.stringify(hostile.results));
    const o = await runInProcess(['compare', file, file]);
    expect(o.code).toBe(0);
    expect(controlsIn(o.stdout + o.stderr)).toEqual([]);
  });

  it('run: a bidi override in a variant id or a launch\'s error block reaches the terminal replaced', async () => {
    const dir = scenarioDir(`name: bidi
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: app
    build: mkdir -p dist && cp app.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
`);
    const app = path.join(dir, 'proj', 'app.sh');
    writeFileSync(app, `#!/bin/sh\necho 'Traceback (most recent call last):' >&2\necho 'FileNotFoundError: evil\u202etxt.exe not found' >&2\nexit 1\n`);
    chmodSync(app, 0o755);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir });
    expect((await cli.exit).code).toBe(1);
    expect(readResultsFile(path.join(dir, 'out')).value!.variants[0]!.logTail).toContain('FileNotFoundError: evil\u202etxt.exe not found');
    expect(cli.stderr()).toContain('  FileNotFoundError: evil\ufffdtxt.exe not found');
    expect(BIDI.test(cli.stdout() + cli.stderr())).toBe(false);
  });

  it('compare: a bidi override in a variant id from a results file reaches the terminal replaced', async () => {
    const results = baseResults();
    const rename = (id: string) => id.replace(/@/, '\u202e@');
    results.variants.forEach((v) => Object.assign(v, { id: rename(v.id), logTail: ['evil\u2066tail'] }));
    results.comparisons.forEach((c) => Object.assign(c, { variant: rename(c.variant), baseline: rename(c.baseline) }));
    const file = path.join(scenarioDir(''), 'bidi.json');
    writeFileSync(file, JSON.stringify(results));
    const o = await runInProcess(['compare', file, file]);
    expect(o.code).toBe(0);
    expect(o.stdout).toContain('\ufffd@');
    expect(BIDI.test(o.stdout + o.stderr)).toBe(false);
  });
});
