// Progress off a terminal (CI): a build that runs long is told again every minute, so a hung build shows in
// the log as hanging. Fake timers: the lines are asserted, not how long anything took.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function fakeStream() {
  let text = '';
  const stream = { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

afterEach(() => void vi.useRealTimers());

describe('progress on a non-TTY', () => {
  it('says "still building X (2 min)" every minute while a build runs, and stops when it ends', () => {
    vi.useFakeTimers();
    const { stream, lines } = fakeStream();
    const progress = createProgress({ stream });
    progress.onEvent({ kind: 'sample-start', id: 'hang/serve@cold', round: 1, done: 1, total: 1, left: new Map([['hang/serve@cold', { warmups: 0, runs: 0 }]]) });
    vi.advanceTimersByTime(150_000);
    expect(lines()).toEqual(['still building hang/serve@cold, round 1 (60 s)', 'still building hang/serve@cold, round 1 (2 min)']);
    progress.onEvent({ kind: 'setup', id: 'hang/other@cold' });
    vi.advanceTimersByTime(60_000);
    // Told at the next minute's tick: never more than a minute of silence.
    expect(lines().at(-1)).toBe('still setting up hang/other@cold (30 s)');
    progress.done();
    vi.advanceTimersByTime(600_000);
    expect(lines()).toHaveLength(4);
  });

  it('tells every set-up that runs at the same time, each until its own end', () => {
    vi.useFakeTimers();
    const { stream, lines } = fakeStream();
    const progress = createProgress({ stream });
    progress.onEvent({ kind: 'setup', id: 'rust/lld@incremental' });
    progress.onEvent({ kind: 'seed', id: 'rust/lld@incremental' });
    vi.advanceTimersByTime(30_000);
    progress.onEvent({ kind: 'setup', id: 'py/onefile@cold' });
    vi.advanceTimersByTime(30_000);
    expect(lines().at(-1)).toBe('still setting up rust/lld@incremental, its dependency seed first (60 s); setting up py/onefile@cold (30 s)');
    progress.onEvent({ kind: 'setup-done', id: 'py/onefile@cold' });
    vi.advanceTimersByTime(60_000);
    expect(lines().at(-1)).toBe('still setting up rust/lld@incremental, its dependency seed first (2 min)');
    progress.onEvent({ kind: 'setup-done', id: 'rust/lld@incremental' });
    const told = lines().length;
    vi.advanceTimersByTime(120_000);
    expect(lines()).toHaveLength(told);
    progress.done();
  });
});
