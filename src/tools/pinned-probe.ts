// A tool a variant's set-up pins (`pyinstaller==5.13.0`) is checked where that version lives: the pinned
// environment `setup` makes ({tools}/envs/pyinstaller-5.13.0), not buildbench's tool env, whose version is not
// the one the variant builds with. Used by `doctor` and by `setup`'s last check.
import type { ToolStatus } from './detect.ts';
import type { ToolProber } from './probe.ts';
import { pinnedEnvDir } from './setup/pinned-envs.ts';
/**
 * A tool the variant's set-up pins (`pyinstaller==5.13.0`) is checked in its own environment
 * ({tools}/envs/pyinstaller-5.13.0, which `setup` makes), named with its pin: the tool env's version is not the
 * one the variant builds with. Undefined when the variant pins no version of `tool`.
 */
export async function probeAsPinned(opts: {
  tool: string;
  pins: { tool: string; version: string }[];
  probe: ToolProber;
  tools: string;
  setup: string;
  memo: Map<string, ToolStatus>;
}): Promise<ToolStatus | undefined> {
  const pin = opts.pins.find((p) => p.tool === opts.tool);
  if (!pin) return undefined;
  const file = `${pinnedEnvDir(opts.tools, pin)}/bin/${pin.tool}`;
  const found = await opts.probe(file);
  const name = `${pin.tool}==${pin.version}`;
  const status: ToolStatus = found.found
    ? { ...found, name }
    : { name, found: false, reason: `no ${file}`, install: `run \`${opts.setup}\` (makes the pinned environment)`, bySetup: true };
  // One row object per pinned file, so the variants that share it share the row.
  const key = `${name}\0${file}\0${found.found}`;
  if (!opts.memo.has(key)) opts.memo.set(key, status);
  return opts.memo.get(key);
}
