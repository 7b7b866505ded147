// Where each value of a loaded scenario came from, for `buildbench show`: the line of the user's file that
// sets it, the preset it starts from, or buildbench's default. A preset's expansion maps each path back to the
// variant of the file that overrides it (preset-use.ts); a path that file does not set is the preset's.
import type { Expansion } from './preset-use.ts';

type Segments = (string | number)[];

/** A path of the expanded scenario → "scenarios/x.yaml:12", "preset python-freeze" or "default". */
export type SourceOf = (segments: Segments) => string;

/**
 * The source of each path of the expanded file `data` (as parsed) of `file`; `locate` is the document's
 * position finder, `expansion` and `preset` set when the file starts from a preset. Never throws.
 */
export function sourcesOf(opts: {
  file: string;
  data: unknown;
  locate: (segments: readonly (string | number)[]) => { line: number } | undefined;
  expansion?: Expansion;
  preset?: string;
}): SourceOf {
  return (segments) => {
    const target = opts.expansion ? opts.expansion.origin(segments) : segments;
    if (target[0] !== 'preset' && has(opts.data, target)) {
      const at = opts.locate(target);
      return at ? `${opts.file}:${at.line}` : opts.file;
    }
    return opts.preset ? `preset ${opts.preset}` : 'default';
  };
}

/** True when `data` holds a value at `segments`. */
function has(data: unknown, segments: Segments): boolean {
  let node: unknown = data;
  for (const s of segments) {
    if (typeof node !== 'object' || node === null || !(s in node)) return false;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node !== undefined;
}
