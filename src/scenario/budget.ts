// `budget:` in a scenario file: absolute limits a variant must stay within on every run, whatever it is
// compared with (size-limit's and bundlewatch's idea, for build pipelines): the artifact's size, the
// installed size of a package, the median build time and the median first launch. Written with units as a
// person says them ("40 MiB", "90 s"); resolved here into the registry's metrics and their units.
import { Type, type Static } from '@sinclair/typebox';

const SIZE_UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, KiB: 2 ** 10, MB: 1e6, MiB: 2 ** 20, GB: 1e9, GiB: 2 ** 30 };
const TIME_UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };
const pattern = (units: Record<string, number>) => `^\\s*\\d+(\\.\\d+)?\\s*(${Object.keys(units).join('|')})\\s*$`;

const Size = Type.Union([
  Type.Number({ minimum: 0, description: 'bytes' }),
  Type.String({ pattern: pattern(SIZE_UNITS), description: 'a size with its unit, e.g. "40 MiB" (B, kB, KB, KiB, MB, MiB, GB, GiB; kB, MB and GB are powers of 1000)' }),
]);
const Duration = Type.Union([
  Type.Number({ minimum: 0, description: 'milliseconds' }),
  Type.String({ pattern: pattern(TIME_UNITS), description: 'a time with its unit, e.g. "90 s" (ms, s, min)' }),
]);

export const BudgetSchema = Type.Object(
  {
    artifact: Type.Optional(Size),
    installed: Type.Optional(Size),
    build: Type.Optional(Duration),
    startup: Type.Optional(Duration),
  },
  {
    additionalProperties: false,
    description:
      'limits checked on every run: artifact (its size), installed (a package\'s installed size), build (the median build time), startup (the median first launch); a variant past one fails the run with its figure and the limit',
  },
);

/** A budget as written. */
export type BudgetFile = Static<typeof BudgetSchema>;

/** A budget resolved: each limit under the metric it bounds (results/metrics.ts), in that metric's unit. */
export type Budget = Partial<Record<'bytes' | 'installedBytes' | 'wallMs' | 'startupFirstMs', number>>;

const amount = (raw: number | string, units: Record<string, number>): number => {
  if (typeof raw === 'number') return raw;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(\S+)\s*$/.exec(raw)!;
  return Number(match[1]) * units[match[2]!]!;
};

/**
 * The variant's budget: the scenario's `budget` with the variant's own on top, limit by limit. Undefined when
 * neither sets one. Expects values the schema accepted (BudgetSchema); never throws on those.
 */
export function resolveBudget(scenario: BudgetFile | undefined, variant: BudgetFile | undefined): Budget | undefined {
  const raw = { ...scenario, ...variant };
  const budget: Budget = {
    ...(raw.artifact !== undefined ? { bytes: amount(raw.artifact, SIZE_UNITS) } : {}),
    ...(raw.installed !== undefined ? { installedBytes: amount(raw.installed, SIZE_UNITS) } : {}),
    ...(raw.build !== undefined ? { wallMs: amount(raw.build, TIME_UNITS) } : {}),
    ...(raw.startup !== undefined ? { startupFirstMs: amount(raw.startup, TIME_UNITS) } : {}),
  };
  return Object.keys(budget).length > 0 ? budget : undefined;
}
