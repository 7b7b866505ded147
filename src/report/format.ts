// Number formatting shared by every format (HTML tables, Markdown, chart titles), so a figure reads the
// same everywhere.
import type { Summary } from '../results/schema.ts';

const NONE = '—';

function significant(value: number, digits = 3): string {
  return Number(value.toPrecision(digits)).toString();
}

/** 850 ms, 12.3 s, 4.2 min, 3.1 h. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NONE;
  if (Math.abs(ms) < 1000) return `${significant(ms)} ms`;
  if (Math.abs(ms) < 120_000) return `${significant(ms / 1000)} s`;
  if (Math.abs(ms) < 7_200_000) return `${significant(ms / 60_000)} min`;
  return `${significant(ms / 3_600_000, 2)} h`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Binary units (IEC 80000-13): 1 MiB = 1024 KiB. */
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

/** Median with its 95% CI: "12.3 s [12.1–12.6]". */
export function formatMedianCi(summary: Summary | undefined, format: (v: number) => string = formatMs): string {
  if (!summary) return NONE;
  return `${format(summary.median)} [${format(summary.ciLow)}–${format(summary.ciHigh)}]`;
}
