// What one toolchain's probe reads and gives back. After each sample inspect-sample.ts hands every probe of
// PROBES (probes.ts) the build's output; after a variant's artifact is measured inspect-artifact.ts hands the
// artifact to every probe that applies to its fingerprint. A new toolchain is one file exporting a
// ToolchainProbe and one line in PROBES.
import type { CacheState } from '../results/cache-states.ts';
import type { ArtifactInfo, RunSample } from '../results/schema.ts';
import type { TimedLine } from '../runner/phases.ts';
import type { Fingerprint } from './fingerprint.ts';

/** One build's output as the runner captured it. */
export interface BuildOutput {
  /** The sample's cache state. */
  cache: CacheState;
  /** Every output line with the ms from the build's start at which it arrived. */
  lines: readonly TimedLine[];
  /** The same lines without their times. */
  text: readonly string[];
  /** The variant's workdir (absolute): paths the output names are relative to it. */
  workdir: string;
  /** The variant's build command as written, when known. */
  build?: string;
}

/** What a probe found in one build's output; every field optional. */
export interface SampleFindings extends Pick<RunSample, 'rebuiltUnits' | 'freshUnits' | 'slowestUnits' | 'toolVersions'> {
  /** The toolchain's own phase ends, ms from the build's start; used when the scenario declares no phases. */
  phases?: Record<string, number>;
  /** The probe's verdict on the cache state: CACHE_OK (cache-check.ts) or why the sample looks wrong. */
  cacheCheck?: string;
  /** Why the cache state could not be checked although the build is this toolchain's ("not checked: …"). */
  notChecked?: string;
}

/** Reads one build's output. */
export interface SampleProbe {
  /** What the output tells; null when it is not this toolchain's output. Throws only on an unreadable file the output names. */
  inspect(output: BuildOutput): Promise<SampleFindings | null>;
}

/** One measured artifact and what is known about it. */
export interface ArtifactInput {
  /** The variant's workdir (absolute). */
  workdir: string;
  /** The artifact's absolute path (a file or a directory). */
  path: string;
  fingerprint: Fingerprint;
  /** Packages the team never imports at run time (default: DEFAULT_NEVER_IMPORTED). */
  neverImported?: readonly string[];
  /** The duplicate-crate count already found for this workdir, which does not change between samples. */
  duplicateCrates?: number;
}

export type ArtifactFindings = Partial<Pick<ArtifactInfo, 'unused' | 'duplicateCrates' | 'unusedDependencies' | 'largest' | 'package'>>;

/** Reads one artifact. */
export interface ArtifactProbe {
  /** True when the fingerprint says the artifact is this toolchain's. */
  appliesTo(fingerprint: Fingerprint): boolean;
  /** What the artifact tells. Rejects when a file it reads is unreadable or a tool it runs fails. */
  inspect(input: ArtifactInput): Promise<ArtifactFindings>;
}

/** One toolchain's probes: of its builds' output, of its artifacts, or both. */
export interface ToolchainProbe {
  name: string;
  sample?: SampleProbe;
  artifact?: ArtifactProbe;
}
