// The harness's own footprint on short builds under load: buildbench (the real CLI, its calibrated overhead
// subtracted) against hyperfine (its shell spawn subtracted) on the same commands, in alternating blocks so
// drift spreads over both, with load of our own beside them (load ≈ N on top of whatever else runs):
// - `--beside loops` (default): N busy loops. Where the scheduler puts them decides how much CPU a short build
//   gets (two loops sharing one CPU leave the other free), and it can change between blocks: `--pin` pins loop
//   i to CPU i (taskset), so every block of both tools sees the same machine.
// - `--beside builds`: N loops of a real compile: other builds on the machine (beside.ts).
//
// Per command it prints each block's medians and ratio (buildbench / hyperfine), then the comparison decided by
// the project's own paired analysis (stats/compare-paired.ts), fixed in advance: the blocks are the pairs (the
// machine moves between blocks, and both tools of a block saw the same machine), the Hodges–Lehmann ratio of the
// block medians with its exact signed-rank interval, and TOST against ±5%: "within 5%" is said only when the 90%
// interval lies inside 0.95–1.05; a ratio whose interval excludes 1 beyond 5% is "slower"/"faster"; else
// undecided. The pooled line compares all of buildbench's builds with all of hyperfine's (Moses interval), as a
// second look.
// `--hyperfine-gap MS[,MS…]` adds hyperfine with MS milliseconds of sleep between its runs (`--prepare 'sleep
// …'`), one tool per gap, each compared with buildbench and with hyperfine's runs back to back. Beside other
// builds, runs back to back read far less than the same runs a few milliseconds apart: a CPU that goes idle
// between two runs takes one of the other builds' processes (they are started on the idlest CPU, and an idle
// CPU pulls waiting work), and the next run shares that CPU; a CPU that never goes idle keeps it to itself.
// buildbench has some 20 ms of its own work between two builds (the build's cache state, its cgroup, which the
// kernel enters only after an RCU grace period, the leftover check, results.json), much of it waiting, so this
// shows how much of a difference from hyperfine is that, not the timed path.
// Usage: node --import tsx bench/harness/footprint.bench.ts [--beside loops|builds] [--hogs 2] [--pin]
//          [--blocks 12] [--runs 5] [--only python] [--hyperfine-gap 5,30]
// Target: commands of 20 ms and more within 5% of hyperfine at load 2. Not a test: it asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { comparePaired } from '../../src/stats/compare-paired.ts';
import { compareSamples } from '../../src/stats/compare-samples.ts';
import { median } from '../../src/stats/descriptive.ts';
import { besideOf, loadWords, startLoad, stopLoad } from './beside.ts';

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
const beside = besideOf(values.beside);
const runs = Number(values.runs);
const gapsMs = values['hyperfine-gap'].split(',').map(Number).filter((ms) => ms > 0);
if (gapsMs.some((ms) => !Number.isFinite(ms))) throw new Error(`--hyperfine-gap takes milliseconds, e.g. 5,30; got ${values['hyperfine-gap']}`);
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

/** hyperfine's runs back to back, or with `gapS` seconds of sleep between them (its --prepare). */
function hyperfine(command: string, gapS = 0): number[] {
  const json = path.join(dir, 'hf.json');
  const gap = gapS > 0 ? ['--prepare', `sleep ${gapS}`] : [];
  execFileSync('hyperfine', [...gap, '--warmup', '1', '--runs', String(runs), '--export-json', json, command], { stdio: 'ignore' });
  return (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results[0]!.times.map((s) => s * 1000);
}

const fmt = (c: { ratio: number; ciLow: number; ciHigh: number }) => `${c.ratio.toFixed(3)} [${c.ciLow.toFixed(3)}–${c.ciHigh.toFixed(3)}]`;
const said = (tool: string, verdict: string) => (verdict === 'no difference' ? `within ${WITHIN_PCT}% (TOST)` : verdict === 'inconclusive' ? `undecided against ±${WITHIN_PCT}%` : `${tool} reads ${verdict}, beyond ${WITHIN_PCT}%`);

const load = startLoad({ beside, count: Number(values.hogs), pin: values.pin, dir });
try {
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; beside: ${loadWords({ beside, count: load.length, pin: values.pin })}`);
  for (const { name, command } of COMMANDS) {
    const tools: Record<string, () => number[]> = {
      buildbench: () => buildbench(command),
      hyperfine: () => hyperfine(command),
      ...Object.fromEntries(gapsMs.map((ms) => [`hyperfine ${ms} ms apart`, () => hyperfine(command, ms / 1000)])),
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
    // buildbench against each hyperfine; each gapped hyperfine against hyperfine back to back (the gap alone).
    const pairsOfTools = [...names.slice(1).map((n) => ['buildbench', n] as const), ...names.slice(2).map((n) => [n, 'hyperfine'] as const)];
    for (const [variant, baseline] of pairsOfTools) {
      const pairs = blockMedians[baseline]!.map((b, i) => ({ round: i + 1, baseline: b, variant: blockMedians[variant]![i]! }));
      const paired = comparePaired({ pairs, noisePct: WITHIN_PCT });
      const all = compareSamples({ baseline: pooled[baseline]!, variant: pooled[variant]!, noisePct: WITHIN_PCT });
      console.log(
        `${name}, ${variant} against ${baseline}: by blocks (${pairs.length} pairs) ${fmt(paired)}: ${said(variant, paired.verdict)}; ` +
          `pooled (${pooled[variant]!.length} runs each, ${median(pooled[variant]!).toFixed(1)} against ${median(pooled[baseline]!).toFixed(1)} ms) ${fmt(all)}: ${said(variant, all.verdict)}; load ${os.loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
} finally {
  stopLoad(load);
  rmSync(dir, { recursive: true, force: true });
}
