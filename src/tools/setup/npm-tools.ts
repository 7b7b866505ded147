// Command-line tools published on the npm registry (catalog provider `npm-registry`: pnpm) installed into the
// tool dir with the npm that runs buildbench, each at the catalog's version: `{tools}/node` holds a package.json
// of them, so a later setup for other scenarios adds to it rather than pruning what an earlier one installed.
// Their executables land in `{tools}/node/node_modules/.bin` (NPM_TOOLS_BIN), where detection looks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../detect.ts';
import { runStep, since, type Outcome, type SetupContext } from './context.ts';

/** One npm-registry tool to install. */
export interface NpmTool {
  package: string;
  version: string;
}

/** The version of `pkg` installed under `dir`, or undefined. */
function installedVersion(dir: string, pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs each of `tools` not yet at its version into {tools}/node (with `check`, only says which are missing).
 * 'ok' when all are there; rejects (SetupError) when npm fails (the registry out of reach, an unknown version).
 */
export async function provisionNpmTools(ctx: SetupContext, tools: NpmTool[]): Promise<Outcome> {
  if (tools.length === 0) return 'ok';
  const dir = path.join(ctx.tools, 'node');
  const wanted = (t: NpmTool) => `${t.package}@${t.version}`;
  const missing = tools.filter((t) => installedVersion(dir, t.package) !== t.version);
  if (missing.length === 0) {
    ctx.say('npm', `ok: ${tools.map(wanted).join(', ')} in ${dir}`);
    return 'ok';
  }
  const npm = findExecutable(['npm'], { env: ctx.env, tools: ctx.tools });
  if (ctx.check || !npm) {
    ctx.say('npm', `missing: ${missing.map(wanted).join(', ')} — ${npm ? `run \`${ctx.advice.setup}\`` : 'no npm on PATH to install them with'}`);
    return 'missing';
  }
  const start = Date.now();
  ctx.say('npm', `installing ${missing.map(wanted).join(', ')} from the npm registry into ${dir}`);
  await runStep(ctx, npm, ['install', '--prefix', dir, '--save-exact', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...missing.map(wanted)]);
  ctx.say('npm', `installed ${missing.length} in ${since(start)}`);
  return 'provisioned';
}
