// The one plain-text table of the terminal: the run table, the comparison table and the doctor's table.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/common/table.ts';

describe('formatTable', () => {
  it('pads each column to its widest cell, two spaces apart, and trims line ends', () => {
    expect(formatTable(['name', 'n', 'note'], [['a', '10', ''], ['longer', '2', 'x']])).toBe(['name    n   note', 'a       10', 'longer  2   x'].join('\n'));
  });

  it('draws a rule of the given character under each header cell', () => {
    expect(formatTable(['id', 'ratio'], [['s/a@cold', '1.2×']], { rule: '─' })).toBe(['id        ratio', '────────  ─────', 's/a@cold  1.2×'].join('\n'));
    expect(formatTable(['id', 'p'], [['x', '0.5']], { rule: '-' })).toBe(['id  p', '--  ---', 'x   0.5'].join('\n'));
  });

  it('fills a short row with empty cells and drops cells past the header', () => {
    expect(formatTable(['a', 'b'], [['1'], ['2', '3', 'extra']])).toBe(['a  b', '1', '2  3'].join('\n'));
  });

  it('aligns by display columns: a wide (CJK) or astral character counts as what the terminal shows', () => {
    // '構築' is 4 columns and 2 UTF-16 units; '𝑥' is 1 column and 2 units.
    expect(formatTable(['name', 'ms'], [['構築', '1'], ['𝑥', '2'], ['abcde', '3']])).toBe(['name   ms', '構築   1', '𝑥      2', 'abcde  3'].join('\n'));
  });

  it('cleans every cell: escapes dropped, controls shown, bidi overrides replaced, one line', () => {
    const table = formatTable(['id'], [['\u001b[2Jevil\u202eexe.txt\nnext\u0007']]);
    expect(table).toBe(['id', 'evil\ufffdexe.txt next\u2407'].join('\n'));
  });
});
