// `buildbench show [files]`: each scenario as it will run, before anything runs — presets expanded, every
// variant's commands in full, the placeholders they use, and where each value came from.
import { readEach } from '../../common/problem.ts';
import { scenarioFiles } from '../../scenario/discover.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { viewVariant } from '../../scenario/variant-view.ts';
import { EXIT } from '../exit-codes.ts';
import type { ShowArgs } from '../command-options.ts';
import { showScenario } from '../show-text.ts';
import { stripControlLines } from '../terminal.ts';

/**
 * Prints every named scenario file (or, with none, every file in scenarios/) as it will run: text, or with
 * `--json` an array of `{ file, name, project, preset, variants: VariantView[] }`. Returns EXIT.ok. Errors:
 * InputError with every problem of every file (the command line prints them, exit 2).
 */
export async function showCommand(args: ShowArgs): Promise<number> {
  const files = scenarioFiles({ args: args.files, cwd: process.cwd() });
  const loaded = readEach(files, (file) => {
    const result = loadScenarioFile(file);
    return { value: result.scenario && result.sourceOf ? { scenario: result.scenario, sourceOf: result.sourceOf, preset: result.preset } : undefined, problems: result.problems };
  });
  if (args.json) {
    const out = loaded.map(({ scenario: s, preset }) => ({
      file: s.file,
      name: s.name,
      project: s.project,
      ...(preset ? { preset } : {}),
      ignore: s.ignore,
      copy: s.copy ?? [],
      variants: s.variants.map(viewVariant),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${stripControlLines(loaded.map(showScenario).join('\n\n'))}\n`);
  return EXIT.ok;
}
