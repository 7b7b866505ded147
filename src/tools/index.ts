// Tool detection as the command line uses it: `buildbench doctor`, `requires:` checks, `buildbench setup`
// and `init`. Finer pieces (catalog, detect, setup) are imported from their own files.
export { doctor } from './doctor.ts';
export { formatDoctor } from './format.ts';
export { commandsOf, createToolProber } from './probe.ts';
export { checkNoise, formatNoise, noiseLine } from './noise.ts';
