// Answers, not just numbers (issue 7): what really built an artifact, whether a cache state really
// happened, where a build spends its time, what makes an artifact big, and a recommendation in words.
// The runner calls `insightHooks()`; the report calls `recommend()`; the rest is for finer use and tests.
export { insightHooks, type InsightHookOptions } from './hooks.ts';
export { inspectSample, type SampleInsight } from './inspect-sample.ts';
export { inspectArtifact, toArtifactFingerprint, type ArtifactInsight } from './inspect-artifact.ts';
export { fingerprintArtifact, compareWithExpect, type Fingerprint } from './fingerprint.ts';
export { countCargoUnits, type CargoUnitCount } from './cargo-units.ts';
export { checkCacheState, CACHE_OK } from './cache-check.ts';
export { readPyInstallerTargets, describePyInstallerTargets, checkPyInstallerCache, type PyInstallerTarget } from './pyinstaller-cache.ts';
export { parsePyInstallerPhases, type PyInstallerPhaseResult } from './pyinstaller-phases.ts';
export { parseCargoTimings, parseCargoTimingHtml, slowestUnits, type CargoTimings, type CargoUnitTiming } from './cargo-timings.ts';
export { parseGenericPhases, TAURI_PHASE_RULES, type PhaseResult, type TimedLine } from './phases.ts';
export { cargoDuplicates, type CargoDuplicates } from './cargo-duplicates.ts';
export { frozenContents } from './contents.ts';
export { pyinstallerContents } from './pyinstaller-contents.ts';
export { zipAppContents } from './zip-contents.ts';
export { unusedHeavyModules, DEFAULT_NEVER_IMPORTED, type UnusedModule } from './unused-modules.ts';
export type { ArchiveContents, PackageSize } from './package-sizes.ts';
export { snapshotDir, snapshotExtraction, measureExtraction, extractionDirs, type DirSnapshot, type ExtractionDiff } from './extraction.ts';
export { recommend } from './recommend.ts';
