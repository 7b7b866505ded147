// samples.csv: one row per build (warm-ups and failed builds marked) and one per launch, quoted as RFC 4180 says.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, samplesCsv } from '../../src/report/csv.ts';
import { renderReports } from '../../src/report/index.ts';
import { results } from '../compare/fixtures.ts';
import { sample, variant } from '../stats/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function twoRuns() {
  const app = variant({ variant: 'app', baseline: true, wallMs: [100, 110.5] });
  app.warmups = [sample(-1, 300)];
  app.failures = [sample(3, 50, { exitCode: 2 })];
  app.startup = {
    firstMs: 40, warmMs: 10, readyOk: true,
    launches: [
      { round: 1, position: 0, state: 'first', ms: 40, extractBytes: 1024 },
      { round: 1, position: 0, state: 'warm', ms: 10, extractBytes: 0 },
    ],
  };
  return [results({ runId: 'run, "one"\nline two', startedAt: '2026-12-01T00:00:00.000Z', variants: [app] })];
}

describe('samplesCsv', () => {
  it('writes a header, a row per build, warm-up, failed build and launch, the empty columns empty', () => {
    expect(samplesCsv(twoRuns()).split('\r\n')).toEqual([
      'run,variant,scenario,cache,kind,round,position,state,wallMs,userMs,sysMs,maxRssKb,treeRssKb,pipelineMs,exitCode,launchMs,extractBytes',
      '"run, ""one""\nline two",app/app@cold,app,cold,build,0,0,,100,80,10,50000,80000,,0,,',
      '"run, ""one""\nline two",app/app@cold,app,cold,build,1,0,,110.5,88.4,11.05,50000,80000,,0,,',
      '"run, ""one""\nline two",app/app@cold,app,cold,warmup,-1,0,,300,240,30,50000,80000,,0,,',
      '"run, ""one""\nline two",app/app@cold,app,cold,failed,3,0,,50,40,5,50000,80000,,2,,',
      '"run, ""one""\nline two",app/app@cold,app,cold,launch,1,0,first,,,,,,,,40,1024',
      '"run, ""one""\nline two",app/app@cold,app,cold,launch,1,0,warm,,,,,,,,10,0',
      '',
    ]);
  });

  it('reads back with a real CSV reader (Python’s csv module) to the same fields', () => {
    const text = samplesCsv(twoRuns());
    const read = execFileSync('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))'], { input: text, encoding: 'utf8' });
    const rows = JSON.parse(read) as string[][];
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === 17)).toBe(true);
    expect(rows[1]!.slice(0, 5)).toEqual(['run, "one"\nline two', 'app/app@cold', 'app', 'cold', 'build']);
  });

  it('quotes a field with a comma, a quote, CR or LF, doubling its quotes, and leaves the others as they are', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', -1.5, null, undefined, ''].map(csvField)).toEqual([
      'plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\rhere"', '-1.5', '', '', '',
    ]);
  });

  it('is written as samples.csv by report --format csv', async () => {
    const outDir = tempDir('bb-csv-');
    const runs = twoRuns();
    expect(await renderReports({ results: runs, outDir, formats: ['csv'] })).toEqual([path.join(outDir, 'samples.csv')]);
    expect(readFileSync(path.join(outDir, 'samples.csv'), 'utf8')).toBe(samplesCsv(runs));
  });
});
