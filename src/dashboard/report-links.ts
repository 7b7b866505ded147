// Where each run's report.html is, as a link the site's pages can follow. A record says where its report was
// kept when `history add --report-url` was given (the Action passes its uploaded artifact's URL); a run kept
// in the history folder as a run folder (results.json with report.html beside it) has its report there. Any
// other run has no report, and its points link nowhere.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isReportUrl, type HistoryRecord } from '../history/index.ts';

/** A relative link from folder `from` to file `to`: forward slashes, each segment percent-encoded. */
function relativeLink(from: string, to: string): string {
  return path.relative(path.resolve(from), path.resolve(to)).split(path.sep).map(encodeURIComponent).join('/');
}

/**
 * Run id → link of its report.html, for the site written to `outDir` from the history folder `historyDir`:
 * a record's http(s) `reportUrl` as it is; a relative `reportUrl` (relative to the history folder) and a run
 * folder's own report.html (`files`: run id → where readHistory read it) as paths relative to `outDir`, which
 * open from a file and on a host that serves the history folder beside the site. Runs with neither, and a
 * `reportUrl` of any other kind (a hand-edited record), are left out. Reads the file system; never throws.
 */
export function reportLinks(o: { records: readonly HistoryRecord[]; files: ReadonlyMap<string, string>; historyDir: string; outDir: string }): Map<string, string> {
  const links = new Map<string, string>();
  for (const r of o.records) {
    const url = r.reportUrl;
    if (url && isReportUrl(url)) {
      links.set(r.runId, /^https?:/i.test(url) ? url : relativeLink(o.outDir, path.join(o.historyDir, url)));
      continue;
    }
    const from = o.files.get(r.runId);
    const report = from && path.join(from, 'report.html');
    try {
      if (report && statSync(from).isDirectory() && existsSync(report)) links.set(r.runId, relativeLink(o.outDir, report));
    } catch {
      // a run folder removed while the site was written: no link
    }
  }
  return links;
}
