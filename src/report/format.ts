// Figures read the same in every format (HTML tables, Markdown, chart titles, the terminal): the number
// formatting lives with the metric registry, which names each metric's unit.
export { formatBytes, formatMedianCi, formatMs } from '../results/units.ts';
