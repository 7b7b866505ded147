// results.json: with one input, the results file itself (re-rendering a report keeps the data beside it);
// with several, their merge has no single run id, environment or config, so it is not a results file:
// the model goes to report.json instead, and no results.json claims a schema it does not follow.
import { join } from 'node:path';
import type { ResultsFile } from '../results/schema.ts';
import type { Reporter } from './reporter.ts';
import { writeFileAtomic } from '../common/write-atomic.ts';

/** The JSON reporter: results.json for one input file, report.json (the model) for several; its render rejects when the file cannot be written. */
export function jsonReporter(results: readonly ResultsFile[]): Reporter {
  return {
    name: 'json',
    async render(model, outDir) {
      if (results.length === 1) return [await writeFileAtomic(join(outDir, 'results.json'), `${JSON.stringify(results[0], null, 2)}\n`)];
      return [await writeFileAtomic(join(outDir, 'report.json'), `${JSON.stringify(model, null, 2)}\n`)];
    },
  };
}
