// A variant's service (a Gradle daemon, an sccache server): started once before the variant's first build,
// in a process group and with a marker of its own, so the clean-up after each build (which kills what a build
// leaves running) spares it, and stopped after the variant's last build: its `stop` command, then its cgroup,
// its group and everything carrying its marker.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { PlannedVariant } from '../plan/plan.ts';
import { slugOf } from '../plan/plan.ts';
import { expandCommand } from '../scenario/placeholders.ts';
import { buildEnv, placeholderValues } from './build-env.ts';
import { BuildCgroup } from './cgroup.ts';
import { killGroup, killMarked } from './kill.ts';
import { runInGroup } from './process-group.ts';

const SERVICE_MARKER_ENV = 'BUILDBENCH_SERVICE';

export interface RunningService {
  stop: () => Promise<void>;
}

/** Start the variant's service, its output to logs/<variant>/service.log in the out dir. */
export function startService(planned: PlannedVariant, outDir: string): RunningService {
  const service = planned.variant.service!;
  const values = placeholderValues(planned);
  const env = buildEnv(planned, values);
  const marker = randomUUID();
  const logDir = path.join(outDir, 'logs', slugOf(planned.id));
  mkdirSync(logDir, { recursive: true });
  const fd = openSync(path.join(logDir, 'service.log'), 'w');
  // A cgroup of its own (so each build's clean-up spares it), ended when the service is stopped.
  const cgroup = BuildCgroup.create();
  const child = spawn('sh', ['-c', `${cgroup?.enterScript() ?? ''}${expandCommand(service.run, values)}`], {
    cwd: planned.workdir,
    env: { ...env, [SERVICE_MARKER_ENV]: marker },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  child.on('error', () => {}); // a service that cannot start shows in its builds, which fail without it
  child.unref();
  return {
    async stop() {
      if (service.stop) {
        await runInGroup({ command: expandCommand(service.stop, values), cwd: planned.workdir, env, logFile: path.join(logDir, 'service-stop.log'), timeoutMs: 60_000 });
      }
      if (child.pid) killGroup(child.pid, 0);
      await cgroup?.end();
      await killMarked(marker, SERVICE_MARKER_ENV);
    },
  };
}
