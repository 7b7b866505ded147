// The environment fingerprint: enough to tell whether two runs can be compared.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { simpleGit } from 'simple-git';
import type { Environment, ToolInfo } from '../results/schema.ts';
import { callerVariables } from './env-policy.ts';
import { cgroupSupport } from './cgroup.ts';

/**
 * The machine a run measured on: OS, kernel, CPU model and cores, memory (bytes), load average before (1, 5,
 * 15 min), Node, host name, the git state of `cwd` (commit, branch, dirty), `tools` as checked, how leftovers are ended
 * (processCleanup) and the caller's variables the environment policy removed or passed on (env-policy.ts). Never throws:
 * what cannot be read is recorded as unknown.
 */
export async function fingerprintEnvironment(opts: { cwd: string; tools: ToolInfo[] }): Promise<Environment> {
  return {
    os: osName(),
    kernel: os.release(),
    arch: os.arch(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    loadAvgBefore: os.loadavg().map((x) => Math.round(x * 100) / 100),
    loadAvgAfter: [],
    node: process.version,
    hostname: os.hostname(),
    git: await gitState(opts.cwd),
    tools: opts.tools,
    processCleanup: processCleanup(),
    callerVariables: callerVariables(process.env),
  };
}

/** The run's way of ending what builds leave running (cgroup.ts), and why it is the scan when it is. */
export function processCleanup(): NonNullable<Environment['processCleanup']> {
  const support = cgroupSupport();
  return 'dir' in support ? { method: 'cgroup' } : { method: 'scan', why: support.why };
}

function osName(): string {
  try {
    const text = execFileSync('cat', ['/etc/os-release'], { encoding: 'utf8' });
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? `${os.type()} ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

async function gitState(cwd: string): Promise<Environment['git']> {
  try {
    const git = simpleGit({ baseDir: cwd });
    if (!(await git.checkIsRepo())) return null;
    const commit = (await git.revparse(['HEAD'])).trim();
    const branch = (await git.revparse(['--abbrev-ref', 'HEAD'])).trim();
    const status = await git.status();
    return { commit, branch: branch === 'HEAD' ? null : branch, dirty: !status.isClean() };
  } catch {
    return null;
  }
}
