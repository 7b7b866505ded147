// Does the harness's handling of build output change the time it measures? A build that writes 300 MB
// (`yes … | head -c 300000000`) timed by buildbench against hyperfine writing the same output to a file
// (`--output FILE`), in alternating blocks so drift spreads over both; also buildbench's own peak RSS.
// Usage: npm run bench:output [-- --runs N --blocks B --bytes N]. The target: medians within 5%.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, blocks: { type: 'string', default: '3' }, bytes: { type: 'string', default: '300000000' } } });
const runs = Number(values.runs);
const command = `yes 'build output line' | head -c ${Number(values.bytes)}`;
const bin = new URL('../../scripts/from-source.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-output-bench-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function buildbench(): { wallMs: number[]; rssKb: number } {
  writeFileSync(path.join(dir, 's.yaml'), `name: flood\nproject: .\nruns: ${runs}\nwarmup: 1\ncache: warm\nvariants:\n  - name: yes\n    build: "${command}"\n`);
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  execFileSync('/usr/bin/time', ['-f', '%M', '-o', path.join(dir, 'rss'), process.execPath, bin, 'run', 's.yaml', '--out', out], { cwd: dir, stdio: 'ignore' });
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { variants: { samples: { wallMs: number }[] }[] };
  return { wallMs: results.variants[0]!.samples.map((s) => s.wallMs), rssKb: Number(readFileSync(path.join(dir, 'rss'), 'utf8').trim().split('\n').at(-1)) };
}

function hyperfine(): number[] {
  const json = path.join(dir, 'hf.json');
  execFileSync('hyperfine', ['--warmup', '1', '--runs', String(runs), '--output', path.join(dir, 'hf.log'), '--export-json', json, command], { stdio: 'ignore' });
  return (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results[0]!.times.map((s) => s * 1000);
}

try {
  const bb: number[] = [];
  const hf: number[] = [];
  const rss: number[] = [];
  for (let b = 0; b < Number(values.blocks); b++) {
    const run = buildbench();
    bb.push(...run.wallMs);
    rss.push(run.rssKb);
    hf.push(...hyperfine());
  }
  const ratio = median(bb) / median(hf);
  process.stdout.write(
    [
      `command: ${command}`,
      `buildbench median ${median(bb).toFixed(1)} ms (n=${bb.length}), hyperfine --output FILE median ${median(hf).toFixed(1)} ms (n=${hf.length})`,
      `ratio ${ratio.toFixed(3)} (${ratio <= 1.05 ? 'within' : 'outside'} the 5% target)`,
      `buildbench peak RSS ${Math.max(...rss)} KiB`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
