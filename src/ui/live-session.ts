/**
 * A live run behind the UI. The engine's tick generator runs at the chosen speed (batched per frame by the
 * Pacer); every tick goes to the host's sink in order, exactly as in a headless run, so outputs do not depend
 * on the UI. Restarts (variant, rule set, seed) ask the host for a new run with fresh outputs.
 */
import type { SimEvent } from '../engine/events.ts';
import { runTicks } from '../engine/run.ts';
import { indicatorNames } from '../engine/phases/observe.ts';
import type { TickResult } from '../engine/step.ts';
import { EventNames } from '../experiment/describe-event.ts';
import { dateOf } from '../model/calendar.ts';
import { Pacer, realClock, type Clock } from './pacer.ts';
import { DEFAULT_SPEED, SPEEDS, type Change, type Changed, type Choices, type Controller, type Frame, type LiveHost, type OpenedRun, type RunSettings, type Status } from './session.ts';
import { worldView } from './world-view.ts';

export interface LiveOptions {
  clock?: Clock;
  frameMs?: number;
  /** Start paused (tests); the default is running. */
  paused?: boolean;
}

export class LiveSession implements Controller {
  readonly done: Promise<'quit' | 'interrupt'>;
  private resolveDone!: (r: 'quit' | 'interrupt') => void;
  private rejectDone!: (e: unknown) => void;
  private readonly listeners = new Set<() => void>();
  private readonly pacer: Pacer;
  private opened!: OpenedRun;
  private settings!: RunSettings;
  private ticks!: Generator<TickResult>;
  private events: SimEvent[] = [];
  private indicators: number[][] = [];
  private names!: EventNames;
  private lastResult: TickResult | null = null;
  private firstTick = 0;
  private status: Status = 'running';
  private speed = DEFAULT_SPEED;
  private ended = false;
  private closed = false;
  private notice: string | null = null;
  private current!: Frame;
  /** Each central's rule set in the run the command started: a swap back to it is no change. */
  private readonly original: Record<string, string>;

  constructor(
    private readonly host: LiveHost,
    first: OpenedRun,
    settings: RunSettings,
    options: LiveOptions = {},
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.pacer = new Pacer(options.clock ?? realClock, (n, deadline) => this.advance(n, deadline, options.clock ?? realClock), options.frameMs);
    this.original = Object.fromEntries(first.run.world.centrals.map((c) => [c.id, c.ruleSet]));
    this.load(first, settings);
    if (options.paused) this.status = 'paused';
    this.publish();
  }

  /** Starts the clock (separate from the constructor so a test can drive a paused session by hand). */
  start(): void {
    if (this.status === 'running') this.pacer.start(() => SPEEDS[this.speed] ?? 1);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  frame(): Frame {
    return this.current;
  }

  togglePause(): void {
    if (this.status === 'finished' || this.closed) return;
    this.status = this.status === 'running' ? 'paused' : 'running';
    if (this.status === 'running') this.start();
    else this.pacer.stop();
    this.publish();
  }

  stepForward(): void {
    if (this.closed) return;
    if (this.status === 'running') {
      this.status = 'paused';
      this.pacer.stop();
    }
    if (this.status === 'paused') this.tick();
    this.publish();
  }

  stepBack(): void {
    this.say('a live run only goes forward; step back in a recording: paradip replay <run-dir>');
  }

  faster(): void {
    this.speed = Math.min(SPEEDS.length - 1, this.speed + 1);
    this.publish();
  }

  slower(): void {
    this.speed = Math.max(0, this.speed - 1);
    this.publish();
  }

  choices(): Choices | null {
    if (!this.host.canRestart) return null;
    const s = this.opened.run.model.scenario;
    return {
      variants: s.variants.map((v) => ({ id: v.id, description: v.description })),
      centrals: s.centrals.map((spec) => {
        const c = this.opened.run.world.centrals.find((x) => x.id === spec.id)!;
        return { id: c.id, name: c.name, ruleSet: c.ruleSet };
      }),
      ruleSets: this.host.ruleSets,
    };
  }

  restart(change: Change): void {
    if (this.closed) return;
    if (!this.host.canRestart) return this.say('this run resumed from a checkpoint: restart it from its scenario file');
    const next: RunSettings = { ...this.settings, ruleSets: { ...this.settings.ruleSets } };
    if ('variant' in change) next.variant = change.variant;
    else if ('seed' in change) next.seed = change.seed;
    else if (change.ruleSet.country === this.original[change.ruleSet.central]) delete next.ruleSets[change.ruleSet.central];
    else next.ruleSets[change.ruleSet.central] = change.ruleSet.country;
    const r = this.host.open(next);
    if (!r.ok) return this.say(`cannot restart: ${r.error}`);
    this.pacer.stop();
    if (!this.ended) this.opened.sink.end(true);
    // A paused class stays paused on the new run (a finished one runs again).
    const paused = this.status === 'paused';
    this.load(r.opened, next);
    // What the swap dropped comes first: the footer has one line, and the out directory can be long.
    this.notice = [...(r.notes ?? []), `restarted${r.opened.out ? `: new outputs in ${r.opened.out}` : ''}`].join('; ');
    this.status = paused ? 'paused' : 'running';
    this.start();
    this.publish();
  }

  quit(reason: 'quit' | 'interrupt'): void {
    if (this.closed) return;
    this.closed = true;
    this.pacer.stop();
    // Ctrl-C after the run finished interrupts nothing: the outputs are complete, so it is a plain quit (exit 0).
    const finished = this.ended;
    if (!this.ended) {
      this.ended = true;
      this.opened.sink.end(true);
    }
    this.resolveDone(finished ? 'quit' : reason);
  }

  private load(opened: OpenedRun, settings: RunSettings): void {
    this.opened = opened;
    this.settings = settings;
    this.ticks = runTicks(opened.run, opened.last);
    this.events = [];
    this.indicators = [];
    this.lastResult = null;
    this.firstTick = opened.run.world.tick;
    this.ended = false;
    this.names = new EventNames(opened.run.model.scenario);
    if (opened.run.world.tick > opened.last) this.finish();
  }

  private advance(n: number, deadline: number, clock: Clock): void {
    for (let i = 0; i < n && this.status === 'running'; i++) {
      this.tick();
      if (clock.now() >= deadline) break;
    }
    this.publish();
  }

  private tick(): void {
    if (this.ended) return;
    let next: IteratorResult<TickResult>;
    try {
      next = this.ticks.next();
      if (!next.done) this.opened.sink.tick(next.value);
    } catch (e) {
      // A failing tick is a bug in the engine (or a full disk): stop, and let the command report it.
      this.closed = true;
      this.ended = true;
      this.pacer.stop();
      this.rejectDone(e);
      return;
    }
    if (next.done) return this.finish();
    const r = next.value;
    this.lastResult = r;
    for (const e of r.events) {
      this.names.learn(e);
      this.events.push(e);
    }
    this.indicators.push(r.indicators);
    if (r.tick >= this.opened.last) this.finish();
  }

  private finish(): void {
    this.status = 'finished';
    this.pacer.stop();
    if (!this.ended) {
      this.ended = true;
      this.opened.sink.end(false);
    }
    this.notice = `run complete${this.opened.out ? `: outputs in ${this.opened.out}` : ''}; q quits, r reruns with another seed`;
  }

  private say(message: string): void {
    this.notice = message;
    this.publish();
  }

  private publish(): void {
    const { run, last, out } = this.opened;
    const model = run.model;
    const s = model.scenario;
    const tick = this.lastResult?.tick ?? run.world.tick - 1;
    const order = [...s.centrals.map((c) => c.id), ...s.subnationals.map((u) => u.id)];
    this.current = {
      mode: 'live',
      title: s.title,
      seed: this.settings.seed,
      variant: this.settings.variant,
      changed: changed(this.host.initial, this.settings, run.world.centrals, this.host.sets),
      status: this.status,
      speed: this.speed,
      tick,
      date: this.lastResult?.date ?? dateOf(model.calendar, Math.max(0, run.world.tick)),
      firstTick: this.firstTick,
      lastTick: last,
      unit: model.calendar.unit,
      view: worldView(run.world, { calendar: model.calendar, issues: s.issues, order, swapped: new Set(Object.keys(this.settings.ruleSets)), gate: model.parameters['gate'] ?? 0 }),
      events: this.events,
      eventCount: this.events.length,
      names: this.names,
      indicatorNames: indicatorNames(model),
      indicators: this.indicators,
      indicatorCount: this.indicators.length,
      out,
      notice: this.notice,
    };
    for (const l of this.listeners) l();
  }
}

/** What the keys changed, for the header: variant (v), rule sets (g), seed (r). */
export function changed(initial: RunSettings, now: RunSettings, centrals: readonly { id: string; name: string }[], sets: readonly string[] = []): Changed {
  const ruleSets = Object.entries(now.ruleSets)
    .filter(([id, country]) => initial.ruleSets[id] !== country)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, country]) => `${centrals.find((c) => c.id === id)?.name ?? id}: ${country}`);
  return { seed: now.seed !== initial.seed, variant: now.variant !== initial.variant, ruleSets, sets: [...sets] };
}
