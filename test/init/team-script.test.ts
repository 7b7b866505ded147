// `init` on tiny projects whose team builds with a Python script that runs PyInstaller: the script found by its
// syntax tree, run as the README says (its folder and arguments, argparse values read by argparse itself), the
// entry, name and output path read from the PyInstaller call it makes; the other variants that call with one
// thing changed. One baseline is run for real (the README's command, PyInstaller from buildbench's tool env).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initProject } from '../../src/init/init.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function project(files: Record<string, string>): string {
  const root = tempDir('bb-init-script-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
const expanded = (root: string) => Object.fromEntries(loadScenarioFile(path.join(root, 'scenarios/python-freeze.yaml')).scenario!.variants.map((v) => [v.name, v]));
const written = (root: string) => readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8');

/** A sidecar build script as a Tauri team writes it: argparse folders, a run() helper, a copy into src-tauri/bin. */
const BUILD_SIDECAR = `import argparse, shutil, subprocess, sys
from pathlib import Path

def run(cmd, cwd):
    print("+", " ".join(cmd))
    subprocess.run(cmd, cwd=str(cwd), check=True)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo-root", default="..")
    parser.add_argument("--tauri-root", default=".")
    args = parser.parse_args()
    repo_root = Path(args.repo_root).resolve()
    tauri_root = Path(args.tauri_root).resolve()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--version"], cwd=str(repo_root), check=True)
    run([sys.executable, "-m", "PyInstaller", "--onefile", "--name", "svc", "--log-level", "WARN", "svc.py"], cwd=repo_root)
    (tauri_root / "src-tauri" / "bin").mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo_root / "dist" / "svc", tauri_root / "src-tauri" / "bin" / "svc-x86_64-unknown-linux-gnu")

if __name__ == "__main__":
    main()
`;

describe('init reads a Python build script that runs PyInstaller', () => {
  it('runs the script as the README says as the baseline, and the PyInstaller call it makes with one thing changed as the others', () => {
    const root = project({
      'README.md': '# svc\n\nBuild the sidecar from `gui/`:\n\n```bash\ncd gui\npython3 scripts/build_sidecar.py --repo-root .. --tauri-root .\n```\n',
      'gui/scripts/build_sidecar.py': BUILD_SIDECAR,
      'requirements.txt': 'click==8.1.7\n',
      'svc.py': 'print("svc up")\n',
    });
    initProject({ dir: root });
    const v = expanded(root);
    expect(v['pyinstaller-onefile']).toMatchObject({
      baseline: true,
      build: 'export PATH="$PWD/.venv/bin:$PATH" && cd gui && python3 scripts/build_sidecar.py --repo-root .. --tauri-root .',
      artifact: 'dist/svc',
    });
    // --noconfirm: rebuilding into its existing folder, PyInstaller would stop to ask (DLMiFish's second onedir build failed so).
    expect(v['pyinstaller-onedir']!.build).toBe('.venv/bin/pyinstaller --onedir --noconfirm --name svc --log-level WARN svc.py');
    expect(v['pyinstaller-onefile-excludes']!.build).toBe('.venv/bin/pyinstaller --onefile --name svc --log-level WARN svc.py $PYI_EXCLUDES');
    expect(parse(written(root)).with).toMatchObject({ app: 'svc', script: 'svc.py', module: 'svc' });
    const text = written(root);
    expect(text).toContain("  # baseline: the team's build script as it runs it (README.md:7), the app's environment first on PATH; its PyInstaller call, gui/scripts/build_sidecar.py:16: python -m PyInstaller --onefile --name svc --log-level WARN svc.py in the project root\n");
    expect(text).toContain("  # changes one thing of the baseline: --onedir instead of --onefile (with --noconfirm: a onedir rebuild into its folder stops to ask otherwise) (as gui/scripts/build_sidecar.py:16 runs PyInstaller, without the script's other steps)\n");
    // The baseline as written, with the app's environment made of buildbench's tool env (it has PyInstaller).
    const tools = fileURLToPath(new URL('../../.tools/venv/bin/python3', import.meta.url));
    mkdirSync(path.join(root, '.venv/bin'), { recursive: true });
    writeFileSync(path.join(root, '.venv/bin/python3'), `#!/bin/sh\nexec ${tools} "$@"\n`);
    chmodSync(path.join(root, '.venv/bin/python3'), 0o755);
    execFileSync('sh', ['-c', v['pyinstaller-onefile']!.build], { cwd: root, stdio: 'ignore' });
    expect(execFileSync(path.join(root, 'dist/svc'), { encoding: 'utf8' })).toBe('svc up\n');
    expect(existsSync(path.join(root, 'gui/src-tauri/bin/svc-x86_64-unknown-linux-gnu'))).toBe(true);
  }, 120_000);

  it('runs a script no build file or doc calls with no arguments, from the folder where its PyInstaller entry is', () => {
    const root = project({
      'requirements.txt': 'flask==3.1.0\n',
      'server.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=5055)\n',
      'tools/freeze.py': 'import subprocess\nfrom pathlib import Path\nROOT = Path(__file__).resolve().parent.parent\nsubprocess.check_call(["pyinstaller", "--noconfirm", "--name", "api", str(ROOT / "server.py")], cwd=ROOT)\n',
    });
    initProject({ dir: root });
    const v = expanded(root);
    expect(v['pyinstaller-onedir']).toMatchObject({ baseline: true, build: 'export PATH="$PWD/.venv/bin:$PATH" && python3 tools/freeze.py', artifact: 'dist/api' });
    expect(v['pyinstaller-onefile']!.build).toBe('.venv/bin/pyinstaller --onefile --noconfirm --name api server.py');
    expect(written(root)).toContain('(tools/freeze.py run with no arguments (no build file or doc runs it))');
  });

  it("keeps this system's call of a script that runs PyInstaller once per system", () => {
    const root = project({
      'requirements.txt': 'click==8.1.7\n',
      'cli.py': 'print("cli")\n',
      'build.py': 'import subprocess, sys\nif sys.platform == "win32":\n    subprocess.run(["pyinstaller", "--onefile", "--name", "cli.exe", "cli.py"])\nelse:\n    subprocess.run(["pyinstaller", "--onefile", "--name", "cli-linux", "cli.py"])\n',
    });
    const result = initProject({ dir: root });
    expect(expanded(root)['pyinstaller-onefile']).toMatchObject({ build: 'export PATH="$PWD/.venv/bin:$PATH" && python3 build.py', artifact: 'dist/cli-linux' });
    expect(result.notes).toContain('PyInstaller builds for another system left out: build.py run with no arguments (no build file or doc runs it) → build.py:3');
  });

  it('says why when the call cannot be read statically, or the script needs arguments nothing gives, and guesses as before', () => {
    const root = project({
      'requirements.txt': 'flask==3.1.0\n',
      'main.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run()\n',
      'scripts/a.py': 'import subprocess\nsubprocess.run(["pyinstaller", "--name", name_from_config(), "main.py"])\n',
      'scripts/b.py': 'import argparse, os\np = argparse.ArgumentParser()\np.add_argument("--out", required=True)\na = p.parse_args()\nos.system("pyinstaller --distpath " + a.out + " main.py")\n',
    });
    const result = initProject({ dir: root });
    expect(result.notes).toContain("scripts/a.py:2: its PyInstaller call's arguments cannot be read statically (name_from_config()): the variants are guessed from the files");
    expect(result.notes).toContain('scripts/b.py (scripts/b.py run with no arguments (no build file or doc runs it)): its argparse refuses the arguments (the following arguments are required: --out), so its PyInstaller call cannot be read: the variants are guessed from the files');
    expect(expanded(root)['pyinstaller-onefile']!.build).toContain('$PYI_COMMON');
    expect(written(root)).toContain("  script: main.py  # the shallowest script that starts a server: app.run() on line 4, in its `__main__` block; the team's build script was not read: scripts/a.py:2: its PyInstaller call's arguments cannot be read statically (name_from_config())");
  });
});

describe("init reads how the team makes its Python environment from the commands it runs", () => {
  it("takes the Python and installer of the README's setup commands, and CI's setup-python before them", () => {
    const app = { 'requirements.txt': 'flask==3.1.0\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run()\n' };
    const docs = project({ ...app, 'README.md': '# app\n```sh\nuv venv --python 3.12\nsource .venv/bin/activate\nuv pip install -r requirements.txt\n```\n' });
    initProject({ dir: docs });
    expect(written(docs)).toContain('# The project pins: no build tool; its Python: 3.12 (README.md:3); it installs with uv.');
    expect(written(docs)).toContain('  installer: uv  # the team installs with uv (README.md:3): uv venv + uv pip install\n');
    const ci = project({
      ...app,
      'README.md': '```sh\nuv venv --python 3.12\n```\n',
      '.github/workflows/ci.yml': 'jobs:\n  b:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.11"\n      - run: pip install -r requirements.txt\n',
    });
    initProject({ dir: ci });
    expect(written(ci)).toContain('# The project pins: no build tool; its Python: 3.11 (.github/workflows/ci.yml:6); it installs with pip.');
    expect(written(ci)).toContain('  installer: pip  # the team installs with pip (.github/workflows/ci.yml:7): python -m venv + pip\n');
  });
});
