// How the run checks a variant's `requires`: found where the variant calls it (with version and path) or
// missing (with how to get it, right in the folder the run was started in).
import type { PlannedVariant } from '../plan/plan.ts';
import type { ToolInfo } from '../results/schema.ts';
import { commandsOf, createToolProber } from '../tools/index.ts';

/**
 * The run's check of a required tool, probed from `cwd`: found where the variant calls it (name, version, path),
 * or `version` and `path` null with a `hint` saying why and how to install it. Never throws for a missing tool.
 */
export function createToolCheck(cwd: string): (name: string, planned?: PlannedVariant) => Promise<ToolInfo & { hint?: string }> {
  const probe = createToolProber({ cwd });
  return async (name, planned) => {
    const user = planned ? { project: planned.source ?? planned.scenario.project, commands: commandsOf(planned.variant) } : undefined;
    const status = await probe(name, user);
    if (status.found) return { name, version: status.version, path: status.path };
    return { name, version: null, path: null, hint: `${status.reason}; ${status.install}` };
  };
}
