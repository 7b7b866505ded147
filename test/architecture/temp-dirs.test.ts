// Tests make their temporary folders with test/helpers/temp-dir.ts, which removes them: test runs had left
// thousands of bb-* folders (5.5 GB) in /tmp. A new mkdtemp elsewhere in test/ fails here, naming the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TEST = fileURLToPath(new URL('../', import.meta.url));

/** The files allowed their own mkdtemp, and why each still removes what it makes. */
const OWN: Record<string, string> = {
  'helpers/temp-dir.ts': 'the helper itself',
  'e2e/helpers.ts': 'scratchDir keeps a failed test’s folder to read its results, and removes a passed one’s',
  'runner/placeholder-quoting.test.ts': 'its odd-named folder is the TMPDIR of the test, removed in its finally',
};

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('temporary folders in tests', () => {
  it('are made by tempDir, which removes them, except where a file removes its own', () => {
    const makers = testFiles(TEST)
      .filter((f) => /\bmkdtemp(Sync)?\(/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(TEST, f));
    expect(makers.filter((f) => !(f in OWN))).toEqual([]);
    // The scan reads the files it is there to read.
    expect(makers).toContain('helpers/temp-dir.ts');
  });
});
