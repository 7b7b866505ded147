// Readiness of a GUI app with no test hook (a real Tauri app): the launch gets a private Xvfb display and is
// ready when its window is shown. xmessage stands in for the app: it maps a titled top-level window.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/results/io.ts';
import { scenarioDir, startCli, survivors } from './helpers.ts';

// Shows its window only after 0.4 s: a launch counted ready before the window would read less than that.
const APP = `#!/bin/sh
sleep 0.4
exec xmessage -title "Notes - main" "hello from $DISPLAY"
`;

describe('smoke.window', () => {
  it('times a launch until its window is shown on a private display, and stops the display with it', async () => {
    const dir = scenarioDir(`name: gui
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: shows
    build: mkdir -p dist && cp app.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", window: "^Notes", timeoutS: 30 }
  - name: other-title
    build: mkdir -p dist && cp app.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", window: "^Settings$", timeoutS: 3 }
`);
    writeFileSync(path.join(dir, 'proj', 'app.sh'), APP);
    chmodSync(path.join(dir, 'proj', 'app.sh'), 0o755);
    // DISPLAY unset: the app can only show its window on the display buildbench starts. The mark tells this
    // run's Xvfb from another buildbench's on the machine (a real run's display was killed by this test).
    const mark = `BB_WINDOW_TEST=${process.pid}-${Date.now()}`;
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir, env: { DISPLAY: '', BB_WINDOW_TEST: mark.split('=')[1]! } });
    await cli.exit;
    const results = readResultsFile(path.join(dir, 'out')).value!;
    const shows = results.variants.find((v) => v.variant === 'shows')!;
    expect(shows.status, shows.reason ?? '').toBe('ok');
    expect(shows.startup, shows.reason ?? '').toMatchObject({ readyOk: true });
    expect(shows.startup!.firstMs!).toBeGreaterThanOrEqual(400);
    const other = results.variants.find((v) => v.variant === 'other-title')!;
    // Built, but its window never shows: its build figures stay (status ok), its start-up is marked not ready.
    expect(other.status).toBe('ok');
    expect(other.startup).toMatchObject({ readyOk: false });
    expect(other.reason).toMatch(/^built, does not start: .*not ready within 3 s/);
    expect(await survivors('Xvfb -displayfd', { environ: mark })).toEqual([]);
    expect(await survivors('xmessage -title')).toEqual([]);
  });

  it('launches again on a fresh display when its display stopped accepting clients under the app', async () => {
    const dir = scenarioDir(`name: gui
project: proj
runs: 1
warmup: 0
cache: cold
variants:
  - name: display-dies
    build: mkdir -p dist && cp app.sh dist/app
    artifact: dist/app
    smoke: { run: "{artifact}", window: "^Notes", timeoutS: 30 }
`);
    // Its first launch ends the Xvfb it was given (this run's: the one with the test's mark), as the display a real
    // run lost did, and fails as GTK does; every later launch shows its window.
    const mark = `${process.pid}-${Date.now()}`;
    writeFileSync(path.join(dir, 'proj', 'app.sh'), `#!/bin/sh
if [ ! -e display-killed ]; then
  touch display-killed
  for p in $(pgrep -f "Xvfb -displayfd"); do grep -qa "BB_WINDOW_TEST=${mark}" /proc/$p/environ && kill $p; done
  sleep 0.5
  echo "(app): Gtk-WARNING **: cannot open display: $DISPLAY" >&2
  exit 1
fi
exec xmessage -title "Notes - main" "hello from $DISPLAY"
`);
    chmodSync(path.join(dir, 'proj', 'app.sh'), 0o755);
    const cli = startCli({ args: ['run', 's.yaml', '--out', 'out', '--seed', '1'], cwd: dir, env: { DISPLAY: '', BB_WINDOW_TEST: mark } });
    await cli.exit;
    const v = readResultsFile(path.join(dir, 'out')).value!.variants[0]!;
    expect(v.status, v.reason ?? '').toBe('ok');
    expect(v.startup, v.reason ?? '').toMatchObject({ readyOk: true });
    expect(v.startup!.launches!.map((l) => l.state)).toEqual(['first', 'warm']);
    expect(await survivors('Xvfb -displayfd', { environ: `BB_WINDOW_TEST=${mark}` })).toEqual([]);
  });
});
