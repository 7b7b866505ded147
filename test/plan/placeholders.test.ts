// A placeholder's value reaches the shell as one word, whatever it holds and wherever it stands in the
// command. Checked by the real shell: `sh -c` prints each word it received on its own line.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandCommand, expandText } from '../../src/scenario/placeholders.ts';

/** The words `sh -c COMMAND` passes to printf, each ended by a NUL. */
function words(command: string): string[] {
  return execFileSync('sh', ['-c', command], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

const NASTY = [`/tmp/a b`, `it's`, `say "hi"`, 'cost $HOME `id` \\n', ' lead and trail ', '', '*', 'a\nb', `'; touch /tmp/bb-pwned; '`];

describe('expandCommand', () => {
  it.each(NASTY)('keeps %j one word in every quoting context', (value) => {
    const values = { workdir: value };
    expect(words(expandCommand(`printf '%s\\0' {workdir}`, values))).toEqual([value]);
    expect(words(expandCommand(`printf '%s\\0' {workdir}/bin`, values))).toEqual([`${value}/bin`]);
    expect(words(expandCommand(`printf '%s\\0' "{workdir}/bin"`, values))).toEqual([`${value}/bin`]);
    expect(words(expandCommand(`printf '%s\\0' 'at {workdir}'`, values))).toEqual([`at ${value}`]);
    expect(words(expandCommand(`printf '%s\\0' "$(printf '%s' {workdir})"`, values))).toEqual([value]);
    expect(words(expandCommand(`printf '%s\\0' "\`printf '%s' {workdir}\`"`, values))).toEqual([value]);
    expect(words(expandCommand(`(printf '%s\\0' {workdir})`, values))).toEqual([value]);
  });

  it('leaves safe values bare, shell syntax and unknown names alone', () => {
    expect(expandCommand('{tools}/venv/bin/pex -o {artifact} --port={port}', { tools: '/x/.tools', artifact: 'dist/a.pex', port: '8080' })).toBe(
      '/x/.tools/venv/bin/pex -o dist/a.pex --port=8080',
    );
    expect(expandCommand('echo ${workdir} {nope} \\{workdir}', { workdir: '/w w' })).toBe('echo ${workdir} {nope} \\{workdir}');
  });
});

describe('expandText', () => {
  it('puts values in as they are', () => {
    expect(expandText('{workdir}/bin:{cache}', { workdir: '/a b', cache: "c'd" })).toBe("/a b/bin:c'd");
  });
});
