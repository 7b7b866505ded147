// The crates a Tauri CLI's build adds: the real CLI (buildbench's devDependency) is run on the bundled Tauri app
// with a recording runner, and its lock resolved with the features it passes, in a copy (offline here: the
// bundled app's crates are fetched by setup). The project's own Cargo.lock stays as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';
import { findExecutable } from '../../src/tools/detect.ts';
import { featuresOf, fetchTauriCrates, tauriCliIn } from '../../src/tools/setup/tauri-crates.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const app = path.join(BUILDBENCH_ROOT, 'bench/tauri-app');
const cli = path.join(BUILDBENCH_ROOT, 'node_modules/.bin/tauri');
const cargo = findExecutable(['cargo']);

describe('the Tauri CLI\'s crates', () => {
  it.each([
    [`{scenarioDir}/../node_modules/.bin/tauri build --ci --no-bundle --config '{}'`, '{scenarioDir}/../node_modules/.bin/tauri'],
    ['mkdir -p bin && install -m 755 a b && tauri build --ci --bundles deb', 'tauri'],
    ['cargo build --release', undefined],
    ['tauri-app build', undefined],
  ])('finds the CLI in %s', (command, expected) => expect(tauriCliIn(command)).toBe(expected));

  it('reads the features from cargo arguments however they are written', () => {
    expect(featuresOf(['build', '--bins', '--features', 'tauri/custom-protocol,tauri/native-tls', '--release'])).toEqual(['tauri/custom-protocol', 'tauri/native-tls']);
    expect(featuresOf(['build', '--features=a b', '-F', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it.skipIf(!cargo)('asks the real CLI for its features and resolves them in a copy, leaving the project\'s lock alone', async () => {
    const lock = readFileSync(path.join(app, 'Cargo.lock'), 'utf8');
    const tools = tempDir('bb-tauri-crates-');
    const said: string[] = [];
    const ctx = { tools, root: BUILDBENCH_ROOT, check: false, env: { ...process.env, CARGO_NET_OFFLINE: 'true' }, advice: { setup: 'x', ownCheckout: true }, say: (_: unknown, m: string) => said.push(m), cargo: cargo! };
    const lines = await fetchTauriCrates(ctx, [{ cli, manifest: path.join(app, 'Cargo.toml') }]);
    // buildbench's CLI (2.x, after tauri#12445) adds custom-protocol only; 2.1 added tauri/native-tls too.
    expect(lines).toEqual([`tauri/custom-protocol for ${path.relative(process.cwd(), app)}`]);
    expect(readFileSync(path.join(app, 'Cargo.lock'), 'utf8')).toBe(lock);
  }, 120_000);
});
