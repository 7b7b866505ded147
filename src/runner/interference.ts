// What other processes did on the machine while a build ran: the machine's busy CPU time from /proc/stat over
// the build's window minus what the build's own tree used (GNU time's rusage) and what the harness itself used
// (process.cpuUsage), as a share of one core; the kernel's pressure stall totals (/proc/pressure/*, µs) over
// the same window; the load. A snapshot is a few small synchronous reads (well under a millisecond), taken
// outside the timed window.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { SampleInterference } from '../results/interference-schema.ts';

/** /proc/stat counts in USER_HZ ticks, 100 a second on Linux (sysconf(_SC_CLK_TCK); proc(5)). */
export const TICK_MS = 10;

const PSI = ['cpu', 'io', 'memory'] as const;

/** The machine's counters at one instant. */
export interface MachineSnapshot {
  /** Busy CPU time of all CPUs since boot (user, nice, system, irq, softirq, steal), ms. */
  busyMs: number;
  /** CPUs /proc/stat lists. */
  cpus: number;
  /** "some" stall totals since boot, µs; undefined where the kernel has no /proc/pressure. */
  psiUs?: Record<(typeof PSI)[number], number>;
  /** This process's own CPU since it started, µs (its samplers and pollers are not the build's neighbours). */
  harnessUs: number;
}

/** Reads the counters; undefined where there is no /proc/stat (not Linux). */
export function snapshotMachine(): MachineSnapshot | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const lines = stat.split('\n');
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is already inside user).
  const f = (lines[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const busyTicks = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (f[i] ?? 0), 0);
  const cpus = lines.filter((l) => /^cpu\d+ /.test(l)).length;
  const usage = process.cpuUsage();
  return { busyMs: busyTicks * TICK_MS, cpus, psiUs: readPsi(), harnessUs: usage.user + usage.system };
}

function readPsi(): MachineSnapshot['psiUs'] {
  const totals: Partial<Record<(typeof PSI)[number], number>> = {};
  for (const name of PSI) {
    try {
      const text = readFileSync(`/proc/pressure/${name}`, 'utf8');
      totals[name] = Number(/^some .*total=(\d+)/m.exec(text)?.[1] ?? 0);
    } catch {
      return undefined;
    }
  }
  return totals as MachineSnapshot['psiUs'];
}

/**
 * The interference of one build from the snapshots around it: `treeCpuMs` the build tree's own user + system
 * CPU, `wallMs` its window. foreignCpuPct is never below 0 (tick rounding can make the difference negative);
 * harnessCpuPct is this process's own CPU (all threads) in the window; psi in % of the window; loadAvg the
 * 1-minute load now.
 */
export function interferenceOf(opts: { before: MachineSnapshot; after: MachineSnapshot; treeCpuMs: number; wallMs: number }): SampleInterference {
  const { before, after, treeCpuMs, wallMs } = opts;
  const harnessMs = (after.harnessUs - before.harnessUs) / 1000;
  const foreignMs = Math.max(0, after.busyMs - before.busyMs - treeCpuMs - harnessMs);
  const pct = (x: number) => (wallMs > 0 ? round1((100 * x) / wallMs) : 0);
  const psi =
    before.psiUs && after.psiUs
      ? { cpu: pct((after.psiUs.cpu - before.psiUs.cpu) / 1000), io: pct((after.psiUs.io - before.psiUs.io) / 1000), memory: pct((after.psiUs.memory - before.psiUs.memory) / 1000) }
      : undefined;
  return { foreignCpuPct: pct(foreignMs), ...(psi ? { psi } : {}), harnessCpuPct: pct(harnessMs), loadAvg: round1(os.loadavg()[0] ?? 0) };
}

/**
 * True when other processes used more than `thresholdPct` % of one core during the build, beyond what the
 * tick counting of /proc/stat can tell apart: each CPU's busy count may be one tick off at each end, so up
 * to `cpus` ticks of foreign time are given the benefit of the doubt (a 100 ms build on 2 CPUs needs more
 * than 20 ms of foreign CPU on top of the threshold).
 */
export function isBusy(opts: { interference: SampleInterference; wallMs: number; cpus: number; thresholdPct: number }): boolean {
  const { interference, wallMs, cpus, thresholdPct } = opts;
  const foreignMs = (interference.foreignCpuPct / 100) * wallMs;
  return foreignMs - cpus * TICK_MS > (thresholdPct / 100) * wallMs;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
