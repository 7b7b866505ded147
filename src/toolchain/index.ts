// Tool detection for `buildbench doctor`, `requires:` checks and the results' environment fingerprint.
export { CATALOG, SCIE_MIRROR_ENV, specOf, type ToolSpec } from './catalog.ts';
export { BUILDBENCH_ROOT, detectTool, findExecutable, searchDirs, type DetectOptions, type ToolFound, type ToolMissing, type ToolStatus } from './detect.ts';
export { doctor, toolVersions, type BlockedVariant, type DoctorReport, type DoctorRow, type DoctorScenario } from './doctor.ts';
export { formatDoctor } from './format.ts';
