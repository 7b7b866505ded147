// A cgroup v2 group per build: the one place from which no process of the build can hide. A daemon that calls
// setsid() leaves the build's process group; one started with `env -i` loses the marker variable; a double
// fork loses its parent; but every process a build forks stays in the build's cgroup, whatever it does, until
// something with write access to cgroup files moves it. So after the build: `cgroup.procs` lists what it left
// running, `cgroup.kill` ends all of it at once (even processes forking meanwhile), and `cpu.stat` is the CPU
// time of every process that ever ran in it (Linux Documentation/admin-guide/cgroup-v2.rst).
//
// The build enters its group itself: the shell that runs the build first writes its own pid into the group's
// cgroup.procs (a shell builtin, no extra process or exec in the timed path), so everything it starts is born
// inside. Where no group can be made (cgroup v1 only, no delegation, a container without write access), the
// runner falls back to the process-group and marker scan (kill.ts) and the results say so.
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Set to `0` to use the process-group and marker scan even where a cgroup could be made. */
export const CGROUP_ENV = 'BUILDBENCH_CGROUP';

/** Where this process makes its builds' groups, or why it cannot. */
export type CgroupSupport = { dir: string } | { why: string };

let support: CgroupSupport | undefined;
let counter = 0;

/**
 * This process's parent group for builds, `<cgroup2 mount>/<own group>/buildbench-<pid>`, made on first use
 * and removed at exit; or why none can be made. Never throws. Source: cgroup-v2.rst ("Delegation
 * Containment": moving a process needs write access to cgroup.procs of the common ancestor).
 */
export function cgroupSupport(): CgroupSupport {
  if (process.env[CGROUP_ENV] === '0') return { why: `${CGROUP_ENV}=0` };
  support ??= findSupport();
  return support;
}

function findSupport(): CgroupSupport {
  const mount = cgroup2Mount();
  if (!mount) return { why: 'no cgroup v2 hierarchy is mounted' };
  const own = /^0::(.*)$/m.exec(readText('/proc/self/cgroup') ?? '')?.[1];
  if (own === undefined) return { why: 'this process is in no cgroup v2 group' };
  const base = path.join(mount, own);
  const dir = path.join(base, `buildbench-${process.pid}`);
  removeStaleGroups(base);
  try {
    accessSync(path.join(base, 'cgroup.procs'), constants.W_OK);
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    return { why: `cannot make a cgroup under ${base}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  if (!existsSync(path.join(dir, 'cgroup.kill'))) {
    tryRemove(dir);
    return { why: 'cgroup.kill is missing (Linux before 5.14)' };
  }
  // Memory accounting of the whole tree, where the memory controller is available to us; optional.
  tryWrite(path.join(dir, 'cgroup.subtree_control'), '+memory');
  process.once('exit', () => tryRemove(dir));
  return { dir };
}

/**
 * Removes the `buildbench-<pid>` groups under `base` whose process is gone (killed before its exit handler ran:
 * SIGKILL, a stopped test worker): whatever is still in them is killed first (the watchdog's job, done again).
 * Never throws.
 */
export function removeStaleGroups(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^buildbench-(\d+)$/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    const parent = path.join(base, name);
    const children = safeList(parent).filter((n) => /^b\d+$/.test(n)).map((n) => path.join(parent, n));
    for (const child of children) tryWrite(path.join(child, 'cgroup.kill'), '1');
    // A killed process leaves its group a moment later: wait (at most 1 s, once per stale run) until it has.
    for (let i = 0; i < 100 && children.some((c) => populated(c)); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    for (const child of children) tryRemove(child);
    tryRemove(parent);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The mount point of the cgroup v2 hierarchy (/sys/fs/cgroup, or /sys/fs/cgroup/unified on a hybrid system). */
function cgroup2Mount(): string | undefined {
  for (const line of (readText('/proc/self/mountinfo') ?? '').split('\n')) {
    const [left, right] = line.split(' - ');
    if (right?.startsWith('cgroup2 ')) return left!.split(' ')[4];
  }
  return undefined;
}

/** One build's group: made before the build starts, killed and removed after it. */
export class BuildCgroup {
  private constructor(readonly dir: string) {}

  /** A new empty group under this process's parent group, or undefined where none can be made. */
  static create(): BuildCgroup | undefined {
    const found = cgroupSupport();
    if (!('dir' in found)) return undefined;
    const dir = path.join(found.dir, `b${++counter}`);
    try {
      mkdirSync(dir);
    } catch {
      return undefined;
    }
    return new BuildCgroup(dir);
  }

  /** Shell text that moves the shell running it into this group (errors silenced: then the group stays empty). */
  enterScript(): string {
    return `echo $$ 2>/dev/null >'${path.join(this.dir, 'cgroup.procs')}'; `;
  }

  /** Pids in the group now. */
  members(): number[] {
    return (readText(path.join(this.dir, 'cgroup.procs')) ?? '').split('\n').filter(Boolean).map(Number);
  }

  /** True when something ran in the group (its CPU time is above 0): the build entered it. */
  entered(): boolean {
    return (this.cpu()?.usageUsec ?? 0) > 0 || this.members().length > 0;
  }

  /** CPU of every process that ran in the group so far, in µs (cpu.stat's core fields, present in every group). */
  cpu(): { usageUsec: number; userUsec: number; systemUsec: number } | undefined {
    const stat = keyValues(readText(path.join(this.dir, 'cpu.stat')));
    if (stat.usage_usec === undefined) return undefined;
    return { usageUsec: stat.usage_usec, userUsec: stat.user_usec ?? 0, systemUsec: stat.system_usec ?? 0 };
  }

  /** Peak memory charged to the group (memory.peak: anonymous memory and page cache), in bytes; undefined without the memory controller. */
  memoryPeakBytes(): number | undefined {
    const text = readText(path.join(this.dir, 'memory.peak'));
    return text === undefined ? undefined : Number(text.trim());
  }

  /** SIGKILL every process in the group, wait (at most `waitMs`) until it is empty, and remove it. Never throws. */
  async end(waitMs = 2000): Promise<void> {
    tryWrite(path.join(this.dir, 'cgroup.kill'), '1');
    const until = Date.now() + waitMs;
    while (populated(this.dir) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 20 && existsSync(this.dir); i++) {
      if (tryRemove(this.dir)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

function populated(dir: string): boolean {
  return keyValues(readText(path.join(dir, 'cgroup.events'))).populated === 1;
}

function keyValues(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of (text ?? '').split('\n')) {
    const [key, value] = line.split(' ');
    if (key && value !== undefined) out[key] = Number(value);
  }
  return out;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function tryWrite(file: string, text: string): boolean {
  try {
    writeFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}

function tryRemove(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
