// Per-unit compile times from `cargo build --timings`, which writes target/cargo-timings/cargo-timing.html
// with the data embedded as `const UNIT_DATA = [...]` (stable cargo; `--timings=json` needs nightly, see
// shared/FACTS.md). Each unit has `start` and `duration` in seconds since cargo started, and either
// `rmeta_time` (older cargo) or `sections` ([name, {start, end}] relative to the unit: frontend, codegen,
// and link where rustc reports it). Layout read from cargo 1.95's output on this machine.
import { readFile } from 'node:fs/promises';
import type { PhaseResult } from '../../runner/phases.ts';

export interface CargoUnitTiming {
  name: string;
  version: string;
  /** e.g. ' insight-app "bin"' (empty for a library), or ' build-script' */
  target: string;
  startMs: number;
  durationMs: number;
  /** Section name → ms (frontend, codegen, link …), when cargo recorded them. */
  sectionsMs: Record<string, number>;
}

export interface CargoTimings extends PhaseResult {
  units: CargoUnitTiming[];
  /** The unit that produced the app binary (the last bin unit to finish): its compile and final link. */
  app: CargoUnitTiming | null;
  /** The link of the app, when cargo recorded a `link` section for it. */
  appLinkMs: number | null;
}

/** The JSON value that starts at the first `[` or `{` after `marker`, with brackets balanced. */
export function extractJsonAfter(text: string, marker: string): unknown {
  const at = text.indexOf(marker);
  if (at === -1) return null;
  const start = text.slice(at + marker.length).search(/[[{]/) + at + marker.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return JSON.parse(text.slice(start, i + 1));
    }
  }
  return null;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const toMs = (s: number): number => Math.round(s * 1000);

function readUnit(raw: Record<string, unknown>): CargoUnitTiming {
  const durationS = num(raw.duration);
  const sectionsMs: Record<string, number> = {};
  if (Array.isArray(raw.sections)) {
    for (const entry of raw.sections) {
      if (!Array.isArray(entry)) continue;
      const [name, span] = entry as [unknown, { start?: unknown; end?: unknown }];
      if (typeof name === 'string' && span) sectionsMs[name] = toMs(num(span.end) - num(span.start));
    }
  } else if (typeof raw.rmeta_time === 'number') {
    sectionsMs.frontend = toMs(raw.rmeta_time);
    sectionsMs.codegen = toMs(durationS - raw.rmeta_time);
  }
  return {
    name: String(raw.name ?? ''),
    version: String(raw.version ?? ''),
    target: String(raw.target ?? ''),
    startMs: toMs(num(raw.start)),
    durationMs: toMs(durationS),
    sectionsMs,
  };
}

/** Parses the HTML text of a cargo timing report; pure. */
export function parseCargoTimingHtml(html: string): CargoTimings {
  const data = extractJsonAfter(html, 'const UNIT_DATA =');
  if (!Array.isArray(data)) throw new Error('no UNIT_DATA in the cargo timing report');
  const units = data.map((u) => readUnit(u as Record<string, unknown>));
  const end = (u: CargoUnitTiming) => u.startMs + u.durationMs;
  const bins = units.filter((u) => /"bin"/.test(u.target));
  const app = (bins.length > 0 ? bins : units).reduce<CargoUnitTiming | null>((best, u) => (best === null || end(u) > end(best) ? u : best), null);
  const others = units.filter((u) => u !== app);
  const phases: Record<string, number> = {};
  if (others.length > 0) phases.dependencies = Math.max(...others.map(end));
  if (app) phases.app = end(app);
  return { phases, units, app, appLinkMs: app?.sectionsMs.link ?? null };
}

/** The units and phases of the HTML report `cargo build --timings` wrote at `htmlPath`; rejects when it cannot be read or parsed. */
export async function parseCargoTimings(htmlPath: string): Promise<CargoTimings> {
  return parseCargoTimingHtml(await readFile(htmlPath, 'utf8'));
}

/** The units that took longest to compile, longest first. */
export function slowestUnits(timings: CargoTimings, count = 10): CargoUnitTiming[] {
  return [...timings.units].sort((a, b) => b.durationMs - a.durationMs).slice(0, count);
}
