// A scie (https://github.com/a-scie/jump, docs/packaging.md) is the scie-jump executable, then its files,
// then a lift manifest: JSON with a top-level "scie" object ({"scie":{"lift":{…},"jump":{"size","version"}}}),
// by default on one trailing line. Finding that manifest at the end of an ELF is what makes it a scie.
import type { RangeReader } from '../formats/file-range.ts';

export interface ScieManifest {
  name: string | null;
  jumpVersion: string | null;
  /** Where files are extracted on first run, when the manifest sets it (else $XDG_CACHE_HOME/nce: common/tool-state.ts). */
  base: string | null;
  files: { name: string; key: string | null; bytes: number | null; type: string | null }[];
  /** The manifest's other top-level keys (pex writes its own metadata there). */
  extraKeys: string[];
}

const TAIL_BYTES = 1 << 20;

const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Parses a lift manifest's JSON text; null when it is not one. */
export function parseLiftManifest(text: string): ScieManifest | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const scie = asRecord(asRecord(doc).scie);
  const lift = asRecord(scie.lift);
  if (!('lift' in scie)) return null;
  const files = Array.isArray(lift.files) ? lift.files : [];
  return {
    name: asString(lift.name),
    jumpVersion: asString(asRecord(scie.jump).version),
    base: asString(lift.base),
    files: files.map((f) => {
      const r = asRecord(f);
      return { name: asString(r.name) ?? '', key: asString(r.key), bytes: typeof r.size === 'number' ? r.size : null, type: asString(r.type) };
    }),
    extraKeys: Object.keys(asRecord(doc)).filter((k) => k !== 'scie'),
  };
}

/** The trailing lift manifest of a file, or null when the file is not a scie. */
export async function readScieManifest(reader: RangeReader): Promise<ScieManifest | null> {
  const start = Math.max(0, reader.size - TAIL_BYTES);
  const tail = (await reader.read(start, reader.size - start)).toString('latin1');
  const starts = [...tail.matchAll(/\{\s*"scie"\s*:/g)].map((m) => m.index);
  for (const at of starts.reverse()) {
    const manifest = parseLiftManifest(Buffer.from(tail.slice(at), 'latin1').toString('utf8').trim());
    if (manifest) return manifest;
  }
  return null;
}
