// The shipped app, per packager: for a scenario whose variants consume other variants' artifacts (`needs`: a
// Tauri app bundled with each packager's frozen sidecar), one row per consumer with the pipeline from source to
// installable package — the producer's build, the consumer's, their sum — the package's size and installed
// size, the time until the app is ready, and whether the producer's artifact works in the app at all (drop-in).
// Verdicts against the scenario's baseline come only from the statistics stage's comparisons (the registry's
// pipelineMs and startupFirstMs); sizes are exact and compared as exact ratios.
import { metric } from '../results/metrics.ts';
import { DOES_NOT_RUN, NOT_A_DROP_IN } from '../results/schema.ts';
import { emptyCell, exactSizeCell, TONE, ratioText, type DecisionCell } from './decision.ts';
import { formatMs } from './format.ts';
import type { ComparisonModel, ReportModel, ScenarioModel, VariantModel } from './model.ts';
import { shownValue } from './metrics.ts';
import { describeComparison } from './wording.ts';

const wallMedian = (v: VariantModel) => shownValue(v, 'wallMs');
const installedBytes = (v: VariantModel) => shownValue(v, 'installedBytes');

export const SHIPPED_COLUMNS = ['Sidecar build', 'App build', 'Pipeline (sum)', 'Package size', 'Installed size', 'Time to ready', 'Drop-in'] as const;

export interface ShippedRow {
  name: string;
  baseline: boolean;
  /** ok, failed, does not run, unavailable, skipped. */
  status: string;
  /** No numbers to show (status is not ok). */
  muted: boolean;
  /** Why there are no numbers (status not ok), or the producers' ids when there are. */
  note: string | null;
  cells: DecisionCell[];
}

export interface ShippedTable {
  scenario: string;
  cache: string;
  rows: ShippedRow[];
  /** One sentence per verdict column, each from decided comparisons or exact sizes. */
  sentences: string[];
}

/** One table per scenario and cache state that has consumers; none when no variant consumed another's artifact. */
export function buildShippedApps(model: ReportModel): ShippedTable[] {
  const all = model.scenarios.flatMap((s) => s.variants);
  const producerOf = (v: VariantModel) => all.filter((p) => p.source === v.source && v.producers.includes(p.id));
  return model.scenarios.flatMap((sc) => {
    const consumers = sc.variants.filter((v) => v.producers.length > 0 || v.status === 'unavailable');
    if (!consumers.some((v) => v.producers.length > 0)) return [];
    const caches = [...new Set(consumers.map((v) => v.cache))];
    return caches.map((cache) => shippedTable({ sc, variants: consumers.filter((v) => v.cache === cache), producerOf }));
  });
}

function shippedTable(o: { sc: ScenarioModel; variants: VariantModel[]; producerOf: (v: VariantModel) => VariantModel[] }): ShippedTable {
  const base = o.variants.find((v) => v.baseline && v.status === 'ok');
  const find = (v: VariantModel, metric: string) => o.sc.comparisons.find((c) => c.variant === v.key && c.metric === metric);
  const rows = o.variants.map((v): ShippedRow => {
    const status = v.status === 'failed' && v.reason?.startsWith(DOES_NOT_RUN) ? 'does not run' : v.status;
    const cells = SHIPPED_COLUMNS.map(() => emptyCell());
    cells[6] = dropInCell(v);
    if (v.status !== 'ok') return { name: v.group, baseline: v.baseline, status, muted: true, note: v.reason, cells };
    const producers = o.producerOf(v);
    const sidecarMs = producers.length === v.producers.length ? sum(producers.map(wallMedian)) : undefined;
    const appMs = wallMedian(v);
    const pipelineMs = sidecarMs !== undefined && appMs !== undefined ? sidecarMs + appMs : undefined;
    cells[0] = plainCell(sidecarMs, `median build time of ${v.producers.join(' + ')}`);
    cells[1] = plainCell(appMs, 'median build time of this variant');
    cells[2] = timedCell({ v, ms: pipelineMs, comparison: find(v, 'pipelineMs'), title: 'sum of the two medians; the verdict compares whole pipelines (k-th sidecar build + k-th app build)' });
    const bytes = shownValue(v, 'bytes');
    if (bytes !== undefined) cells[3] = exactSizeCell({ bytes, baseBytes: base && shownValue(base, 'bytes'), baseline: v.baseline, title: `${bytes.toLocaleString('en')} bytes`, winner: false });
    const installed = installedBytes(v);
    if (installed !== undefined) {
      cells[4] = exactSizeCell({ bytes: installed, baseBytes: base && installedBytes(base), baseline: v.baseline, title: `Installed-Size: ${installed / 1024} KiB`, winner: false });
    }
    cells[5] = timedCell({ v, ms: shownValue(v, 'startupFirstMs'), comparison: find(v, 'startupFirstMs'), title: 'first launch: median from exec until the window shows and the sidecar answers' });
    return { name: v.group, baseline: v.baseline, status, muted: false, note: `pipeline: ${[...v.producers, v.id].join(' → ')}`, cells };
  });
  return { scenario: o.sc.name, cache: o.variants[0]!.cache, rows, sentences: sentences({ rows, base }) };
}

const sum = (xs: (number | undefined)[]) => (xs.every((x) => x !== undefined) ? (xs as number[]).reduce((a, b) => a + b, 0) : undefined);

function plainCell(ms: number | undefined, title: string): DecisionCell {
  return ms === undefined ? emptyCell() : { value: formatMs(ms), ratio: '', tone: null, mark: '', title, winner: false };
}

/** A time with the verdict of its recorded comparison; "no verdict" when none was recorded. */
function timedCell(o: { v: VariantModel; ms: number | undefined; comparison: ComparisonModel | undefined; title: string }): DecisionCell {
  if (o.ms === undefined) return emptyCell();
  const value = formatMs(o.ms);
  if (o.v.baseline) return { value, ratio: '', tone: 'baseline', mark: 'baseline', title: o.title, winner: false };
  const c = o.comparison;
  if (!c) return { value, ratio: '', tone: 'undecided', mark: 'no verdict', title: `${o.title}; no comparison with the baseline recorded`, winner: false };
  const { tone, mark } = TONE[c.verdict];
  return { value, ratio: ratioText(c.ratio), tone, mark: mark(metric('pipelineMs').words), title: `${o.title}; vs ${c.baseline}: ${describeComparison(c)}`, winner: false };
}

/** Yes: the app started and its sidecar answered. No: it did not, or the artifact cannot be an externalBin. */
function dropInCell(v: VariantModel): DecisionCell {
  const no = v.reason?.startsWith(DOES_NOT_RUN) || v.reason?.startsWith(NOT_A_DROP_IN);
  if (v.status === 'ok' && v.startup?.readyOk && (v.startup.launches?.length ?? 0) > 0) return { ...emptyCell(), value: 'yes', title: 'the app started and its sidecar answered /health' };
  if (no) return { ...emptyCell(), value: 'no', title: v.reason ?? '' };
  return { ...emptyCell(), value: 'not measured', title: v.reason ?? 'no launch recorded' };
}

/** Per verdict column, the variants decidedly better or worse than the baseline; undecided ones said so. */
function sentences(o: { rows: ShippedRow[]; base: VariantModel | undefined }): string[] {
  if (!o.base) return ['No baseline variant was measured, so nothing is compared.'];
  const out: string[] = [];
  for (const [i, what] of [[2, 'Pipeline'], [3, 'Package size'], [4, 'Installed size'], [5, 'Time to ready']] as const) {
    const named = (tone: string) => o.rows.filter((r) => !r.baseline && r.cells[i]!.tone === tone).map((r) => r.name);
    const parts = [
      ...(named('good').length ? [`${named('good').join(', ')} ${i === 3 || i === 4 ? 'smaller' : 'faster'}`] : []),
      ...(named('bad').length ? [`${named('bad').join(', ')} ${i === 3 || i === 4 ? 'larger' : 'slower'}`] : []),
      ...(named('same').length ? [`${named('same').join(', ')} the same`] : []),
      ...(named('undecided').length ? [`${named('undecided').join(', ')} undecided`] : []),
    ];
    if (parts.length > 0) out.push(`${what} against ${o.base.group}: ${parts.join('; ')}.`);
  }
  const no = o.rows.filter((r) => r.cells[6]!.value === 'no').map((r) => r.name);
  if (no.length > 0) out.push(`Not a drop-in: ${no.join(', ')}.`);
  return out;
}
