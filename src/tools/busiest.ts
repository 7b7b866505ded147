// The processes using the most CPU right now: /proc/<pid>/stat's utime + stime read twice, `windowMs` apart.
// For the noise check: what else is running on the machine a benchmark is about to share.
import { readdir, readFile } from 'node:fs/promises';

/** /proc/<pid>/stat counts in USER_HZ ticks, 100 a second on Linux (proc(5)). */
const TICK_MS = 10;

/** One process and its share of one core over the window (1 = a whole core). */
export interface BusyProcess {
  pid: number;
  command: string;
  cores: number;
}

async function cpuTicks(): Promise<Map<number, { command: string; ticks: number }>> {
  const out = new Map<number, { command: string; ticks: number }>();
  let names: string[];
  try {
    names = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  await Promise.all(
    names.map(async (name) => {
      try {
        const text = await readFile(`/proc/${name}/stat`, 'utf8');
        const command = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
        const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
        // utime and stime are fields 14 and 15 of stat (proc(5)): indexes 11 and 12 after the name.
        out.set(Number(name), { command, ticks: Number(f[11]) + Number(f[12]) });
      } catch {
        // ended between the listing and the read
      }
    }),
  );
  return out;
}

/**
 * The `top` busiest processes other than `exclude` (this process and its parent, by default) over `windowMs`,
 * busiest first, each with its share of a core; processes under 5% of a core are left out. Empty off Linux.
 */
export async function busiestProcesses(opts: { windowMs?: number; top?: number; exclude?: number[] } = {}): Promise<BusyProcess[]> {
  const windowMs = opts.windowMs ?? 500;
  const exclude = new Set(opts.exclude ?? [process.pid, process.ppid]);
  const first = await cpuTicks();
  await new Promise((r) => setTimeout(r, windowMs));
  const second = await cpuTicks();
  const busy: BusyProcess[] = [];
  for (const [pid, now] of second) {
    const before = first.get(pid);
    if (!before || exclude.has(pid)) continue;
    const cores = ((now.ticks - before.ticks) * TICK_MS) / windowMs;
    if (cores >= 0.05) busy.push({ pid, command: now.command, cores: Math.round(cores * 100) / 100 });
  }
  return busy.sort((a, b) => b.cores - a.cores).slice(0, opts.top ?? 5);
}
