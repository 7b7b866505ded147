// What the machine did beside a build: the CPU other processes used during its window, the kernel's
// pressure stall information and the load (runner/interference.ts measures it), and how the run treated a
// build measured while the machine was busy (re-measured at the end of its round, kept aside).
import { Type, type Static } from '@sinclair/typebox';
import { d } from './schema-words.ts';

export const InterferenceSchema = Type.Object({
  foreignCpuPct: d(
    'CPU time used outside the build’s process tree and the harness during the build, in % of one core (100 = one core busy all along): the machine’s busy time from /proc/stat minus the tree’s own CPU, over the wall time',
    Type.Number(),
  ),
  psi: Type.Optional(
    d(
      '% of the build’s wall time during which some task waited for CPU, I/O or memory (pressure stall information, /proc/pressure/*, "some" totals); absent where the kernel has none',
      Type.Object({
        cpu: d('% of the window some task waited for a CPU', Type.Number()),
        io: d('% of the window some task waited for I/O', Type.Number()),
        memory: d('% of the window some task waited for memory (reclaim, swap-in)', Type.Number()),
      }),
    ),
  ),
  harnessCpuPct: Type.Optional(
    d('CPU time buildbench’s own process (all its threads) used during the build’s window, in % of one core: what the harness took from the machine while it timed the build (its log poll and memory sampler); not in foreignCpuPct', Type.Number()),
  ),
  loadAvg: d('1-minute load average when the build ended', Type.Number()),
  busy: Type.Optional(d('true when foreignCpuPct was over the run’s threshold (config.interference), past the /proc/stat tick resolution', Type.Boolean())),
});

export const InterferenceConfigSchema = Type.Object({
  thresholdPct: d('a build during which other processes used more than this % of one core is re-measured; null: off (--interference-threshold 0)', Type.Union([Type.Number(), Type.Null()])),
  maxTries: d('re-measures of one build at most; the last try is kept in the statistics even when still busy', Type.Integer()),
  machineOwn: d('false when /proc/stat is not this machine’s own (a container with a CPU quota, a cpuset or a cgroup namespace of its own sees the host’s): interference is recorded, nothing is re-measured', Type.Boolean()),
  why: Type.Optional(d('why /proc/stat is not the machine’s own', Type.String())),
});

/** One build's interference record. */
export type SampleInterference = Static<typeof InterferenceSchema>;
/** How the run measured and treated interference. */
export type InterferenceConfig = Static<typeof InterferenceConfigSchema>;
