// The caller's variables that change what a build builds or where its output goes, and what the runner does
// with each: one table, one reason per line. Whoever starts buildbench (a Makefile recipe, a shell with a
// developer's settings, a CI job) must not change the build measured without it being seen:
// - remove: the variable only carries the caller's context into the build (a calling make's flags), or it
//   breaks the isolation of variants and cold samples (a shared target folder); the project's own default
//   applies instead.
// - per-variant: buildbench sets it itself, to a folder of the variant's own (common/tool-state.ts, build-env.ts).
// - record: a deliberate choice a team may make (RUSTFLAGS, a compiler wrapper, reproducible-build settings):
//   passed on, and recorded with its value in results.json, so `compare` says when two runs differ in it.
// A scenario's or variant's own `env:` always wins: it is applied after this policy.

/** What the runner does with a caller's variable. */
export type EnvAction = 'remove' | 'per-variant' | 'record';

/** One line of the policy: a variable (or a prefix ending in `*`), what is done with it, and why. */
export interface EnvRule {
  name: string;
  action: EnvAction;
  reason: string;
}

const MAKE_CONTEXT = "a calling make's context, not the project's";
const SHARED_TARGET = 'one target folder for every variant and cold sample: later cold builds find everything built (rust-lang/rust-forge#309); without it cargo builds in the workdir';

export const ENV_POLICY: readonly EnvRule[] = [
  { name: 'MAKEFLAGS', action: 'remove', reason: `${MAKE_CONTEXT}: its -j, its jobserver's fds (not open in the build) and its command-line variables (CFLAGS=-O0 overrides the project's CFLAGS)` },
  { name: 'MFLAGS', action: 'remove', reason: `${MAKE_CONTEXT}: the older form of MAKEFLAGS` },
  { name: 'GNUMAKEFLAGS', action: 'remove', reason: `${MAKE_CONTEXT}: GNU make's own MAKEFLAGS` },
  { name: 'MAKELEVEL', action: 'remove', reason: `${MAKE_CONTEXT}: the project's make would run as a sub-make` },
  { name: 'MAKEOVERRIDES', action: 'remove', reason: `${MAKE_CONTEXT}: its command-line variable assignments` },
  { name: 'CARGO_MAKEFLAGS', action: 'remove', reason: "a calling cargo's jobserver, whose fds are not open in the build" },
  { name: 'CARGO_TARGET_DIR', action: 'remove', reason: SHARED_TARGET },
  { name: 'CARGO_BUILD_TARGET_DIR', action: 'remove', reason: SHARED_TARGET },
  { name: 'CARGO_BUILD_*', action: 'record', reason: "cargo's build settings (jobs, target triple, rustflags, rustc wrapper) change what is built" },
  { name: 'CARGO_PROFILE_*', action: 'record', reason: 'profile settings (opt-level, debug, lto) change the binaries' },
  { name: 'CARGO_INCREMENTAL', action: 'record', reason: 'turns incremental compilation on or off: changes rebuild times' },
  { name: 'CARGO_HOME', action: 'record', reason: "where cargo's registry and git checkouts are: where dependencies come from" },
  { name: 'RUSTFLAGS', action: 'record', reason: 'flags for every rustc call: a change rebuilds every unit (FACTS.md)' },
  { name: 'CARGO_ENCODED_RUSTFLAGS', action: 'record', reason: 'RUSTFLAGS in the form cargo prefers over RUSTFLAGS' },
  { name: 'RUSTDOCFLAGS', action: 'record', reason: 'flags for every rustdoc call' },
  { name: 'RUSTC_WRAPPER', action: 'record', reason: 'a compiler wrapper (sccache): cached compiles' },
  { name: 'RUSTC_WORKSPACE_WRAPPER', action: 'record', reason: "a wrapper for the workspace's own crates" },
  { name: 'RUSTC', action: 'record', reason: 'which rustc compiles' },
  { name: 'RUSTUP_TOOLCHAIN', action: 'record', reason: 'which toolchain rustup runs' },
  { name: 'CC', action: 'record', reason: 'which C compiler make and build scripts use' },
  { name: 'CXX', action: 'record', reason: 'which C++ compiler make and build scripts use' },
  { name: 'CFLAGS', action: 'record', reason: 'C compiler flags of a make that reads them from the environment, and of cc-rs' },
  { name: 'CXXFLAGS', action: 'record', reason: 'C++ compiler flags' },
  { name: 'CPPFLAGS', action: 'record', reason: 'preprocessor flags' },
  { name: 'LDFLAGS', action: 'record', reason: 'linker flags' },
  { name: 'SOURCE_DATE_EPOCH', action: 'record', reason: 'the time stamped into reproducible artifacts: artifact digests change with it' },
  { name: 'PYTHONHASHSEED', action: 'record', reason: "the order of Python's str hashing: archive member order and .pyc contents" },
  { name: 'PYTHONPATH', action: 'remove', reason: "modules from the caller's folders shadow the project's environment, and a freezer bundles them" },
  { name: 'PYTHONHOME', action: 'remove', reason: "points Python at another installation's standard library" },
  { name: 'VIRTUAL_ENV', action: 'remove', reason: "the caller's activated environment: uv and pip would install into it instead of the project's" },
  { name: 'PYINSTALLER_CONFIG_DIR', action: 'per-variant', reason: "PyInstaller's bincache, in the variant's cache dir" },
  { name: 'PEX_ROOT', action: 'per-variant', reason: "PEX's cache of unpacked code and wheels, in the variant's cache dir" },
  { name: 'UV_CACHE_DIR', action: 'per-variant', reason: "uv's cache, in the variant's cache dir" },
  { name: 'PIP_CACHE_DIR', action: 'per-variant', reason: "pip's cache, in the variant's cache dir" },
  { name: 'XDG_CACHE_HOME', action: 'per-variant', reason: "every XDG tool's cache, in the variant's cache dir" },
  { name: 'TMPDIR', action: 'per-variant', reason: "the build's temporary files, in the variant's cache dir" },
  { name: 'PEX_*', action: 'record', reason: "PEX's settings (PEX_PYTHON, PEX_PATH, PEX_INHERIT_PATH …) change what a pex build resolves" },
  { name: 'SHIV_*', action: 'record', reason: "shiv's settings" },
  { name: 'UV_*', action: 'record', reason: "uv's settings (index, Python, resolution) change what is installed" },
  { name: 'PIP_*', action: 'record', reason: "pip's settings (index, constraints, binary or source) change what is installed" },
];

/** The policy line for `name`: its exact line, else the longest prefix line; undefined when none applies. */
export function ruleFor(name: string): EnvRule | undefined {
  const exact = ENV_POLICY.find((r) => r.name === name);
  if (exact) return exact;
  const prefixes = ENV_POLICY.filter((r) => r.name.endsWith('*') && name.startsWith(r.name.slice(0, -1)));
  return prefixes.sort((a, b) => b.name.length - a.name.length)[0];
}

/** What the policy did to a caller's environment: the variables removed and those passed on, name → value. */
export interface CallerVariables {
  removed: Record<string, string>;
  passed: Record<string, string>;
}

/** The caller's variables the policy removes and those it passes on and records, each name → value, sorted. Never throws. */
export function callerVariables(env: NodeJS.ProcessEnv): CallerVariables {
  const removed: Record<string, string> = {};
  const passed: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) {
    const action = ruleFor(name)?.action;
    if (action === 'remove') removed[name] = env[name] ?? '';
    else if (action === 'record') passed[name] = env[name] ?? '';
  }
  return { removed, passed };
}

/** `env` without the variables the policy removes (the per-variant ones are overwritten by the caller of this). */
export function withoutRemoved(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => ruleFor(name)?.action !== 'remove'));
}

/** Variables that send a build's output out of its workdir, for the hint when an artifact is missing. */
const OUTPUT_DIRS = ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR'];

/**
 * Why a declared artifact may be missing although the build succeeded: the variables of the build's
 * environment that move its output outside `workdir` ("CARGO_TARGET_DIR=/x/target sends cargo's output
 * outside the workdir"); undefined when none does.
 */
export function outputElsewhere(env: Record<string, string | undefined>, workdir: string): string | undefined {
  const outside = OUTPUT_DIRS.filter((n) => env[n] && !`${env[n]}/`.startsWith(`${workdir}/`) && !env[n]!.startsWith('.') && env[n]!.startsWith('/'));
  if (outside.length === 0) return undefined;
  return `${outside.map((n) => `${n}=${env[n]}`).join(', ')} sends cargo's output outside the workdir`;
}

/**
 * One line for the terminal before the first build: "caller's environment: MAKEFLAGS, MAKELEVEL removed from
 * every build; passed on (recorded in results.json): CFLAGS=-O0"; undefined when the policy found none.
 */
export function describeCallerVariables(vars: CallerVariables): string | undefined {
  const removed = Object.keys(vars.removed);
  const passed = Object.entries(vars.passed).map(([k, v]) => `${k}=${v}`);
  const parts = [
    ...(removed.length > 0 ? [`${removed.join(', ')} removed from every build (src/runner/env-policy.ts says why)`] : []),
    ...(passed.length > 0 ? [`passed on (recorded in results.json): ${passed.join(' ')}`] : []),
  ];
  return parts.length > 0 ? `caller's environment: ${parts.join('; ')}` : undefined;
}
