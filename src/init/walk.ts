// The files of a project that `buildbench init` reads: a shallow walk that skips build outputs, environments
// and dependency folders, so a project with a 3 GB target/ or a node_modules is inspected in milliseconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['.git', 'node_modules', 'target', '.venv', 'venv', 'env', '.tox', '.nox', 'dist', 'build', '__pycache__', 'gen', '.buildbench', 'scenarios', 'reports', 'site-packages']);
/** Deep enough for `src-tauri/`, `sidecar/src/pkg/`; a real project's manifests sit within three levels. */
const MAX_DEPTH = 4;

/** Relative paths (POSIX) of the regular files under `root`, sorted, at most MAX_DEPTH folders down. */
export function listProjectFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return; // unreadable: nothing to learn there
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.') && depth < MAX_DEPTH) visit(child, depth + 1);
      else if (e.isFile()) files.push(child);
    }
  };
  visit('', 0);
  return files.sort();
}

/** The text of a project file, or undefined when it is missing, unreadable or larger than 1 MiB. */
export function readText(root: string, rel: string): string | undefined {
  try {
    const full = path.join(root, rel);
    return statSync(full).size > 1024 * 1024 ? undefined : readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}
