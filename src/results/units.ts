// Number formatting by unit, shared by every stage that shows a figure (report, terminal, compare), so a
// figure reads the same everywhere. The metric registry (metrics.ts) names each metric's unit.
import type { Summary } from './schema.ts';

/** The units metrics are recorded in: milliseconds, kibibytes (RSS), bytes, a count of files. */
export type MetricUnit = 'ms' | 'KiB' | 'bytes' | 'files';

const NONE = '—';

function significant(value: number, digits = 3): string {
  return Number(value.toPrecision(digits)).toString();
}

/** Milliseconds as 850 ms, 12.3 s, 4.2 min, 3.1 h (three significant digits); "—" for null, undefined or a non-finite value. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NONE;
  if (Math.abs(ms) < 1000) return `${significant(ms)} ms`;
  if (Math.abs(ms) < 120_000) return `${significant(ms / 1000)} s`;
  if (Math.abs(ms) < 7_200_000) return `${significant(ms / 60_000)} min`;
  return `${significant(ms / 3_600_000, 2)} h`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units (IEC 80000-13: 1 MiB = 1024 KiB), three significant digits; "—" for null, undefined or a non-finite value. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return NONE;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${significant(value)} ${BYTE_UNITS[unit]}`;
}

/** One value in its unit: ms as formatMs, KiB and bytes as formatBytes, files as "240 files"; "—" when missing. */
export function formatValue(unit: MetricUnit, value: number | null | undefined): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'KiB':
      return formatBytes(value === null || value === undefined ? value : value * 1024);
    case 'bytes':
      return formatBytes(value);
    case 'files':
      return value === null || value === undefined || !Number.isFinite(value) ? NONE : `${value} file${value === 1 ? '' : 's'}`;
  }
}

/** A median with its 95% interval, "12.3 s [12.1–12.6]", each figure through `format` (ms by default); "—" without a summary. */
export function formatMedianCi(summary: Summary | undefined, format: (v: number) => string = formatMs): string {
  if (!summary) return NONE;
  return `${format(summary.median)} [${format(summary.ciLow)}–${format(summary.ciHigh)}]`;
}
