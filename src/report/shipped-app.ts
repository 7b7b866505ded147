// The shipped app, per packager: for a scenario whose variants consume other variants' artifacts (`needs`: a
// Tauri app bundled with each packager's frozen sidecar), one row per consumer with the pipeline from source to
// installable package — the producer's build, the consumer's, their sum — the package's size and installed
// size, the time until the app is ready, and whether the producer's artifact works in the app at all (drop-in).
// Verdicts against the scenario's baseline come only from the statistics stage's comparisons (the registry's
// pipelineMs and startupFirstMs); sizes are exact and compared as exact ratios.
import { NOT_A_DROP_IN } from '../results/schema.ts';
import { doesNotStart, isDoesNotStartReason, statusWord } from '../results/variant-status.ts';
import { emptyCell, metricCell, type DecisionCell } from './decision-cells.ts';
import { formatMs } from '../results/units.ts';
import type { ReportModel, ScenarioModel, VariantModel } from './model.ts';
import { shownValue } from './metrics.ts';

const wallMedian = (v: VariantModel) => shownValue(v, 'wallMs');

export const SHIPPED_COLUMNS = ['Sidecar build', 'App build', 'Pipeline (sum)', 'Package size', 'Installed size', 'Time to ready', 'Drop-in'] as const;

export interface ShippedRow {
  name: string;
  baseline: boolean;
  /** ok, failed, does not start, unavailable, skipped. */
  status: string;
  /** No numbers to show (status is not ok). */
  muted: boolean;
  /** The status beside the name: for a muted row, and for one that built but does not start (its build figures shown). */
  flagged: boolean;
  /** Why there are no numbers (status not ok) or no start-up figures (does not start), or the producers' ids. */
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
    const status = statusWord(v);
    const cells = SHIPPED_COLUMNS.map(() => emptyCell());
    cells[6] = dropInCell(v);
    if (v.status !== 'ok') return { name: v.group, baseline: v.baseline, status, muted: true, flagged: true, note: v.reason, cells };
    const producers = o.producerOf(v);
    const sidecarMs = producers.length === v.producers.length ? sum(producers.map(wallMedian)) : undefined;
    const appMs = wallMedian(v);
    const pipelineMs = sidecarMs !== undefined && appMs !== undefined ? sidecarMs + appMs : undefined;
    cells[0] = plainCell(sidecarMs, `median build time of ${v.producers.join(' + ')}`);
    cells[1] = plainCell(appMs, 'median build time of this variant');
    const cell = (name: string) => metricCell({ v, name, base, comparison: find(v, name), winner: false });
    // Shown as the sum of the two medians beside it; the verdict (and the hover) is the comparison of whole pipelines.
    const pipeline = cell('pipelineMs');
    cells[2] = pipelineMs === undefined ? emptyCell() : { ...pipeline, value: formatMs(pipelineMs), title: `sum of the two medians; pipelines (each app build + the sidecar build of the same rank): ${pipeline.title}` };
    cells[3] = cell('bytes');
    cells[4] = cell('installedBytes');
    cells[5] = cell('startupFirstMs');
    const pipelineNote = `pipeline: ${[...v.producers, v.id].join(' → ')}`;
    const flagged = doesNotStart(v);
    return { name: v.group, baseline: v.baseline, status, muted: false, flagged, note: flagged ? `${v.reason}; ${pipelineNote}` : pipelineNote, cells };
  });
  return { scenario: o.sc.name, cache: o.variants[0]!.cache, rows, sentences: sentences({ rows, base }) };
}

const sum = (xs: (number | undefined)[]) => (xs.every((x) => x !== undefined) ? (xs as number[]).reduce((a, b) => a + b, 0) : undefined);

function plainCell(ms: number | undefined, title: string): DecisionCell {
  return ms === undefined ? emptyCell() : { value: formatMs(ms), ratio: '', tone: null, mark: '', title, winner: false };
}

/** Yes: the app started and its sidecar answered. No: it did not, or the artifact cannot be an externalBin. */
function dropInCell(v: VariantModel): DecisionCell {
  const no = isDoesNotStartReason(v.reason) || v.reason?.startsWith(NOT_A_DROP_IN);
  if (v.status === 'ok' && v.startup?.readyOk && (v.startup.launches?.length ?? 0) > 0) return { ...emptyCell(), value: 'yes', title: 'the app started and its sidecar answered /health' };
  if (no) return { ...emptyCell(), value: 'no', title: v.reason ?? '' };
  return { ...emptyCell(), value: 'not measured', title: v.reason ?? 'no launch recorded' };
}

/** Per verdict column, each variant's mark against the baseline (decided, the same, or undecided: said so). */
function sentences(o: { rows: ShippedRow[]; base: VariantModel | undefined }): string[] {
  if (!o.base) return ['No baseline variant was measured, so nothing is compared.'];
  const out: string[] = [];
  for (const [i, what] of [[2, 'Pipeline'], [3, 'Package size'], [4, 'Installed size'], [5, 'Time to ready']] as const) {
    // "pex smaller", "shiv undecided": each mark in the metric's own words, in the order the rows come.
    const byMark = new Map<string, string[]>();
    for (const r of o.rows.filter((row) => !row.baseline && row.cells[i]!.tone !== null)) {
      const word = r.cells[i]!.tone === 'same' ? 'the same' : r.cells[i]!.mark;
      byMark.set(word, [...(byMark.get(word) ?? []), r.name]);
    }
    const parts = [...byMark].map(([word, names]) => `${names.join(', ')} ${word}`);
    if (parts.length > 0) out.push(`${what} against ${o.base.group}: ${parts.join('; ')}.`);
  }
  const no = o.rows.filter((r) => r.cells[6]!.value === 'no').map((r) => r.name);
  if (no.length > 0) out.push(`Not a drop-in: ${no.join(', ')}.`);
  return out;
}
