// One tool check per distinct place looked in: many variants require the same tool, and a version probe
// (pyinstaller --version) costs half a second. Used by `doctor`, `run` and `setup`.
import { detectTool, isPathRequirement, resolveRequirementPath, searchDirs, toolsDirOf, type DetectOptions, type ToolStatus } from './detect.ts';
import { pathsNamed } from './named-paths.ts';

/** What a variant brings to a tool check: its project folder and the commands that may call the tool by path. */
export interface ToolUser {
  project?: string;
  commands?: string[];
}

/** The commands of a variant that may call a tool: its set-up, its build, its launch. */
export function commandsOf(v: { setup?: string[]; build?: string; smoke?: { run: string } }): string[] {
  return [...(v.setup ?? []), ...(v.build ? [v.build] : []), ...(v.smoke ? [v.smoke.run] : [])];
}

/** The detect options of `name` as `user` needs it: its project searched, the paths its commands name first. */
export function optionsFor(name: string, user: ToolUser | undefined, base: DetectOptions): DetectOptions {
  if (!user?.project) return base;
  const named = isPathRequirement(name)
    ? []
    : pathsNamed({ tool: name, commands: user.commands ?? [], project: user.project, tools: toolsDirOf(base), env: base.env });
  return { ...base, project: user.project, named };
}

export type ToolProber = (name: string, user?: ToolUser) => Promise<ToolStatus>;

/** detectTool, asked once per (name, folders searched). */
export function createToolProber(base: DetectOptions = {}): ToolProber {
  const memo = new Map<string, Promise<ToolStatus>>();
  return (name, user) => {
    const opts = optionsFor(name, user, base);
    const where = isPathRequirement(name) ? [resolveRequirementPath(name, opts)] : searchDirs(opts);
    const key = [name, ...where].join('\0');
    let status = memo.get(key);
    if (!status) {
      status = detectTool(name, opts);
      memo.set(key, status);
    }
    return status;
  };
}
