// Answers, not just numbers (issue 7): what really built an artifact, whether a cache state really
// happened, where a build spends its time, what makes an artifact big, and a recommendation in words.
// The runner calls `probeHooks()`; the rest is for finer use and tests.
export { probeHooks, type ProbeHookOptions } from './hooks.ts';
export { inspectSample, type SampleInsight } from './inspect-sample.ts';
export { inspectArtifact, toArtifactFingerprint, type ArtifactInsight } from './inspect-artifact.ts';
export { fingerprintArtifact, compareWithExpect, type Fingerprint } from './fingerprint.ts';
export { countCargoUnits, type CargoUnitCount } from './rust/cargo-units.ts';
export { checkCacheState, CACHE_OK } from './cache-check.ts';
export { readPyInstallerTargets, describePyInstallerTargets, checkPyInstallerCache, type PyInstallerTarget } from './python/pyinstaller-cache.ts';
export { parsePyInstallerPhases, type PyInstallerPhaseResult } from './python/pyinstaller-phases.ts';
export { parseCargoTimings, parseCargoTimingHtml, slowestUnits, type CargoTimings, type CargoUnitTiming } from './rust/cargo-timings.ts';
export { cargoDuplicates, type CargoDuplicates } from './rust/cargo-duplicates.ts';
export { frozenContents } from './python/contents.ts';
export { pyinstallerContents } from './python/pyinstaller-contents.ts';
export { zipAppContents } from './python/zip-contents.ts';
export { unusedHeavyModules, DEFAULT_NEVER_IMPORTED, type UnusedModule } from './python/unused-modules.ts';
export type { ArchiveContents, PackageSize } from './python/package-sizes.ts';
