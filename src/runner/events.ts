// What the runner tells the terminal as it goes; the CLI decides how to show it.
import type { RunSample, VariantStatus } from '../results/schema.ts';
import type { BuildTurn } from './build-ledger.ts';

export type RunEvent =
  | { kind: 'calibrated'; overheadMs: number }
  | { kind: 'unavailable'; id: string; reason: string }
  | { kind: 'setup'; id: string }
  /** The variant's set-up ended (done, failed or interrupted); set-ups of different scenarios may overlap. */
  | { kind: 'setup-done'; id: string }
  /** The set-up builds the dependency seed its scenario's variants share (untimed, kept for later runs) before its own commands. */
  | { kind: 'seed'; id: string }
  /** A set-up (a seed, the variant's own) failed: said when it happens, with the last lines of its log. */
  | { kind: 'setup-failed'; id: string; reason: string; tail: string[] }
  /** Another buildbench process holds the lock of something this variant needs (`owner`: pid, command, since). */
  | { kind: 'waiting'; id: string; what: string; owner: string }
  /** `done` counts this build; `total` is done + the builds still to come (`left`, per variant id, after this one). */
  | ({ kind: 'sample-start'; id: string; round: number } & BuildTurn)
  | ({ kind: 'sample-end'; id: string; round: number; sample: RunSample; status: VariantStatus } & BuildTurn)
  | { kind: 'busy'; id: string; round: number; foreignCpuPct: number }
  | { kind: 'machine-view'; why: string }
  | { kind: 'smoke'; id: string; round: number }
  | { kind: 'does-not-start'; id: string; reason: string; block: string[] };
