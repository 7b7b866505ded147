// shiv's entry (module:callable) read from the code that runs: a `__main__` block that is one call of a callable
// bound at the module's top level (a Typer or Click app, an imported main) is the entry, while a block that calls
// an imported helper among other statements names no entry (shiv would call the helper with no arguments).
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initProject } from '../../src/init/init.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function freezeOf(files: Record<string, string>): { with: Record<string, unknown>; variants?: Record<string, unknown>[] } {
  const root = tempDir('bb-init-entry-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  initProject({ dir: root });
  return parse(readFileSync(path.join(root, 'scenarios/python-freeze.yaml'), 'utf8'));
}

describe("shiv's entry", () => {
  it('is the Typer app a one-call `__main__` block runs', () => {
    const freeze = freezeOf({ 'requirements.txt': 'typer==0.12.0\n', 'cli.py': 'import typer\napp = typer.Typer()\n@app.command()\ndef build(): pass\nif __name__ == "__main__":\n    app()\n' });
    expect(freeze.with.shivEntry).toBe('cli:app');
  });

  it('is none where the block calls an imported helper among other statements', () => {
    const freeze = freezeOf({
      'requirements.txt': 'pandas==2.2.0\n',
      'main.py': 'import time\nfrom helpers import load\nif __name__ == "__main__":\n    t = time.time()\n    data = load(file_name="x.xlsx")\n    print(data, t)\n',
      'helpers.py': 'def load(file_name): return file_name\n',
    });
    expect(freeze.with.shivEntry).toBeUndefined();
    expect(freeze.variants!.find((v) => v.name === 'shiv')).toMatchObject({ unavailable: expect.stringContaining('main.py calls none from its __main__ block') });
  });
});
