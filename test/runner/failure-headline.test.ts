// A failed build, set-up or seed says why in its reason, not only in its log: the one line of the output that names
// the project's own cause, skipping the closing report a tool prints after it (cargo's "could not compile", Next's
// "Build failed because of webpack errors", make's "*** Error 1").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureHeadline, logHeadline } from '../../src/runner/error-block.ts';
import { tempDir } from '../helpers/temp-dir.ts';

// The shapes of real outputs seen on this machine (the words are the tools' own).
const NEXT = [
  '- info Creating an optimized production build...',
  'FetchError: request to https://fonts.googleapis.com/css2?family=Inter failed, reason: getaddrinfo ENOTFOUND fonts.googleapis.com',
  '    at ClientRequest.<anonymous> (node_modules/next/dist/compiled/node-fetch/index.js:1:65756)',
  'Failed to compile.',
  '',
  'app/layout.tsx',
  '`next/font` error:',
  'Failed to fetch `Inter` from Google Fonts.',
  '',
  '',
  '> Build failed because of webpack errors',
  '',
].join('\n');

const CARGO = [
  '   Compiling app v0.1.0 (/w/src-tauri)',
  'error[E0425]: cannot find value `y` in this scope',
  ' --> src/main.rs:2:5',
  '  |',
  '2 |     y',
  '  |     ^ not found in this scope',
  '',
  'For more information about this error, try `rustc --explain E0425`.',
  'error: could not compile `app` (bin "app") due to 1 previous error',
].join('\n');

describe('the headline of a failure', () => {
  it('takes the error a tool introduced with a colon, not its closing report (Next)', () => {
    expect(failureHeadline(NEXT)).toBe('`next/font` error: Failed to fetch `Inter` from Google Fonts.');
  });

  it("takes rustc's diagnostic, not cargo's \"could not compile\"", () => {
    expect(failureHeadline(CARGO)).toBe('error[E0425]: cannot find value `y` in this scope');
  });

  it("takes the compiler's line before make's \"*** Error\"", () => {
    expect(failureHeadline("cc -c x.c\nx.c:1:1: error: unknown type name 'foo'\nmake: *** [Makefile:2: x.o] Error 1\n")).toBe("x.c:1:1: error: unknown type name 'foo'");
  });

  it("takes a traceback's exception line", () => {
    expect(failureHeadline('Traceback (most recent call last):\n  File "main.py", line 3, in <module>\nModuleNotFoundError: No module named \'fasthtml\'\n')).toBe("ModuleNotFoundError: No module named 'fasthtml'");
  });

  it("takes the traceback's exception line even when the program printed on after it", () => {
    const text = 'Traceback (most recent call last):\n  File "anyio/_backends/_asyncio.py", line 472, in __exit__\nRuntimeError: Attempted to exit cancel scope in a different task than it was entered in\nLog directory: /tmp/x/logs\nCreating new MCPHub instance\nInitializing MCPHub\n';
    expect(failureHeadline(text)).toBe('RuntimeError: Attempted to exit cancel scope in a different task than it was entered in');
  });

  it("reads a traceback a Tauri app relayed with a prefix of its own ('Sidecar stderr: ')", () => {
    const relayed = ['Traceback (most recent call last):', '  File "anyio/_backends/_asyncio.py", line 472, in __exit__', 'RuntimeError: Attempted to exit cancel scope in a different task than it was entered in'];
    const text = ['window created', ...relayed.flatMap((l) => [`Sidecar stderr: ${l}`, ''])].join('\n');
    expect(failureHeadline(text)).toBe('RuntimeError: Attempted to exit cancel scope in a different task than it was entered in');
  });

  it('reads it from the end of a log file, clipped to one line of at most 200 characters', () => {
    const dir = tempDir('bb-headline-');
    const file = path.join(dir, 'build.log');
    writeFileSync(file, `${'noise line\n'.repeat(20000)}error: ${'x'.repeat(500)}\n`);
    const headline = logHeadline(file)!;
    expect(headline.startsWith('error: xxx')).toBe(true);
    expect(headline.length).toBe(200);
    expect(logHeadline(path.join(dir, 'missing.log'))).toBeUndefined();
  });
});
