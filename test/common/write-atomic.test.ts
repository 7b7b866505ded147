// The one atomic writer (results.json after every sample, the reports): the old file stays whole until the new
// one is complete, and a failed write leaves no temporary behind.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTemporaryOf, temporaryOf, writeFileAtomic, writeFileAtomicSync } from '../../src/common/write-atomic.ts';
import { tempDir } from '../helpers/temp-dir.ts';


describe('writeFileAtomic', () => {
  it('creates the folder, replaces the old file and leaves only the file', async () => {
    const dir = tempDir('bb-atomic-');
    const file = path.join(dir, 'a', 'b', 'report.html');
    expect(await writeFileAtomic(file, 'one')).toBe(file);
    writeFileAtomicSync(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(await writeFileAtomic(file, new Uint8Array([0x33]))).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('3');
    expect(readdirSync(path.dirname(file))).toEqual(['report.html']);
  });

  it('when the rename fails removes the temporary and leaves what was there', async () => {
    const dir = tempDir('bb-atomic-');
    const file = path.join(dir, 'results.json');
    mkdirSync(file); // a folder in the file's place: writing the temporary works, renaming it over the folder fails
    writeFileSync(path.join(file, 'kept'), 'old');
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow(/EISDIR/);
    expect(() => writeFileAtomicSync(file, 'new')).toThrow(/EISDIR/);
    expect(readdirSync(dir)).toEqual(['results.json']);
    expect(readFileSync(path.join(file, 'kept'), 'utf8')).toBe('old');
  });

  it('names its temporary <file>.<pid>.tmp, which isTemporaryOf recognises for any pid', () => {
    expect(temporaryOf('/o/results.json', 42)).toBe('/o/results.json.42.tmp');
    expect(isTemporaryOf('results.json', 'results.json.42.tmp')).toBe(true);
    expect(isTemporaryOf('results.json', `results.json.${process.pid}.tmp`)).toBe(true);
    expect(isTemporaryOf('results.json', 'results.json')).toBe(false);
    expect(isTemporaryOf('results.json', 'results.json.x.tmp')).toBe(false);
    expect(isTemporaryOf('results.json', 'old-results.json.42.tmp')).toBe(false);
  });
});
