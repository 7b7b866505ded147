// Comparing runs: run against run, run against history, and the terminal table.
export { compareMatched, compareRuns, isRegression, nameRegressions, type RunComparison, type RunComparisonOptions } from './compare-runs.ts';
export { DEFAULT_LAST_K, compareWithHistory, lastRuns } from './history.ts';
export { diffEnvironments } from './environment.ts';
export { compareRefs } from './ref-regressions.ts';
export { checkBudgets, type BudgetCheck } from './budgets.ts';
export { applyAcknowledgements, type Acknowledged, type AcknowledgementRule } from './acknowledge.ts';
export { formatComparisonTable } from './format-table.ts';
export { describeArtifactsOfRuns } from './artifact-builds.ts';
