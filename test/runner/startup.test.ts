// Start-up measured like builds, on tiny real "apps" (shell scripts): every launch a sample, first launches
// from empty extraction caches, warm ones keeping them; an artifact that does not start keeps its build figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { errorBlock } from '../../src/runner/error-block.ts';
import { scenarioDir, startCli, writeExecutables } from '../reliability/helpers.ts';

// Unpacks 1000 bytes into $PEX_ROOT the first time (as a .pex does), reuses them after; exits 0 = ready.
const UNPACKS = `#!/bin/sh
[ -f "$PEX_ROOT/site.bin" ] || head -c 1000 /dev/zero > "$PEX_ROOT/site.bin"
echo "$PEX_ROOT" >> "$LAUNCH_LOG"
`;
const BROKEN = `#!/bin/sh
echo "starting sidecar"
echo "Traceback (most recent call last):" >&2
echo '  File "run_sidecar.py", line 3, in <module>' >&2
echo "FileNotFoundError: Shared library with base name 'llama' not found" >&2
echo "[PYI-123:ERROR] Failed to execute script 'run_sidecar' due to unhandled exception!" >&2
exit 1
`;

describe('start-up rounds', () => {
  it('launches each variant N times per state, interleaved, and marks an artifact that does not start', async () => {
    const dir = scenarioDir(`name: s
project: proj
runs: 3
warmup: 0
cache: cold
variants:
  - name: unpacks
    baseline: true
    build: mkdir -p dist && cp unpacks.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
  - name: unpacks-too
    build: mkdir -p dist && cp unpacks.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
  - name: broken
    build: mkdir -p dist && cp broken.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", timeoutS: 30 }
`);
    writeExecutables(dir, { 'unpacks.sh': UNPACKS, 'broken.sh': BROKEN });
    const launchLog = path.join(dir, 'launches.txt');
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '3'], cwd: dir, env: { LAUNCH_LOG: launchLog } });
    expect((await cli.exit).code).toBe(1);
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const [a, b, broken] = results.variants;

    // Broken: does not start, with the traceback, not only its last line, and the log path; in the terminal too.
    // Its headline is the exception, not PyInstaller's "Failed to execute script" printed after the traceback.
    // Its builds stay measured: status ok, build time and size compared, no start-up figure.
    expect(broken!.status).toBe('ok');
    expect(broken!.startup).toMatchObject({ readyOk: false, firstMs: null, warmMs: null, launches: [] });
    expect(broken!.reason).toMatch(/^built, does not start: the first launch of round 1 exited with 1 before it was ready: FileNotFoundError: Shared library with base name 'llama' not found \(log: logs\/s\+broken@cold\/startup-1-first\.log\)$/);
    expect(broken!.logTail).toContain("FileNotFoundError: Shared library with base name 'llama' not found");
    expect(broken!.logTail![0]).toBe('Traceback (most recent call last):');
    expect(existsSync(path.join(dir, 'out', broken!.startup!.log!))).toBe(true);
    expect(cli.stderr()).toContain("FileNotFoundError: Shared library with base name 'llama' not found");
    const brokenMetrics = results.comparisons.filter((c) => c.variant === broken!.id).map((c) => c.metric);
    expect(brokenMetrics.filter((m) => ['wallMs', 'bytes', 'startupFirstMs', 'startupWarmMs', 'extractBytes'].includes(m))).toEqual(['wallMs', 'bytes']);

    for (const v of [a!, b!]) {
      const launches = v.startup!.launches!;
      expect(launches.map((l) => `${l.round}${l.state}`)).toEqual(['1first', '1warm', '2first', '2warm', '3first', '3warm']);
      // The first launch of every round unpacks (its caches were emptied), the warm one reuses.
      expect(launches.map((l) => l.extractBytes)).toEqual([1000, 0, 1000, 0, 1000, 0]);
      expect(v.stats.startupFirstMs!.n).toBe(3);
      expect(v.stats.startupWarmMs!.n).toBe(3);
      expect(v.startup!.firstMs).toBe(v.stats.startupFirstMs!.median);
    }
    // The rounds are shuffled across variants like builds: both positions occur, from the recorded seed.
    expect(new Set(a!.startup!.launches!.map((l) => l.position)).size).toBeGreaterThan(1);
    // Compared with the baseline like builds, for each launch state.
    const metrics = results.comparisons.filter((c) => c.variant === b!.id).map((c) => c.metric);
    expect(metrics.filter((m) => ['wallMs', 'startupFirstMs', 'startupWarmMs'].includes(m))).toEqual(['wallMs', 'startupFirstMs', 'startupWarmMs']);
    // …and, beside them, what it built and extracted, exactly; CPU and RSS when the build used any.
    expect(metrics.filter((m) => ['bytes', 'files', 'extractBytes'].includes(m))).toEqual(['bytes', 'files', 'extractBytes']);
    expect(metrics.filter((m) => !['wallMs', 'startupFirstMs', 'startupWarmMs', 'bytes', 'files', 'extractBytes', 'cpuMs', 'treeRssKb'].includes(m))).toEqual([]);
    // Each round's state lives in its own folder, removed after the round.
    const roots = readFileSync(launchLog, 'utf8').trim().split('\n');
    expect(new Set(roots).size).toBe(6);
    for (const root of roots) expect(existsSync(root)).toBe(false);
  }, 60_000);
});

describe('errorBlock', () => {
  it('takes the last traceback whole, else the error lines, else the tail', () => {
    const tb = ['noise', 'Traceback (most recent call last):', '  File "a.py"', 'ValueError: x', '', 'During handling …', 'Traceback (most recent call last):', '  File "b.py"', 'KeyError: y'];
    expect(errorBlock(tb.join('\n'))).toEqual(['Traceback (most recent call last):', '  File "b.py"', 'KeyError: y']);
    expect(errorBlock('compiling\nerror: linker `cc` not found\nerror: aborting\n\n')).toEqual(['error: linker `cc` not found', 'error: aborting']);
    expect(errorBlock('a\nb\nc')).toEqual(['a', 'b', 'c']);
  });
});
