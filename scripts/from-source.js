#!/usr/bin/env node
// buildbench from its TypeScript sources (tsx transpiles them at start): what this repository's own
// `npm run bench` and tests run, so they always exercise the code as edited. The package runs dist/ instead
// (bin/buildbench.js), which `npm run build` compiles.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
