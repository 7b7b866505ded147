// The words of a command line, checked before yargs reads them, so each mistake is named as the user made it:
// a mistyped command (`buildbench runn` was read as a scenario file), an unknown option as typed and once
// (yargs said "Unknown arguments: bogus-flag, bogusFlag", and an unknown option before a file took the file as
// its value: "Not enough non-option arguments"), a missing argument by what it is, a number flag's text quoted
// (yargs turns it into NaN), a folder that does not exist. Each problem is one line; yargs stays the backstop.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { suggest } from '../common/did-you-mean.ts';
import { COMMANDS, usageOf, type CommandWords } from './command-words.ts';
import type { Flag } from './flag-check.ts';

const ANSWERED_BY_YARGS = new Set(['--help', '-h', '--version']);
const LIST: CommandWords[] = Object.values(COMMANDS);
const TOP = [...new Set(LIST.map((c) => c.name.split(' ')[0]!))];

/** `minRuns` → `min-runs`: yargs accepts a flag in either spelling. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The problems of the command line `argv` (without node and the script), one line each, read in `cwd`; empty
 * when the words are fine, or when `--help` or `--version` is asked for (yargs answers those). Never throws.
 */
export function checkWords(argv: readonly string[], cwd: string): string[] {
  const end = argv.indexOf('--');
  const words = end < 0 ? [...argv] : argv.slice(0, end);
  if (words.some((w) => ANSWERED_BY_YARGS.has(w))) return [];
  const found = findCommand(words, cwd);
  if (typeof found === 'string') return [found];
  const { command, rest } = found;
  const read = readFlags(command, rest);
  if (read.problems.length > 0) return read.problems;
  return [...missing(command, read), ...missingFolders(command, read.positionals, cwd)];
}

/** The command the words name (a bare `buildbench` and a scenario name or file run `run`), or why none. */
function findCommand(words: string[], cwd: string): { command: CommandWords; rest: string[] } | string {
  const [first, second] = words;
  if (first === undefined || first.startsWith('-')) return { command: COMMANDS.run, rest: words };
  const named = LIST.find((c) => c.name === first || (second !== undefined && c.name === `${first} ${second}`));
  if (named) return { command: named, rest: words.slice(named.name.split(' ').length) };
  if (isScenario(first, cwd)) return { command: COMMANDS.run, rest: words };
  const near = suggest(first, TOP);
  return near
    ? `buildbench: unknown command ${first} (did you mean ${near}?)`
    : `buildbench: ${first} is neither a command (${TOP.join(', ')}) nor a scenario file or a name in scenarios/`;
}

/** A word the default command takes as a scenario: a path (a slash, .yaml), a file, or a name in scenarios/. */
function isScenario(word: string, cwd: string): boolean {
  if (/[\\/]|\.ya?ml$/.test(word)) return true;
  return [word, path.join('scenarios', `${word}.yaml`), path.join('scenarios', `${word}.yml`)].some((f) => existsSync(path.resolve(cwd, f)));
}

interface ReadFlags {
  problems: string[];
  positionals: string[];
  given: Set<string>;
}

/** Each option checked against the command's flags; the words that are not options are its positionals. */
function readFlags(command: CommandWords, rest: string[]): ReadFlags {
  const out: ReadFlags = { problems: [], positionals: [], given: new Set() };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!isOption(word)) {
      out.positionals.push(word);
      continue;
    }
    const [typed, inline] = splitOption(word);
    const known = lookup(command.flags, typed);
    if (!known) {
      out.problems.push(unknownOption(command, typed));
      continue;
    }
    out.given.add(known.name);
    if (known.flag.type === 'boolean') continue;
    const value = inline ?? (i + 1 < rest.length && !isOption(rest[i + 1]!) ? rest[++i] : undefined);
    if (value === undefined) out.problems.push(`--${known.name}: needs a value (${firstClause(known.flag.describe)})`);
    else if (known.flag.type === 'number' && !isNumber(value)) out.problems.push(`--${known.name}: ${known.flag.check?.(value) ?? `must be a number (got ${JSON.stringify(value)})`}`);
  }
  return out;
}

/** `--x`, `--x=1`, `-x`; not `-` alone or a negative number (a value). */
const isOption = (word: string) => word.startsWith('-') && word !== '-' && !/^-\d/.test(word);

function splitOption(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

/** The flag `typed` names: by its name or camelCase spelling, or `--no-x` for a boolean `x`. */
function lookup(flags: Record<string, Flag>, typed: string): { name: string; flag: Flag } | undefined {
  if (!typed.startsWith('--')) return undefined;
  const name = kebab(typed.slice(2));
  if (flags[name]) return { name, flag: flags[name] };
  const negated = name.startsWith('no-') ? name.slice(3) : undefined;
  return negated && flags[negated]?.type === 'boolean' ? { name: negated, flag: flags[negated] } : undefined;
}

function unknownOption(command: CommandWords, typed: string): string {
  const names = Object.entries(command.flags).flatMap(([n, f]) => (f.type === 'boolean' ? [n, `no-${n}`] : [n]));
  const near = suggest(typed.replace(/^-+/, ''), [...names, 'help', 'version']);
  const hint = near ? `did you mean --${near}?` : `its options: buildbench ${command.name} --help`;
  return `buildbench ${command.name}: unknown option ${typed} (${hint})`;
}

/** A JavaScript number as yargs reads one: `12`, `0.5`, `-1`, `1e3`; not `xyz` or empty. */
const isNumber = (text: string) => text.trim() !== '' && !Number.isNaN(Number(text));

/** A flag's description up to its first `;` or `:`, without its asides in parentheses. */
const firstClause = (text: unknown) => String(text ?? '').replace(/\s*\([^)]*\)/g, '').split(/[;:]/)[0]!.trim();

/** The first required argument not given, and every required flag not given, named by what it is. */
function missing(command: CommandWords, read: ReadFlags): string[] {
  const usage = `usage: buildbench ${usageOf(command)}`;
  const required = command.positionals.filter((p) => p.required);
  const lacking = required[read.positionals.length];
  const problems = lacking ? [`buildbench ${command.name}: missing <${lacking.name}>, ${lacking.what} (${usage})`] : [];
  for (const [name, flag] of Object.entries(command.flags)) {
    if (flag.demandOption && !read.given.has(name)) problems.push(`buildbench ${command.name}: missing --${name}, ${firstClause(flag.describe)}`);
  }
  return problems;
}

/** A folder argument that does not exist is named, not read as an empty folder. */
function missingFolders(command: CommandWords, positionals: string[], cwd: string): string[] {
  return command.positionals.flatMap((p, i) => {
    const given = positionals[i];
    if (!p.existingFolder || given === undefined) return [];
    const full = path.resolve(cwd, given);
    if (!existsSync(full)) return [`${given}: no such folder (${p.what})`];
    return statSync(full).isDirectory() ? [] : [`${given}: not a folder (${p.what})`];
  });
}
