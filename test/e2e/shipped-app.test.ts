// The shipped-app pipeline end to end on tiny real builds: a producer scenario "freezes" one-file sidecars
// (shell scripts: one that starts, one that exits 1), a consumer scenario drops each into a real .deb built by
// dpkg-deb, the smoke's untimed install step unpacks it and the launch runs the unpacked app, which starts its
// sidecar. A folder producer is declared unavailable as not an externalBin drop-in. Checked: the pipeline
// comparisons pair the k-th builds of both stages, the shipped-app table's pipeline is the sum of the stage
// medians it shows, its sizes are the .deb's and its Installed-Size, and drop-in is yes / no / not measured.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectScenarios } from '../../src/scenario/discover.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { runPlan } from '../../src/runner/run.ts';
import { probeHooks } from '../../src/probe/hooks.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { buildShippedApps } from '../../src/report/shipped-app.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderHtml } from '../../src/report/html.ts';
import { formatBytes, formatMs } from '../../src/results/units.ts';
import { median } from '../../src/stats/index.ts';
import { NOT_A_DROP_IN } from '../../src/results/schema.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FREEZE = `name: freeze
project: proj
runs: 2
warmup: 0
cache: cold
variants:
  - name: onefile
    baseline: true
    build: mkdir -p dist && printf '#!/bin/sh\\necho sidecar up\\n' > dist/side && chmod +x dist/side && sleep 0.05
    artifact: dist/side
    clean: [dist]
  - name: zipapp
    build: mkdir -p dist && printf '#!/bin/sh\\necho zipapp up\\n' > dist/side && chmod +x dist/side && sleep 0.2
    artifact: dist/side
    clean: [dist]
  - name: broken
    build: mkdir -p dist && printf '#!/bin/sh\\necho cannot start >&2; exit 1\\n' > dist/side && chmod +x dist/side
    artifact: dist/side
    clean: [dist]
  - name: nothing
    build: echo "no packager here" >&2; exit 4
    artifact: dist/side
  - name: folder
    build: mkdir -p dist/side && touch dist/side/run
    artifact: dist/side
`;

// The .deb: usr/bin/app starts usr/bin/sidecar beside it, as Tauri's externalBin is placed.
const PACKAGE = [
  'rm -rf pkg && mkdir -p pkg/DEBIAN pkg/usr/bin',
  'install -m 755 {needs.sidecar} pkg/usr/bin/sidecar',
  `printf '#!/bin/sh\\nexec "$(dirname "$0")/sidecar"\\n' > pkg/usr/bin/app && chmod +x pkg/usr/bin/app`,
  `printf 'Package: bb-app\\nVersion: 0.1.0\\nArchitecture: all\\nMaintainer: bb <bb@example.invalid>\\nInstalled-Size: 12\\nDescription: test\\n' > pkg/DEBIAN/control`,
  'mkdir -p out && dpkg-deb --root-owner-group --build pkg out/app.deb',
].join(' && ');

const SMOKE = `{ install: "rm -rf root && dpkg-deb -x {artifact} root", run: root/usr/bin/app, timeoutS: 20 }`;

const SHIP = `name: ship
project: proj
runs: 2
warmup: 0
cache: cold
variants:
${['onefile', 'zipapp', 'broken', 'nothing']
  .map(
    (p, i) => `  - name: ${p}
${i === 0 ? '    baseline: true\n' : ''}    needs: { sidecar: freeze/${p}@cold }
    build: '${PACKAGE.replace(/'/g, "''")}'
    artifact: out/app.deb
    smoke: ${SMOKE}`,
  )
  .join('\n')}
  - name: folder
    unavailable: "${NOT_A_DROP_IN}: a folder"
    build: "false"
`;

describe('shipped app: producer → .deb → launch', () => {
  it('records pipelines, package sizes and drop-in, and the table sums the stages it shows', async () => {
    const dir = tempDir('bb-ship-');
    mkdirSync(path.join(dir, 'scenarios', 'proj'), { recursive: true });
    writeFileSync(path.join(dir, 'scenarios', 'freeze.yaml'), FREEZE);
    writeFileSync(path.join(dir, 'scenarios', 'ship.yaml'), SHIP);
    const { scenarios } = selectScenarios({ args: [path.join(dir, 'scenarios', 'ship.yaml')], cwd: dir });
    const plan = buildPlan({ scenarios, runId: 't', seed: 5, outDir: path.join(dir, 'out'), workRoot: path.join(dir, 'work') });
    const results = await runPlan({
      plan,
      tool: { name: 'buildbench', version: 'test' },
      checkTool: async (name) => ({ name, version: null, path: `/usr/bin/${name}` }),
      hooks: probeHooks(),
      cwd: dir,
    });
    const byId = new Map(results.variants.map((v) => [v.id, v]));
    const ok = byId.get('ship/onefile@cold')!;
    expect(ok.status).toBe('ok');
    expect(ok.artifact?.package).toEqual({ format: 'deb', name: 'bb-app', version: '0.1.0', architecture: 'all', installedBytes: 12 * 1024 });
    // The install step ran untimed, once, before the launches; every launch ran from what it unpacked.
    expect(existsSync(path.join(dir, 'out', 'logs', 'ship+onefile@cold', 'install1.log'))).toBe(true);
    expect(ok.startup?.launches?.length).toBe(4);
    expect(byId.get('ship/broken@cold')!.reason).toMatch(/^built, does not start: the first launch of round 1 exited with 1 before it was ready/);
    expect(byId.get('ship/nothing@cold')!.status).toBe('skipped');
    expect(byId.get('ship/folder@cold')).toMatchObject({ status: 'unavailable', reason: `${NOT_A_DROP_IN}: a folder`, samples: [] });

    // Each consumer build's pipeline pairs it with the producer's build of the same rank.
    const producerWall = byId.get('freeze/onefile@cold')!.samples.map((s) => s.wallMs);
    expect(ok.samples.map((s) => s.pipelineMs)).toEqual(ok.samples.map((s, k) => s.wallMs + producerWall[k]!));
    expect(byId.get('freeze/onefile@cold')!.samples.every((s) => s.pipelineMs === undefined)).toBe(true);
    // One pipeline comparison per consumer that built (the one that does not start too), against the baseline's
    // pipeline; 2 runs cannot decide.
    const zipapp = byId.get('ship/zipapp@cold')!;
    const pipelines = results.comparisons.filter((c) => c.metric === 'pipelineMs');
    expect(pipelines.map((c) => [c.baseline, c.variant, c.verdict])).toEqual([
      ['ship/onefile@cold', 'ship/zipapp@cold', 'inconclusive'],
      ['ship/onefile@cold', 'ship/broken@cold', 'inconclusive'],
    ]);
    const pipelineOf = (v: typeof ok) => v.samples.map((s) => s.pipelineMs!);
    const measured = pipelines[0]!;
    expect(measured.method === 'hodges-lehmann' && measured.medianRatio).toBeCloseTo(median(pipelineOf(zipapp)) / median(pipelineOf(ok)), 10);
    expect(zipapp.stats.pipelineMs?.n).toBe(2);

    const model = buildReportModel({ results: [results] });
    const [table, ...more] = buildShippedApps(model);
    expect(more).toEqual([]);
    expect(table!.rows.map((r) => [r.name, r.status, r.cells[6]!.value])).toEqual([
      ['onefile', 'ok', 'yes'],
      ['zipapp', 'ok', 'yes'],
      ['broken', 'does not start', 'no'],
      ['nothing', 'skipped', 'not measured'],
      ['folder', 'unavailable', 'no'],
    ]);
    const [sidecar, app, pipeline, size, installed] = table!.rows[0]!.cells;
    const medianOf = (id: string) => byId.get(id)!.stats.wallMs!.median;
    expect(sidecar!.value).toBe(formatMs(medianOf('freeze/onefile@cold')));
    expect(app!.value).toBe(formatMs(medianOf('ship/onefile@cold')));
    expect(pipeline!.value).toBe(formatMs(medianOf('freeze/onefile@cold') + medianOf('ship/onefile@cold')));
    expect(size!.value).toBe(formatBytes(ok.artifact!.bytes));
    expect(installed!.value).toBe(formatBytes(12 * 1024));
    expect(table!.rows[1]!.cells[2]!.mark).toBe('undecided');
    expect(table!.sentences[0]).toBe('Pipeline against onefile: zipapp, broken undecided.');
    // The package that does not start keeps its build figures and size; only time to ready is empty.
    const broken = table!.rows[2]!;
    expect([broken.muted, broken.flagged, broken.cells[1]!.value, broken.cells[3]!.value, broken.cells[5]!.value]).toEqual([
      false, true, formatMs(medianOf('ship/broken@cold')), formatBytes(byId.get('ship/broken@cold')!.artifact!.bytes), '—',
    ]);
    const md = renderMarkdown(model);
    expect(md).toContain('## Shipped app: ship (cold builds)');
    expect(md).toContain(`| folder — unavailable |`);
    expect(md).toContain(`| broken — does not start |`);
    expect(md).toContain('Not a drop-in: broken, folder.');
    const html = await renderHtml(model);
    expect(html).toContain('<section id="shipped-app">');
    expect(html).toContain(`<td title="${pipeline!.title}">${pipeline!.value} <span class="mark baseline">baseline</span></td>`);
    expect(html).toMatch(/<tr class="not-ok"><td title="not an externalBin drop-in: a folder"><span class="key">folder<\/span> <span class="status">unavailable<\/span><\/td>/);
  }, 90_000);
});
