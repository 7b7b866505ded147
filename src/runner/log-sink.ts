// A build's output: written to its log file up to a cap (the head and the tail are kept, so a runaway build
// cannot fill the disk), split into lines with the time each arrived, and the last lines kept for the results.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

import type { TimedLine } from '../common/timed-line.ts';

export type { TimedLine };

const DEFAULT_CAP_BYTES = 16 * 1024 * 1024;
const MAX_KEPT_LINES = 200_000;
const TAIL_LINES = 200;
/** Longer lines are cut for the results and the parsers (the log file keeps them whole, within its cap). */
export const MAX_LINE_CHARS = 4096;

export class LogSink {
  readonly lines: TimedLine[] = [];
  private readonly fd: number;
  private readonly headCap: number;
  private readonly tailCap: number;
  private written = 0;
  private overflow = 0;
  private tailChunks: Buffer[] = [];
  private tailBytes = 0;
  private partial = '';
  /** Characters of the current unfinished line dropped past MAX_LINE_CHARS. */
  private partialDropped = 0;
  private recent: string[] = [];
  private readonly keepLines: boolean;

  constructor(opts: { file: string; capBytes?: number; keepLines: boolean }) {
    mkdirSync(path.dirname(opts.file), { recursive: true });
    this.fd = openSync(opts.file, 'w');
    const cap = opts.capBytes ?? DEFAULT_CAP_BYTES;
    this.headCap = Math.floor(cap / 2);
    this.tailCap = cap - this.headCap;
    this.keepLines = opts.keepLines;
  }

  write(chunk: Buffer, ms: number): void {
    this.writeFile(chunk);
    const parts = chunk.toString('utf8').split(/\r?\n|\r/);
    const last = parts.pop() ?? '';
    for (const part of parts) {
      this.appendPartial(part);
      this.addLine(this.takePartial(), ms);
    }
    // An unfinished line grows by appending only up to the cap, so an endless line costs linear time.
    this.appendPartial(last);
  }

  private appendPartial(text: string): void {
    const room = MAX_LINE_CHARS - this.partial.length;
    if (room > 0) this.partial += text.slice(0, room);
    this.partialDropped += Math.max(0, text.length - Math.max(room, 0));
  }

  private takePartial(): string {
    const line = this.partialDropped > 0 ? `${this.partial}… [${this.partialDropped} more characters]` : this.partial;
    this.partial = '';
    this.partialDropped = 0;
    return line;
  }

  tail(n: number): string[] {
    return this.recent.slice(-n);
  }

  async close(): Promise<void> {
    if (this.partial || this.partialDropped) this.addLine(this.takePartial(), this.lines.at(-1)?.ms ?? 0);
    const omitted = this.overflow - this.tailBytes;
    if (omitted > 0) writeSync(this.fd, `\n[buildbench: ${omitted} bytes of output omitted here]\n`);
    for (const c of this.tailChunks) writeSync(this.fd, c);
    closeSync(this.fd);
  }

  private writeFile(chunk: Buffer): void {
    const room = this.headCap - this.written;
    if (room > 0) {
      const head = chunk.subarray(0, room);
      writeSync(this.fd, head);
      this.written += head.length;
      chunk = chunk.subarray(head.length);
    }
    if (chunk.length === 0) return;
    // Past the head cap, only the most recent bytes are held, to be written after the head at close.
    this.tailChunks.push(chunk);
    this.tailBytes += chunk.length;
    this.overflow += chunk.length;
    while (this.tailBytes > this.tailCap && this.tailChunks.length > 1) {
      this.tailBytes -= this.tailChunks.shift()!.length;
    }
  }

  private addLine(line: string, ms: number): void {
    this.recent.push(line);
    if (this.recent.length > TAIL_LINES * 2) this.recent = this.recent.slice(-TAIL_LINES);
    if (this.keepLines && this.lines.length < MAX_KEPT_LINES) this.lines.push({ ms, line });
  }
}
