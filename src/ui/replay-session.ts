/**
 * A recorded run behind the UI (`paradip replay`): the same screen over a run directory's events and
 * indicators, stepping forward and back. The world shown is the scenario's initial world with the recorded
 * events applied up to the tick on screen (replay-world.ts); nothing is simulated.
 */
import type { SimEvent } from '../engine/events.ts';
import { initialWorld } from '../engine/initial-world.ts';
import { buildModel, type Model } from '../engine/model.ts';
import { EventNames } from '../experiment/describe-event.ts';
import { dateOf } from '../model/calendar.ts';
import type { World } from '../model/world.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Pacer, realClock, type Clock } from './pacer.ts';
import { applyEvent } from './replay-world.ts';
import { DEFAULT_SPEED, SPEEDS, type Controller, type Frame, type Status } from './session.ts';
import { worldView } from './world-view.ts';

/** A run directory's contents, read by the command line. */
export interface Recording {
  dir: string;
  scenario: Scenario;
  seed: number;
  variant: string | null;
  /** Rule-set overrides recorded in run.json (centrals.<id>.ruleSet), for the header: "United States: AT". */
  ruleSets: string[];
  /** The other overrides recorded in run.json, path=value. */
  sets?: string[];
  firstTick: number;
  lastTick: number;
  interrupted: boolean;
  events: SimEvent[];
  indicatorNames: string[];
  /** Indicator rows in tick order, from firstTick. */
  indicators: number[][];
}

export interface ReplayOptions {
  clock?: Clock;
  frameMs?: number;
}

export class ReplaySession implements Controller {
  readonly done: Promise<'quit' | 'interrupt'>;
  private resolveDone!: (r: 'quit' | 'interrupt') => void;
  private readonly listeners = new Set<() => void>();
  private readonly pacer: Pacer;
  private readonly model: Model;
  private readonly start: World;
  private world!: World;
  private proposals = new Map<string, SimEvent>();
  private readonly names: EventNames;
  /** The tick on screen (-1 less than firstTick: nothing replayed yet) and the events applied. */
  private tick: number;
  private applied = 0;
  private status: Status = 'paused';
  private speed = DEFAULT_SPEED;
  private notice: string | null;
  private current!: Frame;

  constructor(
    private readonly rec: Recording,
    options: ReplayOptions = {},
  ) {
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    const clock = options.clock ?? realClock;
    this.pacer = new Pacer(clock, (n, deadline) => {
      for (let i = 0; i < n && this.status === 'running'; i++) {
        this.forward();
        if (clock.now() >= deadline) break;
      }
      this.publish();
    }, options.frameMs);
    this.model = buildModel(rec.scenario, []);
    this.start = initialWorld(this.model, rec.seed);
    this.names = new EventNames(rec.scenario);
    for (const e of rec.events) this.names.learn(e);
    this.tick = rec.firstTick - 1;
    this.rewind();
    this.notice = `replay of ${rec.dir}${rec.interrupted ? ' (the run was interrupted)' : ''}: Space plays, Right/Left step`;
    this.publish();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  frame(): Frame {
    return this.current;
  }

  togglePause(): void {
    if (this.status === 'running') {
      this.status = 'paused';
      this.pacer.stop();
    } else {
      if (this.tick >= this.rec.lastTick) this.seek(this.rec.firstTick - 1);
      this.status = 'running';
      this.pacer.start(() => SPEEDS[this.speed] ?? 1);
    }
    this.publish();
  }

  stepForward(): void {
    this.pause();
    this.forward();
    this.publish();
  }

  stepBack(): void {
    this.pause();
    this.seek(this.tick - 1);
    this.publish();
  }

  faster(): void {
    this.speed = Math.min(SPEEDS.length - 1, this.speed + 1);
    this.publish();
  }

  slower(): void {
    this.speed = Math.max(0, this.speed - 1);
    this.publish();
  }

  choices(): null {
    return null;
  }

  restart(): void {
    this.notice = 'a replay shows a recorded run; to change it, run the scenario: paradip run';
    this.publish();
  }

  quit(reason: 'quit' | 'interrupt'): void {
    this.pacer.stop();
    this.resolveDone(reason);
  }

  private pause(): void {
    if (this.status !== 'running') return;
    this.status = 'paused';
    this.pacer.stop();
  }

  private forward(): void {
    if (this.tick >= this.rec.lastTick) {
      this.status = 'finished';
      this.pacer.stop();
      return;
    }
    this.tick++;
    const events = this.rec.events;
    while (this.applied < events.length && events[this.applied]!.tick <= this.tick) {
      applyEvent(this.world, events[this.applied]!, this.model.calendar, this.proposals);
      this.applied++;
    }
    if (this.tick >= this.rec.lastTick) {
      this.status = 'finished';
      this.pacer.stop();
    }
  }

  /** Goes to tick `t` by replaying from the start (events are few; this is fast). */
  private seek(t: number): void {
    const target = Math.max(this.rec.firstTick - 1, t);
    this.rewind();
    while (this.tick < target) this.forward();
    if (this.tick < this.rec.lastTick) this.status = 'paused';
  }

  private rewind(): void {
    this.world = structuredClone(this.start);
    this.proposals = new Map();
    this.applied = 0;
    this.tick = this.rec.firstTick - 1;
  }

  private publish(): void {
    const s = this.rec.scenario;
    const shown = this.tick - this.rec.firstTick + 1;
    this.current = {
      mode: 'replay',
      title: s.title,
      seed: this.rec.seed,
      variant: this.rec.variant,
      changed: { seed: false, variant: false, ruleSets: this.rec.ruleSets, sets: this.rec.sets ?? [] },
      status: this.status,
      speed: this.speed,
      tick: this.tick,
      date: dateOf(this.model.calendar, Math.max(0, this.tick)),
      firstTick: this.rec.firstTick,
      lastTick: this.rec.lastTick,
      unit: this.model.calendar.unit,
      view: worldView(this.world, { calendar: this.model.calendar, issues: s.issues, order: [...s.centrals.map((c) => c.id), ...s.subnationals.map((u) => u.id)], swapped: new Set(), gate: this.model.parameters['gate'] ?? 0 }),
      events: this.rec.events,
      eventCount: this.applied,
      names: this.names,
      indicatorNames: this.rec.indicatorNames,
      indicators: this.rec.indicators,
      indicatorCount: Math.max(0, Math.min(shown, this.rec.indicators.length)),
      out: this.rec.dir,
      notice: this.notice,
    };
    for (const l of this.listeners) l();
  }
}
