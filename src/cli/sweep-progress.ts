/**
 * Sweep progress on standard error: in a terminal a bar (cli-progress) with runs done, rate and time left;
 * in a pipe or under CI plain lines, at most one every few seconds and one at the end, so logs (a Slurm
 * job's .out file) stay readable. Wall-clock time is only ever shown here, never written to results.
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.ts';

export interface Progress {
  /** `done` runs of `total` finished so far (those found in the journal included). */
  update(done: number): void;
  stop(): void;
}

const secondsText = (s: number): string => (!Number.isFinite(s) ? '?' : s < 60 ? `${Math.round(s)}s` : s < 3600 ? `${Math.floor(s / 60)}m ${Math.round(s % 60)}s` : `${Math.floor(s / 3600)}h ${Math.round((s % 3600) / 60)}m`);

export function sweepProgress(io: Io, total: number, already: number, label: string): Progress {
  const started = performance.now();
  const rate = (done: number): number => (done - already) / Math.max(1e-3, (performance.now() - started) / 1000);
  if (io.stderr && (io.stderr as { isTTY?: boolean }).isTTY && !io.env['CI']) {
    const bar = new cliProgress.SingleBar(
      { stream: io.stderr as NodeJS.WriteStream, format: `${label} [{bar}] {value}/{total} runs | {rate} runs/s | {left} left`, hideCursor: true, clearOnComplete: false, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, already, { rate: '-', left: '?' });
    return {
      update(done) {
        const r = rate(done);
        bar.update(done, { rate: r.toFixed(1), left: secondsText((total - done) / r) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  const line = (done: number): void => {
    const r = rate(done);
    io.stderr.write(`${label}: ${done}/${total} runs (${Math.floor((done / Math.max(1, total)) * 100)}%), ${r.toFixed(1)} runs/s, ${done >= total ? 'done' : `about ${secondsText((total - done) / r)} left`}\n`);
  };
  return {
    update(done) {
      const now = performance.now();
      if (done >= total || now - last >= 5000) {
        last = now;
        line(done);
      }
    },
    stop() {},
  };
}
