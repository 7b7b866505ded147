import { describe, expect, it } from 'vitest';
import { resolutionWarning } from '../../src/stats/resolution.ts';

describe('resolutionWarning', () => {
  it.each([
    [{ medianMs: 7.7, overheadMs: 3, overheadSpreadMs: 1 }, true], // within 5× the overhead
    [{ medianMs: 40, overheadMs: 3, overheadSpreadMs: 10 }, true], // within 5× the overhead's spread
    [{ medianMs: 200, overheadMs: 3, overheadSpreadMs: 10 }, false],
    [{ medianMs: 15, overheadMs: 3, overheadSpreadMs: 0 }, false], // exactly 5×: resolved
    [{ medianMs: 1, overheadMs: 0, overheadSpreadMs: 0 }, false], // nothing measured to compare with
  ])('%j → warns: %s', (input, warns) => {
    expect(resolutionWarning(input) !== undefined).toBe(warns);
  });

  it('says what was measured and why it matters', () => {
    expect(resolutionWarning({ medianMs: 7.7, overheadMs: 3.2, overheadSpreadMs: 1.25 })).toBe(
      "median 7.7 ms is within 5× the harness's own cost of starting a build (3.2 ms, varying by 1.3 ms): below what this run can resolve, mostly the harness’s noise; time a command that builds several times instead",
    );
  });
});
