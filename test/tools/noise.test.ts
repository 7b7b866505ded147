// The noise check reads the machine and advises; it changes nothing. Findings from a described machine, and
// the real check on this one (its shape, not its figures: the machine is shared).
import { spawn } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkNoise, formatNoise, noiseLine } from '../../src/tools/index.ts';
import { noiseFindings, type NoiseCheck } from '../../src/tools/noise.ts';
import { busiestProcesses } from '../../src/tools/busiest.ts';

const machine = (over: Partial<NoiseCheck> = {}): NoiseCheck => ({
  governors: ['performance'],
  turbo: false,
  smt: false,
  cpus: 8,
  loadAvg: [0.2, 0.3, 0.3],
  availableBytes: 12 * 2 ** 30,
  totalBytes: 16 * 2 ** 30,
  swapTotalBytes: 0,
  swapUsedBytes: 0,
  view: { statCpus: 8, usableCpus: 8, ownCgroupNamespace: false, machineOwn: true },
  busiest: [],
  ...over,
});

describe('noise findings', () => {
  it('a tuned, idle machine gets no advice', () => {
    expect(noiseFindings(machine()).filter((f) => f.advice)).toEqual([]);
    expect(formatNoise(machine())).toContain('nothing here makes build times noisy');
    expect(noiseLine(machine())).toBe('machine: load 0.20 on 8 CPUs — quiet');
  });
  it('advises on each noisy setting it reads, and names the busiest processes in the run line', () => {
    const noisy = machine({
      governors: ['powersave'],
      turbo: true,
      smt: true,
      loadAvg: [6, 5, 4],
      view: { statCpus: 8, usableCpus: 8, quotaCores: 2, ownCgroupNamespace: true, machineOwn: false, why: 'a cgroup CPU quota of 2 cores on a machine /proc/stat shows with 8' },
      busiest: [{ pid: 42, command: 'cc1plus', cores: 0.97 }],
    });
    expect(noiseFindings(noisy).filter((f) => f.advice).map((f) => f.label)).toEqual([
      'CPU frequency governor',
      'turbo / boost',
      'SMT siblings',
      'load average',
      'cgroup CPU quota',
      'busiest other processes',
    ]);
    expect(noiseLine(noisy)).toBe(
      'machine: load 6.00 on 8 CPUs; busiest other processes (cores): cc1plus 1.0 — noisy: CPU frequency governor, turbo / boost, SMT siblings, load average, cgroup CPU quota, busiest other processes (buildbench doctor --noise)',
    );
  });
});

describe('busiestProcesses', () => {
  it('finds a real busy loop among the busiest', async () => {
    const hog = spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' });
    onTestFinished(() => void hog.kill('SIGKILL'));
    const busy = await busiestProcesses({ windowMs: 400, top: 50 });
    expect(busy.map((p) => p.pid)).toContain(hog.pid);
  });
  it('checks this machine without changing it', async () => {
    const check = await checkNoise({ windowMs: 50 });
    expect(check.cpus).toBeGreaterThan(0);
    expect(formatNoise(check).split('\n')[0]).toBe('noise check (reads only; buildbench changes nothing on the machine):');
  });
});
