// The import rule of DESIGN.md's data flow, as data: which stage folder under src/ may import which. Every
// stage may use the results types and the shared helpers in common/; the runner uses stats (run-count rules,
// the auto stop); the probes plug into the runner's hooks, so they may read the runner's and the plan's
// types, and the runner never imports a probe; tools/ (doctor, setup) finds and provisions tools and reads no
// build; only cli/ wires everything.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  common: [],
  results: ['common'],
  stats: ['results', 'common'],
  scenario: ['results', 'common'],
  plan: ['scenario', 'results', 'stats', 'common'],
  runner: ['plan', 'scenario', 'results', 'stats', 'common'],
  probe: ['runner', 'plan', 'scenario', 'results', 'common'],
  compare: ['stats', 'results', 'common'],
  report: ['compare', 'stats', 'results', 'common'],
  init: ['scenario', 'results', 'common'],
  tools: ['results', 'common'],
  'pull-request': ['common'],
  history: ['stats', 'results', 'common'],
  dashboard: ['history', 'report', 'stats', 'results', 'common'],
  cli: ['init', 'tools', 'pull-request', 'dashboard', 'history', 'report', 'compare', 'probe', 'runner', 'plan', 'scenario', 'stats', 'results', 'common'],
};

export interface ImportArrow {
  file: string;
  line: number;
  from: string;
  to: string;
  specifier: string;
}

const IMPORT = /(?:^|\s)(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every relative import in `text` (a file under `srcDir`) that crosses from one stage folder into another. */
export function arrowsOf(opts: { srcDir: string; file: string; text: string }): ImportArrow[] {
  const from = path.relative(opts.srcDir, opts.file).split(path.sep)[0]!;
  const arrows: ImportArrow[] = [];
  for (const match of opts.text.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2])!;
    const target = path.relative(opts.srcDir, path.resolve(path.dirname(opts.file), specifier));
    const to = target.split(path.sep)[0]!;
    if (to === from || to.startsWith('..')) continue;
    const start = match.index + match[0].length - match[0].trimStart().length;
    const line = opts.text.slice(0, start).split('\n').length;
    arrows.push({ file: opts.file, line, from, to, specifier });
  }
  return arrows;
}

/** The arrows the rule forbids, each as `file:line stage → stage ('specifier')`. */
export function forbiddenArrows(arrows: readonly ImportArrow[], allowed = ALLOWED): string[] {
  return arrows
    .filter((a) => !(allowed[a.from] ?? []).includes(a.to))
    .map((a) => `${a.file}:${a.line} ${a.from} → ${a.to} ('${a.specifier}')${a.from in allowed ? '' : ' (a stage the rule does not know)'}`);
}

/** All `.ts` files under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Every cross-stage arrow under `srcDir`. */
export function arrowsUnder(srcDir: string): ImportArrow[] {
  return sourceFiles(srcDir).flatMap((file) => arrowsOf({ srcDir, file, text: readFileSync(file, 'utf8') }));
}
