// A scenario file as `buildbench init` writes it: the schema line, a header, the fields, and each guessed
// parameter with its reason as a comment beside it, so the user checks the guesses rather than the syntax.
import { stringify } from 'yaml';
import type { Guess } from './inspect-python.ts';
import type { PythonToolchain } from './python-toolchain.ts';

export interface ProposedScenario {
  /** File name under scenarios/. */
  file: string;
  name: string;
  description: string;
  default: boolean;
  /** Project folder, relative to the scenarios folder. */
  project: string;
  preset: string;
  params: Record<string, Guess<unknown>>;
  /** Scenario fields set beside the preset's (ignore, requires, env, without), each with a reason. */
  fields: Record<string, Guess<unknown>>;
  /** For a Python scenario: the project's own dependencies, pinned tool versions and Python (what its baseline is built with). */
  toolchain?: PythonToolchain;
  /** Files written beside the scenario (name under scenarios/ → text), such as requirements exported from a lock. */
  files?: Record<string, string>;
}

const scalar = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd());
const comment = (why: string) => (why ? `  # ${why.replace(/\s*\n\s*/g, ' ')}` : '');

/** A proposed scenario as YAML text: the `$schema` line, a header naming `source`, each guessed value with its reason as a comment. */
export function renderScenario(opts: { scenario: ProposedScenario; schema: string; source: string }): string {
  const { scenario: s } = opts;
  const lines = [
    `# yaml-language-server: $schema=${opts.schema}`,
    `# Written by \`buildbench init\` from ${opts.source}.`,
    '# The comments say why each value was guessed: check them, then `buildbench validate` this file.',
    '# Any field of the preset can be overridden here; the schema completes presets and their parameters.',
    `name: ${s.name}`,
    `description: ${scalar(s.description)}`,
    ...(s.default ? ['default: true'] : []),
    `project: ${scalar(s.project)}`,
    `preset: ${s.preset}`,
    'with:',
    ...Object.entries(s.params).map(([k, g]) => `  ${k}: ${scalar(g.value)}${comment(g.why)}`),
    ...Object.entries(s.fields).map(([k, g]) => `${k}: ${scalar(g.value)}${comment(g.why)}`),
  ];
  return `${lines.join('\n')}\n`;
}
