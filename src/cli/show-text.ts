// `buildbench show`'s text: each scenario as it will run — the preset and its parameters, what a workdir copy
// leaves out, and per variant every command in full with the placeholders it uses — each value followed by
// where it came from (the file's line, the preset, or buildbench's default).
import { runFolders } from '../plan/copy-size.ts';
import { describeRule } from '../plan/ignore-rule.ts';
import { CACHE_STATE_RULES, type CacheState } from '../results/cache-states.ts';
import type { LoadResult } from '../scenario/load.ts';
import type { SourceOf } from '../scenario/provenance.ts';
import { viewVariant, type VariantView } from '../scenario/variant-view.ts';

type Loaded = Required<Pick<LoadResult, 'scenario' | 'sourceOf'>> & Pick<LoadResult, 'preset'>;

/** The text of one loaded scenario (lines, no trailing newline). */
export function showScenario(loaded: Loaded): string {
  const { scenario: s, sourceOf } = loaded;
  const lines = [`${s.file}: scenario ${s.name}${s.default ? ' (in a plain run)' : ''}${loaded.preset ? `, from preset ${loaded.preset.name}` : ''}`];
  const field = (label: string, value: string, segments: (string | number)[]) => lines.push(`  ${label}: ${value}    ← ${sourceOf(segments)}`);
  field('project', s.project, ['project']);
  if (loaded.preset) {
    lines.push('  preset parameters:');
    for (const [k, v] of Object.entries(loaded.preset.params)) lines.push(`    ${k}: ${JSON.stringify(v)}    ← ${sourceOf(['with', k]).replace(/^default$|^preset .*$/, 'preset default')}`);
  }
  const runs = runFolders(s.project);
  lines.push(`  not copied into workdirs: .git, .buildbench${runs.length > 0 ? `, ${runs.join(', ')} (buildbench's runs)` : ''}${s.ignore.length > 0 ? `, ${s.ignore.join(', ')}    ← ${sourceOf(['ignore'])}` : ''}`);
  lines.push(`    and by the one ignore rule${s.copy?.length ? ` (but copy: ${s.copy.join(', ')}    ← ${sourceOf(['copy'])})` : ''}:`, ...describeRule().map((r) => `      ${r}`));
  if (s.ignoreGitignored) lines.push(`    and what git ignores    ← ${sourceOf(['ignoreGitignored'])}`);
  s.variants.forEach((v, i) => lines.push('', ...showVariant({ view: viewVariant(v), i, sourceOf, runs: v.runs, warmup: v.warmup })));
  return lines.join('\n');
}

function showVariant(o: { view: VariantView; i: number; sourceOf: SourceOf; runs: number; warmup: number }): string[] {
  const { view: v, i } = o;
  const from = (key: string, scenarioKey = key) => {
    const own = o.sourceOf(['variants', i, key]);
    return own === 'default' || own.startsWith('preset') ? o.sourceOf([scenarioKey]) : own;
  };
  const out = [`  variant ${v.name}${v.baseline ? ' (baseline)' : ''}: ${o.runs} runs, ${o.warmup} warm-up${o.warmup === 1 ? '' : 's'}    ← ${o.sourceOf(['runs'])}`];
  const line = (label: string, value: string, source: string) => out.push(`    ${label}: ${value}    ← ${source}`);
  if (v.unavailable) line('unavailable', v.unavailable, o.sourceOf(['variants', i, 'unavailable']));
  line('cache states', `${v.cacheStates.join(', ')}${v.plainStates.join() !== v.cacheStates.join() ? ` (a plain run: ${v.plainStates.join(', ') || 'none'})` : ''}`, from('cache'));
  for (const state of v.cacheStates) out.push(`      ${state}: ${describeState(state as CacheState, v)}`);
  if (v.seed) line('seed (untimed, shared)', `${v.seed.run}  → ${v.seed.dir}`, o.sourceOf(['seed']));
  v.setup.forEach((cmd, k) => line(k === 0 ? 'set-up (untimed)' : '        then', cmd, k === 0 && v.setup.length > 1 ? o.sourceOf(['setup']) : from('setup')));
  line('build', v.build, o.sourceOf(['variants', i, 'build']));
  if (v.artifact) line('artifact', v.artifact, o.sourceOf(['variants', i, 'artifact']));
  if (v.clean.length > 0) line('clean', v.clean.join(', '), o.sourceOf(['variants', i, 'clean']));
  if (v.caches.length > 0) line('caches', v.caches.join(', '), o.sourceOf(['variants', i, 'caches']));
  if (v.mutate) line('mutate', 'touch' in v.mutate ? `touch ${v.mutate.touch}` : `append to ${v.mutate.append.file}: ${JSON.stringify(v.mutate.append.text)}`, o.sourceOf(['variants', i, 'mutate']));
  if (v.smoke) {
    const s = v.smoke;
    const parts = [s.install && `install: ${s.install}`, `run: ${s.run}`, s.ready && `ready: ${s.ready}`, s.window !== undefined && `window: ${JSON.stringify(s.window)}`, s.sidecar && `ends when its sidecar ${s.sidecar} exits unready`, s.timeoutS && `timeout ${s.timeoutS} s`];
    line('smoke', parts.filter(Boolean).join('; '), o.sourceOf(['variants', i, 'smoke']));
  }
  if (v.service) line('service', `${v.service.run}${v.service.stop ? `; stop: ${v.service.stop}` : ''}`, o.sourceOf(['variants', i, 'service']));
  for (const n of v.needs) line(`needs ${n.name}`, n.producer, o.sourceOf(['variants', i, 'needs', n.name]));
  for (const [k, value] of Object.entries(v.env)) line(`env ${k}`, value, envSource({ sourceOf: o.sourceOf, i, key: k }));
  if (v.requires.length > 0) line('requires', v.requires.join(', '), from('requires'));
  if (v.timeoutS !== undefined) line('timeout', `${v.timeoutS} s`, from('timeoutS'));
  for (const [p, meaning] of Object.entries(v.placeholders)) out.push(`    placeholder ${p}: ${meaning}`);
  return out;
}

/** A variable the variant sets is the variant's; else the scenario's. */
function envSource(o: { sourceOf: SourceOf; i: number; key: string }): string {
  const own = o.sourceOf(['variants', o.i, 'env', o.key]);
  return own.includes(':') ? own : o.sourceOf(['env', o.key]);
}

/** What happens before each sample of a state, from the cache-state rules. */
function describeState(state: CacheState, v: VariantView): string {
  const rules = CACHE_STATE_RULES[state];
  const removed = [...(rules.removes.outputs ? v.clean : []), ...(rules.removes.caches ? [...v.caches, '{cache}'] : [])];
  const parts = [removed.length > 0 ? `removes ${removed.join(', ')} before each sample` : 'removes nothing'];
  if (rules.mutates) parts.push(v.mutate ? 'applies the mutate edit before each sample' : 'needs a mutate edit');
  if (rules.firstBuildIsFull) parts.push('its first build is a full one, kept as a warm-up');
  return parts.join('; ');
}
