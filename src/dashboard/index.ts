// Dashboard: a static site of a history folder, one page per scenario, charts per metric over the runs.
export { buildDashboard, DASHBOARD_METRICS, lastRunsPerRunner, scenarioFile, type DashboardModel, type MetricChart, type ScenarioPage } from './model.ts';
export { reportLinks } from './report-links.ts';
export { esc, writeDashboard } from './render.ts';
