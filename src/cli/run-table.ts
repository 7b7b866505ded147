// The table printed at the end of a run: one row per variant.
import type { ResultsFile } from '../results/schema.ts';
import { formatBytes, formatMs, formatTable } from './terminal.ts';

export function formatRunTable(results: ResultsFile): string {
  const rows = results.variants.map((v) => {
    const wall = v.stats.wallMs;
    const status = v.status === 'ok' ? 'ok' : `${v.status}: ${v.reason ?? ''}`;
    return [
      v.id + (v.baseline ? ' (baseline)' : ''),
      wall ? formatMs(wall.median) : '–',
      wall ? `${formatMs(wall.min)} … ${formatMs(wall.max)}` : '–',
      v.stats.treeRssKb ? formatBytes(v.stats.treeRssKb.median * 1024) : '–',
      v.artifact && v.artifact.kind !== 'missing' ? formatBytes(v.artifact.bytes) : '–',
      v.startup?.readyOk ? formatMs(v.startup.firstMs ?? NaN) : '–',
      status,
    ];
  });
  return formatTable(['variant', 'median', 'min … max', 'peak RSS', 'artifact', 'start-up', 'status'], rows);
}
