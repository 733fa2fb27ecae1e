/**
 * `npm run bench:sweep`: sweep throughput (runs per second) of the acid-rain scenario on 1 and 2 workers, the
 * speedup, and the same for `check` (100 seeds). Each figure is the median of `--reps` repetitions (3 by
 * default) of the real binary, bundled workers and all. The machine's load average is
 * printed with the figures: on a shared machine they are only as good as the cores that were free. Usage:
 *   npm run bench:sweep                    # 5 points x 20 seeds, check of 100 seeds, 3 repetitions
 *   npm run bench:sweep -- --seeds 20 --reps 5 --check-seeds 1000
 *
 * A control row per command: two independent 1-worker processes started together, each doing the whole job,
 * with nothing shared and nothing sent between them. `2 x wall(1 worker) / wall(the pair)` is the most any
 * pool of 2 threads could gain on this machine: a single Node thread already uses more than one core (V8
 * compiles and collects garbage on background threads), and each thread warms its own JIT up.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { packageRoot } from '../src/cli/files.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
// 5 values x 20 seeds: the size of sweep the issue that asked for sweeps timed as a shell loop (76 s then).
const seeds = arg('seeds', 20);
const reps = arg('reps', 3);
const checkSeeds = arg('check-seeds', 100);
const root = packageRoot();
const scratch = mkdtempSync(join(tmpdir(), 'paradip-sweep-bench-'));

/**
 * Wall seconds and CPU seconds (user + system, worker threads included) of the real binary, started afresh
 * for each repetition as a user would start it, so 1 and 2 workers both start cold. CPU time comes from GNU
 * time (/usr/bin/time); without it only the wall time is measured.
 */
function timed(argv: string[]): { wall: number; cpu: number } {
  const bin = join(root, 'bin/paradip.js');
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, bin, ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
    : spawnSync(process.execPath, [bin, ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`paradip ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: cpuOf(r.stderr) };
}

/** User + system seconds from GNU time's last line (`-f 'cpu %U %S'`), NaN without it. */
function cpuOf(stderr: string): number {
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}

/** The same command twice at once, as two independent processes; the wall time until both have ended. */
async function pairTimed(argv: (copy: number) => string[]): Promise<{ wall: number; cpu: number }> {
  const bin = join(root, 'bin/paradip.js');
  const t0 = performance.now();
  const one = (copy: number) =>
    new Promise<number>((done, fail) => {
      const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, bin, ...argv(copy)], { cwd: root, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => {
        if (code !== 0 && code !== 1) return fail(new Error(`paradip ${argv(copy).join(' ')} exited ${code}: ${err}`));
        done(cpuOf(err));
      });
    });
  const cpus = await Promise.all([one(0), one(1)]);
  return { wall: (performance.now() - t0) / 1000, cpu: cpus[0]! + cpus[1]! };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const VALUES = [0.1, 0.15, 0.2, 0.25, 0.3];
let n = 0;
const sweepArgs = (workers: number, out: string) => ['sweep', 'scenarios/acid-rain-1980s.yaml', '--vary', `behaviour.parameters.actThreshold=${VALUES.join(',')}`, '--seeds', String(seeds), '--workers', String(workers), '--quiet', '--out', out];
const checkArgs = (workers: number) => ['check', 'scenarios/acid-rain-1980s.yaml', '--seeds', String(checkSeeds), '--workers', String(workers), '--json'];
const sweep = (workers: number) => timed(sweepArgs(workers, join(scratch, `s${n++}`)));
const check = (workers: number) => timed(checkArgs(workers));
const sweepPair = () => { const k = n++; return pairTimed((copy) => sweepArgs(1, join(scratch, `p${k}-${copy}`))); };
const checkPair = () => pairTimed(() => checkArgs(1));

const runs = VALUES.length * seeds;
console.log(`sweep: acid-rain, ${VALUES.length} points x ${seeds} seeds = ${runs} runs; check: ${checkSeeds} seeds; median of ${reps}; load average before ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
// CPU seconds say what the wall time cannot on a shared machine: with 2 workers the same work should cost the
// same CPU; `2 x cpu(1) / cpu(2)` is the speedup 2 free cores would give.
const rows: string[] = ['| command | workers | wall s (median) | all reps s | runs/s | speedup | CPU s (median) | speedup on 2 free cores |', '|---|---|---|---|---|---|---|---|'];
const ceilings: string[] = [];
for (const [name, fn, pair, count] of [['sweep', sweep, sweepPair, runs], ['check', check, checkPair, checkSeeds]] as const) {
  const times: Record<number, { wall: number; cpu: number }[]> = { 1: [], 2: [] };
  const pairs: { wall: number; cpu: number }[] = [];
  // Alternate 1 worker, 2 workers and the control pair so a change in the machine's load falls on all alike.
  for (let r = 0; r < reps; r++) {
    for (const w of [1, 2]) times[w]!.push(fn(w));
    pairs.push(await pair());
  }
  const wall = (w: number): number => median(times[w]!.map((t) => t.wall));
  const cpu = (w: number): number => median(times[w]!.map((t) => t.cpu));
  for (const w of [1, 2]) {
    const m = wall(w);
    rows.push(`| ${name} | ${w} | ${m.toFixed(2)} | ${times[w]!.map((t) => t.wall.toFixed(2)).join(', ')} | ${(count / m).toFixed(2)} | ${w === 1 ? '1.00' : (wall(1) / m).toFixed(2)} | ${cpu(w).toFixed(2)} | ${w === 1 ? '-' : ((2 * cpu(1)) / cpu(2)).toFixed(2)} |`);
  }
  const pairWall = median(pairs.map((t) => t.wall));
  const ceiling = (2 * wall(1)) / pairWall;
  rows.push(`| ${name}: control, two independent 1-worker processes at once | 1 + 1 | ${pairWall.toFixed(2)} | ${pairs.map((t) => t.wall.toFixed(2)).join(', ')} | ${((2 * count) / pairWall).toFixed(2)} | ${ceiling.toFixed(2)} | ${median(pairs.map((t) => t.cpu)).toFixed(2)} | - |`);
  ceilings.push(`${name}: 2 workers reach ${(wall(1) / wall(2)).toFixed(2)}x; two independent processes reach ${ceiling.toFixed(2)}x (the most 2 threads can gain here), so the pool gets ${((100 * wall(1)) / wall(2) / ceiling).toFixed(0)}% of it`);
}
console.log(rows.join('\n'));
console.log(ceilings.join('\n'));
console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
rmSync(scratch, { recursive: true, force: true });
