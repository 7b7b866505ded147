// The one way a test makes a temporary folder: it is removed when the test that made it finishes, or, made
// outside a test (in a beforeAll, at a file's top), after the file's last test. Test runs used to leave
// thousands of bb-* folders (gigabytes) in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

// Registered when a test file first imports this module (each file has its own copy of it).
const madeOutsideTests = new Set<string>();
afterAll(() => {
  for (const dir of madeOutsideTests) removeDir(dir);
  madeOutsideTests.clear();
});

/** A new empty folder under the OS temp dir named `<prefix>XXXXXX`, removed after the test (or the file) that made it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    onTestFinished(() => removeDir(dir));
  } catch {
    // Not inside a test: a beforeAll or the file's top level.
    madeOutsideTests.add(dir);
  }
  return dir;
}

/** Removes a folder and everything in it; a file the test made read-only does not stop it. */
function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
}
