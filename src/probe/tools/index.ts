// Tool detection for `buildbench doctor`, `requires:` checks, `buildbench setup` and the results' environment fingerprint.
export { CATALOG, SCIE_MIRROR_ENV, installHint, specOf, type AdviceContext, type Provider, type ToolSpec } from './catalog.ts';
export {
  BUILDBENCH_ROOT,
  adviceOf,
  detectTool,
  findExecutable,
  isPathRequirement,
  searchDirs,
  toolsDirOf,
  type DetectOptions,
  type ToolFound,
  type ToolMissing,
  type ToolStatus,
} from './detect.ts';
export { doctor, toolVersions, type BlockedVariant, type DoctorReport, type DoctorRow, type DoctorScenario } from './doctor.ts';
export { formatDoctor } from './format.ts';
export { commandsOf, createToolProber, type ToolProber, type ToolUser } from './probe.ts';
export { TOOLS_ENV, buildbenchCommand, isOwnCheckout, setupCommand, toolsDir } from '../../common/where.ts';
