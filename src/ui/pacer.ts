/**
 * Frame timing for the UI: wakes once per frame (~30 a second), says how many ticks are due at the current
 * speed, and gives a time budget, so at high speed ticks are batched into one frame and the screen never
 * refreshes more than ~30 times a second however fast ticks go. The only place in the UI that reads the
 * clock (performance.now), and only for pacing: nothing it measures reaches the model.
 */

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Milliseconds between frames: 30 frames a second. */
export const FRAME_MS = 33;
/** Share of a frame the engine may use, so keys stay responsive at full speed. */
const BUDGET = 0.7;

export class Pacer {
  private handle: unknown = null;
  private due = 0;
  private lastTime = 0;
  private generation = 0;

  /**
   * `onFrame(ticks, deadline)` runs up to `ticks` ticks (Infinity: as many as fit) while clock.now() is
   * before `deadline`, then publishes one frame.
   */
  constructor(
    private readonly clock: Clock,
    private readonly onFrame: (ticks: number, deadline: number) => void,
    private readonly frameMs: number = FRAME_MS,
  ) {}

  get running(): boolean {
    return this.handle !== null;
  }

  start(ticksPerSecond: () => number): void {
    if (this.handle !== null) return;
    const token = ++this.generation;
    this.lastTime = this.clock.now();
    // The first tick comes at once, so a key press (play) shows an effect without waiting for the budget.
    this.due = 1;
    const frame = (): void => {
      if (token !== this.generation) return;
      const now = this.clock.now();
      const tps = ticksPerSecond();
      this.due = Number.isFinite(tps) ? Math.min(this.due + ((now - this.lastTime) * tps) / 1000, Math.max(1, tps)) : Number.POSITIVE_INFINITY;
      this.lastTime = now;
      const whole = Math.floor(this.due);
      if (whole > 0) {
        if (Number.isFinite(this.due)) this.due -= whole;
        else this.due = 0;
        this.onFrame(Number.isFinite(tps) ? whole : Number.POSITIVE_INFINITY, now + this.frameMs * BUDGET);
      }
      // onFrame may have stopped (the run finished) or restarted the pacer: only this generation goes on.
      if (token === this.generation && this.handle !== null) this.handle = this.clock.later(frame, this.frameMs);
    };
    this.handle = this.clock.later(frame, 0);
  }

  stop(): void {
    if (this.handle === null) return;
    this.clock.cancel(this.handle);
    this.handle = null;
    this.generation++;
  }
}
