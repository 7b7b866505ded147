// The harness's own footprint on short builds under load: buildbench (the real CLI, its calibrated overhead
// subtracted) against hyperfine (its shell spawn subtracted) on the same commands, in alternating blocks so
// drift spreads over both, with `--hogs N` busy loops started beside them (load ≈ N on top of whatever else
// runs). Prints per command each block's medians and the ratio buildbench / hyperfine, and the median ratio.
// Where the scheduler puts the hogs decides how much CPU a short build gets (two hogs sharing one CPU leave the
// other free), and it can change between blocks: `--pin` pins hog i to CPU i (taskset), so every block of both
// tools sees the same machine. The pooled line compares all of buildbench's samples with all of hyperfine's.
// Usage: node --import tsx bench/harness/footprint.bench.ts [--hogs 2] [--pin] [--blocks 3] [--runs 10] [--only python]
// Target: commands of 20 ms and more within 5% of hyperfine. Not a test: it asserts nothing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { hogs: { type: 'string', default: '2' }, pin: { type: 'boolean', default: false }, blocks: { type: 'string', default: '3' }, runs: { type: 'string', default: '10' }, only: { type: 'string' } },
});
const runs = Number(values.runs);
const COMMANDS: { name: string; command: string }[] = [
  { name: 'python-import', command: "/usr/bin/python3 -c 'import json, decimal'" },
  { name: 'python-start', command: "/usr/bin/python3 -c 'import asyncio, email.parser, http.client'" },
  { name: 'sleep', command: 'sleep 0.2' },
].filter((c) => !values.only || c.name.includes(values.only));
const bin = new URL('../../scripts/from-source.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-footprint-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function buildbench(command: string): number[] {
  const yaml = `name: short\nproject: .\nruns: ${runs}\nwarmup: 1\ncache: warm\nvariants:\n  - name: cmd\n    build: ${JSON.stringify(command)}\n`;
  writeFileSync(path.join(dir, 's.yaml'), yaml);
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [bin, 'run', 's.yaml', '--out', out, '--interference-threshold', 'off'], { cwd: dir, stdio: 'ignore' });
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { variants: { samples: { wallMs: number }[] }[] };
  return results.variants[0]!.samples.map((s) => s.wallMs);
}

function hyperfine(command: string): number[] {
  const json = path.join(dir, 'hf.json');
  execFileSync('hyperfine', ['--warmup', '1', '--runs', String(runs), '--export-json', json, command], { stdio: 'ignore' });
  return (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results[0]!.times.map((s) => s * 1000);
}

// Each hog in a session of its own, as other work on a machine is: with the scheduler's autogroups (Linux
// sched_autogroup_enabled) a hog in this script's session would share a group with hyperfine's commands but not
// with buildbench's builds, which run in sessions of their own, and the comparison would measure that instead.
const cpus = os.cpus().length;
const hogs: ChildProcess[] = Array.from({ length: Number(values.hogs) }, (_, i) =>
  values.pin ? spawn('taskset', ['-c', String(i % cpus), 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore', detached: true }) : spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore', detached: true }),
);
try {
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus} CPUs, ${hogs.length} busy loops beside${values.pin ? ', one pinned to each CPU in turn' : ''}`);
  for (const { name, command } of COMMANDS) {
    const ratios: number[] = [];
    const pooled = { bb: [] as number[], hf: [] as number[] };
    for (let b = 0; b < Number(values.blocks); b++) {
      // Alternate which tool goes first, so a trend in the machine's load favours neither.
      const [bb, hf] = b % 2 === 0 ? [buildbench(command), hyperfine(command)] : (() => { const h = hyperfine(command); return [buildbench(command), h]; })();
      pooled.bb.push(...bb);
      pooled.hf.push(...hf);
      const ratio = median(bb) / median(hf);
      ratios.push(ratio);
      console.log(`${name} block ${b + 1}: buildbench ${median(bb).toFixed(1)} ms, hyperfine ${median(hf).toFixed(1)} ms, ratio ${ratio.toFixed(3)}`);
    }
    console.log(`${name}: median ratio ${median(ratios).toFixed(3)} (${ratios.map((r) => r.toFixed(3)).join(', ')}); pooled ${median(pooled.bb).toFixed(1)} against ${median(pooled.hf).toFixed(1)} ms, ratio ${(median(pooled.bb) / median(pooled.hf)).toFixed(3)}; load ${os.loadavg()[0]!.toFixed(2)}`);
  }
} finally {
  for (const h of hogs) h.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
