// Start-up time of an artifact: launch it, time until it is ready (a health URL answers 2xx, or the process
// exits 0 when there is no URL), then stop it and everything it started. The first launch after the build is
// where onefile and SCIE binaries extract themselves; later launches are warm. Each launch gets a private
// TMPDIR so the bytes a first launch extracts can be measured whatever the packager (PyInstaller's _MEI*,
// a SCIE's cache under XDG_CACHE_HOME).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { PlannedVariant } from '../plan/plan.ts';
import { expandCommand, expandText } from '../plan/placeholders.ts';
import type { StartupInfo } from '../results/schema.ts';
import { buildEnv, placeholderValues } from './build-env.ts';
import { killGroup, killMarked, MARKER_ENV } from './kill.ts';
import { median } from '../stats/descriptive.ts';
import { dirBytes } from '../common/walk-files.ts';

const POLL_MS = 25;

/** Time the first launch after the build, then `warmLaunches` more (their median is the warm start-up). */
export async function measureStartup(planned: PlannedVariant, opts: { warmLaunches: number; signal?: AbortSignal }): Promise<StartupInfo> {
  const { signal } = opts;
  const smoke = planned.variant.smoke!;
  const timeoutMs = (smoke.timeoutS ?? 60) * 1000;
  const cacheBefore = await dirBytes(planned.cacheDir);
  const first = await launch({ planned, timeoutMs, signal, measureExtraction: cacheBefore });
  if (!first.ok) return { firstMs: null, warmMs: null, readyOk: false, error: first.error };
  const warm: number[] = [];
  for (let i = 0; i < opts.warmLaunches && !signal?.aborted; i++) {
    const next = await launch({ planned, timeoutMs, signal });
    if (!next.ok) return { firstMs: first.ms, warmMs: null, readyOk: false, error: `warm launch: ${next.error}` };
    warm.push(next.ms);
  }
  return {
    firstMs: round1(first.ms),
    warmMs: warm.length ? round1(median(warm)) : null,
    readyOk: true,
    ...(first.extractBytes !== undefined ? { extractBytes: first.extractBytes } : {}),
  };
}

type Launch = { ok: true; ms: number; extractBytes?: number } | { ok: false; error: string };

async function launch(opts: { planned: PlannedVariant; timeoutMs: number; signal?: AbortSignal; measureExtraction?: number }): Promise<Launch> {
  const { planned } = opts;
  const smoke = planned.variant.smoke!;
  const port = String(await freePort());
  const values = placeholderValues(planned, { port });
  const tmp = path.join(planned.cacheDir, `smoke-tmp-${randomUUID().slice(0, 8)}`);
  mkdirSync(tmp, { recursive: true });
  const marker = randomUUID();
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  const child = spawn('sh', ['-c', expandCommand(smoke.run, values)], {
    cwd: planned.workdir,
    env: { ...buildEnv(planned, values), PORT: port, TMPDIR: tmp, [MARKER_ENV]: marker },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  let exit: { code: number | null } | undefined;
  child.once('exit', (code) => (exit = { code }));
  child.once('error', () => (exit = { code: null }));
  const ready = smoke.ready ? expandText(smoke.ready, values) : undefined;
  try {
    while (elapsed() < opts.timeoutMs && !opts.signal?.aborted) {
      if (ready ? await answers(ready) : exit?.code === 0) {
        const ms = elapsed();
        // The private TMPDIR lives inside the cache dir, so the cache dir's growth counts both places.
        const extractBytes =
          opts.measureExtraction !== undefined ? Math.max(0, (await dirBytes(planned.cacheDir)) - opts.measureExtraction) : undefined;
        return { ok: true, ms, ...(extractBytes !== undefined ? { extractBytes } : {}) };
      }
      if (exit && (ready || exit.code !== 0)) {
        return { ok: false, error: `exited with ${exit.code ?? 'a signal'} before it was ready: ${lastLine(stderr)}` };
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return { ok: false, error: opts.signal?.aborted ? 'interrupted' : `not ready within ${opts.timeoutMs / 1000} s: ${lastLine(stderr)}` };
  } finally {
    if (child.pid) killGroup(child.pid, 1000);
    await waitExit(() => exit !== undefined, 1500);
    await killMarked(marker);
    rmSync(tmp, { recursive: true, force: true });
  }
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

const lastLine = (text: string) => text.trim().split('\n').at(-1)?.slice(0, 300) ?? '';
const round1 = (x: number) => Math.round(x * 10) / 10;
