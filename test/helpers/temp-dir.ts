// The one way a test makes a temporary folder: it is removed when the test that made it finishes, or, made
// outside a test (in a beforeAll, at a file's top), after the file's last test. Test runs used to leave
// thousands of bb-* folders (gigabytes) in /tmp.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

/** Removes a folder and everything in it; a folder a test made read-only (not root's problem) is made writable first. */
function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  }
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) makeWritable(path.join(dir, entry.name));
}
