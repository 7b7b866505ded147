// The figures of the noise statistics, by seeded simulation through the real statistics stage (not a timed
// test): power at n = 10 against CV, rounds for 80% power paired and unpaired under drift, A/A false alarms of
// the pairing rule (its choice included), missing pairs, two-mode false positives on unimodal samples, and
// `--runs auto` false alarms at every CV. Usage: npm run bench:noise-stats [-- --trials N --only SECTION].
// Sections: power, drift, aa, missing, modes, auto. The README quotes its output (trials 1000).
import { parseArgs } from 'node:util';
import { compareSamples, createRng, findModes, isDecided, lookLevels, randomGamma, randomLogNormal, randomNormal } from '../../src/stats/index.ts';
import { simulateDriftCell } from './drift-simulation.ts';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '1000' }, only: { type: 'string' } } });
const trials = Number(values.trials);
const wanted = (section: string) => values.only === undefined || values.only === section;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Share of `trials` log-normal pairs of n builds (true ratio, CV) that compareSamples calls slower or faster. */
function independentPower(o: { n: number; cv: number; ratio: number; seed: number }): number {
  const rng = createRng(o.seed);
  let decided = 0;
  for (let t = 0; t < trials; t++) {
    const draw = (median: number) => Array.from({ length: o.n }, () => randomLogNormal({ rng, median, cv: o.cv }));
    const v = compareSamples({ baseline: draw(1000), variant: draw(1000 * o.ratio) }).verdict;
    if (v === 'slower' || v === 'faster') decided++;
  }
  return decided / trials;
}

if (wanted('power')) {
  console.log(`\n## power at n = 10 on a true 3% change, independent samples (${trials} trials a cell)`);
  for (const cv of [0.01, 0.02, 0.03, 0.05]) console.log(`CV ${pct(cv)}: ${pct(independentPower({ n: 10, cv, ratio: 1.03, seed: 7 }))}`);
}

if (wanted('drift')) {
  console.log(`\n## true 3% change at 2% noise: share decided slower by rounds (independent / paired / the rule), ${trials} trials a cell`);
  for (const drift of [0, 1, 2]) {
    const row = [6, 8, 10, 12, 15, 20, 25].map((n) => {
      const r = simulateDriftCell({ n, cv: 0.02, drift, ratio: 1.03, trials, seed: 1000 + n * 10 + drift });
      return `n=${n} ${pct(r.independent.slower)}/${pct(r.paired.slower)}/${pct(r.rule.slower)}`;
    });
    console.log(`drift ${drift}× noise: ${row.join('  ')}`);
  }
}

if (wanted('aa')) {
  console.log(`\n## A/A false alarms of the whole procedure (drift test, choice, chosen analysis), n = 10, 2% noise, ${trials} trials a cell`);
  for (const missing of [0, 0.3]) {
    for (const drift of [0, 0.5, 1, 2, 3]) {
      const r = simulateDriftCell({ n: 10, cv: 0.02, drift, ratio: 1, missing, trials, seed: 2000 + drift * 10 + missing * 100 });
      console.log(`drift ${drift}, ${pct(missing)} rounds missing a build: rule ${pct(r.rule.decided)} (paired in ${pct(r.rule.paired)}), independent ${pct(r.independent.decided)}, always paired ${pct(r.paired.decided)}`);
    }
  }
}

if (wanted('missing')) {
  console.log(`\n## a true 5% change at n = 10, 2% noise, 30% of rounds missing one build (${trials} trials a cell)`);
  for (const drift of [0, 1, 2]) {
    const r = simulateDriftCell({ n: 10, cv: 0.02, drift, ratio: 1.05, missing: 0.3, trials, seed: 3000 + drift });
    console.log(`drift ${drift}: independent ${pct(r.independent.slower)}, always paired ${pct(r.paired.slower)}, the rule ${pct(r.rule.slower)} (paired in ${pct(r.rule.paired)})`);
  }
}

if (wanted('modes')) {
  console.log(`\n## two modes found in unimodal samples (ln values of each shape at 5% spread, ${trials} trials a cell)`);
  const shapes: Record<string, (rng: () => number) => number> = {
    normal: (rng) => randomNormal(rng),
    'gamma(2)': (rng) => Math.log(randomGamma(rng, 2)),
    'gamma(1)': (rng) => Math.log(randomGamma(rng, 1)),
    uniform: (rng) => (rng() - 0.5) * 3.46,
  };
  for (const [shape, draw] of Object.entries(shapes)) {
    const row = [6, 8, 10, 15, 20, 30, 50, 100].map((n) => {
      const rng = createRng(n * 13 + shape.length);
      let found = 0;
      for (let t = 0; t < trials; t++) if (findModes(Array.from({ length: n }, () => 1000 * Math.exp(0.05 * draw(rng))))) found++;
      return `n=${n} ${pct(found / trials)}`;
    });
    console.log(`${shape}: ${row.join('  ')}`);
  }
}

if (wanted('auto')) {
  console.log(`\n## --runs auto (min 4, max 20) A/A false alarms by CV (${trials} trials a cell)`);
  const levels = lookLevels({ alpha: 0.05, minRuns: 4, maxRuns: 20 });
  for (const cv of [0.01, 0.02, 0.03, 0.05, 0.1, 0.3]) {
    const rng = createRng(4000 + cv * 1000);
    let alarms = 0;
    for (let t = 0; t < trials; t++) {
      const b = Array.from({ length: 20 }, () => randomLogNormal({ rng, median: 1000, cv }));
      const v = Array.from({ length: 20 }, () => randomLogNormal({ rng, median: 1000, cv }));
      let k = 4;
      const at = (n: number) => compareSamples({ baseline: b.slice(0, n), variant: v.slice(0, n), alpha: levels.finalAlpha });
      let c = at(k);
      while (k < 20 && !isDecided(c, { last: false, alpha: levels.finalAlpha, interimP: levels.interimP })) c = at(++k);
      if (c.verdict === 'faster' || c.verdict === 'slower') alarms++;
    }
    console.log(`CV ${pct(cv)}: ${pct(alarms / trials)} (interim p ≤ ${levels.interimP.toPrecision(2)}, last look α = ${Number(levels.finalAlpha.toPrecision(3))})`);
  }
}
