// File descriptors a build must not inherit. Node opens every descriptor of its own close-on-exec (libuv's
// O_CLOEXEC), and a child gets only the stdio it is given, so the only descriptors beyond 0–2 that reach a build
// are those buildbench itself inherited without close-on-exec from whoever started it: a CI agent's or a
// terminal multiplexer's pipes, a caller's jobserver pipes. Node 20 makes 3–18 close-on-exec at start (measured:
// a recursive make recipe's jobserver fds 3,4 stop there) but not 19 and above, and libuv's spawn closes none of
// them (a child of node lists them in /proc/self/fd); a make inside the build may read or write them as its
// jobserver. buildbench uses none of them, so it closes its own copies before it
// starts a build; the caller keeps its own.
import { closeSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** O_CLOEXEC as /proc/<pid>/fdinfo/<fd> prints it: the `flags:` field is octal (proc(5)). */
const O_CLOEXEC = 0o2000000;

/** An inherited descriptor that was closed: its number and what it pointed to ("pipe:[50720]", a path). */
export interface ClosedFd {
  fd: number;
  target: string;
}

/**
 * Closes every descriptor above 2 of this process that is not close-on-exec (so would pass to every build),
 * and returns them with what they pointed to; [] when there are none or /proc cannot be read. Source:
 * proc(5) `/proc/<pid>/fdinfo` flags; libuv's uv_spawn, which only sets up the stdio it is given.
 */
export function closeInheritedFds(): ClosedFd[] {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return [];
  }
  const closed: ClosedFd[] = [];
  for (const fd of names.map(Number).filter((n) => n > 2)) {
    const flags = readFlags(fd);
    if (flags === undefined || (flags & O_CLOEXEC) !== 0) continue;
    const target = readTarget(fd);
    try {
      closeSync(fd);
      closed.push({ fd, target });
    } catch {
      // closed meanwhile
    }
  }
  return closed;
}

function readFlags(fd: number): number | undefined {
  try {
    const match = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return match ? parseInt(match[1]!, 8) : undefined;
  } catch {
    return undefined; // the directory listing's own descriptor, already closed
  }
}

function readTarget(fd: number): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return 'unknown';
  }
}
