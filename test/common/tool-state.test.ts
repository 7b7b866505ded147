// Where tools keep state comes from one table that cites its source: the SCIE cache is $XDG_CACHE_HOME/nce
// (~/.cache/nce), not ~/.nce, and the variables the runner redirects are exactly the table's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_STATE } from '../../src/common/tool-state.ts';
import { cacheEnv } from '../../src/common/tool-state.ts';
import { extractionEnv } from '../../src/runner/smoke.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;

describe('TOOL_STATE', () => {
  it('places a scie cache under the XDG cache dir, ~/.nce never being the default', () => {
    expect(TOOL_STATE.scie.defaultDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/nce');
    expect(TOOL_STATE.scie.defaultDir({})).toBe(path.join(homedir(), '.cache', 'nce'));
  });

  it('says where every fact was learned', () => {
    for (const [key, entry] of Object.entries(TOOL_STATE)) expect(entry.source, key).toMatch(/https?:\/\/|FACTS\.md|--help|docs|Specification|\.py/);
  });

  it('is where the runner takes the variables it redirects from', () => {
    const envs = new Set(Object.values(TOOL_STATE).map((e) => e.env));
    for (const name of [...Object.keys(cacheEnv('/c')), ...Object.keys(extractionEnv('/s'))]) expect(envs.has(name), name).toBe(true);
    expect(extractionEnv('/s')).toEqual({ TMPDIR: '/s/tmp', PEX_ROOT: '/s/pex', SHIV_ROOT: '/s/shiv', SCIE_BASE: '/s/nce', XDG_CACHE_HOME: '/s/xdg' });
  });

  it('is the only source file that names a tool’s home-directory default', () => {
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : files.push(path.join(d, n))));
    walk(SRC);
    const offenders = files
      .filter((f) => f.endsWith('.ts') && !f.endsWith('tool-state.ts'))
      .filter((f) => /~\/\.nce|'\.nce'|homedir\(\), '\.(cache|pex|shiv|nce)'/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
