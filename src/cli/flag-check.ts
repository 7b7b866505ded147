// Every flag's value is checked when the command line is parsed, before a scenario is read or a build runs:
// a bad value is one line naming the flag, and exit 2 (a wrong --alpha used to surface after two builds as an
// internal error). Each flag declares its own check next to its description, so the two cannot drift apart.
import type { InferredOptionType, Options } from 'yargs';
import { InputError } from '../common/problem.ts';

/** A yargs option plus the check of its value: a reason it is wrong, or undefined when it is fine. */
export type Flag = Options & { check?: (value: unknown) => string | undefined };

/** `min-runs` → `minRuns`: the name yargs' camel-case expansion gives a flag's value in the parsed arguments. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/**
 * The parsed values of a set of flags, by their camelCase names, derived from the one declaration of the
 * flags (yargs' `InferredOptionType`): a flag with a default is never undefined, a list is `string[]`.
 */
export type FlagValues<O extends Record<string, Options>> = { -readonly [K in keyof O & string as CamelCase<K>]: InferredOptionType<O[K]> };

/** yargs turns a number flag's non-numeric text into NaN, so the text itself is gone by now. */
const got = (value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? '(got something that is not a number)' : `(got ${JSON.stringify(value)})`);

/** A finite number within [min, max]; `integer` for counts; `above` for an exclusive lower bound. */
export function numberIn(opts: { min?: number; above?: number; max?: number; below?: number; integer?: boolean }) {
  const { min, above, max, below, integer } = opts;
  const parts = [
    integer ? 'a whole number' : 'a number',
    min !== undefined ? `≥ ${min}` : above !== undefined ? `> ${above}` : '',
    max !== undefined ? `≤ ${max}` : below !== undefined ? `< ${below}` : '',
  ];
  const wanted = `must be ${parts.filter(Boolean).join(' ').replace(/(≥|>) (\S+) (≤|<)/, '$1 $2 and $3')}`;
  return (value: unknown): string | undefined => {
    const n = value as number;
    const ok =
      typeof n === 'number' &&
      Number.isFinite(n) &&
      (!integer || Number.isInteger(n)) &&
      (min === undefined || n >= min) &&
      (above === undefined || n > above) &&
      (max === undefined || n <= max) &&
      (below === undefined || n < below);
    return ok ? undefined : `${wanted} ${got(value)}`;
  };
}

/** One of `choices`, or with `list` a comma list of them. */
export function oneOf(choices: readonly string[], opts: { list?: boolean } = {}) {
  return (value: unknown): string | undefined => {
    const items = opts.list ? String(value).split(',').map((s) => s.trim()) : [String(value)];
    const bad = items.filter((s) => !choices.includes(s));
    return bad.length === 0 && items.length > 0 ? undefined : `must be ${opts.list ? 'a comma list of' : 'one of'} ${choices.join(', ')} ${got(value)}`;
  };
}

/** A value that is not empty (a path, a glob, a git ref). */
export const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? undefined : `must not be empty ${got(value)}`);

/** The yargs `check` of a command: every given flag's value, each flag given once unless it is a list. */
export function checkFlags(flags: Record<string, Flag>) {
  return (argv: Record<string, unknown>): true => {
    const problems = [];
    for (const [name, flag] of Object.entries(flags)) {
      const value = argv[name];
      if (value === undefined) continue;
      if (Array.isArray(value) && !flag.array) {
        problems.push({ file: `--${name}`, message: `given ${value.length} times; give it once` });
        continue;
      }
      for (const item of flag.array ? [value].flat() : [value]) {
        const reason = flag.check?.(item);
        if (reason) problems.push({ file: `--${name}`, message: reason });
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    return true;
  };
}

/**
 * The flags as yargs reads them: a list flag takes one value per use (`--only a --only b`; yargs' `nargs`), so
 * `--only 'x*' a.yaml b.yaml` keeps the two files as scenarios instead of taking them as more patterns, and a
 * flag that takes a value refuses to be given none (`requiresArg`) rather than taking the next flag's place.
 */
export function yargsOptions<O extends Record<string, Flag>>(flags: O): O {
  const entries = Object.entries(flags).map(([name, flag]) => [name, flag.type === 'boolean' ? flag : { ...flag, requiresArg: true, ...(flag.array ? { nargs: 1 } : {}) }]);
  return Object.fromEntries(entries) as O;
}
