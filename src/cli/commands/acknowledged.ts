// The project's acknowledged regressions (.buildbench/acknowledged.yaml in the folder buildbench runs in),
// read once per command and applied to each comparison's regressions; git answers whether a baseline commit
// already contains an acknowledgement's commit.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { InputError } from '../../common/problem.ts';
import { ACKNOWLEDGED_FILE, loadAcknowledged, type Acknowledgement } from '../../scenario/acknowledged.ts';
import { applyAcknowledgements, type Acknowledged } from '../../compare/index.ts';
import type { Comparison } from '../../results/schema.ts';
import { stripControl } from '../terminal.ts';

/** The acknowledgements of `cwd` (none when the file is absent). Errors: InputError with every problem of the file. */
export function readAcknowledgements(cwd: string): Acknowledgement[] {
  const loaded = loadAcknowledged(path.join(cwd, ACKNOWLEDGED_FILE), { optional: true });
  if (!loaded.value) throw new InputError(loaded.problems.map((p) => ({ ...p, file: path.relative(cwd, p.file) || p.file })));
  return loaded.value;
}

/**
 * `regressions` sorted by the acknowledgements, today's date (UTC), and whether `baselineCommit` (a commit
 * or ref of the repository in `cwd`; undefined when unknown) contains an acknowledgement's commit. Never throws.
 */
export function acknowledge(opts: { regressions: Comparison[]; rules: Acknowledgement[]; cwd: string; baselineCommit?: string }): Acknowledged {
  const contains = (commit: string): boolean | undefined => {
    if (!opts.baselineCommit) return undefined;
    try {
      execFileSync('git', ['merge-base', '--is-ancestor', commit, opts.baselineCommit], { cwd: opts.cwd, stdio: 'ignore' });
      return true;
    } catch (err) {
      // 1: not an ancestor; anything else (unknown commit, no repository): cannot tell.
      return (err as { status?: number }).status === 1 ? false : undefined;
    }
  };
  return applyAcknowledgements({ regressions: opts.regressions, rules: opts.rules, today: new Date().toISOString().slice(0, 10), contains });
}

/** The terminal lines of what the acknowledgements did: one `acknowledged:` line per covered regression, one `note:` per note, cleaned for a terminal. */
export function acknowledgedLines(sorted: Acknowledged): string[] {
  return [
    ...sorted.acknowledged.map((a) => `acknowledged: ${stripControl(`${a.comparison.variant} ${a.comparison.metric} ${a.comparison.ratio.toFixed(2)}× (${a.rule.why}, until ${a.rule.until})`)}\n`),
    ...sorted.notes.map((note) => `note: ${stripControl(note)}\n`),
  ];
}
