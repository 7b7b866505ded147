// One launch of an artifact: time from exec until it is ready (a health URL answers 2xx, or the process
// exits 0 when there is no URL), then stop it and everything it started. The launch's output goes to its log
// file (not through the harness, like a build's), and every place a packager extracts to — PyInstaller's
// `$TMPDIR/_MEI*`, PEX_ROOT, SHIV_ROOT, a SCIE's cache under SCIE_BASE or XDG_CACHE_HOME — points into
// `stateDir`, so the caller decides whether a launch is a first one (empty dir) or a warm one (kept).
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { PlannedVariant } from '../plan/plan.ts';
import { expandCommand, expandText } from '../scenario/placeholders.ts';
import { buildEnv, placeholderValues } from './build-env.ts';
import { errorBlock, headlineOf } from './error-block.ts';
import { BuildCgroup } from './cgroup.ts';
import { folderProblem } from './confine.ts';
import { spawnHeld } from './held-spawn.ts';
import { killGroup, killMarked, MARKER_ENV } from './kill.ts';
import { dirBytes } from '../common/walk-files.ts';
import { stateEnvUnder } from '../common/tool-state.ts';
import { displayAlive, startDisplay, windowShown, type Display } from './display.ts';
import { groupMembers, isRunning, runsFile } from './proc.ts';

const POLL_MS = 25;
/** What an X client (Xlib, GTK) says when it cannot connect to its display. */
const NO_DISPLAY = /\b(can't|cannot) open display\b/i;

export type LaunchOutcome = { ok: true; ms: number; extractBytes: number } | { ok: false; error: string; block: string[]; displayLost?: boolean };

/** The extraction places of every packager (common/tool-state.ts), all inside `stateDir`. */
export function extractionEnv(stateDir: string): Record<string, string> {
  return stateEnvUnder(stateDir, { pyinstallerOnefile: 'tmp', pex: 'pex', shiv: 'shiv', scie: 'nce', xdgCache: 'xdg' });
}

/**
 * Launch once; `logFile` (absolute) receives the output, `stateDir` holds what the launch extracts. A launch that
 * failed because buildbench's private display refused it ("cannot open display", or the display stopped taking
 * clients: its environment, not the app) is launched once more on a fresh display, from the same state; a second
 * such failure says so.
 */
export async function launchOnce(opts: { planned: PlannedVariant; stateDir: string; logFile: string; signal?: AbortSignal }): Promise<LaunchOutcome> {
  const wasEmpty = (await dirBytes(opts.stateDir).catch(() => 0)) === 0;
  const first = await launchAttempt(opts);
  if (first.ok || !first.displayLost || opts.signal?.aborted) return first;
  if (wasEmpty) rmSync(opts.stateDir, { recursive: true, force: true });
  // The refusals seen in CI were Xvfb resetting as the readiness check's client left (display.ts now starts it
  // with -noreset); a display can still die under the app. A pause first, so the old server is gone.
  await new Promise((r) => setTimeout(r, 1000));
  return launchAttempt(opts);
}

async function launchAttempt(opts: { planned: PlannedVariant; stateDir: string; logFile: string; signal?: AbortSignal }): Promise<LaunchOutcome> {
  const { planned, stateDir } = opts;
  const smoke = planned.variant.smoke!;
  const timeoutMs = (smoke.timeoutS ?? 60) * 1000;
  const port = String(await freePort());
  const values = placeholderValues(planned, { port });
  const env = extractionEnv(stateDir);
  for (const dir of Object.values(env)) mkdirSync(dir, { recursive: true });
  const bytesBefore = await dirBytes(stateDir);
  // A private display for a GUI app, started before the clock: its start-up is not the app's.
  let display: Display | undefined;
  try {
    display = smoke.window === undefined ? undefined : await startDisplay();
  } catch (err) {
    return { ok: false, error: (err as Error).message, block: [] };
  }
  const title = smoke.window === undefined ? undefined : new RegExp(smoke.window);
  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = openSync(opts.logFile, 'w');
  const marker = randomUUID();
  // A cgroup of its own where one can be made: what the app starts, however it detaches, ends with the launch.
  // Entering it happens before the clock starts (held-spawn.ts).
  const cgroup = BuildCgroup.create();
  const held = spawnHeld({
    argv: ['sh', '-c', expandCommand(smoke.run, values)],
    cwd: planned.workdir,
    env: { ...buildEnv(planned, values), ...env, PORT: port, [MARKER_ENV]: marker, ...(display ? { DISPLAY: display.name } : {}) },
    stdout: log,
    stderr: log,
    cgroup,
  });
  const child = held.child;
  closeSync(log);
  let exit: { code: number | null; words: string } | undefined;
  // Said as observed: an exit code, a signal nobody here sent, or a launch that never started.
  child.once('exit', (code, signal) => (exit ??= { code, words: code !== null ? `exited with ${code}` : `ended by ${signal ?? 'a signal'}` }));
  child.once('error', (err) => (exit = { code: null, words: `could not start (${folderProblem(planned.workdir) ?? err.message})` }));
  await held.ready;
  const started = process.hrtime.bigint();
  held.go();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  const ready = smoke.ready ? expandText(smoke.ready, values) : undefined;
  const failure = async (why: string): Promise<LaunchOutcome> => {
    const text = readFileSync(opts.logFile, 'utf8');
    const block = errorBlock(text);
    const headline = headlineOf(block);
    const error = `${why}${headline ? `: ${headline}` : ''}`;
    // The app met no display, though the harness checked it took clients before the clock: seen as Xlib's "Can't
    // open display" from an app whose display took clients again right after (CI, 4a4ee50: Xvfb resetting as the
    // check's client left, before -noreset), and as a display gone.
    if (display && (NO_DISPLAY.test(text) || !(await displayAlive(display.name)))) {
      return { ok: false, error: `${error} (buildbench's private display ${display.name} refused the app: the harness's environment, not the app)`, block, displayLost: true };
    }
    return { ok: false, error, block };
  };
  const members = () => cgroup?.members() ?? (child.pid ? groupMembers(child.pid) : []);
  const sidecar = smoke.sidecar ? watchSidecar(smoke.sidecar, members) : undefined;
  try {
    while (elapsed() < timeoutMs && !opts.signal?.aborted) {
      if (await isReady({ ready, exit, window: display && title ? { display: display.name, title } : undefined })) {
        const ms = elapsed();
        // Measured while the app runs: onefile removes its _MEI* folder at exit.
        return { ok: true, ms, extractBytes: Math.max(0, (await dirBytes(stateDir)) - bytesBefore) };
      }
      if (exit && (ready || title || exit.code !== 0)) return await failure(`${exit.words} before it was ready`);
      if (sidecar?.gone()) return await failure(`its sidecar ${smoke.sidecar} exited before the app was ready`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return opts.signal?.aborted ? { ok: false, error: 'interrupted', block: [] } : await failure(`not ready within ${timeoutMs / 1000} s`);
  } finally {
    if (child.pid) killGroup(child.pid, 1000);
    await waitExit(() => exit !== undefined, 1500);
    await cgroup?.end();
    await killMarked(marker);
    await display?.stop();
  }
}

/** Ready: the window is shown and the URL answers, whichever are asked for; with neither, the launch exited 0. */
async function isReady(opts: { ready?: string; exit?: { code: number | null }; window?: { display: string; title: RegExp } }): Promise<boolean> {
  if (!opts.ready && !opts.window) return opts.exit?.code === 0;
  return (!opts.window || (await windowShown(opts.window))) && (!opts.ready || (await answers(opts.ready)));
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** A TCP port free at this moment on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitExit(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/**
 * Whether a launch's sidecar has come and gone: `gone()` is true once a process among `members()` running the file
 * `name` has been seen and none is left. It looks at most every 250 ms: /proc reads inside a timed launch.
 */
function watchSidecar(name: string, members: () => number[]): { gone: () => boolean } {
  let seen = false;
  let lookedAt = 0;
  let gone = false;
  return {
    gone() {
      if (gone || performance.now() - lookedAt < 250) return gone;
      lookedAt = performance.now();
      const running = members().some((pid) => isRunning(pid) && runsFile(pid, name));
      gone = seen && !running;
      seen ||= running;
      return gone;
    },
  };
}

