// `buildbench doctor --noise` and the line `run` prints first: what on this machine makes build times noisy —
// the CPU frequency governor, turbo/boost, SMT siblings, the load, free memory and swap, a cgroup CPU quota and
// the busiest other processes — each with advice. It only reads: tuning a machine is the owner's call (a
// tuning tool left a user's system unstable: psf/pyperf#158).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { readCpuView, type CpuView } from '../common/cpu-view.ts';
import { busiestProcesses, type BusyProcess } from './busiest.ts';

/** What the noise check read. Absent fields: the machine does not expose them (a VM, a container). */
export interface NoiseCheck {
  /** scaling_governor of each CPU, distinct values. */
  governors: string[];
  /** true: turbo/boost on; false: off; undefined: not exposed. */
  turbo?: boolean;
  /** true: SMT (hyper-threading) active, so two logical CPUs share a core. */
  smt?: boolean;
  cpus: number;
  loadAvg: number[];
  availableBytes: number;
  totalBytes: number;
  swapTotalBytes: number;
  swapUsedBytes: number;
  view: CpuView;
  busiest: BusyProcess[];
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

function governors(): string[] {
  let cpus: string[];
  try {
    cpus = readdirSync('/sys/devices/system/cpu').filter((n) => /^cpu\d+$/.test(n));
  } catch {
    return [];
  }
  return [...new Set(cpus.flatMap((c) => read(`/sys/devices/system/cpu/${c}/cpufreq/scaling_governor`) ?? []))];
}

function turbo(): boolean | undefined {
  const noTurbo = read('/sys/devices/system/cpu/intel_pstate/no_turbo');
  if (noTurbo !== undefined) return noTurbo === '0';
  const boost = read('/sys/devices/system/cpu/cpufreq/boost');
  return boost === undefined ? undefined : boost === '1';
}

function meminfo(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of (read('/proc/meminfo') ?? '').split('\n')) {
    const m = /^(\w+):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]!] = Number(m[2]) * 1024;
  }
  return out;
}

/** Reads the machine (about `windowMs`, default 500, to see which processes are busy). Never throws. */
export async function checkNoise(opts: { windowMs?: number } = {}): Promise<NoiseCheck> {
  const mem = meminfo();
  const smt = read('/sys/devices/system/cpu/smt/active');
  const t = turbo();
  return {
    governors: governors(),
    ...(t !== undefined ? { turbo: t } : {}),
    ...(smt !== undefined ? { smt: smt === '1' } : {}),
    cpus: os.cpus().length,
    loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    availableBytes: mem.MemAvailable ?? os.freemem(),
    totalBytes: mem.MemTotal ?? os.totalmem(),
    swapTotalBytes: mem.SwapTotal ?? 0,
    swapUsedBytes: (mem.SwapTotal ?? 0) - (mem.SwapFree ?? 0),
    view: readCpuView(),
    busiest: await busiestProcesses({ windowMs: opts.windowMs }),
  };
}

/** One finding: what was read, and advice when it makes builds noisy. */
export interface NoiseFinding {
  label: string;
  value: string;
  advice?: string;
}

const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;

/** The findings of a check, in the order a person reads them. Pure. */
export function noiseFindings(c: NoiseCheck): NoiseFinding[] {
  const steady = ['performance'];
  const gov = c.governors;
  const busyCores = c.busiest.reduce((a, p) => a + p.cores, 0);
  const findings: NoiseFinding[] = [
    gov.length === 0
      ? { label: 'CPU frequency governor', value: 'not exposed (a VM or container: the host decides)' }
      : {
          label: 'CPU frequency governor',
          value: gov.join(', '),
          ...(gov.some((g) => !steady.includes(g)) ? { advice: 'the clock follows the load: `sudo cpupower frequency-set -g performance` keeps it steady while you measure' } : {}),
        },
    c.turbo === undefined
      ? { label: 'turbo / boost', value: 'not exposed' }
      : { label: 'turbo / boost', value: c.turbo ? 'on' : 'off', ...(c.turbo ? { advice: 'turbo clocks vary with heat and with how many cores are busy: turning it off (intel_pstate/no_turbo or cpufreq/boost) steadies build times' } : {}) },
    c.smt === undefined
      ? { label: 'SMT siblings', value: 'not exposed' }
      : { label: 'SMT siblings', value: c.smt ? 'active: two logical CPUs share each core' : 'none', ...(c.smt ? { advice: 'a process on a sibling thread slows a build down without showing as load: keep the machine otherwise idle' } : {}) },
    {
      label: 'load average',
      value: `${c.loadAvg.map((x) => x.toFixed(2)).join(' ')} on ${c.cpus} CPUs`,
      ...((c.loadAvg[0] ?? 0) > c.cpus / 2 ? { advice: 'other work is running: builds measured beside it are slower and noisier (buildbench re-measures the builds it catches, at a cost in time)' } : {}),
    },
    {
      label: 'memory and swap',
      value: `${gib(c.availableBytes)} available of ${gib(c.totalBytes)}; ${c.swapTotalBytes > 0 ? `swap ${gib(c.swapUsedBytes)} used of ${gib(c.swapTotalBytes)}` : 'no swap'}`,
      ...(c.availableBytes < 0.1 * c.totalBytes || c.swapUsedBytes > 0.1 * c.swapTotalBytes && c.swapUsedBytes > 2 ** 28
        ? { advice: 'little memory to spare: page cache and swap make I/O-bound builds vary; close memory-hungry programs' }
        : {}),
    },
    {
      label: 'cgroup CPU quota',
      value: c.view.quotaCores === undefined ? 'none' : `${c.view.quotaCores} cores`,
      ...(c.view.why ? { advice: `${c.view.why}: buildbench records interference but cannot tell the host's processes from its own neighbours, so it re-measures nothing` } : {}),
    },
    {
      label: 'busiest other processes',
      value: c.busiest.length === 0 ? 'none above 5% of a core' : c.busiest.map((p) => `${p.command} (${p.pid}) ${p.cores.toFixed(2)} core`).join(', '),
      ...(busyCores >= 0.25 ? { advice: `they use ${busyCores.toFixed(1)} of a core: stop them, or measure when they are done` } : {}),
    },
  ];
  return findings;
}

/** The line `run` prints before its first build: the load, what is busy, and the worst finding's advice. Pure. */
export function noiseLine(c: NoiseCheck): string {
  const top = c.busiest.slice(0, 3).map((p) => `${p.command} ${p.cores.toFixed(1)}`).join(', ');
  const advised = noiseFindings(c).filter((f) => f.advice).map((f) => f.label);
  const busy = top ? `; busiest other processes (cores): ${top}` : '';
  const tail = advised.length > 0 ? ` — noisy: ${advised.join(', ')} (buildbench doctor --noise)` : ' — quiet';
  return `machine: load ${c.loadAvg[0]?.toFixed(2)} on ${c.cpus} CPUs${busy}${tail}`;
}

/** The whole check as text: one line per finding, then the advice; it says that it changed nothing. Pure. */
export function formatNoise(c: NoiseCheck): string {
  const findings = noiseFindings(c);
  const width = Math.max(...findings.map((f) => f.label.length));
  const lines = findings.map((f) => `  ${f.label.padEnd(width)}  ${f.value}`);
  const advice = findings.filter((f) => f.advice).map((f) => `  - ${f.label}: ${f.advice}`);
  return [
    'noise check (reads only; buildbench changes nothing on the machine):',
    ...lines,
    '',
    ...(advice.length > 0 ? ['advice:', ...advice] : ['nothing here makes build times noisy']),
  ].join('\n');
}
