// `init` on tiny projects of each shape a team keeps its build in: a package.json script, a Makefile driving a
// .spec in a subfolder through `uv run`, a justfile called from npm, a CI workflow step; and apps whose entry
// and port only the syntax tree tells (a server at module level, a port in a comment, dead code, a script name
// Python cannot import, a Streamlit app). Each asserts the proposal as written: the baseline's command and
// artifact, the entry, the port and the ready URL. Runs in-process (init spawns only python3).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initProject } from '../../src/init/init.ts';
import { hostTriple } from '../../src/init/team-freeze.ts';
import { unnamedPython } from '../../src/init/propose-toolchain.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { buildPlan } from '../../src/plan/plan.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function project(files: Record<string, string>): string {
  const root = tempDir('bb-init-team-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

interface Written {
  project: string;
  with: Record<string, unknown>;
  env?: Record<string, string>;
  variants?: Record<string, unknown>[];
}
const freezeOf = (root: string) => parse(readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8')) as Written;
/** The variants as the run will see them: the preset expanded, the overrides merged. */
const expanded = (root: string) => Object.fromEntries(loadScenarioFile(path.join(root, 'scenarios/python-freeze.yaml')).scenario!.variants.map((v) => [v.name, v]));

const FASTAPI_MAIN =
  'from fastapi import FastAPI\nimport uvicorn\napp = FastAPI()\n@app.post("/start_task")\ndef start(): pass\n@app.get("/status")\ndef status(): return {}\n' +
  'if False:\n    uvicorn.run(app, port=3333)\nif __name__ == "__main__":\n    "uvicorn.run(app, port=1111)"\n    # uvicorn.run(app, host="127.0.0.1", port=8000)\n    uvicorn.run(app, host="0.0.0.0", port=8008)\n';

describe('init reads the build the team already has', () => {
  it("makes the Linux package.json script the baseline, with its name, --distpath and -F, and reads the port from the code, not the comment", () => {
    const root = project({
      'package.json': JSON.stringify({
        scripts: {
          'build:sidecar-winos': 'pyinstaller -c -F --clean --name main-x86_64-pc-windows-msvc --distpath src-tauri/bin/api src/backends/main.py',
          'build:sidecar-linux': 'pyinstaller -c -F --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py',
        },
      }, null, 2),
      'requirements.txt': 'fastapi>=0.100.0\npyinstaller==5.13.0\n',
      'src/backends/main.py': FASTAPI_MAIN,
      // A helper the server spawns: shallower names and a __main__ block, but it starts no server.
      'server/binance-server.py': 'import asyncio\nasync def run(): pass\nif __name__ == "__main__":\n    asyncio.run(run())\n',
    });
    const result = initProject({ dir: root });
    expect(result.notes).toContain('PyInstaller builds for another system left out: package.json:3 scripts.build:sidecar-winos');
    const freeze = freezeOf(root);
    expect(freeze.with).toEqual({
      app: 'main-x86_64-unknown-linux-gnu',
      script: 'src/backends/main.py',
      module: 'main',
      sourceDir: 'src/backends',
      requirements: 'requirements.txt',
      serveArgs: '',
      ready: 'http://127.0.0.1:8008/status',
      // The team's pin is the baseline's, with pip as the team installs; buildbench's newer one a variant of its own.
      pyinstallerVersion: '5.13.0',
      newerPyInstaller: expect.stringMatching(/^6\./),
      installer: 'pip',
      // The team's --clean: every build is a clean one, so that is what each variant is measured as.
      clean: true,
      // The project names no Python: PATH's python3 (the team's), unless PyInstaller 5.13 breaks there (Debian's 3.11.2).
      ...(unnamedPython('5.13.0') ? { python: unnamedPython('5.13.0')!.value } : {}),
    });
    const v = expanded(root);
    // Like with like: every variant measured in the clean (cold) state alone, so --quick plans that one.
    const scenario = loadScenarioFile(path.join(root, 'scenarios/python-freeze.yaml')).scenario!;
    expect(new Set(scenario.variants.map((x) => x.cacheStates.join()))).toEqual(new Set(['cold']));
    const quick = buildPlan({ scenarios: [scenario], runId: 't', seed: 1, outDir: path.join(root, 'out'), workRoot: path.join(root, 'work'), quick: true });
    expect(quick.variants.map((x) => x.id)).toContain('python-freeze/pex@cold');
    expect(new Set(quick.variants.map((x) => `${x.cache} ${x.warmup}`))).toEqual(new Set(['cold 0']));
    expect(v['pyinstaller-onefile']).toMatchObject({
      baseline: true,
      build: '.venv/bin/pyinstaller -c -F --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py',
      artifact: 'src-tauri/bin/api/main-x86_64-unknown-linux-gnu',
    });
    expect(freeze.variants![0]).toMatchObject({ name: 'pyinstaller-onefile', artifact: 'src-tauri/bin/api/main-x86_64-unknown-linux-gnu', clean: ['src-tauri/bin/api/main-x86_64-unknown-linux-gnu'] });
    expect(v['pyinstaller-onedir']!.build).toBe('.venv/bin/pyinstaller --onedir --noconfirm -c --clean --name main-x86_64-unknown-linux-gnu --distpath src-tauri/bin/api src/backends/main.py');
    expect(v['pyinstaller-onedir']!.baseline).toBeFalsy();
    expect(v['pyinstaller-onefile-excludes']!.build).toMatch(/ src\/backends\/main\.py \$PYI_EXCLUDES$/);
    // The main block calls no function: shiv (which runs module:function) says so instead of failing.
    expect(v.shiv!.unavailable).toBe('shiv runs a function (module:function) and src/backends/main.py calls none from its __main__ block: set shivEntry under `with`');
    expect(v.pex!.build).toContain('-D src/backends -m main');
    // PEX and shiv pack the requirements less the build tools; PyInstaller's environment keeps the team's pin.
    expect(v.pex!.build).toContain('-r .buildbench-runtime-requirements.txt');
    execFileSync('sh', ['-c', v.pex!.setup.join(' && ')], { cwd: root });
    expect(readFileSync(path.join(root, '.buildbench-runtime-requirements.txt'), 'utf8')).toBe('fastapi>=0.100.0\n');
    expect(v['pyinstaller-onefile']!.setup.join(' ')).toContain("'pyinstaller==5.13.0' 'setuptools<81'");
    const text = readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8');
    expect(text).toContain("  # baseline: the team's command, package.json:4 scripts.build:sidecar-linux");
    expect(text).toContain("  clean: true  # the team's command has --clean (package.json:4 scripts.build:sidecar-linux): PyInstaller empties its cache before every build, so every variant is measured as a clean (cold) build");
    expect(text).toContain('# The project pins: pyinstaller 5.13.0 (requirements.txt:2); its Python: not named; it installs with pip.');
    expect(text).toContain('  requirements: requirements.txt  # the requirements file the project keeps; PEX and shiv pack requirements.txt less the build tools: pyinstaller==5.13.0\n');
  });

  it('follows a Makefile to a .spec in a subfolder run by `uv run --group desktop`, and takes the spec\'s script over a shallower __main__', () => {
    const root = project({
      Makefile: '.PHONY: desktop\ndesktop: sidecar\n\tcd ui && npm run tauri build\n\nsidecar:\n\t@uv run --group desktop pyinstaller desktop/sidecar.spec --noconfirm\n',
      'ui/package.json': '{\n  "scripts": {\n    "tauri": "tauri"\n  }\n}\n',
      'desktop/sidecar.spec': "# -*- mode: python -*-\na = Analysis(['../app/server.py'], excludes=['tkinter'])\npyz = PYZ(a.pure)\nexe = EXE(pyz, a.scripts, a.binaries, a.datas, name='sidecar')\n",
      'pyproject.toml': '[project]\nname = "svc"\nrequires-python = ">=3.11"\ndependencies = ["flask==3.1.0"]\n[dependency-groups]\ndesktop = ["pyinstaller==6.10.0"]\n',
      'app/__init__.py': '',
      'app/server.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\n@app.route("/health")\ndef health(): return "ok"\ndef main():\n    app.run(port=int(os.getenv("SIDECAR_PORT", "5005")))\nif __name__ == "__main__":\n    main()\n',
      'manage.py': 'import sys\nif __name__ == "__main__":\n    print(sys.argv)\n',
    });
    const result = initProject({ dir: root });
    // `npm run tauri build` in ui/ runs the script `tauri` with `build`: the chain is followed into ui/package.json.
    expect(result.notes).toContain("the team's tauri build: `tauri build` (Makefile:3 desktop → ui/package.json:3 scripts.tauri)");
    const freeze = freezeOf(root);
    expect(freeze.with).toMatchObject({ app: 'sidecar', script: 'app/server.py', module: 'server', shivEntry: 'server:main', ready: 'http://127.0.0.1:{port}/health', requirements: '.buildbench-requirements.txt' });
    expect(freeze.env).toEqual({ SIDECAR_PORT: '{port}' });
    const v = expanded(root);
    expect(v['pyinstaller-onefile']).toMatchObject({ baseline: true, build: '.venv/bin/pyinstaller desktop/sidecar.spec --noconfirm' });
    expect(freeze.variants![0]).toMatchObject({ artifact: 'dist/sidecar' });
    // PyInstaller takes no --onedir beside a spec: the variant builds from a copy its set-up writes, the team's other options kept.
    expect(freeze.with.spec).toBe('desktop/sidecar.spec');
    expect(v['pyinstaller-onedir']).toMatchObject({ build: '.venv/bin/pyinstaller desktop/sidecar.pyinstaller-onedir.spec --noconfirm', artifact: 'dist/sidecar' });
    expect(v['pyinstaller-onedir']!.setup.at(-1)).toContain(' - desktop/sidecar.spec desktop/sidecar.pyinstaller-onedir.spec onedir <<');
    expect(v['pyinstaller-onefile-excludes']!.setup.at(-1)).toContain(' - desktop/sidecar.spec desktop/sidecar.pyinstaller-onefile-excludes.spec onefile __main__ IPython ');
    const text = readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8');
    expect(text).toContain("  # baseline: the team's command, Makefile:6 sidecar (run with the app's environment's PyInstaller)");
    expect(text).toContain('description: "The team\'s own build, as it runs it: uv run --group desktop pyinstaller desktop/sidecar.spec --noconfirm"');
    expect(text).toContain('pyinstaller 6.10.0 (pyproject.toml:6)');
  });

  it('reads a justfile recipe that runs `python3 -m PyInstaller`, with its --distpath and the app\'s --port flag', () => {
    const root = project({
      'package.json': '{\n  "scripts": {\n    "sidecar": "just freeze"\n  }\n}\n',
      justfile: 'freeze:\n    python3 -m PyInstaller --onefile --name svc --distpath out main.py\n',
      'requirements.txt': 'uvicorn==0.30.0\n',
      'main.py': 'import argparse, uvicorn\ndef main():\n    p = argparse.ArgumentParser()\n    p.add_argument("--port", type=int, default=8001)\n    uvicorn.run("main:app", port=p.parse_args().port)\nif __name__ == "__main__":\n    main()\n',
    });
    initProject({ dir: root });
    const freeze = freezeOf(root);
    expect(freeze.with).toMatchObject({ app: 'svc', script: 'main.py', module: 'main', shivEntry: 'main:main', serveArgs: '--port {port}', ready: 'http://127.0.0.1:{port}/' });
    expect(freeze.variants![0]).toMatchObject({ name: 'pyinstaller-onefile', build: '.venv/bin/pyinstaller --onefile --name svc --distpath out main.py', artifact: 'out/svc' });
    expect(readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8')).toContain("The team's own build, as it runs it: python3 -m PyInstaller --onefile --name svc --distpath out main.py");
  });

  it('reads a CI workflow step with its working-directory and the PyInstaller version it installs: a folder build is the baseline there', () => {
    const root = project({
      '.github/workflows/release.yml':
        'on: push\njobs:\n  sidecar:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Freeze\n        working-directory: backend\n' +
        '        run: |\n          pip install pyinstaller==6.10.0 -r requirements.txt\n          pyinstaller --clean --name api \\\n            server.py\n',
      'backend/requirements.txt': 'aiohttp==3.10.0\n',
      'backend/server.py': 'from aiohttp import web\napp = web.Application()\nif __name__ == "__main__":\n    web.run_app(app)\n',
    });
    initProject({ dir: root });
    const freeze = freezeOf(root);
    expect(freeze.project).toBe('../backend');
    expect(freeze.with).toMatchObject({ app: 'api', script: 'server.py', ready: 'http://127.0.0.1:8080/' });
    expect(freeze.variants![0]).toMatchObject({ name: 'pyinstaller-onedir', baseline: true, default: true, build: '.venv/bin/pyinstaller --clean --name api server.py', artifact: 'dist/api' });
    expect(freeze.variants![1]).toMatchObject({ name: 'pyinstaller-onefile', baseline: false, build: '.venv/bin/pyinstaller --onefile --clean --name api server.py' });
    // The version the CI step installs is the team's pin when no file of the project pins one.
    expect(readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8')).toContain('# The project pins: pyinstaller 6.10.0 (.github/workflows/release.yml:10);');
  });
  it('reads a spec that computes its script and name, and prefers the CI step with literal paths to a script whose paths the shell computes', () => {
    const root = project({
      'scripts/release.sh': 'set -e\nOUT="$(pwd)/bin"\npyinstaller backend/sidecar.spec --distpath "$OUT" --noconfirm\n',
      '.github/workflows/desktop.yml': 'jobs:\n  build:\n    steps:\n      - run: pyinstaller backend/sidecar.spec --distpath app/src-tauri/binaries --workpath .pyi --noconfirm\n',
      'backend/sidecar.spec':
        'import os\nfrom pathlib import Path\nroot = Path(SPECPATH).parent\ntriple = os.environ.get("TAURI_TRIPLE", "x86_64-unknown-linux-gnu")\n' +
        'a = Analysis([str(root / "backend" / "entry.py")], pathex=[str(root)])\nexe = EXE(PYZ(a.pure), a.scripts, name=f"server-{triple}")\n',
      'requirements.txt': 'fastapi==0.115.0\n',
      'backend/entry.py': 'import os\nimport uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef h(): return {}\nif __name__ == "__main__":\n    port = int(os.environ.get("PORT", 18080))\n    uvicorn.run(app, port=port)\n',
      'main.py': 'import asyncio\nif __name__ == "__main__":\n    asyncio.run(asyncio.sleep(0))\n',
    });
    const result = initProject({ dir: root });
    expect(result.notes).toContain('another PyInstaller build, not the baseline: scripts/release.sh:3 release.sh (${OUT}/server-' + hostTriple() + ')');
    const freeze = freezeOf(root);
    expect(freeze.with).toMatchObject({ app: `server-${hostTriple()}`, script: 'backend/entry.py', module: 'entry', ready: 'http://127.0.0.1:{port}/health' });
    expect(freeze.variants![0]).toMatchObject({ build: '.venv/bin/pyinstaller backend/sidecar.spec --distpath app/src-tauri/binaries --workpath .pyi --noconfirm', artifact: `app/src-tauri/binaries/server-${hostTriple()}`, caches: ['.pyi'] });
  });
  it('makes a team\'s PEX build the baseline when it has no PyInstaller build, resolving from the wheelhouse', () => {
    const root = project({
      Makefile: 'zipapp:\n\tpex -r requirements.txt -D src -m svc.main -o build/svc.pex\n',
      'requirements.txt': 'uvicorn==0.54.0\n',
      'src/svc/__init__.py': '',
      'src/svc/main.py': 'import uvicorn\ndef main():\n    uvicorn.run("svc.main:app", port=8010)\nif __name__ == "__main__":\n    main()\n',
    });
    initProject({ dir: root });
    const v = expanded(root);
    expect(v.pex).toMatchObject({ baseline: true, build: 'mkdir -p build && {tools}/venv/bin/pex -r requirements.txt -D src -m svc.main -o build/svc.pex --no-pypi --find-links {tools}/wheelhouse' });
    expect(v['pyinstaller-onefile']!.baseline).toBe(false);
    expect(freezeOf(root).variants![0]).toMatchObject({ name: 'pex', artifact: 'build/svc.pex' });
  });
});

describe('init reads the entry and port from the code that runs', () => {
  it('takes a server started at module level as the entry, its port from PORT', () => {
    const root = project({
      'requirements.txt': 'fastapi==0.115.0\n',
      'app.py': 'import os\nimport uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef health(): return {}\nuvicorn.run(app, port=int(os.environ.get("PORT", 8765)))\n',
    });
    initProject({ dir: root });
    const freeze = freezeOf(root);
    expect(freeze.with).toMatchObject({ script: 'app.py', module: 'app', ready: 'http://127.0.0.1:{port}/health', serveArgs: '' });
    expect(freeze.env).toEqual({ PORT: '{port}' });
    expect(readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8')).toContain('script: app.py  # the shallowest script that starts a server: uvicorn.run() on line 7, at module level');
  });

  it('leaves PEX and shiv out of a script Python cannot import, saying why', () => {
    const root = project({ 'requirements.txt': 'flask==3.1.0\n', 'binance-server.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run()\n' });
    const result = initProject({ dir: root });
    expect(result.notes).toContain('binance-server.py: "binance-server" is not an importable module name, so PEX and shiv (which run a module) are left out; --module answers');
    expect(freezeOf(root).with).toMatchObject({ script: 'binance-server.py', ready: 'http://127.0.0.1:5000/' });
    const v = expanded(root);
    expect(v.pex!.unavailable).toBe('no importable entry module: binance-server.py cannot be run with -m (answer with --module)');
    expect(v.shiv!.unavailable).toBe(v.pex!.unavailable);
  });

  it('launches a Streamlit app with its own flags and health endpoint, not --help', () => {
    const root = project({ 'requirements.txt': 'streamlit==1.40.0\n', 'dashboard.py': 'import streamlit as st\nif __name__ == "__main__":\n    st.write("hi")\n' });
    initProject({ dir: root });
    expect(freezeOf(root).with).toMatchObject({ serveArgs: '--server.port {port} --server.headless true', ready: 'http://127.0.0.1:{port}/_stcore/health' });
  });

  it('reads the port a Streamlit wrapper sets for the app it starts', () => {
    const root = project({
      'requirements.txt': 'streamlit==1.40.0\n',
      'app/dashboard.py': 'import streamlit as st\nst.write("hi")\n',
      'run_app.py': 'import streamlit.web.bootstrap as bootstrap\nif __name__ == "__main__":\n    flags = {"server.port": 8765, "global.developmentMode": False}\n    bootstrap.run("app/dashboard.py", False, [], flags)\n',
    });
    initProject({ dir: root });
    expect(freezeOf(root).with).toMatchObject({ script: 'run_app.py', serveArgs: '', ready: 'http://127.0.0.1:8765/_stcore/health' });
  });

  it('names a Tauri crate called `app` without saying "the Tauri app app"', () => {
    const root = project({
      'src-tauri/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
      'src-tauri/src/main.rs': 'fn main() {}\n',
      'src-tauri/tauri.conf.json': JSON.stringify({ app: { windows: [{ title: 'Notes' }] } }),
    });
    initProject({ dir: root });
    const text = readFileSync(path.join(root, 'scenarios/rust-link.yaml'), 'utf8');
    expect(text).toContain('# Written by `buildbench init` from the Tauri app built as the binary app in src-tauri.');
    expect(text).toContain('description: Incremental rebuild of the Tauri app built as the binary app linked by');
    expect(text).not.toContain('app app');
  });
});
