// A build's log: the build writes its output straight into the file (stdout and stderr share one descriptor,
// so their order is kept), with the harness nowhere in the pipe, so how fast the harness reads can never slow
// the build (a pipe the harness drained cost `yes | head -c 300M` 3.1× its time writing to a file).
// The harness follows the file: every POLL_MS it reads what was added, at most LIVE_BYTES_PER_POLL, and stamps
// each line with the time it was read; so a line's time (for phases) is late by at most one poll interval
// while the output stays under LIVE_BYTES_PER_POLL per poll, and the reading costs the build little CPU even
// when it floods. After the build, the rest is read, and a log past its cap keeps its head and tail around a
// marker saying how many bytes were left out (a runaway build cannot fill the disk).
import { constants, closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { LogLines } from './log-lines.ts';

/** How often the log is read while the build runs: the resolution of a phase time. */
export const POLL_MS = 50;
const LIVE_BYTES_PER_POLL = 64 * 1024;
const DEFAULT_CAP_BYTES = 16 * 1024 * 1024;
const CHUNK = 1024 * 1024;
/** Past this size while the build still runs, the log is cut back to its head (the disk's guard). */
const RUNNING_LIMIT_BYTES = 1024 * 1024 * 1024;

export class BuildLog {
  /** The descriptor the build writes to (append mode: cutting the file back never leaves a hole). */
  readonly fd: number;
  readonly output: LogLines;
  private readonly headCap: number;
  private readonly tailCap: number;
  private reader?: number;
  private offset = 0;
  private timer?: NodeJS.Timeout;
  /** Bytes cut while the build ran (RUNNING_LIMIT_BYTES), counted in the marker. */
  private cutWhileRunning = 0;

  constructor(private readonly opts: { file: string; capBytes?: number; keepLines: boolean }) {
    mkdirSync(path.dirname(opts.file), { recursive: true });
    this.fd = openSync(opts.file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND);
    const cap = opts.capBytes ?? DEFAULT_CAP_BYTES;
    this.headCap = Math.floor(cap / 2);
    this.tailCap = cap - this.headCap;
    this.output = new LogLines(opts.keepLines);
  }

  /** Open the file for reading (before the build starts). */
  async open(): Promise<void> {
    this.reader = openSync(this.opts.file, 'r');
  }

  /** Start following the file; `clock` gives ms since the build started. */
  follow(clock: () => number): void {
    this.timer = setInterval(() => this.readLive(clock()), POLL_MS);
  }

  /** The build is over (and nothing of it is left running): read the rest, cap the file, close it. */
  async finish(endMs: number): Promise<void> {
    clearInterval(this.timer);
    closeSync(this.fd);
    const size = statSync(this.opts.file).size;
    if (size > this.headCap + this.tailCap || this.cutWhileRunning > 0) this.keepHeadAndTail(size);
    const reader = this.reader ?? openSync(this.opts.file, 'r');
    this.readUpTo(reader, Infinity, endMs);
    closeSync(reader);
    this.output.end(endMs);
  }

  // Synchronous, like the RSS sampler (proc.ts): it runs inside the build's timed window, and a poll through
  // fs/promises (thread-pool round trips, a FileHandle) cost 5 ms of CPU in a 200 ms build's window here;
  // reading a local file's new bytes takes microseconds.
  private readLive(ms: number): void {
    if (this.reader === undefined) return;
    const size = fstatSync(this.reader).size;
    if (size > RUNNING_LIMIT_BYTES) this.cutRunning(size);
    if (size > this.offset) this.readUpTo(this.reader, Math.min(this.headCap, this.offset + LIVE_BYTES_PER_POLL, size), ms);
  }

  private readUpTo(reader: number, limit: number, ms: number): void {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, limit - this.offset)));
    while (this.offset < limit) {
      const bytesRead = readSync(reader, buffer, 0, Math.min(buffer.length, limit - this.offset), this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      this.output.push(buffer.subarray(0, bytesRead), ms);
    }
  }

  /** A build that writes more than RUNNING_LIMIT_BYTES: cut back to the head; it goes on appending after it. */
  private cutRunning(size: number): void {
    const keep = Math.max(this.headCap, this.offset);
    ftruncateSync(this.fd, keep);
    this.cutWhileRunning += size - keep;
  }

  /** Keep the first headCap and the last tailCap bytes (cut at character boundaries) and say what was left out. */
  private keepHeadAndTail(size: number): void {
    const fd = openSync(this.opts.file, 'r+');
    try {
      const headEnd = Math.max(this.offset, charStart(fd, Math.min(this.headCap, size)));
      const tailStart = Math.max(headEnd, charStart(fd, Math.max(headEnd, size - this.tailCap)));
      const marker = Buffer.from(`\n[buildbench: ${tailStart - headEnd + this.cutWhileRunning} bytes of output omitted here]\n`);
      const tail = size - tailStart;
      // Moving the tail towards the start chunk by chunk, front first, never overwrites what is still to move.
      const buffer = Buffer.alloc(CHUNK);
      let to = headEnd + marker.length;
      for (let from = tailStart; from < size; ) {
        const n = readSync(fd, buffer, 0, Math.min(CHUNK, size - from), from);
        if (n === 0) break;
        writeSync(fd, buffer, 0, n, to);
        from += n;
        to += n;
      }
      writeSync(fd, marker, 0, marker.length, headEnd);
      ftruncateSync(fd, headEnd + marker.length + tail);
    } finally {
      closeSync(fd);
    }
  }
}

/** The first offset at or after `at` that does not fall inside a UTF-8 character (continuation bytes skipped). */
function charStart(fd: number, at: number): number {
  const bytes = Buffer.alloc(4);
  const n = readSync(fd, bytes, 0, 4, at);
  let i = 0;
  while (i < n && i < 3 && (bytes[i]! & 0xc0) === 0x80) i++;
  return at + i;
}
