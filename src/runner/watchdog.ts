// Builds run detached, in process groups of their own, so that a timeout can kill a whole tree. The price: if
// the harness itself dies without cleaning up (SIGKILL, the OOM killer), its current build would go on. A tiny
// watchdog shell outlives the harness by at most a second and then kills every process of the builds' cgroups
// (cgroup.ts) and every process that carries the run's marker in its environment (every build, set-up and
// launch inherits it).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cgroupSupport } from './cgroup.ts';

export const RUN_MARKER_ENV = 'BUILDBENCH_RUN';

/** Start the watchdog and mark this process's future children; returns the function that stops it. */
export function startWatchdog(): () => void {
  const marker = randomUUID();
  // The builds' cgroups first: they hold the daemons no marker finds (env -i); then the groups are removed.
  const cgroup = cgroupSupport();
  const killGroups = 'dir' in cgroup ? [`echo 1 > '${cgroup.dir}/cgroup.kill' 2>/dev/null; sleep 0.2; rmdir '${cgroup.dir}'/*/ '${cgroup.dir}' 2>/dev/null`] : [];
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    ...killGroups,
    `for f in /proc/[0-9]*/environ; do`,
    `  if grep -qz '^${RUN_MARKER_ENV}=${marker}$' "$f" 2>/dev/null; then p=\${f#/proc/}; kill -9 "\${p%/environ}" 2>/dev/null; fi`,
    `done`,
  ].join('\n');
  const env = { ...process.env };
  delete env[RUN_MARKER_ENV];
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', env });
  child.unref();
  process.env[RUN_MARKER_ENV] = marker;
  return () => {
    if (process.env[RUN_MARKER_ENV] === marker) delete process.env[RUN_MARKER_ENV];
    try {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
