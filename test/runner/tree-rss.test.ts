// The tree's peak RSS is the sum of every process of the build at one instant, whether the members come from the
// build's cgroup or from a scan of /proc for its process group (no cgroup): two Python processes holding 48 MiB
// each at the same time read about twice what the largest one alone does (GNU time's maxRssKb).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInGroup } from '../../src/runner/process-group.ts';
import { cgroupSupport } from '../../src/runner/cgroup.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOLD = `/usr/bin/python3 -c 'import time; b = bytearray(48 << 20); b[::4096] = b"x" * len(b[::4096]); time.sleep(0.8)'`;
const COMMAND = `${HOLD} & ${HOLD} & wait`;

async function twoHolders() {
  const dir = tempDir('bb-tree-rss-');
  mkdirSync(path.join(dir, 'logs'));
  return runInGroup({ command: COMMAND, cwd: dir, env: process.env, logFile: path.join(dir, 'logs', 'b.log') });
}

describe('the tree RSS of a build with two large processes at once', () => {
  afterEach(() => {
    delete process.env.BUILDBENCH_CGROUP;
  });

  it.skipIf(!('dir' in cgroupSupport()))('sums both, members from the build’s cgroup', async () => {
    const run = await twoHolders();
    expect(run.exitCode).toBe(0);
    expect(run.cleanup).toBe('cgroup');
    expect(run.maxRssKb).toBeGreaterThan(48 * 1024);
    expect(run.treeRssKb).toBeGreaterThan(1.7 * run.maxRssKb);
  });

  it('sums both, members from a scan of the process group (no cgroup)', async () => {
    process.env.BUILDBENCH_CGROUP = '0';
    const run = await twoHolders();
    expect(run.exitCode).toBe(0);
    expect(run.cleanup).toBe('scan');
    expect(run.maxRssKb).toBeGreaterThan(48 * 1024);
    expect(run.treeRssKb).toBeGreaterThan(1.7 * run.maxRssKb);
  });
});
