// Whether /proc/stat counts this machine's CPUs and processes only, or a host's that this process shares
// through a container: read from the cgroup's CPU quota (cgroup v2 cpu.max, v1 cpu.cfs_quota_us), its cpuset
// and whether the process has a cgroup namespace of its own. The runner trusts its interference measure only on
// the machine's own view; the doctor prints the same facts.
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

/** The init cgroup namespace's inode (PROC_CGROUP_INIT_INO, include/linux/proc_ns.h): any other is a container's. */
const INIT_CGROUP_NS = 'cgroup:[4026531835]';

/** What limits this process's CPUs, and whether /proc/stat is the machine's own view. */
export interface CpuView {
  /** CPUs /proc/stat lists (cpu0, cpu1 …). */
  statCpus: number;
  /** CPUs this process may run on (sched_getaffinity: os.availableParallelism). */
  usableCpus: number;
  /** The cgroup's CPU quota in cores (cpu.max or cfs_quota_us / cfs_period_us); undefined when unlimited. */
  quotaCores?: number;
  /** True when the process has a cgroup namespace of its own (a container). */
  ownCgroupNamespace: boolean;
  /** False when /proc/stat counts more than this process's share: then `why` says what. */
  machineOwn: boolean;
  why?: string;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** The cgroup CPU quota in cores, from cgroup v2's `cpu.max` ("max 100000" or "200000 100000") or v1's pair of files. */
export function readQuotaCores(root = '/sys/fs/cgroup'): number | undefined {
  const v2 = read(`${root}/cpu.max`)?.split(/\s+/);
  if (v2 && v2[0] !== 'max') return Number(v2[0]) / Number(v2[1] ?? 100000);
  const quota = Number(read(`${root}/cpu/cpu.cfs_quota_us`) ?? -1);
  const period = Number(read(`${root}/cpu/cpu.cfs_period_us`) ?? 100000);
  return quota > 0 && period > 0 ? quota / period : undefined;
}

/** Reads the view once (a few small files). Never throws: what cannot be read counts as unlimited. */
export function readCpuView(): CpuView {
  const statCpus = (read('/proc/stat') ?? '').split('\n').filter((l) => /^cpu\d+ /.test(l)).length || os.cpus().length;
  const usableCpus = os.availableParallelism();
  const quotaCores = readQuotaCores();
  let ns: string | undefined;
  try {
    ns = readlinkSync('/proc/self/ns/cgroup');
  } catch {
    ns = undefined;
  }
  const ownCgroupNamespace = ns !== undefined && ns !== INIT_CGROUP_NS;
  const why =
    quotaCores !== undefined && quotaCores < statCpus
      ? `a cgroup CPU quota of ${round2(quotaCores)} cores on a machine /proc/stat shows with ${statCpus}`
      : usableCpus < statCpus
        ? `${usableCpus} of the ${statCpus} CPUs /proc/stat shows are usable here (cpuset)`
        : ownCgroupNamespace
          ? 'a container (a cgroup namespace of its own): /proc/stat counts the host’s processes'
          : undefined;
  return { statCpus, usableCpus, ...(quotaCores !== undefined ? { quotaCores } : {}), ownCgroupNamespace, machineOwn: why === undefined, ...(why ? { why } : {}) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
