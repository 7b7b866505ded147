// cargo-machete in the Rust insight: its report parsed as cargo-machete 0.9.2 prints it, and (when
// `npm run setup -- --only machete` installed it) a real run on bench/tauri-app, whose Cargo.toml declares
// serde_json without using it: tauri itself depends on serde_json, so removing it saves no compile time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMachete, parseDependents, parseMacheteOutput, unusedDependencies } from '../../src/probe/rust/cargo-machete.ts';
import { BUILDBENCH_ROOT } from '../../src/common/where.ts';

const REPORT = `Analyzing dependencies of crates in ....
cargo-machete found the following unused dependencies in this directory:
tauri-app -- ./Cargo.toml:
\tserde_json

If you believe cargo-machete has detected an unused dependency incorrectly,
you can add the dependency to the list of dependencies to ignore in the
\`[package.metadata.cargo-machete]\` section of the appropriate Cargo.toml.
For example:

[package.metadata.cargo-machete]
ignored = ["prost"]

Done!
`;

describe('cargo-machete', () => {
  it('reads the package and its unused dependencies from the report, and nothing from the example after it', () => {
    expect(parseMacheteOutput(REPORT)).toEqual([{ package: 'tauri-app', dependency: 'serde_json' }]);
    expect(parseMacheteOutput('Analyzing dependencies of crates in ....\ncargo-machete didn\'t find any unused dependencies in this directory. Good job!\nDone!\n')).toEqual([]);
  });

  it('lists the other crates that depend on it, without the package and the dependency itself', () => {
    const tree = 'serde_json v1.0.154\nserialize-to-javascript v0.1.2\ntauri v2.12.5\ntauri-app v0.1.0 (/x/tauri-app)\n\nserde_json v1.0.154\njson-patch v4.2.0\n';
    expect(parseDependents(tree, { package: 'tauri-app', dependency: 'serde_json' })).toEqual(['json-patch', 'serialize-to-javascript', 'tauri']);
  });

  const machete = findMachete();
  it.skipIf(!machete || !existsSync(path.join(process.env.HOME ?? '', '.cargo/registry')))('names serde_json in bench/tauri-app, still needed by tauri', async () => {
    const found = await unusedDependencies(path.join(BUILDBENCH_ROOT, 'bench/tauri-app'), machete);
    expect(found?.map((f) => [f.package, f.dependency])).toEqual([['tauri-app', 'serde_json']]);
    expect(found?.[0]?.alsoNeededBy).toContain('tauri');
  }, 120_000);
});
