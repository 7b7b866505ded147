// The package as a user gets it: `npm pack` of this repository (its prepack compiles dist/), installed with
// `npm install -D <tgz>` into a project outside the repository that the test writes (a tiny Python web app and
// a tiny crate), then driven through `npx buildbench` the way the README says: a hand-written scenario, then
// init, validate, setup and run. It runs in `npm test` (and so
// in CI): packing and installing take most of its minute or two, the builds a few seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/results/comparison-schema.ts';
import { ROOT, exec, explain, readResults } from './helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const WEB_APP = `import http.server, sys

port = int(sys.argv[sys.argv.index("--port") + 1])

class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass

http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
`;

const WEB_SCENARIO = `name: web
description: Package the web app as a zipapp, stored or compressed
project: ../web
default: true
warmup: 0
cache: [cold]
variants:
  - name: zipapp
    baseline: true
    build: mkdir -p dist && python3 -m zipapp app -p "/usr/bin/env python3" -o dist/web.pyz
    artifact: dist/web.pyz
    clean: [dist]
    smoke: { run: "{artifact} --port {port}", ready: "http://127.0.0.1:{port}/health", timeoutS: 30 }
  - name: zipapp-compressed
    build: mkdir -p dist && python3 -m zipapp app -c -p "/usr/bin/env python3" -o dist/web.pyz
    artifact: dist/web.pyz
    clean: [dist]
    smoke: { run: "{artifact} --port {port}", ready: "http://127.0.0.1:{port}/health", timeoutS: 30 }
`;

const CRATE_SCENARIO = `name: crate
description: Build the crate in the debug and the release profile
project: ../crate
default: true
warmup: 0
cache: [cold]
variants:
  - name: debug
    baseline: true
    build: cargo build --offline
    artifact: target/debug/hello
    clean: [target]
  - name: release
    build: cargo build --offline --release
    artifact: target/release/hello
    clean: [target]
`;

/** A project of the user's: its own package.json (another name and version), a web app, a crate, scenarios. */
function writeProject(dir: string): void {
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'someapp', version: '1.0.0', private: true }, null, 2)}\n`);
  mkdirSync(path.join(dir, 'web/app'), { recursive: true });
  writeFileSync(path.join(dir, 'web/app/__main__.py'), WEB_APP);
  mkdirSync(path.join(dir, 'crate/src'), { recursive: true });
  writeFileSync(path.join(dir, 'crate/Cargo.toml'), '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(path.join(dir, 'crate/src/main.rs'), 'fn main() {\n    println!("hello");\n}\n');
  mkdirSync(path.join(dir, 'scenarios'));
  writeFileSync(path.join(dir, 'scenarios/web.yaml'), WEB_SCENARIO);
  writeFileSync(path.join(dir, 'scenarios/crate.yaml'), CRATE_SCENARIO);
}

describe('the packed package, installed into a project outside the repository', () => {
  let scratch = '';
  let tgz = '';
  let project = '';
  const npx = (args: string[], cwd = project) => exec({ command: 'npx', args: ['--no-install', 'buildbench', ...args], cwd });

  beforeAll(() => {
    scratch = tempDir('bb-e2e-package-');
    const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    tgz = path.join(scratch, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
    project = path.join(scratch, 'someapp');
    mkdirSync(project);
    writeProject(project);
    execFileSync('npm', ['install', '-D', tgz, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds compiled JavaScript, the schemas and the report templates, and no sources, tests, fixtures or CI files', () => {
    const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    for (const f of ['bin/buildbench.js', 'dist/cli/main.js', 'dist/report/templates/report.hbs', 'dist/report/assets/page.js', 'schema/scenario.schema.json', 'schema/results.schema.json', 'tools/requirements.lock', 'package.json', 'README.md']) {
      expect(files).toContain(f);
    }
    const outside = files.filter((f) => !/^(bin\/buildbench\.js|dist\/.+\.(js|hbs|css)|schema\/.+\.json|tools\/requirements\.lock|package\.json|README\.md)$/.test(f));
    expect(outside).toEqual([]);
    // Nothing is transpiled at start: tsx is not installed with the package.
    expect(existsSync(path.join(project, 'node_modules/tsx'))).toBe(false);
  });

  it('prints its own version inside a project that has another, and its help', async () => {
    const version = await npx(['--version']);
    expect(version, explain(version)).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    const help = await npx(['--help']);
    expect(help.code, explain(help)).toBe(0);
    for (const command of ['run', 'validate', 'report', 'compare', 'doctor']) expect(help.stdout).toMatch(new RegExp(`^  buildbench ${command}\\b`, 'm'));
  });

  // 8 builds and 4 start-ups of each web variant take ~20 s on a quiet machine; the rest is 5 process starts.
  it('validates the project’s scenarios and runs them: every variant, its verdict and the report', { timeout: 240_000 }, async () => {
    const validate = await npx(['validate', 'scenarios/web.yaml', 'scenarios/crate.yaml']);
    expect(validate, explain(validate)).toMatchObject({ code: 0, stdout: '2 scenario files valid (4 variants)\n' });

    const run = await npx(['run', '--runs', '2', '--out', 'out']);
    expect(run.code, explain(run)).toBe(0);
    const results = readResults(path.join(project, 'out/results.json'));
    expect(results.tool).toEqual({ name: 'buildbench', version: VERSION });
    expect(results.variants.map((v) => [v.id, v.status, v.samples.length]).sort()).toEqual([
      ['crate/debug@cold', 'ok', 2],
      ['crate/release@cold', 'ok', 2],
      ['web/zipapp-compressed@cold', 'ok', 2],
      ['web/zipapp@cold', 'ok', 2],
    ]);
    for (const v of results.variants) expect(v.artifact?.bytes, v.id).toBeGreaterThan(0);
    for (const v of results.variants.filter((r) => r.id.startsWith('web/'))) expect(v.startup?.readyOk, v.id).toBe(true);
    // Each variant against its scenario's baseline, build time and (where it starts) start-up, each with a verdict.
    const decides = new Set(['wallMs', 'startupFirstMs', 'startupWarmMs']);
    expect(results.comparisons.filter((c) => decides.has(c.metric)).map((c) => [c.metric, c.variant, c.baseline]).sort()).toEqual([
      ['startupFirstMs', 'web/zipapp-compressed@cold', 'web/zipapp@cold'],
      ['startupWarmMs', 'web/zipapp-compressed@cold', 'web/zipapp@cold'],
      ['wallMs', 'crate/release@cold', 'crate/debug@cold'],
      ['wallMs', 'web/zipapp-compressed@cold', 'web/zipapp@cold'],
    ]);
    // Beside them every other registered metric with data on both sides: the artifact's bytes exactly.
    expect(results.comparisons.filter((c) => c.metric === 'bytes').map((c) => [c.method, c.variant]).sort()).toEqual([
      ['exact', 'crate/release@cold'],
      ['exact', 'web/zipapp-compressed@cold'],
    ]);
    expect(results.comparisons.filter((c) => !decides.has(c.metric) && !['cpuMs', 'treeRssKb', 'bytes', 'debugBytes', 'files', 'extractBytes'].includes(c.metric))).toEqual([]);
    for (const c of results.comparisons) expect(VERDICTS).toContain(c.verdict);
    // The report is rendered from dist/ (its templates and inlined scripts are found there).
    const html = readFileSync(path.join(project, 'out/report.html'), 'utf8');
    for (const id of ['crate/release@cold', 'web/zipapp-compressed@cold']) expect(html).toContain(id);
    expect(html).toContain('<style>');
    // summary.md: the web scenario's decision table, the baseline row and the other variant's marks in words.
    const summary = readFileSync(path.join(project, 'out/summary.md'), 'utf8');
    expect(summary).toMatch(/^## web\n\n\*\*cold builds\*\*\n\n\| Variant \| Build time \| Artifact size \| Start-up, first launch \| Start-up, warm launch \|$/m);
    // A row may end its name with a footnote mark (the artifact's reproducibility: "identical in all 4 builds").
    expect(summary).toMatch(/^\| zipapp \(baseline\)(?: \\\[\d+\\\])? \| \S+ m?s baseline \| \S+ (B|KiB) baseline \| \S+ m?s baseline \| \S+ m?s baseline \|$/m);
    expect(summary).toMatch(/^\| zipapp-compressed(?: \\\[\d+\\\])? \| \S+ m?s [\d.]+× \S+ (undecided|faster|slower|same) \| /m);
  });

  // The README's steps in a folder of the project (its node_modules, one level up, is not copied per variant):
  // init writes a scenario per preset that fits, setup provisions one, and it runs. Only rust-link runs: the
  // PyInstaller presets build for a minute each and need the tool env, which setup would download.
  it('init writes scenarios from the presets that fit, they validate, setup provisions rust-link, and it runs', { timeout: 240_000 }, async () => {
    const app = path.join(project, 'app');
    mkdirSync(path.join(app, 'src'), { recursive: true });
    writeFileSync(path.join(app, 'Cargo.toml'), '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n');
    writeFileSync(path.join(app, 'src/main.rs'), 'fn main() {\n    println!("hello");\n}\n');
    mkdirSync(path.join(app, 'web'));
    writeFileSync(path.join(app, 'web/__main__.py'), WEB_APP);
    writeFileSync(path.join(app, 'requirements.txt'), '');

    const init = await npx(['init'], app);
    expect(init.code, explain(init)).toBe(0);
    const written = ['python-freeze', 'python-env', 'rust-link', 'rust-debuginfo', 'rust-release-profile'];
    for (const name of written) expect(init.stdout).toContain(`wrote scenarios/${name}.yaml\n`);
    expect(init.stdout).toMatch(/^  npx buildbench setup scenarios\/.+ # provision the tools they need\n  npx buildbench show +# each scenario as it will run\n  npx buildbench run --dry-run +# the plan and its estimate\n  npx buildbench run +# measure\n$/m);
    const again = await npx(['init'], app);
    expect(again.code, explain(again)).toBe(2);

    const files = written.map((n) => `scenarios/${n}.yaml`);
    const validate = await npx(['validate', ...files], app);
    expect(validate.code, explain(validate)).toBe(0);
    expect(validate.stdout).toMatch(/^5 scenario files valid \(\d+ variants\)\n$/);
    const setup = await npx(['setup', 'scenarios/rust-link.yaml'], app);
    expect(setup.code, explain(setup)).toBe(0);

    const run = await npx(['run', 'scenarios/rust-link.yaml', '--runs', '2', '--out', 'out'], app);
    expect(run.code, explain(run)).toBe(0);
    const results = readResults(path.join(app, 'out/results.json'));
    expect(results.variants.map((v) => [v.id, v.status, v.samples.length])).toEqual([
      ['rust-link/default-lld@incremental', 'ok', 2],
      ['rust-link/mold@incremental', 'ok', 2],
      ['rust-link/gnu-ld@incremental', 'ok', 2],
    ]);
    const verdicts = results.comparisons.filter((c) => c.metric === 'wallMs');
    expect(verdicts.map((c) => c.variant)).toEqual(['rust-link/mold@incremental', 'rust-link/gnu-ld@incremental']);
    for (const c of verdicts) expect(VERDICTS).toContain(c.verdict);
    expect(readFileSync(path.join(app, 'out/report.html'), 'utf8')).toContain('rust-link/gnu-ld@incremental');
  });

  it('says there is nothing to benchmark or run in an empty folder, exit 2', async () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const bin = path.join(project, 'node_modules/.bin/buildbench');
    const run = await exec({ command: bin, args: ['run'], cwd: empty });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${empty}/scenarios: no scenario files found (give a file, or add scenarios/*.yaml)\n` });
    const init = await exec({ command: bin, args: ['init'], cwd: empty });
    expect(init.code).toBe(2);
    expect(init.stdout).toBe('');
    expect(init.stderr.split('\n')).toEqual([expect.stringMatching(/^.+: nothing to benchmark here: /), '']);
  });
});
