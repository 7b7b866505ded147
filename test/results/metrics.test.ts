// The metric registry: one entry per metric, each reading its value from where results.json records it.
import { describe, expect, it } from 'vitest';
import { METRICS, findMetric, formatMetric, metric } from '../../src/results/metrics.ts';
import { sample, variant } from '../stats/fixtures.ts';

const launch = (round: number, state: 'first' | 'warm', ms: number) => ({ round, position: 0, state, ms, extractBytes: state === 'first' ? 4096 : 0 });

const full = variant({
  variant: 'a',
  samples: [sample(0, 100), sample(1, 110, { exitCode: 1 }), sample(2, 120, { maxRssKb: 0 })],
  artifact: { path: 'dist/a', kind: 'dir', bytes: 3_000_000, files: 240, sha256: 'x', debugBytes: 500, largest: [] },
  startup: { firstMs: 900, warmMs: 300, readyOk: true, extractBytes: 4096, launches: [launch(1, 'first', 880), launch(1, 'warm', 310), launch(2, 'first', 920)] },
});

describe('metric registry', () => {
  it('names every metric once, in the order summaries and tables list them', () => {
    expect(METRICS.map((m) => m.name)).toEqual([
      'wallMs', 'userMs', 'sysMs', 'cpuMs', 'maxRssKb', 'treeRssKb', 'startupFirstMs', 'startupWarmMs', 'bytes', 'debugBytes', 'files', 'pipelineMs', 'installedBytes',
      'extractBytes',
    ]);
  });

  it.each([
    { name: 'wallMs', values: [100, 120], rounds: [0, 2] },
    { name: 'cpuMs', values: [90, 108], rounds: [0, 2] },
    { name: 'maxRssKb', values: [50_000], rounds: [0] }, // a failed build and an RSS of 0 (not measured) are left out
    { name: 'startupFirstMs', values: [880, 920], rounds: [1, 2] },
    { name: 'startupWarmMs', values: [310], rounds: [1] },
  ])('reads sampled $name from the successful samples or the launches of its state', ({ name, values, rounds }) => {
    const m = metric(name);
    expect(m.kind).toBe('sampled');
    if (m.kind === 'sampled') expect(m.read(full)).toEqual({ values, rounds });
  });

  it.each([
    { name: 'bytes', value: 3_000_000, shown: '2.86 MiB' },
    { name: 'debugBytes', value: 500, shown: '500 B' },
    { name: 'files', value: 240, shown: '240 files' },
    { name: 'extractBytes', value: 4096, shown: '4 KiB' },
  ])('reads single $name from the artifact or start-up record and formats it in its unit', ({ name, value, shown }) => {
    const m = metric(name);
    expect(m.kind === 'single' && m.read(full)).toBe(value);
    expect(formatMetric(name, value)).toBe(shown);
  });

  it('reads a pipeline from the successful samples that have one, and the installed size from a package', () => {
    const consumer = variant({
      variant: 'c',
      samples: [sample(0, 100, { pipelineMs: 150 }), sample(1, 110, { exitCode: 1, pipelineMs: 170 }), sample(2, 120)],
      artifact: { ...full.artifact!, kind: 'file', package: { format: 'deb', name: 'c', version: '1', architecture: 'amd64', installedBytes: 8192 } },
    });
    const pipeline = metric('pipelineMs');
    expect(pipeline.kind === 'sampled' && pipeline.read(consumer)).toEqual({ values: [150], rounds: [0] });
    const installed = metric('installedBytes');
    expect(installed.kind === 'single' && installed.read(consumer)).toBe(8192);
    expect(installed.kind === 'single' && installed.read(full)).toBeUndefined();
    expect(formatMetric('installedBytes', 8192)).toBe('8 KiB');
  });

  it('reads no size from a missing artifact, and falls back to the recorded start-up of an older file', () => {
    const old = variant({ variant: 'b', artifact: { ...full.artifact!, kind: 'missing' }, startup: { firstMs: 900, warmMs: null, readyOk: true } });
    const bytes = metric('bytes');
    expect(bytes.kind === 'single' && bytes.read(old)).toBeUndefined();
    const first = metric('startupFirstMs');
    expect(first.kind === 'sampled' && first.read(old)).toEqual({ values: [], rounds: [] });
    expect(first.kind === 'sampled' && first.recorded?.(old)).toBe(900);
  });

  it('formats RSS kibibytes as bytes, times as time, and an unknown metric as its bare number', () => {
    expect(formatMetric('treeRssKb', 2048)).toBe('2 MiB');
    expect(formatMetric('wallMs', 12_345)).toBe('12.3 s');
    expect(formatMetric('nope', 7)).toBe('7');
    expect(findMetric('nope')).toBeUndefined();
    expect(() => metric('nope')).toThrow('no metric named nope in the registry');
  });
});
