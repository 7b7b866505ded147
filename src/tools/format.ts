// The doctor's table as a person reads it: one line per tool, then what cannot run.
import type { DoctorReport } from './doctor.ts';
import { cleanLine } from '../common/clean-text.ts';
import { formatTable } from '../common/table.ts';

const MAX_NEEDED = 3;

function neededBy(ids: string[]): string {
  const shown = ids.slice(0, MAX_NEEDED).join(', ');
  return ids.length > MAX_NEEDED ? `${shown} +${ids.length - MAX_NEEDED} more` : shown;
}

/**
 * A doctor report as plain text (no colours: it is also pasted into issues): the table of tools, the variants
 * that cannot run, and what a plain run will do; names and paths cleaned for a terminal. Never throws.
 */
export function formatDoctor(report: DoctorReport): string {
  const header = ['tool', 'status', 'version', 'needed by', 'path / how to install'];
  const lines = report.rows.map((r) => [
    r.name,
    r.found ? 'ok' : r.neededByDefault ? 'MISSING' : 'missing',
    r.found ? (r.version ?? '?') : '-',
    neededBy(r.neededBy),
    r.found ? r.path : `${r.reason}; ${r.install}`,
  ]);
  const out = [formatTable(header, lines)];
  if (report.blocked.length > 0) {
    out.push('', 'Variants that cannot run here (recorded `unavailable`):');
    for (const b of report.blocked) out.push(cleanLine(`  ${b.id}${b.default ? ' (default)' : ''}: needs ${b.missing.join(', ')}`, Infinity));
  }
  const plain = report.blocked.filter((b) => b.default).map((b) => b.id);
  out.push(
    '',
    plain.length === 0
      ? 'Every variant of a plain run can run.'
      : `A plain run cannot measure ${cleanLine(plain.join(', '), Infinity)}: it will record ${plain.length === 1 ? 'it' : 'them'} unavailable and measure the rest. Install what is marked MISSING.`,
  );
  if (report.rows.some((r) => !r.found && r.bySetup)) {
    out.push(`\`${report.setup}\` provisions what buildbench can install (tool env, wheelhouse, crates, Debian packages as root).`);
  }
  return out.join('\n');
}
