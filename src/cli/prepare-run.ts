/**
 * Everything a run needs before its first tick, validated: scenario (with variant and overrides), rule sets,
 * seed, end date, timeline paths; or a resumed run from a checkpoint. Bad input becomes positioned problems.
 */
import { upgradeCheckpoint } from '../engine/checkpoint-check.ts';
import { isAbsolute, resolve } from 'node:path';
import { parseDate } from '../model/calendar.ts';
import { checkTimeline } from '../engine/phases/timeline.ts';
import { lastTick, resumeRun, startRun, type Checkpoint, type Run, type RunMeta } from '../engine/run.ts';
import { COMMAND_LINE, loadScenario, type Loaded } from '../scenario/load-scenario.ts';
import { parseOverride, type Override } from '../scenario/overrides.ts';
import type { Problem } from '../scenario/problem.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { loadRuleSets, readText } from './files.ts';

export interface RunRequest {
  scenario: string | null;
  seed: number | null;
  variant: string | null;
  sets: string[];
  until: string | null;
  from: string | null;
  cwd: string;
  /** A restart from the UI (keys v, g, r): overrides of rule sets the new run cannot reach lie idle instead of failing. */
  restart?: boolean;
}

export interface Prepared {
  run: Run;
  last: number;
  scenarioFile: string | null;
  resumedFrom: string | null;
  /** What a rule-set swap dropped (a restart shows it on screen); empty without a swap. */
  swapNotes?: string[];
}

export type PrepareResult = { ok: true; prepared: Prepared } | { ok: false; problems: Problem[] };

const arg = (message: string, expected?: string): Problem => {
  const p: Problem = { code: 'bad-argument', file: COMMAND_LINE, line: 0, column: 0, path: [], message };
  if (expected) p.expected = expected;
  return p;
};

export function prepareRun(req: RunRequest): PrepareResult {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(req.cwd, f));
  let until: string | null = null;
  if (req.until !== null) {
    until = parseDate(req.until);
    if (until === null) return { ok: false, problems: [arg(`--until: not a date "${req.until}"`, 'YYYY-MM or YYYY-MM-DD')] };
  }
  if (req.from !== null) {
    if (req.scenario !== null || req.variant !== null || req.sets.length > 0) {
      return { ok: false, problems: [arg('--from resumes a checkpoint, which carries its scenario, variant, overrides and seed; give none of them')] };
    }
    const read = readText(at(req.from));
    if (!read.ok) return { ok: false, problems: [read.problem] };
    const cp = parseCheckpoint(read.text, req.from);
    if (!cp.ok) return { ok: false, problems: [cp.problem] };
    if (req.seed !== null && req.seed !== cp.checkpoint.meta.seed) {
      return { ok: false, problems: [arg(`--seed ${req.seed} differs from the checkpoint's seed ${cp.checkpoint.meta.seed}`)] };
    }
    const run = resumeRun(cp.checkpoint);
    return { ok: true, prepared: { run, last: lastTick(run.model, until), scenarioFile: null, resumedFrom: req.from } };
  }
  if (req.scenario === null) return { ok: false, problems: [arg('which scenario? give a scenario file', 'paradip run <scenario.yaml> --seed <n>')] };
  if (req.seed === null) return { ok: false, problems: [arg('--seed is required: every run is reproducible from its seed', 'a whole number, e.g. --seed 1')] };
  if (!Number.isSafeInteger(req.seed) || req.seed < 0) return { ok: false, problems: [arg(`--seed must be a whole number >= 0, found ${req.seed}`)] };
  const overrides: Override[] = [];
  for (const s of req.sets) {
    const o = parseOverride(s);
    if (!o) return { ok: false, problems: [arg(`--set "${s}" is not path=value`, 'e.g. --set behaviour.parameters.actThreshold=0.6')] };
    overrides.push(o);
  }
  const file = at(req.scenario);
  const read = readText(file);
  if (!read.ok) return { ok: false, problems: [{ ...read.problem, file: req.scenario }] };
  const lib = loadRuleSets(file);
  if (!lib.ok) return { ok: false, problems: lib.problems };
  const loaded = loadScenario(read.text, req.scenario, { ruleSets: lib.ruleSets, variant: req.variant, overrides, idleRuleSetOverrides: req.restart === true ? 'allow' : 'error' });
  if (!loaded.ok) return loaded;
  const started = startLoaded(loaded, { seed: req.seed, variant: req.variant, overrides });
  if (!started.ok) return started;
  const run = started.run;
  return { ok: true, prepared: { run, last: lastTick(run.model, until), scenarioFile: req.scenario, resumedFrom: null, swapNotes: loaded.swapNotes } };
}

/**
 * A loaded scenario's run at tick 0, with the rule sets it can reach (the loader's list: its centrals' and
 * those its timeline switches to), and every timeline path checked against the world, positioned in the file.
 */
export function startLoaded(loaded: Extract<Loaded, { ok: true }>, meta: RunMeta): { ok: true; run: Run } | { ok: false; problems: Problem[] } {
  const run = startRun(loaded.scenario, loaded.ruleSets, meta);
  const timelineErrors = checkTimeline(run.model, run.world);
  if (timelineErrors.length === 0) return { ok: true, run };
  return {
    ok: false,
    problems: timelineErrors.map((e) => {
      const path = ['timeline', e.index, 'set', e.path];
      const { line, column } = loaded.source.locate(path);
      return { code: 'unknown-id', file: loaded.source.file, line, column, path, message: `timeline input does not fit the world: ${e.error}` };
    }),
  };
}

function parseCheckpoint(text: string, file: string): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: Problem } {
  const bad = (message: string): { ok: false; problem: Problem } => ({ ok: false, problem: { code: 'invalid-value', file, line: 0, column: 0, path: [], message } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return bad(`not JSON: ${(e as Error).message}`);
  }
  const cp = data as Partial<Checkpoint>;
  if (cp?.format !== 'paradip-checkpoint' || cp.version !== 1) return bad('not a paradip checkpoint (format "paradip-checkpoint", version 1)');
  if (!scenarioSchema.safeParse(cp.scenario).success) return bad('the checkpoint\'s scenario does not validate');
  if (typeof cp.world !== 'object' || cp.world === null || !Array.isArray(cp.ruleSets) || typeof cp.meta?.seed !== 'number') return bad('the checkpoint is incomplete');
  // As readCheckpointFile checked it: an older checkpoint gains the parts added since, at their defaults.
  upgradeCheckpoint(cp as Record<string, unknown>);
  return { ok: true, checkpoint: cp as Checkpoint };
}
