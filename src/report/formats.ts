// The report formats by name (each one Reporter), apart from the reporters so the command line can list
// them without loading chart.js and the canvas.
export const REPORT_FORMATS = ['html', 'png', 'markdown', 'json', 'csv'] as const;
