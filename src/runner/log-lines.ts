// Bytes of build output → lines of text: decoded as one UTF-8 stream (a character split across two reads is
// joined, not turned into U+FFFD), cut at \n, \r\n or \r (a progress bar's rewrites are lines too), stripped
// of terminal escapes (cargo's colours, OSC titles and hyperlinks), and capped in length. Every reader of the
// output (phases, unit counts, cache checks, the log tail in results and reports) reads these lines.
import { stripEscapes } from '../common/escapes.ts';
import type { TimedLine } from '../common/timed-line.ts';

/** Longer lines are cut for the results and the parsers (the log file keeps them whole, within its cap). */
export const MAX_LINE_CHARS = 4096;
const MAX_KEPT_LINES = 200_000;
const TAIL_LINES = 200;

export class LogLines {
  /** Every line with the time it was read, up to MAX_KEPT_LINES (only when `keepLines`). */
  readonly lines: TimedLine[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';
  /** Characters of the current unfinished line dropped past MAX_LINE_CHARS. */
  private partialDropped = 0;
  private recent: string[] = [];
  /** A "\r" that ended the last read: held back, since a "\n" may follow in the next. */
  private heldCr = false;

  constructor(private readonly keepLines: boolean) {}

  /** Add the next bytes of the output, read at `ms` since the build started. */
  push(bytes: Uint8Array, ms: number): void {
    this.addText(this.decoder.decode(bytes, { stream: true }), ms);
  }

  /** The output ended: a last line without a newline is a line too. */
  end(ms: number): void {
    this.addText(this.decoder.decode(), ms);
    if (this.heldCr || this.partial || this.partialDropped) this.addLine(this.takePartial(), ms);
    this.heldCr = false;
  }

  /** The last `n` lines. */
  tail(n: number): string[] {
    return this.recent.slice(-n);
  }

  private addText(raw: string, ms: number): void {
    let text = this.heldCr ? `\r${raw}` : raw;
    this.heldCr = text.endsWith('\r');
    if (this.heldCr) text = text.slice(0, -1);
    if (!text) return;
    const parts = text.split(/\r?\n|\r/);
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
    return stripEscapes(line);
  }

  private addLine(line: string, ms: number): void {
    this.recent.push(line);
    if (this.recent.length > TAIL_LINES * 2) this.recent = this.recent.slice(-TAIL_LINES);
    if (this.keepLines && this.lines.length < MAX_KEPT_LINES) this.lines.push({ ms, line });
  }
}
