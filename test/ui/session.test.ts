/**
 * Live and replay sessions over real runs of the comparison scenario. The UI never owns the simulation:
 * the sink sees exactly the ticks (and so the events.jsonl lines) of a headless run; frames are throttled
 * to the frame rate however fast ticks go; a replay rebuilds the world the live run had.
 */
import { describe, expect, it } from 'vitest';
import { prepareRun, type Prepared } from '../../src/cli/prepare-run.ts';
import type { SimEvent } from '../../src/engine/events.ts';
import { indicatorNames } from '../../src/engine/phases/observe.ts';
import { runTicks } from '../../src/engine/run.ts';
import type { TickResult } from '../../src/engine/step.ts';
import { LiveSession } from '../../src/ui/live-session.ts';
import type { Clock } from '../../src/ui/pacer.ts';
import { ReplaySession } from '../../src/ui/replay-session.ts';
import type { LiveHost, OpenedRun, RunSettings } from '../../src/ui/session.ts';
import { worldView } from '../../src/ui/world-view.ts';

const SCENARIO = 'scenarios/constitutional-comparison.yaml';
const UNTIL = '1998-12';

function prepare(seed = 1, sets: string[] = []): Prepared {
  const p = prepareRun({ scenario: SCENARIO, seed, variant: null, sets, until: UNTIL, from: null, cwd: process.cwd() });
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.prepared;
}

/** A clock whose time moves only when told, plus a little on every reading (a tick "costs" `perRead` ms). */
class FakeClock implements Clock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 0;
  constructor(private readonly perRead = 0) {}
  now(): number {
    this.t += this.perRead;
    return this.t;
  }
  later(fn: () => void, ms: number): unknown {
    const id = ++this.next;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  cancel(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  /** Runs timers due in the next `ms`, in time order; returns how many ran. */
  advance(ms: number): number {
    const end = this.t + ms;
    let ran = 0;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const first = this.timers[0];
      if (!first || first.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, first.at);
      first.fn();
      ran++;
    }
    this.t = Math.max(this.t, end);
    return ran;
  }
}

interface Recorded {
  lines: string[];
  results: TickResult[];
  ended: boolean[];
}

function opened(p: Prepared, rec: Recorded): OpenedRun {
  return {
    run: p.run,
    last: p.last,
    out: null,
    sink: {
      tick: (r) => {
        rec.results.push(r);
        for (const e of r.events) rec.lines.push(JSON.stringify(e));
      },
      end: (interrupted) => rec.ended.push(interrupted),
    },
  };
}

function host(opens: RunSettings[] = [], recs: Recorded[] = []): LiveHost {
  return {
    initial: { seed: 1, variant: null, ruleSets: {} },
    sets: [],
    canRestart: true,
    ruleSets: [{ country: 'US', name: 'United States' }],
    open(settings) {
      opens.push(settings);
      const rec: Recorded = { lines: [], results: [], ended: [] };
      recs.push(rec);
      const sets = Object.entries(settings.ruleSets).map(([c, x]) => `centrals.${c}.ruleSet=${x}`);
      return { ok: true, opened: opened(prepare(settings.seed, sets), rec) };
    },
  };
}

function headless(seed = 1): { lines: string[]; indicators: number[][]; events: SimEvent[]; p: Prepared } {
  const p = prepare(seed);
  const lines: string[] = [];
  const events: SimEvent[] = [];
  const indicators: number[][] = [];
  for (const r of runTicks(p.run, p.last)) {
    for (const e of r.events) lines.push(JSON.stringify(e));
    events.push(...r.events);
    indicators.push(r.indicators);
  }
  return { lines, indicators, events, p };
}

/** A live session of seed 1 at full speed, run on a fake clock until it finished. */
function finishedSession(): { rec: Recorded; s: LiveSession } {
  const rec: Recorded = { lines: [], results: [], ended: [] };
  const clock = new FakeClock(1);
  const s = new LiveSession(host(), opened(prepare(), rec), { seed: 1, variant: null, ruleSets: {} }, { clock });
  for (let i = 0; i < 8; i++) s.faster();
  s.start();
  for (let i = 0; i < 1000 && s.frame().status !== 'finished'; i++) clock.advance(33);
  expect(s.frame().status).toBe('finished');
  return { rec, s };
}

describe('a live session', () => {
  it('hands the sink the same ticks and events as a headless run, then ends it once', () => {
    const { rec, s } = finishedSession();
    const h = headless();
    expect(rec.lines).toEqual(h.lines);
    expect(rec.results.map((r) => r.indicators)).toEqual(h.indicators);
    expect(rec.ended).toEqual([false]);
    s.quit('quit');
    expect(rec.ended).toEqual([false]);
  });

  it('publishes at most one frame per animation frame, batching ticks at full speed', () => {
    const rec: Recorded = { lines: [], results: [], ended: [] };
    const clock = new FakeClock(1);
    const s = new LiveSession(host(), opened(prepare(), rec), { seed: 1, variant: null, ruleSets: {} }, { clock });
    for (let i = 0; i < 8; i++) s.faster();
    let frames = 0;
    s.subscribe(() => frames++);
    s.start();
    const timers = clock.advance(200);
    expect(frames).toBeLessThanOrEqual(timers);
    expect(rec.results.length / frames).toBeGreaterThan(5);
  });

  it('runs about as many ticks a second as its speed says, publishing only when something changed', () => {
    const rec: Recorded = { lines: [], results: [], ended: [] };
    const clock = new FakeClock(0);
    const s = new LiveSession(host(), opened(prepare(), rec), { seed: 1, variant: null, ruleSets: {} }, { clock });
    let frames = 0;
    s.subscribe(() => frames++);
    s.start();
    clock.advance(2000);
    // 4 ticks a second: one at once, then about 8 in two seconds.
    expect(rec.results.length).toBeGreaterThanOrEqual(8);
    expect(rec.results.length).toBeLessThanOrEqual(10);
    expect(frames).toBe(rec.results.length);
  });

  it('pauses, steps one tick at a time, and on quit ends the outputs as interrupted', () => {
    const rec: Recorded = { lines: [], results: [], ended: [] };
    const clock = new FakeClock(0);
    const s = new LiveSession(host(), opened(prepare(), rec), { seed: 1, variant: null, ruleSets: {} }, { clock, paused: true });
    s.start();
    clock.advance(1000);
    expect(rec.results).toHaveLength(0);
    s.stepForward();
    s.stepForward();
    expect(s.frame().tick).toBe(1);
    expect(s.frame().status).toBe('paused');
    s.togglePause();
    clock.advance(600);
    expect(s.frame().tick).toBeGreaterThan(1);
    s.quit('interrupt');
    expect(rec.ended).toEqual([true]);
    return expect(s.done).resolves.toBe('interrupt');
  });

  it('restarts with a new seed or rule set on fresh outputs, ending the old run as interrupted', () => {
    const opens: RunSettings[] = [];
    const recs: Recorded[] = [];
    const first: Recorded = { lines: [], results: [], ended: [] };
    const clock = new FakeClock(0);
    const s = new LiveSession(host(opens, recs), opened(prepare(), first), { seed: 1, variant: null, ruleSets: {} }, { clock, paused: true });
    s.stepForward();
    s.restart({ seed: 2 });
    expect(first.ended).toEqual([true]);
    expect(opens).toEqual([{ seed: 2, variant: null, ruleSets: {} }]);
    expect(s.frame().changed).toEqual({ seed: true, variant: false, ruleSets: [], sets: [] });
    s.restart({ ruleSet: { central: 'H', country: 'US' } });
    expect(opens[1]).toEqual({ seed: 2, variant: null, ruleSets: { H: 'US' } });
    expect(s.frame().changed.ruleSets).toEqual(['Home federation: US']);
    expect(s.frame().view.centrals.find((c) => c.id === 'H')?.ruleSet).toBe('US');
    expect(recs[0]!.ended).toEqual([true]);
    s.quit('quit');
  });

  it('a restart while paused stays paused; a restart while running keeps running', () => {
    const clock = new FakeClock(0);
    const s = new LiveSession(host(), opened(prepare(), { lines: [], results: [], ended: [] }), { seed: 1, variant: null, ruleSets: {} }, { clock, paused: true });
    s.restart({ seed: 2 });
    expect(s.frame().status).toBe('paused');
    clock.advance(1000);
    expect(s.frame().tick).toBe(-1);
    s.togglePause();
    s.restart({ seed: 3 });
    expect(s.frame().status).toBe('running');
    s.quit('quit');
  });

  it('a restart shows what the swap dropped, in the footer notice', () => {
    const h = host();
    const withNotes: LiveHost = { ...h, open: (x) => ({ ...(h.open(x) as { ok: true; opened: OpenedRun }), notes: ['US under AT rules: dropped mouIsCompact'] }) };
    const s = new LiveSession(withNotes, opened(prepare(), { lines: [], results: [], ended: [] }), { seed: 1, variant: null, ruleSets: {} }, { clock: new FakeClock(0), paused: true });
    s.restart({ seed: 2 });
    expect(s.frame().notice).toBe('US under AT rules: dropped mouIsCompact; restarted');
    s.quit('quit');
  });

  it('Ctrl-C after the run finished is a plain quit: nothing was interrupted', async () => {
    const { rec, s } = finishedSession();
    s.quit('interrupt');
    expect(rec.ended).toEqual([false]);
    await expect(s.done).resolves.toBe('quit');
  });
});

describe('a replay', () => {
  it('rebuilds, from the recorded events, the instruments and relations the live run had', () => {
    const h = headless();
    const s = h.p.run.model.scenario;
    const replay = new ReplaySession({
      dir: 'mem', scenario: s, seed: 1, variant: null, ruleSets: [], firstTick: 0, lastTick: h.p.last, interrupted: false,
      events: h.events, indicatorNames: indicatorNames(h.p.run.model), indicators: h.indicators,
    });
    while (replay.frame().status !== 'finished') replay.stepForward();
    const live = worldView(h.p.run.world, { calendar: h.p.run.model.calendar, issues: s.issues, order: [...s.centrals.map((c) => c.id), ...s.subnationals.map((u) => u.id)], swapped: new Set(), gate: 0 });
    const got = replay.frame().view;
    expect(got.byKind).toEqual(live.byKind);
    expect(got.byDuchacek).toEqual(live.byDuchacek);
    expect(got.awaiting).toEqual(live.awaiting);
    expect(got.centrals.map((c) => c.subnationals.map((u) => [u.id, u.relation, u.inForce]))).toEqual(live.centrals.map((c) => c.subnationals.map((u) => [u.id, u.relation, u.inForce])));
    expect(replay.frame().eventCount).toBe(h.events.length);
    expect(replay.frame().indicatorCount).toBe(h.indicators.length);
  });

  it('steps back and forward to the same picture', () => {
    const h = headless();
    const replay = new ReplaySession({
      dir: 'mem', scenario: h.p.run.model.scenario, seed: 1, variant: null, ruleSets: [], firstTick: 0, lastTick: h.p.last, interrupted: false,
      events: h.events, indicatorNames: indicatorNames(h.p.run.model), indicators: h.indicators,
    });
    for (let i = 0; i < 30; i++) replay.stepForward();
    const at30 = replay.frame();
    replay.stepForward();
    replay.stepBack();
    expect(replay.frame().tick).toBe(at30.tick);
    expect(replay.frame().view).toEqual(at30.view);
    expect(replay.frame().eventCount).toBe(at30.eventCount);
    for (let i = 0; i < 40; i++) replay.stepBack();
    expect(replay.frame().tick).toBe(-1);
    expect(replay.frame().eventCount).toBe(0);
  });
});

describe('a swap back to the original rule set', () => {
  it('is no change', () => {
    const opens: RunSettings[] = [];
    const s = new LiveSession(host(opens), opened(prepare(), { lines: [], results: [], ended: [] }), { seed: 1, variant: null, ruleSets: {} }, { clock: new FakeClock(0), paused: true });
    s.restart({ ruleSet: { central: 'H', country: 'US' } });
    s.restart({ ruleSet: { central: 'H', country: 'AT' } });
    expect(opens[1]!.ruleSets).toEqual({});
    expect(s.frame().changed.ruleSets).toEqual([]);
    s.quit('quit');
  });
});
