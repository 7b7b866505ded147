// Where the scheduler puts a short build under load, for buildbench and for hyperfine: the reason a 60 ms
// Python start reads about twice as long in buildbench as in hyperfine's back-to-back runs beside busy loops
// (footprint.bench.ts). Each tool runs the same command `--runs` times beside `--hogs` loops (beside.ts) under
// `perf sched record -a`; from `perf sched timehist` it takes every process of the command (by its program's
// name) and prints its life (first switch-in to last switch-out), its own CPU time, how long it waited while
// runnable, and which tasks ran on the CPU it waited for.
// What it showed here (2026-12-06, 2 busy loops): in hyperfine's runs after the first two, both loops sat on one
// CPU and Python ran alone on the other (≤ 5 ms of other tasks in its life); in buildbench's, Python shared its
// CPU with a loop (34–158 ms of the loop's time in a 106–208 ms life). An idle CPU pulls a waiting task at once
// (the kernel's new-idle balancing), a busy CPU balances only now and then: hyperfine's runs follow each other
// without a moment of idle on their CPU, buildbench's builds have some 20 ms of its work between them (the
// build's cache state, its cgroup, the leftover check, results.json), and with `--prepare 'sleep 0.005'`
// hyperfine's runs read as buildbench's (footprint.bench.ts --hyperfine-gap 5).
// Needs perf and leave to trace the scheduler: root (or kernel.perf_event_paranoid = -1) and tracefs mounted
// (`mount -t tracefs nodev /sys/kernel/tracing`); it says so and exits 2 without them.
// Usage: node --import tsx bench/harness/placement.bench.ts [--beside loops|builds] [--hogs 2] [--runs 8]
//          [--hyperfine-gap 5]
// Not a test: it asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../../src/stats/descriptive.ts';
import { besideOf, loadWords, startLoad, stopLoad } from './beside.ts';

const { values } = parseArgs({
  options: {
    beside: { type: 'string', default: 'loops' },
    hogs: { type: 'string', default: '2' },
    runs: { type: 'string', default: '8' },
    'hyperfine-gap': { type: 'string', default: '5' },
  },
});
const beside = besideOf(values.beside);
const runs = Number(values.runs);
const gapMs = Number(values['hyperfine-gap']);
const PROGRAM = '/usr/bin/python3';
const COMMAND = `${PROGRAM} -c 'import asyncio, email.parser, http.client'`;
const bin = new URL('../../scripts/from-source.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-placement-'));

/** One scheduler slice from `perf sched timehist`: it ended at `end` (s) on `cpu` after `runMs` of CPU. */
interface Slice { end: number; cpu: number; task: string; runMs: number }

function record(name: string, argv: string[]): Slice[] {
  const data = path.join(dir, `${name}.data`);
  execFileSync('perf', ['sched', 'record', '-a', '-o', data, '--', ...argv], { cwd: dir, stdio: 'ignore' });
  const text = execFileSync('perf', ['sched', 'timehist', '-i', data], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  const slices: Slice[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([\d.]+)\s+\[(\d+)\]\s+(\S+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)/.exec(line);
    if (m) slices.push({ end: Number(m[1]), cpu: Number(m[2]), task: m[3]!, runMs: Number(m[4]) });
  }
  return slices;
}

/**
 * Per process of the command: its life and own CPU (ms), the time it waited while runnable (life − own CPU: the
 * command reads page-cached files and hardly sleeps), and who ran on the CPU it waited for: the other tasks'
 * slices that ended on that CPU between two of its own.
 */
function placement(slices: Slice[]) {
  const ours = (s: Slice) => s.task.startsWith(`${path.basename(PROGRAM)}[`);
  const byTask = new Map<string, Slice[]>();
  for (const s of slices) if (ours(s)) byTask.set(s.task, [...(byTask.get(s.task) ?? []), s]);
  return [...byTask.values()].map((own) => {
    const others = new Map<string, number>();
    for (let i = 1; i < own.length; i++) {
      const from = own[i - 1]!.end;
      const to = own[i]!.end - own[i]!.runMs / 1000;
      for (const s of slices) {
        if (s.cpu !== own[i]!.cpu || s.end <= from || s.end > to || ours(s) || s.task.startsWith('<idle>')) continue;
        const name = s.task.replace(/\[.*$/, '');
        others.set(name, (others.get(name) ?? 0) + s.runMs);
      }
    }
    const lifeMs = (own.at(-1)!.end - (own[0]!.end - own[0]!.runMs / 1000)) * 1000;
    const runMs = own.reduce((t, s) => t + s.runMs, 0);
    return { lifeMs, runMs, waitMs: Math.max(0, lifeMs - runMs), cpus: new Set(own.map((s) => s.cpu)).size, top: [...others.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2) };
  });
}

const probe = spawnSync('perf', ['sched', 'record', '-a', '-o', path.join(dir, 'probe.data'), '--', 'true'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  const why = probe.error?.message ?? probe.stderr.split('\n').find((l) => l.trim()) ?? `exit ${probe.status}`;
  console.error(`placement.bench: perf cannot trace the scheduler here (${why.trim()}); it needs perf, root and tracefs mounted`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(2);
}

writeFileSync(path.join(dir, 's.yaml'), `name: short\nproject: .\nruns: ${runs}\nwarmup: 1\ncache: warm\nvariants:\n  - name: cmd\n    build: ${JSON.stringify(COMMAND)}\n`);
const tools: Record<string, string[]> = {
  buildbench: [process.execPath, bin, 'run', 's.yaml', '--out', path.join(dir, 'out'), '--interference-threshold', 'off'],
  hyperfine: ['hyperfine', '--warmup', '1', '--runs', String(runs), COMMAND],
  ...(gapMs > 0 ? { [`hyperfine ${gapMs} ms apart`]: ['hyperfine', '--prepare', `sleep ${gapMs / 1000}`, '--warmup', '1', '--runs', String(runs), COMMAND] } : {}),
};
const load = startLoad({ beside, count: Number(values.hogs), dir });
try {
  console.log(`beside: ${loadWords({ beside, count: load.length })}; ${COMMAND}, ${runs} runs (and a warm-up) per tool, under perf sched`);
  for (const [name, argv] of Object.entries(tools)) {
    const runsSeen = placement(record(name.replaceAll(' ', '-'), argv));
    for (const r of runsSeen) {
      const who = r.top.filter(([, ms]) => ms >= 1).map(([t, ms]) => `${t} ${ms.toFixed(0)} ms`);
      console.log(`  ${name}: life ${r.lifeMs.toFixed(0)} ms, own CPU ${r.runMs.toFixed(0)} ms, waited ${r.waitMs.toFixed(0)} ms on ${r.cpus} CPU${r.cpus > 1 ? 's' : ''}${who.length ? `; ran instead: ${who.join(', ')}` : ''}`);
    }
    const m = (f: (r: (typeof runsSeen)[number]) => number) => median(runsSeen.map(f)).toFixed(0);
    console.log(`${name}: median life ${m((r) => r.lifeMs)} ms, own CPU ${m((r) => r.runMs)} ms, waited ${m((r) => r.waitMs)} ms (${runsSeen.length} processes)`);
  }
} finally {
  stopLoad(load);
  rmSync(dir, { recursive: true, force: true });
}
