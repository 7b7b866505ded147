// Everything the artifact tells: its toolchain fingerprint against the declared intent, its split debug info,
// and what the toolchain probes (probes.ts) find inside: the heaviest packages of a frozen Python app and
// the dev-only ones it should not ship, a Rust app's crates compiled in two versions and unused dependencies,
// an installable package's control fields.
import { join } from 'node:path';
import type { ArtifactInfo } from '../results/schema.ts';
import type { Expect } from '../scenario/schema.ts';
import { fingerprintArtifact, type Fingerprint } from './fingerprint.ts';
import { PROBES } from './probes.ts';
import { readArtifactFiles } from './artifact-files.ts';

export type ArtifactInsight = Pick<ArtifactInfo, 'fingerprint' | 'unused' | 'duplicateCrates' | 'unusedDependencies' | 'package'> & {
  largest?: ArtifactInfo['largest'];
  debugBytes?: number;
};

/** The results-file shape of a fingerprint: only the fields that were found. */
function toArtifactFingerprint(fp: Fingerprint): NonNullable<ArtifactInfo['fingerprint']> {
  const { evidence: _evidence, dwoFiles: _dwoFiles, ...found } = fp;
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * What the artifact at `artifact.path` (relative to the absolute `workdir`) tells: its fingerprint against
 * `expect`, the bytes of split debug info it names, and what each toolchain probe that applies to it finds
 * (probes.ts). `buildLog`: the first lines of its build's output (PyInstaller names its versions there).
 * Empty for a missing artifact. Rejects when the artifact cannot be read or a probe's tool fails.
 */
export async function inspectArtifact(opts: {
  workdir: string;
  artifact: Pick<ArtifactInfo, 'path' | 'kind'>;
  expect?: Expect;
  buildLog?: readonly string[];
  neverImported?: readonly string[];
  /** Skips `cargo tree` when the count is already known for this workdir (it does not change between samples). */
  duplicateCrates?: number;
}): Promise<ArtifactInsight> {
  if (opts.artifact.kind === 'missing') return {};
  const path = join(opts.workdir, opts.artifact.path);
  const fingerprint = await fingerprintArtifact({ path, expect: opts.expect, buildLog: opts.buildLog });
  const files = await readArtifactFiles({ workdir: opts.workdir, artifact: opts.artifact, dwoFiles: fingerprint.dwoFiles });
  const out: ArtifactInsight = { fingerprint: toArtifactFingerprint(fingerprint), ...files };
  const input = { workdir: opts.workdir, path, fingerprint, neverImported: opts.neverImported, duplicateCrates: opts.duplicateCrates };
  for (const probe of PROBES) {
    // A probe that reads the artifact's format lists its entries (a frozen app's packages) instead of its files.
    if (probe.artifact?.appliesTo(fingerprint)) Object.assign(out, await probe.artifact.inspect(input));
  }
  return out;
}
