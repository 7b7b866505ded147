// One small interface per output format (after hyperfine's Exporter): adding a format is one new file.
import type { ReportModel } from './model.ts';

export interface Reporter {
  /** Format name as given to renderReports({ formats }) and `buildbench report --format`. */
  name: string;
  /** Writes this format's files under outDir and returns their paths. */
  render(model: ReportModel, outDir: string): Promise<string[]>;
}
