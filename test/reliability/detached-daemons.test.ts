// Every process a build starts is ended after its sample and counted, however it detaches: a new session
// (setsid) with a cleared environment (env -i, as sudo, systemd-run or a daemon's own re-exec do), a double
// fork, nohup. Each build waits until its daemon runs `sleep`, so what is counted does not depend on timing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cgroupSupport, removeStaleGroups } from '../../src/runner/cgroup.ts';
import { processesMatching, runScenario } from '../runner/helpers.ts';
import { survivors, waitFor, writeScenario } from './helpers.ts';

/** A build that starts `daemon` in the background (it ends in `sleep <token>`) and returns once that sleep runs. */
const detaching = (name: string, daemon: string, token: string) => `  - name: ${name}
    build: "${daemon} & until pgrep -f '^sleep ${token}' >/dev/null; do sleep 0.01; done; echo built"
`;

const yaml = `name: daemons
project: project
runs: 2
warmup: 0
cache: warm
variants:
${detaching('setsid-env-i', "setsid env -i sh -c 'exec sleep 311.1' >/dev/null 2>&1", '311.1')}\
${detaching('double-fork', "(setsid env -i sleep 311.2 >/dev/null 2>&1 &)", '311.2')}\
${detaching('nohup', 'nohup setsid env -i sleep 311.3 >/dev/null 2>&1', '311.3')}\
${detaching('re-exec', `env -i sh -c 'setsid sh -c \\"exec sleep 311.4\\" </dev/null >/dev/null 2>&1 &'`, '311.4')}\
  - name: clean
    build: "true"
`;

describe('a build whose daemon leaves its process group and its marker', () => {
  it('has the daemon found through its cgroup, killed after every sample and counted', async () => {
    const results = await runScenario({ file: writeScenario({ yaml }) });
    expect(results.environment.processCleanup).toEqual({ method: 'cgroup' });
    const byName = Object.fromEntries(results.variants.map((v) => [v.variant, v]));
    for (const name of ['setsid-env-i', 'double-fork', 'nohup', 're-exec']) {
      expect({ name, status: byName[name]!.status }).toEqual({ name, status: 'ok' });
      expect([name, byName[name]!.samples.map((s) => [s.cleanup, s.killedAfter])]).toEqual([
        name,
        [
          ['cgroup', { count: 1, commands: ['sleep'] }],
          ['cgroup', { count: 1, commands: ['sleep'] }],
        ],
      ]);
    }
    expect(byName.clean!.samples.map((s) => [s.cleanup, s.killedAfter])).toEqual([
      ['cgroup', undefined],
      ['cgroup', undefined],
    ]);
    // The cgroup's CPU covers the daemon's start too: never below what GNU time saw of the waited tree.
    for (const s of byName.clean!.samples) expect(s.groupUserMs! + s.groupSysMs!).toBeGreaterThan(0);
    expect(await survivors('sleep 311.')).toEqual([]);
  });

  it('falls back to the process group and marker scan when no cgroup may be made, and says so', async () => {
    process.env.BUILDBENCH_CGROUP = '0';
    try {
      const file = writeScenario({
        yaml: `name: fallback
project: project
runs: 1
warmup: 0
cache: warm
variants:
${detaching('setsid', "setsid sh -c 'exec sleep 311.5' >/dev/null 2>&1", '311.5')}`,
      });
      const results = await runScenario({ file });
      expect(results.environment.processCleanup).toEqual({ method: 'scan', why: 'BUILDBENCH_CGROUP=0' });
      const [v] = results.variants;
      expect(v!.samples.map((s) => [s.cleanup, s.killedAfter, s.groupUserMs])).toEqual([['scan', { count: 1, commands: ['sleep'] }, undefined]]);
      expect(processesMatching('sleep 311.5')).toEqual([]);
    } finally {
      delete process.env.BUILDBENCH_CGROUP;
    }
  });

  it('removes the groups a killed buildbench left, with what still ran in them', async () => {
    const support = cgroupSupport();
    if (!('dir' in support)) throw new Error(`no cgroup here: ${support.why}`);
    const base = path.dirname(support.dir);
    const stale = path.join(base, `buildbench-${spawnSync('true').pid}`, 'b1');
    mkdirSync(stale, { recursive: true });
    spawn('sh', ['-c', `echo $$ > '${stale}/cgroup.procs'; exec sleep 311.9`], { detached: true, stdio: 'ignore' }).unref();
    expect(await waitFor(() => processesMatching('^sleep 311.9').length === 1)).toBe(true);
    removeStaleGroups(base);
    expect(await survivors('sleep 311.9')).toEqual([]);
    expect([existsSync(stale), existsSync(support.dir)]).toEqual([false, true]);
  });
});
