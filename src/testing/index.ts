/**
 * paradip/testing: what users need to write their own property tests over the model. Arbitraries generate
 * valid scenarios, rule sets and runs; invariant checks say what every run must satisfy; `simulate` runs a
 * generated scenario headless and returns its events as the JSON lines `paradip run` would write.
 */
import { checkpoint, resumeRun, runTicks, startRun, lastTick, type Run } from '../engine/run.ts';

export { ruleSetArbitrary, runArbitrary, scenarioArbitrary, type GeneratedScenario, type RuleSetOptions, type ScenarioOptions } from './arbitraries.ts';
export { assertInvariants, checkInvariants, type Violation } from './invariants.ts';
export { orderPreservingRenaming, renameBack, renameIds, scenarioIds, shuffledRenaming } from './rename.ts';
export { permute, shuffleScenario } from './shuffle.ts';
export { differences, outcomes, type CompareOptions, type Difference, type Outcomes } from './outcomes.ts';
export { equivalentUnderRenaming, equivalentUnderTickLength, sameUpToRenaming, withTick, type LawReport } from './laws.ts';
export { checkpoint, resumeRun, startRun, runTicks, lastTick, type Run };
export { continueRun, simulate, type Simulated } from './simulate.ts';

export { shippedScenarios, type ShippedScenario } from './shipped.ts';
