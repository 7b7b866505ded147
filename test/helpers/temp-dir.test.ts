// The tests' one temp-folder helper: a folder made in a test is gone when that test finishes, read-only parts
// and all; one made outside a test (a beforeAll, the file's top) lasts until the file's last test.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const atTop = tempDir('bb-temp-top-');
let inTest = '';

describe('tempDir', () => {
  it('makes an empty folder under the OS temp dir with the prefix', () => {
    inTest = tempDir('bb-temp-test-');
    expect(path.dirname(inTest)).toBe(os.tmpdir());
    expect(path.basename(inTest)).toMatch(/^bb-temp-test-\w{6}$/);
    mkdirSync(path.join(inTest, 'locked'));
    writeFileSync(path.join(inTest, 'locked', 'file'), 'x');
    chmodSync(path.join(inTest, 'locked'), 0o500);
  });

  it('removed it when the test that made it finished; one made outside a test is still there', () => {
    expect(inTest).not.toBe('');
    expect(existsSync(inTest)).toBe(false);
    expect(existsSync(atTop)).toBe(true);
  });
});
