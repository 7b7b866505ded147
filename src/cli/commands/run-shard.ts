// `run --shard i/n`: the variant ids this machine measures, from the plan of every shard. Costs come from the
// reference timings only, never from this machine's reports/: every machine of a CI matrix must compute the
// same split, and reports/ differs from one machine to the next.
import { InputError } from '../../common/problem.ts';
import { estimatePlan, type VariantTiming } from '../../plan/estimate.ts';
import type { Plan } from '../../plan/plan.ts';
import { parseShard, splitShards, type ShardPart } from '../../plan/shard.ts';
import { formatMs } from '../terminal.ts';

export interface ShardChoice {
  ids: Set<string>;
  /** Why the other ids are not measured here (the plan's leftOut). */
  why: string;
  /** One line naming this shard's comparison groups and their estimated cost. */
  note: string;
}

/**
 * The variant ids of `--shard i/n` (`raw`, already checked) in `plan`: comparison groups (scenario × cache
 * state, each with its baseline) split into n parts balanced by the reference timings' cost in ms. Errors:
 * InputError when this shard has nothing to measure (more shards than groups).
 */
export function chooseShard(opts: { plan: Plan; raw: string; reference: Map<string, VariantTiming> }): ShardChoice {
  // The flag's own check (cli/run-options.ts) refused anything else already.
  const spec = parseShard(opts.raw);
  if (!spec) throw new Error(`--shard ${opts.raw} passed its check but does not parse`);
  const { costMs } = estimatePlan(opts.plan, { history: [], reference: opts.reference });
  const units = opts.plan.variants.map((v) => ({
    id: v.id,
    group: `${v.scenario.name}@${v.cache}`,
    variant: v.variant.name,
    baseline: v.variant.baseline,
    costMs: costMs.get(v.id),
    builds: v.warmup + v.runs,
  }));
  const shards = splitShards({ units, count: spec.count });
  const mine = shards[spec.index - 1]!;
  const label = `--shard ${spec.index}/${spec.count}`;
  if (mine.length === 0) {
    const parts = shards.flat().length;
    throw new InputError([{ file: '--shard', message: `${label} has nothing to measure: the plan has ${parts} comparison group${parts === 1 ? '' : 's'} (a scenario's cache state), so use at most ${parts} shards` }]);
  }
  return { ids: new Set(mine.flatMap((p) => p.ids)), why: `${label}: the other shards measure them`, note: describeShard(label, mine, costMs.size > 0) };
}

function describeShard(label: string, parts: ShardPart[], timed: boolean): string {
  const cost = (p: ShardPart) => (timed ? ` ~${formatMs(p.costMs)}` : '');
  return `${label} measures ${parts.map((p) => `${p.group}${cost(p)}`).join(', ')}`;
}
