// The cache states a sample can be measured in, after rustc-perf and gradle-profiler. Kept in a file of its
// own so the command line can name them without loading the schema library.
export const CACHE_STATES = ['cold', 'warm', 'incremental', 'noop'] as const;
export type CacheState = (typeof CACHE_STATES)[number];
