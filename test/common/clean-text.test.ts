// The one rule for untrusted text shown in a terminal or a report, table-driven.
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText } from '../../src/common/clean-text.ts';

describe('cleanText / cleanLine', () => {
  it.each([
    ['colours dropped', '\u001b[1;32mok\u001b[0m', 'ok'],
    ['OSC title dropped', '\u001b]0;pwned\u0007text', 'text'],
    ['8-bit CSI dropped', '\u009b31mred', 'red'],
    ['NUL and BEL shown', 'a\u0000b\u0007', 'a\u2400b\u2407'],
    ['DEL shown', 'x\u007f', 'x\u2421'],
    ['bidi override replaced', 'abc\u202edef', 'abc\ufffddef'],
    ['every bidi embedding, override and isolate replaced', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069', '\ufffd'.repeat(9)],
    ['bidi marks replaced', '\u061c\u200e\u200f', '\ufffd'.repeat(3)],
    ['newlines kept', 'a\r\nb', 'a\nb'],
    ['a lone CR becomes a newline', 'a\rb', 'a\nb'],
    ['HTML left for the format to escape', '<b>', '<b>'],
  ])('%s', (_name, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('cleanLine joins lines and tabs; both cut long text with an ellipsis', () => {
    expect(cleanLine('a\nb\tc')).toBe('a b c');
    expect(cleanLine('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('with no limit keeps long text whole', () => {
    expect(cleanLine('x'.repeat(2000), Infinity)).toBe('x'.repeat(2000));
  });
});
