// Reading parts of a large artifact (a 40 MB onefile, a 200 MB scie) without loading all of it.
import { open, type FileHandle } from 'node:fs/promises';

/** An open file with its size; close it with `close()`. */
export interface RangeReader {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

async function openRange(path: string): Promise<RangeReader> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const count = Math.max(0, Math.min(length, size - start));
      const buf = Buffer.alloc(count);
      let done = 0;
      while (done < count) {
        const { bytesRead } = await handle.read(buf, done, count - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === count ? buf : buf.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/** Runs `use` with the file at `path` open for ranged reads and always closes it; rejects when it cannot be opened or `use` rejects. */
export async function withRange<T>(path: string, use: (reader: RangeReader) => Promise<T>): Promise<T> {
  const reader = await openRange(path);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}
