// A problem found in user input. Stages collect every problem and return them; only the CLI prints them
// and chooses the exit code (changesets' `{ value, errors }` style rather than throwing on the first one).

/** One problem in an input file, positioned where the user can find it. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  /** Dotted path inside the document, e.g. `variants[2].cache`. */
  path?: string;
  message: string;
}

/** Input that could not be used: carries every problem found, so they are reported together. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * `read` applied to every file, in order: the values read. Every problem of every file is collected first;
 * throws InputError with all of them when there is any, so a user sees every mistake at once.
 */
export function readEach<T>(files: readonly string[], read: (file: string) => { value?: T; problems: Problem[] }): T[] {
  const problems: Problem[] = [];
  const values: T[] = [];
  for (const file of files) {
    const result = read(file);
    problems.push(...result.problems);
    if (result.value !== undefined) values.push(result.value);
  }
  if (problems.length > 0) throw new InputError(problems);
  return values;
}

/** A problem as one line, `file[:line:col] [path]: message`, e.g. `scenarios/x.yaml:14:7 variants[2].cache: must be one of cold, warm, incremental, noop`. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** A JSON path in the dotted form a user reads: `variants[2].cache` from ['variants', 2, 'cache']; keys are written as they are. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}
