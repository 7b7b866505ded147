// The harness's own footprint on short builds under load: buildbench (the real CLI, its calibrated overhead
// subtracted) against hyperfine (its shell spawn subtracted) on the same commands, in alternating blocks so
// drift spreads over both, with load of our own beside them (load ≈ N on top of whatever else runs):
// - `--beside loops` (default): N busy loops. Where the scheduler puts them decides how much CPU a short build
//   gets (two loops sharing one CPU leave the other free), and it can change between blocks: `--pin` pins loop
//   i to CPU i (taskset), so every block of both tools sees the same machine.
// - `--beside builds`: N loops of a real compile (gcc -O2 on a generated C file, about 0.4 s each here, again and
//   again): other builds on the machine, with their process starts, file reads and writes.
// Each loop runs in a session of its own, as other work on a machine does: with the scheduler's autogroups (Linux
// sched_autogroup_enabled) a loop in this script's session would share a group with hyperfine's commands but not
// with buildbench's builds, which run in sessions of their own, and the comparison would measure that instead.
//
// Per command it prints each block's medians and ratio (buildbench / hyperfine), then the comparison decided by
// the project's own paired analysis (stats/compare-paired.ts), fixed in advance: the blocks are the pairs (the
// machine moves between blocks, and both tools of a block saw the same machine), the Hodges–Lehmann ratio of the
// block medians with its exact signed-rank interval, and TOST against ±5%: "within 5%" is said only when the 90%
// interval lies inside 0.95–1.05; a ratio whose interval excludes 1 beyond 5% is "slower"/"faster"; else
// undecided. The pooled line compares all of buildbench's builds with all of hyperfine's (Moses interval), as a
// second look.
// `--hyperfine-gap MS` adds a third tool: hyperfine with MS milliseconds between its runs (`--prepare 'sleep
// …'`). Beside other builds, runs back to back read far less than the same runs a few milliseconds apart: a
// CPU that goes idle between two runs is given to the other builds' waiting processes (the scheduler's idle
// balancing), and the next run shares a CPU with one of them; one that never goes idle keeps the CPU to itself.
// buildbench has some 20 ms of its own work between two builds (the cgroup, the leftover check, results.json),
// so this shows how much of a difference from hyperfine is that, not the timed path.
// Usage: node --import tsx bench/harness/footprint.bench.ts [--beside loops|builds] [--hogs 2] [--pin]
//          [--blocks 12] [--runs 5] [--only python] [--hyperfine-gap 30]
// Target: commands of 20 ms and more within 5% of hyperfine at load 2. Not a test: it asserts nothing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { comparePaired } from '../../src/stats/compare-paired.ts';
import { compareSamples } from '../../src/stats/compare-samples.ts';
import { median } from '../../src/stats/descriptive.ts';

const { values } = parseArgs({
  options: {
    beside: { type: 'string', default: 'loops' },
    hogs: { type: 'string', default: '2' },
    pin: { type: 'boolean', default: false },
    blocks: { type: 'string', default: '12' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    'hyperfine-gap': { type: 'string', default: '0' },
  },
});
if (values.beside !== 'loops' && values.beside !== 'builds') throw new Error(`--beside must be loops or builds, got ${values.beside}`);
const runs = Number(values.runs);
const gapS = Number(values['hyperfine-gap']) / 1000;
const WITHIN_PCT = 5;
const COMMANDS: { name: string; command: string }[] = [
  { name: 'python-import', command: "/usr/bin/python3 -c 'import json, decimal'" },
  { name: 'python-start', command: "/usr/bin/python3 -c 'import asyncio, email.parser, http.client'" },
  { name: 'sleep', command: 'sleep 0.2' },
].filter((c) => !values.only || c.name.includes(values.only));
const bin = new URL('../../scripts/from-source.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-footprint-'));

function buildbench(command: string): number[] {
  const yaml = `name: short\nproject: .\nruns: ${runs}\nwarmup: 1\ncache: warm\nvariants:\n  - name: cmd\n    build: ${JSON.stringify(command)}\n`;
  writeFileSync(path.join(dir, 's.yaml'), yaml);
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [bin, 'run', 's.yaml', '--out', out, '--interference-threshold', 'off'], { cwd: dir, stdio: 'ignore' });
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { variants: { samples: { wallMs: number }[] }[] };
  return results.variants[0]!.samples.map((s) => s.wallMs);
}

/** hyperfine's runs back to back, or with `gapS` seconds between them (its --prepare), as buildbench has. */
function hyperfine(command: string, gapS = 0): number[] {
  const json = path.join(dir, 'hf.json');
  const gap = gapS > 0 ? ['--prepare', `sleep ${gapS}`] : [];
  execFileSync('hyperfine', [...gap, '--warmup', '1', '--runs', String(runs), '--export-json', json, command], { stdio: 'ignore' });
  return (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results[0]!.times.map((s) => s * 1000);
}

/** A C file gcc -O2 takes about 0.4 s on here: many small functions, each with a loop to optimise. */
function writeCompileUnit(): string {
  const file = path.join(dir, 'unit.c');
  const fns = Array.from({ length: 120 }, (_, i) => `int f${i}(int *a, int n) { int s = ${i}; for (int j = 0; j < n; j++) s += a[j] * ${i % 7} + (s >> 3); return s; }`);
  writeFileSync(file, `${fns.join('\n')}\n`);
  return file;
}

function startLoad(): ChildProcess[] {
  const cpus = os.cpus().length;
  const loop = values.beside === 'builds' ? `while :; do gcc -O2 -c '${writeCompileUnit()}' -o /dev/null; done` : 'while :; do :; done';
  return Array.from({ length: Number(values.hogs) }, (_, i) =>
    values.pin ? spawn('taskset', ['-c', String(i % cpus), 'sh', '-c', loop], { stdio: 'ignore', detached: true }) : spawn('sh', ['-c', loop], { stdio: 'ignore', detached: true }),
  );
}

const fmt = (c: { ratio: number; ciLow: number; ciHigh: number }) => `${c.ratio.toFixed(3)} [${c.ciLow.toFixed(3)}–${c.ciHigh.toFixed(3)}]`;
const said = (verdict: string) => (verdict === 'no difference' ? `within ${WITHIN_PCT}% (TOST)` : verdict === 'inconclusive' ? `undecided against ±${WITHIN_PCT}%` : `buildbench reads ${verdict}, beyond ${WITHIN_PCT}%`);

const load = startLoad();
try {
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; beside: ${load.length} ${values.beside === 'builds' ? 'gcc -O2 loops' : 'busy loops'}${values.pin ? ', one pinned to each CPU in turn' : ''}`);
  for (const { name, command } of COMMANDS) {
    const tools: Record<string, () => number[]> = {
      buildbench: () => buildbench(command),
      hyperfine: () => hyperfine(command),
      ...(gapS > 0 ? { [`hyperfine, ${gapS * 1000} ms apart`]: () => hyperfine(command, gapS) } : {}),
    };
    const names = Object.keys(tools);
    const blockMedians: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const pooled: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let b = 0; b < Number(values.blocks); b++) {
      // Turn the order round each block, so a trend in the machine's load favours no tool.
      const order = b % 2 === 0 ? names : [...names].reverse();
      for (const n of order) {
        const times = tools[n]!();
        pooled[n]!.push(...times);
        blockMedians[n]!.push(median(times));
      }
      console.log(`${name} block ${b + 1}: ${names.map((n) => `${n} ${blockMedians[n]!.at(-1)!.toFixed(1)} ms`).join(', ')}`);
    }
    for (const n of names.slice(1)) {
      const pairs = blockMedians[n]!.map((baseline, i) => ({ round: i + 1, baseline, variant: blockMedians.buildbench![i]! }));
      const paired = comparePaired({ pairs, noisePct: WITHIN_PCT });
      const all = compareSamples({ baseline: pooled[n]!, variant: pooled.buildbench!, noisePct: WITHIN_PCT });
      console.log(
        `${name}, buildbench against ${n}: by blocks (${pairs.length} pairs) ${fmt(paired)}: ${said(paired.verdict)}; ` +
          `pooled (${pooled.buildbench!.length} builds each, ${median(pooled.buildbench!).toFixed(1)} against ${median(pooled[n]!).toFixed(1)} ms) ${fmt(all)}: ${said(all.verdict)}; load ${os.loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
} finally {
  for (const h of load) if (h.pid) try { process.kill(-h.pid, 'SIGKILL'); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
}
