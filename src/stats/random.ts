// Seeded pseudo-random numbers, so every bootstrap interval and every simulation is reproducible.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 by Tommy Ettinger (public domain, 2017): a 32-bit state generator that passes gjrand and
 * PractRand up to 2^32 outputs — plenty for a few thousand bootstrap resamples, and tiny and fast.
 * Reference: https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A standard normal deviate by the Box–Muller transform (Box & Muller 1958); used by the simulations. */
export function randomNormal(rng: Rng): number {
  const u = 1 - rng(); // in (0, 1], so the log is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A log-normal sample whose median is `median` and whose coefficient of variation is `cv`:
 * for log-normal, CV² = exp(σ²) − 1, so σ = √ln(1 + CV²) (Johnson, Kotz & Balakrishnan 1994, ch. 14).
 */
export function randomLogNormal(opts: { rng: Rng; median: number; cv: number }): number {
  const sigma = Math.sqrt(Math.log(1 + opts.cv * opts.cv));
  return opts.median * Math.exp(sigma * randomNormal(opts.rng));
}

/**
 * A Gamma(shape, 1) deviate for shape ≥ 1 (Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000): squeeze-accepted transformed normal, > 95% accepted first time.
 */
export function randomGamma(rng: Rng, shape: number): number {
  if (shape < 1) throw new RangeError(`randomGamma needs shape ≥ 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = randomNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** An Exponential(1) deviate by inversion. */
export function randomExponential(rng: Rng): number {
  return -Math.log(1 - rng());
}
