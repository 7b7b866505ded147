// The history record: what it keeps of a results file, that it reads back to the same figures, its size, and
// the folder it lives in.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandRecord, makeRecord, readHistory, recordFileName, serializeRecord, valuesOf, writeRecord } from '../../src/history/index.ts';
import { METRICS } from '../../src/results/metrics.ts';
import { writeResultsAtomic } from '../../src/results/io.ts';
import { defaultPlanResults, fullVariant } from './fixtures.ts';
import { results } from '../compare/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';


describe('makeRecord', () => {
  it('keeps every build, launch, size and verdict, with the commit once and variant ids once', () => {
    const r = defaultPlanResults();
    r.variants[1]!.status = 'failed';
    r.variants[1]!.reason = 'exit code 2\nlong tail';
    const record = makeRecord(r, { runner: 'ci-2core', subject: 'Bump deps\nbody', committedAt: '2026-12-01T09:00:00Z' });
    expect(record.commit).toEqual({ sha: 'c0ffee'.padEnd(40, '0'), branch: 'main', subject: 'Bump deps', committedAt: '2026-12-01T09:00:00Z' });
    expect(record.runner).toBe('ci-2core');
    expect(record.environment.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(record.variants.map((v) => v.id)).toEqual(r.variants.map((v) => v.id));
    expect(record.variants[1]).toMatchObject({ status: 'failed', reason: 'exit code 2' });
    const first = record.variants[0]!;
    expect(first.samples.wallMs).toEqual(r.variants[0]!.samples.map((s) => Math.round(s.wallMs * 10) / 10));
    expect(first.launches!.state).toBe('fwfwfwfwfw');
    expect(first.artifact).toEqual({ bytes: 46_783_221, debugBytes: 0, files: 1, sha256: 'ab'.repeat(8) });
    expect(record.verdicts.metric).toHaveLength(r.comparisons.length);
    // Verdicts point at variants by index: the id of the compared variant is not written again.
    expect(record.verdicts.variant[0]).toBe(r.variants.findIndex((v) => v.id === r.comparisons[0]!.variant));
    expect(record.verdicts.pValue[5]).toBeNull();
  });

  it('reads back to the same figures: every registry metric of every variant, to 0.1 ms', () => {
    const r = defaultPlanResults();
    const back = expandRecord(makeRecord(r));
    for (const [i, v] of r.variants.entries()) {
      for (const m of METRICS) {
        const original = m.kind === 'sampled' ? m.read(v).values : [m.read(v)].filter((x) => x !== undefined);
        const kept = valuesOf(makeRecord(r).variants[i]!, m.name);
        expect(kept.length, `${v.id} ${m.name}`).toBe(original.length);
        kept.forEach((x, j) => expect(Math.abs(x - original[j]!), `${v.id} ${m.name}`).toBeLessThanOrEqual(0.1));
      }
      expect(back.variants[i]!.stats.wallMs!.n).toBe(v.samples.length);
    }
    expect(back.comparisons.map((c) => [c.variant, c.metric, c.verdict])).toEqual(r.comparisons.map((c) => [c.variant, c.metric, c.verdict]));
  });

  it('keeps a record of the default plan within a few KiB (size budget)', () => {
    const text = serializeRecord(makeRecord(defaultPlanResults()));
    expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024);
    expect(gzipSync(text).length).toBeLessThan(4 * 1024);
  });
});

describe('the history folder', () => {
  it('writes one file per run named by its run id and reads them back oldest first', () => {
    const dir = tempDir('bb-history-');
    const later = makeRecord(defaultPlanResults(2));
    const earlier = makeRecord(defaultPlanResults(1));
    expect(path.basename(writeRecord(dir, later))).toBe('2026-12-02T10-00-00-000-abcd.json');
    writeRecord(dir, earlier);
    expect(recordFileName({ runId: 'a/b c' })).toBe('a-b-c.json');
    const read = readHistory(dir);
    expect(read.warnings).toEqual([]);
    expect(read.records.map((r) => r.runId)).toEqual([earlier.runId, later.runId]);
    expect(read.records[1]).toEqual(later);
  });

  it('reads full results files and run folders too, and skips what is not a record with one line', () => {
    const dir = tempDir('bb-history-');
    const legacy = results({ runId: 'old-run', startedAt: '2026-01-01T00:00:00.000Z', variants: [fullVariant({ scenario: 'app', variant: 'a', cache: 'cold', wallMs: 100, n: 3, seed: 1 })] });
    writeResultsAtomic(path.join(dir, 'old-run.json'), legacy);
    mkdirSync(path.join(dir, 'run-folder'));
    writeResultsAtomic(path.join(dir, 'run-folder', 'results.json'), { ...legacy, runId: 'folder-run', startedAt: '2026-01-02T00:00:00.000Z' });
    writeFileSync(path.join(dir, 'notes.json'), '{"format":"something-else"}');
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ ...makeRecord(legacy), runId: 3 }));
    writeFileSync(path.join(dir, 'README.md'), 'not json');
    const read = readHistory(dir);
    expect(read.records.map((r) => r.runId)).toEqual(['old-run', 'folder-run']);
    expect(read.warnings).toEqual([
      `skipped ${path.join(dir, 'broken.json')} /runId: Expected string`,
      `skipped ${path.join(dir, 'notes.json')}: not a buildbench history record (format "something-else", expected "buildbench-history/1")`,
    ]);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('is empty when the folder does not exist', () => {
    expect(readHistory(path.join(tempDir('bb-history-'), 'none'))).toEqual({ records: [], warnings: [], files: new Map() });
  });
});
