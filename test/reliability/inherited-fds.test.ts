// A build inherits no file descriptor of buildbench's beyond 0–2: not GNU time's output file (it was fd 3 in
// every build, which a make in the build took for a jobserver pipe), and not the descriptors buildbench
// itself inherited from whoever started it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, exec } from '../e2e/helpers.ts';
import { runScenario } from '../runner/helpers.ts';
import { scenarioDir, writeScenario } from './helpers.ts';

// `ls` with no redirection of its own: a redirected command makes dash keep the saved stdout on fd 10 meanwhile.
const yaml = (project: string) => `name: fds
project: ${project}
runs: 1
warmup: 0
cache: cold
variants:
  - name: list
    build: ls /proc/$$/fd
`;

const logOf = (dir: string, out: string) => readFileSync(path.join(dir, out, 'logs', 'fds+list@cold', '1.log'), 'utf8').trim().split('\n');

describe('the descriptors a build inherits', () => {
  it('are 0, 1 and 2 only (GNU time’s output file is not among them)', async () => {
    const file = writeScenario({ yaml: yaml('project') });
    const [v] = (await runScenario({ file })).variants;
    expect(v!.status).toBe('ok');
    expect(logOf(path.dirname(file), 'out')).toEqual(['0', '1', '2']);
  });

  it('are 0, 1 and 2 only when buildbench was started with more descriptors open', async () => {
    const dir = scenarioDir(yaml('proj'));
    // A caller's descriptors without close-on-exec (a CI agent's, a terminal multiplexer's). Node 20 marks
    // 3–18 close-on-exec at start (so a make recipe's jobserver fds 3,4 stop there), but not 19 and above.
    const start = `exec 19</dev/null 200<>/dev/null; exec "${process.execPath}" "${BIN}" run s.yaml --out out`;
    const r = await exec({ command: 'bash', args: ['-c', start], cwd: dir });
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(logOf(dir, 'out')).toEqual(['0', '1', '2']);
  });
});
