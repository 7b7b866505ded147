#!/usr/bin/env node
// Entry point of the installed package: runs the JavaScript that `npm run build` compiled into dist/ (nothing
// is transpiled at start). A clone runs its sources with `node scripts/from-source.js` instead.
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli/main.js')) throw err;
  process.stderr.write('buildbench: dist/ is missing: run `npm run build` in this clone, or `node scripts/from-source.js` to run the sources\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
