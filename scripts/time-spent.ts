// Where a run's wall time went: `npm run time-spent -- reports/<run>/results.json …` prints, per file, the share
// of the measured builds and the other parts (set-ups, warm-ups, launches, the harness between builds), from
// results/time-spent.ts. A results file that cannot be read is said in one line, with exit status 2.
import { readResultsFile } from '../src/results/io.ts';
import { formatTimeSpent, timeSpent } from '../src/results/time-spent.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run time-spent -- reports/<run>/results.json …');
  process.exit(2);
}
let status = 0;
for (const file of files) {
  const { value, problems } = readResultsFile(file);
  if (!value) {
    console.error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
    status = 2;
    continue;
  }
  console.log(`${file} (run ${value.runId})\n${formatTimeSpent(timeSpent(value))}`);
}
process.exit(status);
