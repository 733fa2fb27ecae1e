/**
 * paradip as a library: load a scenario (with a variant and `--set` overrides), run it tick by tick, and read its
 * events and indicators as `paradip run` writes them. Property-test helpers are in `paradip/testing`.
 *
 *   import { prepareRun, runTicks } from 'paradip';
 *   const r = prepareRun({ scenario: 'my.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: process.cwd() });
 *   if (r.ok) for (const tick of runTicks(r.prepared.run, r.prepared.last)) console.log(tick.date, tick.events.length);
 */
export { prepareRun, type Prepared, type PrepareResult, type RunRequest } from './cli/prepare-run.ts';
export { loadRuleSets } from './cli/files.ts';
export { loadScenario, type Loaded, type LoadOptions } from './scenario/load-scenario.ts';
export { checkpoint, lastTick, resumeRun, runTicks, startRun, type Checkpoint, type Run, type RunMeta } from './engine/run.ts';
export { EVENT_KINDS, type EventKind, type SimEvent } from './engine/events.ts';
export { indicatorNames } from './engine/phases/observe.ts';
export { runIdOf } from './cli/run-id.ts';
export { EVENT_CSV_COLUMNS, eventLine, eventRecord } from './cli/event-record.ts';
export { formatProblem, type Problem } from './scenario/problem.ts';
export type { Scenario } from './scenario/schema.ts';
export type { RuleSet } from './rules/rule-set.ts';
export { version } from './cli/provenance.ts';
export type { TickResult } from './engine/step.ts';
