// Progress on stderr: on a terminal one line rewritten in place with the current build, round and an ETA;
// elsewhere (CI, a pipe) one plain line per event, so logs stay readable, and while one build or set-up runs
// long a "still building X (2 min)" line every minute, so a hung build is seen hanging in a CI log.
import type { RunEvent } from '../runner/events.ts';
import { describeEnding } from '../results/failed-builds.ts';
import { formatMs, stripControl } from './terminal.ts';
import { remainingTime, type BuildTimes, type Eta } from '../plan/eta.ts';
import type { BuildTurn } from '../runner/build-ledger.ts';

const HEARTBEAT_MS = 60_000;

/**
 * The progress of a run on `stream` (stderr): one rewritten line with an ETA on a terminal, plain lines plus a
 * heartbeat every `heartbeatMs` (default 60 000 ms) elsewhere. `earlier` holds the expected ms per build and per
 * warm-up by variant id from earlier runs (plan/estimate.ts), for the ETA (plan/eta.ts), whose builds still to come
 * each event carries. Returns `onEvent` for the runner's events, `message` for a line of its own, and `done`.
 */
export function createProgress(opts: { stream: NodeJS.WriteStream; earlier?: { runs?: Map<string, number>; warmups?: Map<string, number> }; heartbeatMs?: number }) {
  const { stream } = opts;
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  const heartbeat = tty ? undefined : startHeartbeat({ everyMs: opts.heartbeatMs ?? HEARTBEAT_MS, say: (line) => stream.write(`${stripControl(line)}\n`) });
  const done: BuildTimes = { warmups: new Map(), runs: new Map() };
  const versionsSaid = new Set<string>();
  let startedAt = 0;
  let lastLine = '';
  let untimedBefore = false;
  const write = (line: string) => {
    const text = stripControl(line);
    if (tty) {
      const width = (stream.columns || 100) - 1;
      stream.write(`\r\u001b[2K${text.slice(0, width)}`);
      lastLine = text;
    } else stream.write(`${text}\n`);
  };
  const permanent = (line: string) => {
    if (tty && lastLine) stream.write('\r\u001b[2K');
    stream.write(`${stripControl(line)}\n`);
    lastLine = '';
  };
  const eta = (left: BuildTurn['left']) => describeEta(remainingTime({ left, done, earlier: opts.earlier }));
  /** Said once, when the last variant without a timing gets its first: from then on the ETA covers every build. */
  const sayWhenAllTimed = (left: BuildTurn['left']) => {
    const now = remainingTime({ left, done, earlier: opts.earlier });
    if (untimedBefore && now.untimedBuilds === 0 && now.knownMs > 0) permanent(`every variant now timed: ~${formatMs(now.knownMs)} of builds left`);
    untimedBefore = now.untimedBuilds > 0;
  };
  return {
    onEvent(e: RunEvent): void {
      heartbeat?.on(e);
      switch (e.kind) {
        case 'calibrated':
          if (!tty) permanent(`harness overhead per build: ${e.overheadMs.toFixed(2)} ms (subtracted)`);
          break;
        case 'unavailable':
          permanent(`unavailable  ${e.id}: ${e.reason}`);
          break;
        case 'setup':
          write(`setting up   ${e.id}`);
          break;
        case 'seed':
          permanent(`seeding      ${e.id}: first the dependency build its scenario's variants share (untimed, in no ETA; kept for later runs)`);
          break;
        case 'setup-failed':
          permanent(`SET-UP FAILED ${e.id}: ${e.reason}`);
          for (const line of e.tail) permanent(`  ${line}`);
          break;
        case 'waiting':
          permanent(`waiting      ${e.id}: another buildbench run holds ${e.what} (${e.owner})`);
          break;
        case 'sample-start':
          startedAt = Date.now();
          if (e.done === 1) untimedBefore = remainingTime({ left: e.left, done, earlier: opts.earlier }).untimedBuilds > 0;
          if (tty) write(`[${e.done}/${e.total}] ${roundLabel(e.round)} ${e.id}${eta(withCurrent(e))}`);
          break;
        case 'sample-end': {
          const times = (e.round < 0 ? done.warmups : done.runs) as Map<string, number[]>;
          times.set(e.id, [...(times.get(e.id) ?? []), Date.now() - startedAt]);
          // Which version each variant builds with, said once, from its own build's output.
          if (e.sample.toolVersions && !versionsSaid.has(e.id)) {
            versionsSaid.add(e.id);
            permanent(`builds with  ${e.id}: ${Object.entries(e.sample.toolVersions).map(([t, v]) => `${t} ${v}`).join(', ')}`);
          }
          // A failed build is said as it happens, whether or not its variant goes on (the failure policy).
          const buildFailed = e.sample.exitCode !== 0;
          const ending = describeEnding(e.sample);
          const status = !buildFailed ? '' : e.status === 'ok' ? `  BUILD FAILED (${ending}; measuring goes on)` : `  ${e.status.toUpperCase()} (${ending})`;
          if (!tty) permanent(`[${e.done}/${e.total}] ${roundLabel(e.round)} ${e.id}: ${formatMs(e.sample.wallMs)}${status}${eta(e.left)}`);
          else if (buildFailed) permanent(`failed build ${e.id} ${roundLabel(e.round)} (${ending}, log ${e.sample.log})${e.status === 'ok' ? '; measuring goes on' : ''}`);
          sayWhenAllTimed(e.left);
          break;
        }
        case 'busy':
          permanent(`busy machine ${e.id} ${roundLabel(e.round)}: other processes used ${(e.foreignCpuPct / 100).toFixed(1)} of a core; built again at the end of the round`);
          break;
        case 'machine-view':
          permanent(`interference: ${e.why}; busy builds are recorded, not re-measured`);
          break;
        case 'smoke':
          write(`start-up ${e.round}  ${e.id}`);
          break;
        case 'does-not-start':
          permanent(`DOES NOT START ${e.id} (its build figures are kept): ${e.reason}`);
          for (const line of e.block) permanent(`  ${line}`);
          break;
      }
    },
    message(line: string): void {
      permanent(line);
    },
    done(): void {
      heartbeat?.stop();
      if (tty && lastLine) stream.write('\r\u001b[2K');
      lastLine = '';
    },
  };
}

const roundLabel = (round: number) => (round < 0 ? `warm-up ${-round}` : `round ${round}`);

/** The builds still to come with the one now running among them. */
function withCurrent(e: { id: string; round: number; left: BuildTurn['left'] }): BuildTurn['left'] {
  const left = new Map(e.left);
  const mine = left.get(e.id) ?? { warmups: 0, runs: 0 };
  left.set(e.id, e.round < 0 ? { ...mine, warmups: mine.warmups + 1 } : { ...mine, runs: mine.runs + 1 });
  return left;
}

/** " · ETA 5.1 min + 3 builds of 1 variant not timed yet (builds only)", or "" when nothing is left. */
function describeEta(left: Eta): string {
  const untimed = left.untimedBuilds > 0 ? `${left.untimedBuilds} build${left.untimedBuilds === 1 ? '' : 's'} of ${left.untimedVariants} variant${left.untimedVariants === 1 ? '' : 's'} not timed yet` : '';
  if (left.knownMs === 0 && !untimed) return '';
  return ` · ETA ${[left.knownMs > 0 ? formatMs(left.knownMs) : '', untimed].filter(Boolean).join(' + ')} (builds only)`;
}

/**
 * What is running now ("building sidecar/pex@cold, round 2"), told again every `everyMs` while it runs. Set-ups
 * of different scenarios may run side by side (runner/set-up.ts): each is told, until its `setup-done`.
 */
function startHeartbeat(opts: { everyMs: number; say: (line: string) => void }) {
  const setups = new Map<string, { what: string; since: number }>();
  let build: { what: string; since: number } | undefined;
  const timer = setInterval(() => {
    const now = Date.now();
    const told = build ? [build] : [...setups.values()];
    if (told.length > 0) opts.say(`still ${told.map((r) => `${r.what} (${formatMs(now - r.since)})`).join('; ')}`);
  }, opts.everyMs);
  timer.unref();
  return {
    on(e: RunEvent): void {
      const since = 'id' in e ? setups.get(e.id)?.since : undefined;
      if (e.kind === 'setup' || e.kind === 'seed' || e.kind === 'waiting') build = undefined;
      if (e.kind === 'setup') setups.set(e.id, { what: `setting up ${e.id}`, since: Date.now() });
      else if (e.kind === 'seed') setups.set(e.id, { what: `setting up ${e.id}, its dependency seed first`, since: since ?? Date.now() });
      else if (e.kind === 'waiting') setups.set(e.id, { what: `waiting for ${e.what} of ${e.id} (${e.owner})`, since: Date.now() });
      else if (e.kind === 'setup-done' || e.kind === 'setup-failed') setups.delete(e.id);
      else {
        setups.clear();
        build = e.kind === 'sample-start' ? { what: `building ${e.id}, ${roundLabel(e.round)}`, since: Date.now() } : undefined;
      }
    },
    stop: () => clearInterval(timer),
  };
}
