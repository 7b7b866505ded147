// run --shard i/n: which variants of a plan the i-th of n machines measures. The unit is the comparison group,
// a scenario's cache state: every verdict compares a variant with its scenario's baseline in the same cache
// state, so a group measured whole on one machine keeps every verdict within one machine. Groups are spread
// over the shards by their estimated cost, largest first onto the least loaded shard (the LPT rule; Graham,
// "Bounds on multiprocessing timing anomalies", 1969), so the slowest shard sets the CI's wall time as little
// as it can. A group that alone costs more than an even share is cut into parts that each carry the baseline:
// a comparison stays within one machine, and the baseline is measured once per part.

/** The i-th (1-based) of `count` shards. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** One planned variant as the split sees it. */
export interface ShardUnit {
  id: string;
  /** Comparison group: `scenario@cache`. */
  group: string;
  /** The variant's name: all of a variant's ids (one per --ref) stay in one part. */
  variant: string;
  /** The group's baseline, copied into every part of a group that is cut. */
  baseline: boolean;
  /** Estimated ms of set-up, warm-ups and runs; undefined when never measured. */
  costMs: number | undefined;
  /** Warm-ups and runs: the cost when no variant of the plan was ever measured. */
  builds: number;
}

/** A part of the plan given to one shard: one comparison group, or one part of a cut group. */
export interface ShardPart {
  group: string;
  ids: string[];
  costMs: number;
}

/** "2/4" → { index: 2, count: 4 }; undefined when it is not `i/n` with 1 ≤ i ≤ n. */
export function parseShard(raw: string): ShardSpec | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The parts of the plan each of `count` shards measures, in shard order. Deterministic: the same units give
 * the same split on every machine, so the shards of one CI run neither miss nor repeat a group.
 */
export function splitShards(opts: { units: readonly ShardUnit[]; count: number }): ShardPart[][] {
  const units = withCosts(opts.units);
  const total = units.reduce((sum, u) => sum + u.costMs, 0);
  const share = total / opts.count;
  const parts = [...groupsOf(units).entries()].flatMap(([group, members]) => cutGroup({ group, members, share }));
  const shards: ShardPart[][] = Array.from({ length: opts.count }, () => []);
  const load = new Array<number>(opts.count).fill(0);
  for (const part of parts.sort(byCostThenName)) {
    const least = load.indexOf(Math.min(...load));
    shards[least]!.push(part);
    load[least]! += part.costMs;
  }
  return shards;
}

type CostedUnit = ShardUnit & { costMs: number };

/**
 * A variant never measured costs what the median measured one does; with no timing at all, every variant
 * costs its count of builds, so the split is still by size.
 */
function withCosts(units: readonly ShardUnit[]): CostedUnit[] {
  const known = units.map((u) => u.costMs).filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return units.map((u) => ({ ...u, costMs: u.builds }));
  const median = known[Math.floor(known.length / 2)]!;
  return units.map((u) => ({ ...u, costMs: u.costMs ?? median }));
}

function groupsOf(units: CostedUnit[]): Map<string, CostedUnit[]> {
  const groups = new Map<string, CostedUnit[]>();
  for (const u of units) groups.set(u.group, [...(groups.get(u.group) ?? []), u]);
  return groups;
}

/**
 * A group as one part, or cut into the fewest parts whose every one (its baseline included) fits an even
 * share: the others are dealt onto the parts by the same largest-first rule, a variant's ids kept together.
 */
function cutGroup(opts: { group: string; members: CostedUnit[]; share: number }): ShardPart[] {
  const { group, members, share } = opts;
  const cost = (us: CostedUnit[]) => us.reduce((sum, u) => sum + u.costMs, 0);
  const whole = { group, ids: members.map((u) => u.id), costMs: cost(members) };
  const baseline = members.filter((u) => u.baseline);
  const others = [...variantsOf(members.filter((u) => !u.baseline)).values()];
  if (whole.costMs <= share || baseline.length === 0 || others.length < 2) return [whole];
  const baselineMs = cost(baseline);
  const otherMs = cost(others.flat());
  let k = 2;
  while (k < others.length && baselineMs + otherMs / k > share) k++;
  const parts = Array.from({ length: k }, () => ({ units: [...baseline], costMs: baselineMs }));
  for (const variant of others.sort((a, b) => cost(b) - cost(a))) {
    const least = parts.reduce((a, b) => (b.costMs < a.costMs ? b : a));
    least.units.push(...variant);
    least.costMs += cost(variant);
  }
  return parts.map((p, i) => ({ group: `${group} (part ${i + 1} of ${k})`, ids: p.units.map((u) => u.id), costMs: p.costMs }));
}

function variantsOf(units: CostedUnit[]): Map<string, CostedUnit[]> {
  const variants = new Map<string, CostedUnit[]>();
  for (const u of units) variants.set(u.variant, [...(variants.get(u.variant) ?? []), u]);
  return variants;
}

const byCostThenName = (a: ShardPart, b: ShardPart) => b.costMs - a.costMs || a.group.localeCompare(b.group);
