// Results files the schema accepts but no run would write: empty runs, duplicate ids, zero and negative times,
// missing statistics, comparisons naming nobody, hostile strings. Reading them must not be a crash.
import type { ResultsFile, VariantResult } from '../../src/results/schema.ts';
import { baseResults } from './results-cases.ts';
import { methodFields } from '../fixtures/comparison.ts';

const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007</script><b>x</b>\r\nline';

function edit(change: (r: ResultsFile) => void): ResultsFile {
  const r = baseResults();
  change(r);
  return r;
}

const eachVariant = (f: (v: VariantResult) => void) => (r: ResultsFile) => r.variants.forEach(f);
const eachSample = (f: (s: VariantResult['samples'][number]) => void) => eachVariant((v) => v.samples.forEach(f));

export function oddResults(): { id: string; results: ResultsFile }[] {
  const cases: [string, (r: ResultsFile) => void][] = [
    ['no-variants', (r) => ((r.variants = []), (r.comparisons = []), (r.scenarios = []))],
    ['duplicate-ids', (r) => r.variants.push(...r.variants)],
    ['ok-without-samples', eachVariant((v) => ((v.samples = []), (v.status = 'ok')))],
    ['zero-times', eachSample((s) => (s.wallMs = s.userMs = s.sysMs = 0))],
    ['negative-times', eachSample((s) => (s.wallMs = -5))],
    ['huge-numbers', eachSample((s) => ((s.wallMs = 1e308), (s.maxRssKb = Number.MAX_VALUE)))],
    ['no-stats', eachVariant((v) => (v.stats = {}))],
    ['stats-n-zero', eachVariant((v) => Object.values(v.stats).forEach((st) => Object.assign(st, { n: 0, median: 0, ciLow: 0, ciHigh: 0 })))],
    ['no-baseline', eachVariant((v) => (v.baseline = false))],
    ['all-baselines', eachVariant((v) => (v.baseline = true))],
    ['unknown-comparisons', (r) => (r.comparisons = [{ scenario: 'nope', metric: 'wallMs', baseline: 'x/y@cold', variant: 'x/z@cold', ...methodFields(0), ratio: 0, ciLow: -1, ciHigh: 1e308, pValue: 2, verdict: 'faster' }])],
    ['hostile-strings', (r) => {
      r.runId = HOSTILE;
      r.environment.hostname = HOSTILE;
      r.variants.forEach((v) => Object.assign(v, { id: `${v.id}${HOSTILE}`, variant: HOSTILE, reason: HOSTILE, logTail: [HOSTILE], description: HOSTILE }));
      r.comparisons.forEach((c) => Object.assign(c, { variant: `${c.variant}${HOSTILE}` }));
    }],
    ['unknown-scenario', eachVariant((v) => (v.scenario = 'elsewhere'))],
    ['odd-rounds', eachSample((s) => Object.assign(s, { round: -1e9, position: 1e9, phases: Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`p${k}`, k])) }))],
    ['startup-null-but-ready', eachVariant((v) => (v.startup = { firstMs: null, warmMs: null, readyOk: true }))],
    ['artifact-negative', eachVariant((v) => (v.artifact = { path: '', kind: 'missing', bytes: -1, files: -1, sha256: '', debugBytes: -1, largest: [] }))],
  ];
  return cases.map(([id, change]) => ({ id, results: edit(change) }));
}
