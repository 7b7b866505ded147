// A variant's service (the Gradle-daemon / sccache-server case): up before its first build, reused by every
// build (not killed as a build's leftover), stopped after its last build, nothing left running.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesMatching, runScenario } from '../runner/helpers.ts';
import { writeScenario } from './helpers.ts';

describe('a variant with a service', () => {
  it('starts it once, its builds find it running, and it is stopped after the last build', async () => {
    const file = writeScenario({
      yaml: `name: svc
project: project
runs: 3
warmup: 1
cache: warm
variants:
  - name: with-server
    service:
      run: echo $$ >> {cache}/service.pid; exec sleep 310.5
      stop: echo stopping
    build: "sleep 0.3; test $(wc -l < {cache}/service.pid) = 1 && kill -0 $(cat {cache}/service.pid) && echo server-found"
`,
    });
    const [v] = (await runScenario({ file })).variants;
    expect(v!.status).toBe('ok');
    expect(v!.samples).toHaveLength(3);
    // Every build found the one server and left nothing to kill: warm really was warm.
    for (const s of [...v!.warmups, ...v!.samples]) {
      expect(readFileSync(path.join(path.dirname(file), 'out', s.log), 'utf8')).toBe('server-found\n');
      expect(s.killedAfter).toBeUndefined();
    }
    expect(readFileSync(path.join(path.dirname(file), 'out', 'logs', 'svc+with-server@warm', 'service-stop.log'), 'utf8')).toBe('stopping\n');
    expect(processesMatching('sleep 310.5')).toEqual([]);
  });
});
