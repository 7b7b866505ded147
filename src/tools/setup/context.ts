// What every provisioning step shares: where the tools go, whether to change anything, how to report,
// and the stamps that make a second run a no-op (named after a hash of each step's inputs, as
// scripts/setup.sh did, so an edited lock file re-provisions exactly what it feeds).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import type { AdviceContext } from '../catalog.ts';

import type { Component } from './components.ts';

/** ok: nothing to do; provisioned: done now; missing: still missing (said how to get it). */
export type Outcome = 'ok' | 'provisioned' | 'missing';

export interface SetupContext {
  /** The tool dir (`{tools}`): venv/, wheelhouse/, stamps/. */
  tools: string;
  /** buildbench's package root: tools/requirements.lock pins the tool env. */
  root: string;
  /** Report only; change nothing. */
  check: boolean;
  env: NodeJS.ProcessEnv;
  advice: AdviceContext;
  /** One line of output for a component. */
  say: (component: Component, message: string) => void;
}

/** A provisioning command that failed: the command, its exit and the end of its output. */
export class SetupError extends Error {}

/** 16 hex digits of sha256 over the given parts, in order. */
export function hashOf(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p);
  return hash.digest('hex').slice(0, 16);
}

const stampsDir = (ctx: SetupContext) => path.join(ctx.tools, 'stamps');

/** True when `component` was provisioned for the inputs hashed into `key` (its stamp under {tools}/stamps). */
export function stampOk(ctx: SetupContext, component: string, key: string): boolean {
  return existsSync(path.join(stampsDir(ctx), `${component}.${key}`));
}

/** Marks `component` done for `key`, replacing its stamp for earlier inputs. */
export function setStamp(ctx: SetupContext, component: string, key: string): void {
  const dir = stampsDir(ctx);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${component}.`)) rmSync(path.join(dir, f), { force: true });
  writeFileSync(path.join(dir, `${component}.${key}`), '');
}

/** Run one provisioning command; a non-zero exit throws SetupError with the end of its output. */
export async function runStep(ctx: SetupContext, file: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
  const r = await execa(file, args, { reject: false, all: true, env: ctx.env, extendEnv: false, cwd: opts.cwd, stdin: 'ignore' });
  if (r.exitCode === 0) return String(r.all ?? '');
  const tail = String(r.all ?? '').trimEnd().split('\n').slice(-10).join('\n');
  // As observed: a signal, execa's words for a command that did not start, or the exit code.
  const why = r.signal ? `ended by ${r.signal}` : r.exitCode === undefined ? r.shortMessage : `exit code ${r.exitCode}`;
  throw new SetupError(`\`${[file, ...args].join(' ')}\` failed (${why})${tail ? `:\n${tail}` : ''}`);
}

/** Seconds since `start`, as the step lines print them. */
export const since = (start: number): string => `${Math.round((Date.now() - start) / 1000)}s`;
