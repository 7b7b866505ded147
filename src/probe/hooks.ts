// The runner's hooks (src/runner/hooks.ts) filled with the probes: after each sample its phases,
// unit counts and cache check; after each artifact its fingerprint, packages and duplicates.
import type { RunHooks } from '../runner/hooks.ts';
import { inspectArtifact } from './inspect-artifact.ts';
import { inspectSample } from './inspect-sample.ts';

export interface ProbeHookOptions {
  /** Called when an analysis fails; the sample and artifact keep what the runner measured. */
  onError?: (what: string, error: unknown) => void;
  /** Packages the team never imports at run time (default: DEFAULT_NEVER_IMPORTED). */
  neverImported?: readonly string[];
}

/**
 * The runner's hooks filled with the probes: after each sample its phases, unit counts and cache check (the
 * first build of a workdir marked as such); after each artifact its fingerprint, packages and duplicates
 * (the duplicate count asked once per workdir). A failing probe is reported to `onError` and leaves the
 * sample or artifact as the runner measured it; the hooks never throw.
 */
export function probeHooks(opts: ProbeHookOptions = {}): RunHooks {
  const seen = new Set<string>();
  const logHeads = new Map<string, string[]>();
  const duplicates = new Map<string, number>();
  const report = (what: string, error: unknown) => opts.onError?.(what, error);
  return {
    async afterSample({ planned, sample, run, firstBuild: told }) {
      // The runner knows a workdir its cold twin primed; without its word, the variant's first build is the first.
      const firstBuild = told ?? !seen.has(planned.id);
      seen.add(planned.id);
      logHeads.set(planned.id, run.lines.slice(0, 60).map((l) => l.line));
      try {
        const insight = await inspectSample({
          cache: planned.cache,
          lines: run.lines,
          workdir: planned.workdir,
          rules: planned.variant.phases,
          build: planned.variant.build,
          firstBuild,
        });
        Object.assign(sample, insight, { phases: { ...sample.phases, ...insight.phases } });
      } catch (error) {
        report(`insight of ${planned.id} round ${sample.round}`, error);
      }
    },
    async afterArtifact({ planned, artifact }) {
      try {
        const insight = await inspectArtifact({
          workdir: planned.workdir,
          artifact,
          expect: planned.variant.expect,
          buildLog: logHeads.get(planned.id),
          neverImported: opts.neverImported,
          duplicateCrates: duplicates.get(planned.id),
        });
        if (insight.duplicateCrates !== undefined) duplicates.set(planned.id, insight.duplicateCrates);
        Object.assign(artifact, insight);
      } catch (error) {
        report(`artifact insight of ${planned.id}`, error);
      }
    },
  };
}
