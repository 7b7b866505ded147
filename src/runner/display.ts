// A private X display for launching a GUI app that has no test hook (a real Tauri app): Xvfb picks a free
// display number itself (-displayfd), every launch gets a fresh one, and the app counts as ready when a
// top-level window whose title matches is mapped (xwininfo's "Map State: IsViewable"). Without a window
// manager a GTK window is a direct child of the root, so listing the root's children finds it.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { killGroup } from './kill.ts';

const run = promisify(execFile);

export interface Display {
  /** `:N`, for DISPLAY. */
  name: string;
  /** Resolves once Xvfb has exited: it removes its socket as it goes, which must not be the next display's. */
  stop: () => Promise<void>;
}

/** Start Xvfb on a free display; resolves once it accepts clients. Throws with Xvfb's reason otherwise. */
export async function startDisplay(timeoutMs = 10_000): Promise<Display> {
  // -noreset: an X server resets when its last client leaves, and refuses connections while it does; the
  // check below is a client that leaves just before the app connects, so without it the app met a resetting
  // display now and then ("Can't open display: :0"; 10 of 300 back-to-back xwininfo calls here, none with it).
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Decoded as a stream (setEncoding): a character split across two reads stays one character.
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) killGroup(child.pid, 500);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  };
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display within ${timeoutMs / 1000} s`)), timeoutMs);
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (d: string | Buffer) => {
      out += String(d);
      if (out.includes('\n')) settle(() => resolve(out.trim()));
    });
    child.once('error', (err) => settle(() => reject(new Error(`cannot start Xvfb: ${err.message}`))));
    child.once('exit', (code) => settle(() => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`))));
  }).catch(async (err: Error) => {
    await stop();
    throw err;
  });
  // Checked as a client sees it before the clock starts: a launch that meets no display fails as the app's own
  // failure ("Failed to initialize GTK"), which a run measuring whether the app starts must not record.
  const name = `:${number}`;
  if (!(await acceptsClients(name, timeoutMs))) {
    await stop();
    throw new Error(`Xvfb ${name} accepted no client within ${timeoutMs / 1000} s`);
  }
  return { name, stop };
}

/** True when a client (xwininfo) can read the root window of `display` now. */
export async function displayAlive(display: string): Promise<boolean> {
  return (await xwininfo(['-root'], display)) !== '';
}

/** Polls until a client (xwininfo) can read the root window of `display`; false after `timeoutMs`. */
async function acceptsClients(display: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await displayAlive(display)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * True when a mapped top-level window on `display` has a title or WM_CLASS matching `title` (a title that is
 * not Latin-1 is listed without its text, "name in unsupported encoding"; the class, the app's name, is kept).
 */
export async function windowShown(opts: { display: string; title: RegExp }): Promise<boolean> {
  const children = await xwininfo(['-root', '-children'], opts.display);
  // `     0x1200003 "Shell": ("shell-app" "Shell-app")  800x600+0+0  +0+0`
  const windows = [...children.matchAll(/^\s+(0x[0-9a-f]+) (?:"(.*)"|\(.*?\)): (?:\("([^"]*)" "([^"]*)"\))?/gm)];
  const named = windows.filter((m) => [m[2], m[3], m[4]].some((text) => text !== undefined && opts.title.test(text)));
  for (const [, id] of named) {
    if (/Map State: IsViewable/.test(await xwininfo(['-id', id!], opts.display))) return true;
  }
  return false;
}

async function xwininfo(args: string[], display: string): Promise<string> {
  try {
    return (await run('xwininfo', [...args, '-display', display], { timeout: 2000 })).stdout;
  } catch {
    return ''; // the window went away between the list and the look: not shown
  }
}
