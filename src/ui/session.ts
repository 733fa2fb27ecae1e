/**
 * What the screen shows and what the keys can ask for. A session (live: the engine running; replay: a
 * recorded run) publishes immutable frames, at most one per animation frame, and the components render
 * the latest one (useSyncExternalStore). The UI never owns the simulation: a live session pulls ticks from
 * the engine and hands every one to the host's sink, which writes the outputs exactly as a headless run does.
 */
import type { SimEvent } from '../engine/events.ts';
import type { Run } from '../engine/run.ts';
import type { TickResult } from '../engine/step.ts';
import type { EventNames } from '../experiment/describe-event.ts';
import type { WorldView } from './world-view.ts';

export type Status = 'running' | 'paused' | 'finished';

/** Ticks per second at each speed step; the last runs as fast as the frame budget allows. */
export const SPEEDS = [1, 2, 4, 8, 15, 30, 60, 120, Number.POSITIVE_INFINITY] as const;
export const DEFAULT_SPEED = 2;

export function speedLabel(index: number): string {
  const s = SPEEDS[index] ?? 1;
  return Number.isFinite(s) ? `${s} ticks/s` : 'max';
}

/** The settings a run is started with; restarts change them one key at a time (v, g, r). */
export interface RunSettings {
  variant: string | null;
  seed: number;
  /** Rule-set swaps: central id to a rule-set country (overrides centrals.<id>.ruleSet). */
  ruleSets: Record<string, string>;
}

export interface Frame {
  mode: 'live' | 'replay';
  title: string;
  seed: number;
  variant: string | null;
  /** What v, g and r changed from the run the command started. */
  changed: Changed;
  status: Status;
  speed: number;
  /** The last tick simulated (or replayed), -1 before the first. */
  tick: number;
  /** Date of `tick` (the start date before the first tick). */
  date: string;
  firstTick: number;
  lastTick: number;
  /** Calendar unit of a tick (month, year, ...). */
  unit: string;
  view: WorldView;
  /** Every event so far, append-only; only the first `eventCount` belong to this frame. */
  events: readonly SimEvent[];
  eventCount: number;
  names: EventNames;
  indicatorNames: readonly string[];
  /** One row per tick from firstTick; only the first `indicatorCount` belong to this frame. */
  indicators: readonly (readonly number[])[];
  indicatorCount: number;
  /** Where this run's outputs go, if anywhere. */
  out: string | null;
  /** A one-line message for the footer (a restart, an error, a hint). */
  notice: string | null;
}

export interface Changed {
  seed: boolean;
  variant: boolean;
  /** Centrals given another country's rules: "United States: AT". */
  ruleSets: string[];
  /** The run's other overrides (--set), as path=value: the header shows them, so the class knows what differs. */
  sets: string[];
}

export const UNCHANGED: Changed = { seed: false, variant: false, ruleSets: [], sets: [] };

/** Restarts the keys can ask for; each keeps the other settings. */
export type Change = { variant: string | null } | { ruleSet: { central: string; country: string } } | { seed: number };

export interface Choices {
  variants: { id: string; description: string }[];
  centrals: { id: string; name: string; ruleSet: string }[];
  ruleSets: { country: string; name: string }[];
}

export interface Controller {
  subscribe(listener: () => void): () => void;
  frame(): Frame;
  togglePause(): void;
  stepForward(): void;
  stepBack(): void;
  faster(): void;
  slower(): void;
  /** Null when restarts are impossible (a replay, a run resumed from a checkpoint). */
  choices(): Choices | null;
  restart(change: Change): void;
  quit(reason: 'quit' | 'interrupt'): void;
  /** Resolves once quit() has run and the outputs are complete. */
  readonly done: Promise<'quit' | 'interrupt'>;
}

/** Where a live run's ticks go: the host writes them (events.jsonl, indicators.csv, checkpoints, run.json). */
export interface TickSink {
  tick(result: TickResult): void;
  /** The run ended: finished, or cut short by quit or restart (then run.json says interrupted). */
  end(interrupted: boolean): void;
}

export interface OpenedRun {
  run: Run;
  last: number;
  out: string | null;
  sink: TickSink;
}

/** What the command line gives a live session: how to open a run (and its outputs) for given settings. */
export interface LiveHost {
  /** The settings of the run the command started, to say what a restart changed. */
  readonly initial: RunSettings;
  /** The command line's --set overrides, path=value, kept by every restart. */
  readonly sets: readonly string[];
  readonly canRestart: boolean;
  readonly ruleSets: { country: string; name: string }[];
  /** `notes`: what the new settings could not keep (a rule-set swap dropping options), shown after the restart. */
  open(settings: RunSettings): { ok: true; opened: OpenedRun; notes?: string[] } | { ok: false; error: string };
}
