// A file artifact's digest is its content's SHA-256 whichever way it is read (whole up to 8 MiB, streamed
// above): the same as sha256sum says.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureArtifact } from '../../src/runner/artifact.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir('bb-hash-');

describe('artifact digests', () => {
  it.each([
    ['small', 1_000],
    ['just over the whole-read size', 8 * 1024 * 1024 + 1],
  ])('a %s file hashes as sha256sum does', async (name, bytes) => {
    const file = path.join(dir, name.replace(/ /g, '-'));
    writeFileSync(file, Buffer.alloc(bytes, 7));
    const expected = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    expect(await measureArtifact({ workdir: dir, rel: path.basename(file) })).toMatchObject({ kind: 'file', bytes, sha256: expected });
  });
});
