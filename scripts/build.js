// `npm run build`: compiles src/ into dist/ (tsconfig.build.json) and copies what the compiled code reads at
// run time beside it: the report's templates and inlined scripts (src/report/assets.ts finds them next to
// itself) and the dashboard's page script (src/dashboard/render.ts). dist/ is emptied first so a deleted source leaves no stale module behind.
import { cpSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const RUNTIME_FILES = ['report/templates', 'report/assets', 'dashboard/assets'];

rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
for (const dir of RUNTIME_FILES) cpSync(`${root}src/${dir}`, `${root}dist/${dir}`, { recursive: true });
