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
  /** Variants written under `variants:` (overriding the preset's of the same name), each with why. */
  variants?: Guess<Record<string, unknown>>[];
  /** For a Python scenario: the project's own dependencies, pinned tool versions and Python (what its baseline is built with). */
  toolchain?: PythonToolchain;
  /** Files written beside the scenario (name under scenarios/ → text), such as requirements exported from a lock. */
  files?: Record<string, string>;
}

const scalar = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd());
const comment = (why: string) => (why ? `  # ${why.replace(/\s*\n\s*/g, ' ')}` : '');

/** What the project names of its own toolchain, as comments: the pinned tools and the Python, with where they were read. */
function toolchainLines(t: PythonToolchain | undefined): string[] {
  if (!t) return [];
  const pins = Object.entries(t.pins).map(([name, version]) => `${name} ${version} (${t.from[name]})`);
  return [
    `# The project pins: ${pins.length > 0 ? pins.join(', ') : 'no build tool'}; its Python: ${t.python ? `${t.python} (${t.from.python})` : 'not named'}; it installs with ${t.installer}.`,
  ];
}

/** One variant as a list entry, its reason on the line above it. */
function renderVariant(v: Guess<Record<string, unknown>>): string[] {
  const body = stringify([v.value], { lineWidth: 0 }).trimEnd().split('\n');
  return [`  # ${v.why.replace(/\s*\n\s*/g, ' ')}`, ...body.map((l) => `  ${l}`)];
}

/** A proposed scenario as YAML text: the `$schema` line, a header naming `source`, each guessed value with its reason as a comment. */
export function renderScenario(opts: { scenario: ProposedScenario; schema: string; source: string }): string {
  const { scenario: s } = opts;
  const lines = [
    `# yaml-language-server: $schema=${opts.schema}`,
    `# Written by \`buildbench init\` from ${opts.source}.`,
    '# The comments say why each value was guessed: check them, then `buildbench validate` this file.',
    '# Any field of the preset can be overridden here; the schema completes presets and their parameters.',
    ...toolchainLines(s.toolchain),
    `name: ${s.name}`,
    `description: ${scalar(s.description)}`,
    ...(s.default ? ['default: true'] : []),
    `project: ${scalar(s.project)}`,
    `preset: ${s.preset}`,
    'with:',
    ...Object.entries(s.params).map(([k, g]) => `  ${k}: ${scalar(g.value)}${comment(g.why)}`),
    ...Object.entries(s.fields).map(([k, g]) => `${k}: ${scalar(g.value)}${comment(g.why)}`),
    ...(s.variants?.length ? ['variants:', ...s.variants.flatMap(renderVariant)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
