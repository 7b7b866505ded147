// How the run checks a variant's `requires`: found (with version and path) or missing (with how to get it).
import type { ToolInfo } from '../results/schema.ts';
import { detectTool } from '../toolchain/index.ts';

export async function checkToolForRun(name: string): Promise<ToolInfo & { hint?: string }> {
  const status = await detectTool(name);
  if (status.found) return { name, version: status.version, path: status.path };
  return { name, version: null, path: null, hint: `${status.reason}; ${status.install}` };
}
