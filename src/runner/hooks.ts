// Toolchain knowledge stays out of the core: analyses of a sample's output and of an artifact (linker
// fingerprint, cargo units, PyInstaller phases, …) plug in here and write into the sample or artifact.
import type { PlannedVariant } from '../plan/plan.ts';
import type { ArtifactInfo, RunSample } from '../results/schema.ts';
import type { GroupRunResult } from './process-group.ts';

export interface RunHooks {
  /** `firstBuild`: the first build of its workdir, a full one whatever the state (not one a cold twin primed). */
  afterSample?: (ctx: { planned: PlannedVariant; sample: RunSample; run: GroupRunResult; firstBuild?: boolean }) => Promise<void> | void;
  afterArtifact?: (ctx: { planned: PlannedVariant; artifact: ArtifactInfo }) => Promise<void> | void;
}
