// What setup installs only as root (Debian packages) or can only report (npm tools, the SCIE mirror, tools
// with no recipe), and the last check: every required tool where its variant calls it.
import { findExecutable, type ToolStatus } from '../detect.ts';
import type { ToolProber, ToolUser } from '../probe.ts';
import { probeAsPinned } from '../pinned-probe.ts';
import { runStep, since, type Outcome, type SetupContext } from './context.ts';

/** Debian packages not installed, by dpkg's own record; undefined when this is not a Debian system. */
async function missingPackages(ctx: SetupContext, packages: string[]): Promise<string[] | undefined> {
  const dpkg = findExecutable(['dpkg-query'], { env: ctx.env, tools: ctx.tools });
  if (!dpkg) return undefined;
  let out = '';
  try {
    out = await runStep(ctx, dpkg, ['-W', '-f=${Package} ${db:Status-Abbrev}\\n', ...packages]);
  } catch (err) {
    // dpkg-query exits 1 when some package is unknown to it; what it printed for the others still holds.
    out = (err as Error).message;
  }
  const installed = new Set(out.split('\n').filter((l) => /^\S+ ii/.test(l)).map((l) => l.split(' ')[0]!.replace(/:.*$/, '')));
  return packages.filter((p) => !installed.has(p));
}

/** The exact command a person runs for `packages` (sudo when not root). */
export function aptCommand(packages: string[], root: boolean): string {
  return `${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * The Debian `packages` the scenarios need: installed with apt-get when running as root, else the exact
 * command is reported; 'missing' on a system without dpkg. Rejects (SetupError) when apt-get fails.
 */
export async function provisionApt(ctx: SetupContext, packages: string[]): Promise<Outcome> {
  if (packages.length === 0) {
    ctx.say('apt', 'ok: no Debian packages needed');
    return 'ok';
  }
  const missing = await missingPackages(ctx, packages);
  if (missing === undefined) {
    ctx.say('apt', `not a Debian system (no dpkg-query): install ${packages.join(' ')} with its package manager`);
    return 'missing';
  }
  if (missing.length === 0) {
    ctx.say('apt', `ok: all ${packages.length} Debian packages present`);
    return 'ok';
  }
  const root = process.getuid?.() === 0;
  if (ctx.check || !root) {
    ctx.say('apt', `missing: ${missing.join(' ')} — ${ctx.check ? 'run' : 'not root, so run yourself'}: ${aptCommand(missing, root)}`);
    return 'missing';
  }
  const start = Date.now();
  const env = { ...ctx.env, DEBIAN_FRONTEND: 'noninteractive' };
  ctx.say('apt', `installing ${missing.join(' ')}`);
  await runStep({ ...ctx, env }, 'apt-get', ['update', '-qq']);
  await runStep({ ...ctx, env }, 'apt-get', ['install', '-y', '--no-install-recommends', '-qq', ...missing]);
  ctx.say('apt', `installed ${missing.length} packages in ${since(start)}`);
  return 'provisioned';
}

/** A required tool and where its variant calls it. */
export interface Requirement {
  name: string;
  user: ToolUser;
  /** `scenario/variant` ids that require it. */
  neededBy: string[];
  /** The version its variants' set-ups pin, if any: then it is checked in that version's environment. */
  pins?: { tool: string; version: string }[];
}

/**
 * Tools setup cannot install (an npm devDependency, the SCIE mirror, anything else): found, or how to get them;
 * the variants that need a missing one are added to `unavailable` (a run records them unavailable). Never rejects.
 */
export async function reportTools(ctx: SetupContext & { component: 'npm' | 'scie' | 'tools'; probe: ToolProber; requirements: Requirement[]; unavailable?: string[] }): Promise<Outcome> {
  const missing: string[] = [];
  const found: string[] = [];
  const memo = new Map<string, ToolStatus>();
  for (const r of ctx.requirements) {
    const pinned = await probeAsPinned({ tool: r.name, pins: r.pins ?? [], probe: ctx.probe, tools: ctx.tools, setup: ctx.advice.setup, memo });
    const status = pinned ?? (await ctx.probe(r.name, r.user));
    if (status.found) found.push(`${status.name}${status.version ? ` ${status.version}` : ''}`);
    else {
      missing.push(`${status.name} for ${r.neededBy.join(', ')}: ${status.install}`);
      ctx.unavailable?.push(...r.neededBy);
    }
  }
  const unique = [...new Set(missing)];
  if (unique.length === 0) {
    ctx.say(ctx.component, `ok: ${[...new Set(found)].join(', ')}`);
    return 'ok';
  }
  for (const m of unique) ctx.say(ctx.component, `missing ${m}`);
  return 'missing';
}

