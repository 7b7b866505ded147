// The probe stage's face to the runner: `probeHooks()` fills the runner's hooks with what the toolchains'
// output and artifacts tell (what really built an artifact, whether a cache state really happened, where a
// build spends its time, what makes an artifact big). Finer pieces are imported from their own files.
export { probeHooks } from './hooks.ts';
