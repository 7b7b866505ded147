// Freeze a Python app into one artifact: PyInstaller onefile and onedir (with and without the dev tools a dev
// environment drags in), a plain PEX, a PEX SCIE and a shiv zipapp; each launched and timed until ready.
//
// Like with like: every variant is measured cold (tool caches and build folders removed) and as the rebuild a
// team lives with, after an edit to the app's own code (`incremental`: a comment appended to `edit` before
// each sample). Not `warm` (build/ kept, nothing edited): PyInstaller then reuses its whole Analysis and only
// rebuilds the EXE (0.7–1 s, "checking Analysis" without "Running Analysis") while PEX and shiv rebuild for
// real, so a warm comparison set a no-op against a real build. After an edit PyInstaller re-analyses (measured
// on a two-module app: 31.9 s after the edit, 35.1 s cold, 1.6 s warm unchanged). With `clean` (the team's
// command has PyInstaller's --clean) every build is a clean one, so that is the one state measured.
import { Type } from '@sinclair/typebox';
import { definePreset, paramsObject, words, type TemplateVariant } from './preset.ts';
import { PYTHON_PARAMS } from './python-common.ts';
import { PYINSTALLER_ENV_PARAMS, pyinstallerEnvSetup } from './pyinstaller-env.ts';
import { BUILD_ONLY_TOOLS, runtimeRequirementsCommand } from '../../common/build-only-tools.ts';
import { specCopyCommand, specCopyPath } from './pyinstaller-spec.ts';

/** The requirements PEX and shiv pack (inside the workdir): the project's less the build-only tools. */
const RUNTIME_REQUIREMENTS = '.buildbench-runtime-requirements.txt';

/** Modules a dev environment has and an app does not need: what PyInstaller picked up in the team's bundle. */
const DEV_TOOL_MODULES = [
  'IPython', 'jedi', 'parso', 'pygments', 'pytest', '_pytest', 'pluggy', 'black', 'blib2to3', 'prompt_toolkit',
  'wcwidth', 'setuptools', 'pkg_resources',
];

const params = paramsObject(
  {
    app: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'name of the executable (PyInstaller --name, dist/<app>)' }),
    script: Type.String({ minLength: 1, description: 'entry script PyInstaller analyses (a file that imports and starts the app)' }),
    module: Type.String({ minLength: 1, description: 'entry module (or module:function) that PEX runs (-m)' }),
    shivEntry: Type.Optional(Type.String({ minLength: 1, description: 'shiv entry point, module:function (default: module)' })),
    sourceDir: Type.String({ minLength: 1, default: '.', description: 'folder the app\'s packages are imported from (PyInstaller --paths, pex -D, shiv --site-packages)' }),
    spec: Type.Optional(
      Type.String({
        pattern: '\\.spec$',
        description:
          "the team's PyInstaller .spec: each PyInstaller variant builds from a copy of it with its one change (shape, excludes), written beside it in the variant's set-up (PyInstaller takes no --onefile/--onedir/--exclude-module beside a spec)",
      }),
    ),
    hooksDir: Type.Optional(Type.String({ minLength: 1, description: 'folder of extra PyInstaller hooks (--additional-hooks-dir)' })),
    venvSetup: Type.String({
      default: '',
      description: 'untimed set-up of .venv, the environment PyInstaller runs in (it bundles what that environment imports); "": made from installer, python and the PyInstaller pin',
    }),
    ...PYINSTALLER_ENV_PARAMS,
    pyinstaller: Type.String({ minLength: 1, default: '.venv/bin/pyinstaller', description: 'the PyInstaller command, inside the app\'s environment' }),
    excludes: Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.]*$' }), {
      default: DEV_TOOL_MODULES,
      description: 'modules the *-excludes variants keep out of the bundle (empty: no excludes variants)',
    }),
    buildOnly: Type.Array(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }), {
      default: [...BUILD_ONLY_TOOLS],
      description: 'distributions PEX and shiv leave out of the requirements they pack: build tools the app never imports (PyInstaller\'s environment still installs its pin); empty: pack every requirement',
    }),
    serveArgs: Type.String({ default: '--port {port}', description: 'arguments the launched artifact gets (start-up is timed)' }),
    ready: Type.String({
      default: 'http://127.0.0.1:{port}/health',
      description: 'URL that answers once the app is up; empty: ready means the launch exited 0',
    }),
    sciePython: Type.String({ default: '3.11', description: 'CPython version the PEX SCIE carries' }),
    edit: Type.Optional(
      Type.String({
        minLength: 1,
        description: "the app's own source file a comment is appended to before each incremental sample; best a module every variant packs (default: script)",
      }),
    ),
    clean: Type.Boolean({
      default: false,
      description: "PyInstaller's --clean on every PyInstaller build (the team's command has it): each build then starts from an empty PyInstaller cache, so every variant is measured in that clean (cold) state alone",
    }),
    ...PYTHON_PARAMS,
  },
);

export const pythonFreeze = definePreset({
  name: 'python-freeze',
  description: 'Freeze a Python app: PyInstaller onefile/onedir (with and without dev-tool excludes), PEX, PEX SCIE, shiv',
  params,
  expand: (p) => {
    const fill = (text: string) => text.replace(/\{(toolsBin|python|wheelhouse|requirements)\}/g, (_, k: keyof typeof p) => String(p[k]));
    const bin = fill('{toolsBin}');
    const smoke = (run: string) => ({ run: words(run, p.serveArgs), ...(p.ready ? { ready: p.ready } : {}), timeoutS: 120 });
    const envSetup = (version: string) => fill(p.venvSetup) || pyinstallerEnvSetup({ ...p, version });
    // From the team's spec: a copy with the variant's shape and excludes, made in its set-up (pyinstaller-spec.ts).
    const pyinstallerBuild = (shape: 'onefile' | 'onedir', excludes: boolean, version = p.pyinstallerVersion) => {
      const name = `pyinstaller-${shape}${excludes ? '-excludes' : ''}`;
      if (!p.spec) return { setup: envSetup(version), build: words(p.pyinstaller, '$PYI_COMMON', `--${shape}`, excludes && '$PYI_EXCLUDES', p.script) };
      const copy = specCopyCommand({ python: p.python, spec: p.spec, variant: name, shape, excludes: excludes ? ['__main__', ...p.excludes] : [] });
      return { setup: `${envSetup(version)} && ${copy}`, build: words(p.pyinstaller, '--noconfirm --distpath dist --workpath build', p.clean && '--clean', specCopyPath(p.spec, name)) };
    };
    const pyinstaller = (shape: 'onefile' | 'onedir', excludes: boolean): TemplateVariant => ({
      name: `pyinstaller-${shape}${excludes ? '-excludes' : ''}`,
      description: excludes
        ? `${shape === 'onefile' ? 'Onefile' : 'Onedir'} with the dev tools excluded ($PYI_EXCLUDES).`
        : shape === 'onefile'
          ? 'One executable that unpacks itself to a temporary folder at every launch.'
          : 'One folder (executable + _internal/); nothing to extract at launch.',
      ...(shape === 'onefile' && !excludes ? { baseline: true } : {}),
      ...(excludes ? { default: false } : shape === 'onedir' && !p.clean ? { default: ['incremental' as const] } : {}),
      ...pyinstallerBuild(shape, excludes),
      requires: ['pyinstaller', 'objcopy', 'ldd'],
      artifact: `dist/${p.app}`,
      clean: ['dist'],
      caches: ['build'],
      phases: PYINSTALLER_PHASES,
      smoke: smoke(shape === 'onefile' ? '{artifact}' : `{artifact}/${p.app}`),
      expect: { packager: 'pyinstaller', shape },
    });
    // PEX and shiv pack every requirement: the build tools are taken out first, in their untimed set-up.
    const packed = p.buildOnly.length > 0 ? RUNTIME_REQUIREMENTS : p.requirements;
    const packedSetup = p.buildOnly.length > 0 ? { setup: runtimeRequirementsCommand({ from: p.requirements, to: RUNTIME_REQUIREMENTS, tools: p.buildOnly }) } : {};
    // The last build's output goes first (`rm -rf dist`, a millisecond): with `-D .` or `--site-packages .` pex
    // and shiv pack the whole folder, dist/ with it, and in the states that keep outputs (incremental, noop) each
    // artifact held the one before (a new user's trial: 10.7 MB more at every build). PEX's cache is PEX_ROOT.
    const pex = words(`rm -rf dist && ${bin}/pex --no-pypi --find-links`, p.wheelhouse, '-r', packed, '-D', p.sourceDir, '-m', p.module);
    // The baseline's onefile with a newer PyInstaller in its environment: "what if we upgraded".
    const newer = (base: TemplateVariant): TemplateVariant => {
      const { baseline: _baseline, ...rest } = base;
      const against = p.pyinstallerVersion ? ` against the pinned ${p.pyinstallerVersion}` : '';
      return { ...rest, name: `pyinstaller-onefile-${p.newerPyInstaller}`, description: `Onefile with PyInstaller ${p.newerPyInstaller}${against}.`, setup: pyinstallerBuild('onefile', false, p.newerPyInstaller).setup };
    };
    const variants: TemplateVariant[] = [
      pyinstaller('onefile', false),
      ...(p.newerPyInstaller ? [newer(pyinstaller('onefile', false))] : []),
      ...(p.excludes.length > 0 ? [pyinstaller('onefile', true)] : []),
      pyinstaller('onedir', false),
      ...(p.excludes.length > 0 ? [pyinstaller('onedir', true)] : []),
      {
        name: 'pex',
        description: `A plain .pex (runs on the machine's ${p.python}); PEX_ROOT is the variant's cache.`,
        requires: ['pex'],
        ...packedSetup,
        build: words(pex, '--python-shebang', p.python, `-o dist/${p.app}.pex`),
        artifact: `dist/${p.app}.pex`,
        clean: ['dist'],
        smoke: smoke('{artifact}'),
        expect: { packager: 'pex', shape: 'zipapp' },
      },
      {
        name: 'pex-scie',
        description:
          'A PEX SCIE (`--scie eager --scie-only`): a native executable carrying a python-build-standalone ' +
          `CPython ${p.sciePython}. ` +
          'science, the scie-jump and PBS come only from GitHub releases, so this variant needs a staged mirror in ' +
          'BUILDBENCH_SCIE_MIRROR (tools/README.md); without one it is recorded unavailable.',
        requires: ['pex', 'scie-mirror'],
        ...packedSetup,
        build: words(
          pex,
          `--scie eager --scie-only --scie-python-version ${p.sciePython}`,
          '--scie-science-binary "$BUILDBENCH_SCIE_MIRROR/science"',
          '--scie-assets-base-url "file://$BUILDBENCH_SCIE_MIRROR/assets"',
          '--scie-pbs-release "$(cat "$BUILDBENCH_SCIE_MIRROR/pbs-release")"',
          // With --scie-only, pex writes the SCIE under this name without its .pex suffix.
          `-o dist/${p.app}.pex`,
        ),
        artifact: `dist/${p.app}`,
        clean: ['dist'],
        smoke: smoke('{artifact}'),
        expect: { packager: 'pex', shape: 'scie' },
      },
      {
        name: 'shiv',
        description:
          `A shiv zipapp (.pyz) for ${p.python}; unpacks its site-packages to SHIV_ROOT on first launch. ` +
          'shiv keeps no build cache (pip reinstalls every wheel from the wheelhouse each time), so its rebuild after ' +
          'an edit repeats its cold build.',
        requires: ['shiv'],
        ...packedSetup,
        build: words(
          `rm -rf dist && mkdir -p dist && ${bin}/shiv --site-packages`,
          p.sourceDir,
          '-e',
          p.shivEntry ?? p.module,
          '-p',
          p.python,
          `-o dist/${p.app}.pyz --no-index --find-links`,
          p.wheelhouse,
          '-r',
          packed,
        ),
        artifact: `dist/${p.app}.pyz`,
        clean: ['dist'],
        smoke: smoke('{artifact}'),
        expect: { packager: 'shiv', shape: 'zipapp' },
      },
    ];
    const edit = { append: { file: p.edit ?? p.script, text: '\n# buildbench: an edit before each incremental sample\n' } };
    return {
      requires: ['python3', 'uv'],
      // --clean empties PyInstaller's cache (the workpath and its bincache) before every build, so a rebuild after
      // an edit is the clean build again under another name: with `clean` the scenario measures the clean (cold)
      // build alone, and every variant in it, so PEX and shiv build from empty caches too (like with like).
      cache: p.clean ? ['cold'] : ['cold', 'incremental'],
      runs: 5,
      warmup: 0,
      timeoutS: 900,
      env: {
        // `__main__` is PyInstaller's own default exclude: naming it works around PyInstaller 6.22's
        // initialize_modgraph extending the excludes list in place (`excludes += ("__main__",)`), which makes the
        // stored Analysis differ from the spec's on every build, so with any --exclude-module a warm build redoes
        // the whole Analysis ("Building because excludes changed"; measured 80 s instead of 1.5 s).
        ...(p.excludes.length > 0 ? { PYI_EXCLUDES: ['__main__', ...p.excludes].map((m) => `--exclude-module ${m}`).join(' ') } : {}),
        PYI_COMMON: words(
          `--noconfirm --name ${p.app} --paths ${p.sourceDir}`,
          p.hooksDir && `--additional-hooks-dir ${p.hooksDir}`,
          '--distpath dist --workpath build --specpath build',
          p.clean && '--clean',
        ),
        // Where shiv and the SCIE unpack themselves on first launch: per variant, like every other cache.
        SHIV_ROOT: '{cache}/shiv-root',
        SCIE_BASE: '{cache}/scie-base',
      },
      variants: variants.map((v) => ({ ...v, mutate: edit })),
    };
  },
});

/** PyInstaller's log lines that end each phase (Analysis, PYZ, PKG, EXE/COLLECT). */
const PYINSTALLER_PHASES = [
  { name: 'analysis', pattern: 'INFO: checking PYZ' },
  { name: 'pyz', pattern: 'INFO: checking PKG' },
  { name: 'pkg', pattern: 'INFO: checking EXE' },
  { name: 'exe', pattern: 'INFO: (checking COLLECT|Build complete)' },
];
