// Placeholders a scenario may use in commands, env values, the smoke URL and the mutate text. Only these
// names are replaced, so shell syntax such as `${HOME}` passes through untouched.
//
// In a command, a placeholder's value reaches the shell as one word whatever it holds (a TMPDIR with a space,
// a quote, a `$`): it is quoted for the place it stands in — bare, inside '…', inside "…", inside $(…) or
// `…` — following the POSIX shell's quoting rules (POSIX.1-2017 XCU 2.2 Quoting, 2.6.3 Command
// Substitution). Elsewhere (env values, paths, URLs) no shell reads the text, so the value goes in as is.
import { suggest } from '../common/did-you-mean.ts';
import { shellWord } from '../common/shell-word.ts';

const PLACEHOLDERS = ['workdir', 'cache', 'artifact', 'port', 'round', 'tools', 'scenarioDir'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** The fixed placeholders, and `needs.NAME`: the artifact of the variant a `needs` entry names. */
export type PlaceholderValues = Partial<Record<Placeholder | `needs.${string}`, string>>;

const NAME = `\\{(${PLACEHOLDERS.join('|')}|needs\\.[A-Za-z0-9_-]+)\\}`;
const PATTERN = new RegExp(`(?<!\\$)${NAME}`, 'g');

/** Placeholders replaced by their values as they are: for text no shell parses (env values, URLs, files). */
export function expandText(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: keyof PlaceholderValues) => values[name] ?? whole);
}

/** Every placeholder written in `text`, once each, in order of first use: `['{workdir}', '{needs.sidecar}']`. */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[0]))];
}

/**
 * Words in braces that look like a misspelt placeholder: `{artifcat}` → `{artifact}`, `{tool}` → `{tools}` (within
 * the edit distance common/did-you-mean.ts suggests from). Such text is not replaced and reaches the shell as
 * written. Other braced words (`{x}` in a Python f-string, `{print $1}` in awk) are not matched. Never throws.
 */
export function misspeltPlaceholders(text: string): { written: string; meant: string }[] {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    const word = m[1]!;
    if ((PLACEHOLDERS as readonly string[]).includes(word) || found.has(word)) continue;
    const meant = suggest(word, PLACEHOLDERS);
    if (meant) found.set(word, meant);
  }
  return [...found].map(([word, meant]) => ({ written: `{${word}}`, meant: `{${meant}}` }));
}

/** The first placeholder written in `text` (`{workdir}`), if any. */
export function findPlaceholder(text: string): string | undefined {
  return new RegExp(`(?<!\\$)${NAME}`).exec(text)?.[0];
}


/** A value as one word, quoted for the context it is inserted in. */
const QUOTE: Record<Context, (value: string) => string> = {
  bare: shellWord,
  // Inside '…' nothing is special but the closing quote: close, write an escaped quote, reopen.
  single: (v) => v.replace(/'/g, `'\\''`),
  // Inside "…" these four keep a meaning (XCU 2.2.3); a backslash before them makes them literal.
  double: (v) => v.replace(/[\\"$`]/g, '\\$&'),
};

/**
 * Inside `…` the shell first finds the closing backquote, turning \\, \` and \$ into \, ` and $ (XCU 2.6.3),
 * then parses what is left: so each backquote level around a value escapes those three once more.
 */
const escapeForBackquotes = (quoted: string) => quoted.replace(/[\\`$]/g, '\\$&');

type Context = 'bare' | 'single' | 'double';
/** What the lexer is inside: the whole command, `(`…`)`/`$(`…`)`, `` `…` ``, '…' or "…". */
type Frame = 'top' | 'paren' | 'tick' | 'single' | 'double';

const contextOf = (frame: Frame): Context => (frame === 'single' ? 'single' : frame === 'double' ? 'double' : 'bare');

/** A shell command with every placeholder replaced by its value quoted as one word (see the top of the file). */
export function expandCommand(command: string, values: PlaceholderValues): string {
  const stack: Frame[] = ['top'];
  const name = new RegExp(`^${NAME}`);
  let out = '';
  let i = 0;
  while (i < command.length) {
    const frame = stack.at(-1)!;
    const rest = command.slice(i);
    const ch = command[i]!;
    const placeholder = command[i - 1] !== '$' ? name.exec(rest) : null;
    const value = placeholder ? values[placeholder[1] as keyof PlaceholderValues] : undefined;
    if (placeholder && value !== undefined) {
      out += stack.filter((f) => f === 'tick').reduce(escapeForBackquotes, QUOTE[contextOf(frame)](value));
      i += placeholder[0].length;
      continue;
    }
    let take = 1;
    if (frame === 'single') {
      if (ch === "'") stack.pop();
    } else if (ch === '\\') take = 2;
    else if (frame === 'double' && ch === '"') stack.pop();
    else if (rest.startsWith('$(')) {
      stack.push('paren');
      take = 2;
    } else if (ch === '`') {
      if (frame === 'tick') stack.pop();
      else stack.push('tick');
    } else if (frame !== 'double') {
      if (ch === "'") stack.push('single');
      else if (ch === '"') stack.push('double');
      else if (ch === '(') stack.push('paren');
      else if (ch === ')' && frame === 'paren') stack.pop();
    }
    out += command.slice(i, i + take);
    i += take;
  }
  return out;
}
