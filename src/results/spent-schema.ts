// Where a run's wall time went, by part, as the runner measured it: so a reader can tell what share of a run
// were the measured builds and what was set-up, warm-ups, launches and the harness's own work between builds
// (results/time-spent.ts reads it; files without it are read from their samples).
import { Type, type Static } from '@sinclair/typebox';
import { d } from './schema-words.ts';

const ms = (what: string) => d(`${what}, ms of wall time (monotonic clock), summed over the run`, Type.Number());

export const SpentSchema = Type.Object({
  checks: ms('calibrating the harness and checking how the machine can be watched, before any workdir'),
  setup: ms('every stage’s untimed set-up: copying the project into the workdirs, cloning seeds (building one when not cached), the set-up commands'),
  warmups: ms('the warm-up rounds: their builds, each build’s cache-state preparation, artifact hashing and probes'),
  rounds: ms('the measured rounds, re-measured builds included: their builds, each build’s preparation, artifact hashing and probes'),
  roundBuilds: ms('of `rounds`, the build processes themselves (exec to exit; kept, failed and re-measured alike)'),
  startup: ms('the launch rounds after the builds: installs, launches and their clean-up'),
});

export type SpentMs = Static<typeof SpentSchema>;
