/**
 * `npm run bench:sweep`: sweep throughput (runs per second) of the acid-rain scenario on 1 and 2 workers, the
 * speedup, and the same for `check` (100 seeds). Each figure is the median of `--reps` repetitions (3 by
 * default) of the real command through main(), bundled workers and all. The machine's load average is
 * printed with the figures: on a shared machine they are only as good as the cores that were free. Usage:
 *   npm run bench:sweep                    # 4 points x 10 seeds, check of 100 seeds, 3 repetitions
 *   npm run bench:sweep -- --seeds 20 --reps 5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli/main.ts';
import { packageRoot } from '../src/cli/files.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seeds = arg('seeds', 10);
const reps = arg('reps', 3);
const checkSeeds = arg('check-seeds', 100);
const root = packageRoot();
const scratch = mkdtempSync(join(tmpdir(), 'paradip-sweep-bench-'));

async function timed(argv: string[]): Promise<number> {
  const sink = new PassThrough();
  sink.resume();
  const t0 = performance.now();
  const code = await main({ argv, stdout: sink, stderr: sink, stdin: new PassThrough(), env: { CI: 'true' }, cwd: root });
  const s = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`paradip ${argv.join(' ')} exited ${code}`);
  return s;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let n = 0;
const sweep = (workers: number) => timed(['sweep', 'scenarios/acid-rain-1980s.yaml', '--vary', 'behaviour.parameters.actThreshold=0.1,0.15,0.2,0.25', '--seeds', String(seeds), '--workers', String(workers), '--quiet', '--out', join(scratch, `s${n++}`)]);
const check = (workers: number) => timed(['check', 'scenarios/acid-rain-1980s.yaml', '--seeds', String(checkSeeds), '--workers', String(workers), '--json']);

const runs = 4 * seeds;
console.log(`sweep: acid-rain, 4 points x ${seeds} seeds = ${runs} runs; check: ${checkSeeds} seeds; median of ${reps}; load average before ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const rows: string[] = ['| command | workers | wall s (median) | all reps s | runs/s | speedup |', '|---|---|---|---|---|---|'];
for (const [name, fn, count] of [['sweep', sweep, runs], ['check', check, checkSeeds]] as const) {
  const times: Record<number, number[]> = { 1: [], 2: [] };
  // Alternate 1 and 2 workers so a change in the machine's load falls on both alike.
  for (let r = 0; r < reps; r++) for (const w of [1, 2]) times[w]!.push(await fn(w));
  for (const w of [1, 2]) {
    const m = median(times[w]!);
    rows.push(`| ${name} | ${w} | ${m.toFixed(2)} | ${times[w]!.map((t) => t.toFixed(2)).join(', ')} | ${(count / m).toFixed(2)} | ${w === 1 ? '1.00' : (median(times[1]!) / m).toFixed(2)} |`);
  }
}
console.log(rows.join('\n'));
console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
rmSync(scratch, { recursive: true, force: true });
