// The tool versions a project pins, each in an environment of its own ({tools}/envs/pyinstaller-5.13.0/), made
// from PyPI the way that version needs (pinnedRequirements: setuptools < 81 beside PyInstaller 5) and offline-ready:
// the wheels are downloaded into the wheelhouse first and installed from there, so a variant's own environment
// installs the same files with no network. `doctor` and `setup` show the version each environment really holds.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pinnedRequirements, pinsIn } from '../../common/tool-pins.ts';
import { hashOf, runStep, setStamp, since, stampOk, type Outcome, type SetupContext } from './context.ts';

/** A pinned tool a variant's set-up installs, and the interpreter its environment is made with. */
export interface PinnedTool {
  tool: string;
  version: string;
  python: string;
}

/** The folder of a pin's environment under the tool dir. */
export const pinnedEnvDir = (tools: string, pin: { tool: string; version: string }) => path.join(tools, 'envs', `${pin.tool}-${pin.version}`);

/** Every `tool==version` the commands pin, once per (tool, version, python), with the interpreter their `--python`/`-m venv` names. */
export function pinnedTools(commands: { command: string; python: string }[]): PinnedTool[] {
  const out: PinnedTool[] = [];
  for (const { command, python } of commands) {
    for (const pin of pinsIn(command)) {
      if (!out.some((o) => o.tool === pin.tool && o.version === pin.version && o.python === python)) out.push({ ...pin, python });
    }
  }
  return out;
}

/** The version of `tool` installed in the environment at `env` (importlib.metadata, read in that environment), or null. */
export async function versionIn(ctx: SetupContext, env: string, tool: string): Promise<string | null> {
  const python = path.join(env, 'bin/python');
  if (!existsSync(python)) return null;
  try {
    return (await runStep(ctx, python, ['-c', `import importlib.metadata as m; print(m.version(${JSON.stringify(tool)}))`])).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Makes `{tools}/envs/<tool>-<version>/` for each pin (python -m venv, then pip from the wheelhouse after
 * downloading the pin's wheels into it), once per input; with `check` only reports. Says each environment's
 * version as read from it. Rejects (SetupError) when a download or install fails.
 */
export async function provisionPinnedEnvs(ctx: SetupContext, pins: PinnedTool[]): Promise<Outcome> {
  if (pins.length === 0) {
    ctx.say('envs', 'not needed (no variant pins a build tool)');
    return 'ok';
  }
  const wheelhouse = path.join(ctx.tools, 'wheelhouse');
  let outcome: Outcome = 'ok';
  for (const pin of pins) {
    const env = pinnedEnvDir(ctx.tools, pin);
    const requirements = pinnedRequirements(pin.tool, pin.version);
    const key = hashOf(pin.python, ...requirements);
    const stamp = `envs-${pin.tool}-${pin.version}`;
    if (stampOk(ctx, stamp, key) && (await versionIn(ctx, env, pin.tool)) === pin.version) {
      ctx.say('envs', `ok: ${pin.tool} ${pin.version} in ${env} (${requirements.join(', ')}; ${pin.python})`);
      continue;
    }
    if (ctx.check) {
      ctx.say('envs', `missing: ${pin.tool} ${pin.version} (${env})`);
      outcome = 'missing';
      continue;
    }
    const start = Date.now();
    await runStep(ctx, pin.python, ['-m', 'venv', '--clear', env]);
    const pip = path.join(env, 'bin/pip');
    const quiet = ['-q', '--disable-pip-version-check'];
    await runStep(ctx, pip, ['download', ...quiet, '--prefer-binary', '-d', wheelhouse, ...requirements]);
    await runStep(ctx, pip, ['install', ...quiet, '--no-index', '--find-links', wheelhouse, ...requirements]);
    setStamp(ctx, stamp, key);
    const files = readdirSync(wheelhouse).length;
    ctx.say('envs', `made ${env}: ${pin.tool} ${await versionIn(ctx, env, pin.tool)} with ${requirements.slice(1).join(', ') || 'nothing else'} on ${pin.python}, wheels in ${wheelhouse} (${files} files), in ${since(start)}`);
    outcome = 'provisioned';
  }
  return outcome;
}
