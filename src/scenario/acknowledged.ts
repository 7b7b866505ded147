// `.buildbench/acknowledged.yaml`: regressions a team knows and accepts for a while, so a known slowdown shows
// as acknowledged instead of failing every later pull request until a new baseline exists (the need behind
// cloud-bulldozer/orion PR#80). Every entry expires by itself, on a date or once the baseline contains a
// commit (the slowdown is then part of what is compared against), and says why.
import { Type, type Static } from '@sinclair/typebox';
import { readDocumentFile, validateDocument } from '../common/validate-document.ts';
import type { Problem } from '../common/problem.ts';
import { METRICS } from '../results/metrics.ts';
import { StringEnum } from './fields.ts';

/** Where a project keeps its acknowledgements, relative to the folder buildbench runs in. */
export const ACKNOWLEDGED_FILE = '.buildbench/acknowledged.yaml';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const COMMIT = '^[0-9a-f]{7,40}$';

const EntrySchema = Type.Object(
  {
    variant: Type.String({ minLength: 1, maxLength: 300, description: 'a variant id, or a glob of ids (* any run of characters), e.g. sidecar/onefile@cold' }),
    metric: Type.Optional(StringEnum(METRICS.filter((m) => m.decides).map((m) => m.name), { description: 'the metric; every metric that decides when left out' })),
    upTo: Type.Optional(Type.Number({ minimum: 1, maximum: 1000, description: 'the largest ratio accepted, e.g. 1.25 for up to 25% slower; a larger slowdown fails again' })),
    // When it expires: after this date (UTC), or once the baseline contains this commit.
    until: Type.String({ pattern: `${DATE}|${COMMIT}`, description: 'a date (YYYY-MM-DD) or a commit (7 to 40 hex digits)' }),
    why: Type.String({ minLength: 1, maxLength: 2000, description: 'why the slowdown is accepted' }),
  },
  { additionalProperties: false },
);

export const AcknowledgedFileSchema = Type.Object(
  { acknowledged: Type.Array(EntrySchema, { description: 'the known regressions' }) },
  { additionalProperties: false, $id: 'https://buildbench.dev/schema/acknowledged.schema.json', title: 'buildbench acknowledged regressions' },
);

/** One acknowledged regression, as written, with the line it starts on for messages. */
export type Acknowledgement = Static<typeof EntrySchema> & { file: string; line?: number };

/**
 * The acknowledgements of `file`, or every problem with its file:line:col (a date that does not exist, such
 * as 2027-02-30, included). A missing file is no acknowledgement and no problem only when `optional`.
 */
export function loadAcknowledged(file: string, opts: { optional?: boolean } = {}): { value?: Acknowledgement[]; problems: Problem[] } {
  const read = readDocumentFile(file);
  if (read.text === undefined) return opts.optional && read.message === 'no such file' ? { value: [], problems: [] } : { problems: [{ file, message: read.message }] };
  const checked = validateDocument<Static<typeof AcknowledgedFileSchema>>({ file, text: read.text, schema: AcknowledgedFileSchema });
  // A date that does not exist is checked on whatever parsed, so it is listed with the schema's problems.
  const entries = (checked.data as { acknowledged?: unknown } | undefined)?.acknowledged;
  const badDates: Problem[] = (Array.isArray(entries) ? entries : []).flatMap((entry: unknown, i) => {
    const until = (entry as { until?: unknown } | null)?.until;
    if (typeof until !== 'string' || !new RegExp(DATE).test(until) || isRealDate(until)) return [];
    return [{ file, ...checked.locate(['acknowledged', i, 'until']), path: `acknowledged[${i}].until`, message: `${until} is not a date` }];
  });
  const problems = [...checked.problems, ...badDates].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (!checked.value || problems.length > 0) return { problems };
  return { value: checked.value.acknowledged.map((entry, i) => ({ ...entry, file, line: checked.locate(['acknowledged', i])?.line })), problems };
}

const isRealDate = (text: string): boolean => {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
};
