/**
 * Loading an experiment: the file (experiment-schema.ts) or the same from `sweep` flags, then everything a
 * sweep needs checked before the first run: the scenario loads, every measure names something that exists,
 * and every design point's overrides apply. Problems are positioned in the experiment file (an override's
 * problem at the parameter that made it), so bad input never starts a sweep.
 */
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { indicatorNames } from '../engine/phases/observe.ts';
import { buildModel } from '../engine/model.ts';
import { lastTick } from '../engine/run.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { COMMAND_LINE, loadScenario } from '../scenario/load-scenario.ts';
import type { Override } from '../scenario/overrides.ts';
import type { Problem } from '../scenario/problem.ts';
import { parseYaml, zodProblems, type Source } from '../scenario/source.ts';
import { experimentSchema, MEASURE_KINDS, type ExperimentSpec } from './experiment-schema.ts';
import { DesignError, designPoints, type DesignPoint, type ParameterSpec } from './design.ts';

/** Columns every results table has besides parameters and measures. */
export const FIXED_COLUMNS = ['run', 'point', 'seed', 'status', 'error'] as const;

export interface Experiment {
  spec: ExperimentSpec;
  /** The experiment file as given, or null for a sweep from flags. */
  file: string | null;
  /** The scenario path as given (relative to the working directory), its absolute path, text and SHA-256. */
  scenarioFile: string;
  scenarioPath: string;
  scenarioText: string;
  scenarioSha256: string;
  library: RuleSet[];
  /** The experiment's fixed overrides (`set`), applied to every run before the point's values. */
  fixed: Override[];
  points: DesignPoint[];
  /** Subnationals x ticks of one run (with the fixed settings): what the default number of threads goes by. */
  agentTicksPerRun: number;
}

export type Built = { ok: true; experiment: Experiment } | { ok: false; problems: Problem[] };

/** What reading files takes (cli/files.ts in the command; passed in so this module stays free of I/O policy). */
export interface Reader {
  readText(file: string): { ok: true; text: string } | { ok: false; problem: Problem };
  loadRuleSets(scenarioFile: string): { ok: true; ruleSets: RuleSet[] } | { ok: false; problems: Problem[] };
}

/** Parses and validates an experiment file; the scenario path in it is relative to the file. */
export function parseExperiment(text: string, file: string): { ok: true; spec: ExperimentSpec; source: Source } | { ok: false; problems: Problem[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const r = experimentSchema.safeParse(parsed.data);
  if (!r.success) return { ok: false, problems: zodProblems(r.error, parsed.source) };
  return { ok: true, spec: r.data, source: parsed.source };
}

/** True when YAML data is an experiment (`experiment: 1`) rather than a scenario (`paradip: 1`). */
export function looksLikeExperiment(text: string): boolean {
  return /^experiment\s*:/m.test(text);
}

/**
 * Checks an experiment against its scenario and expands its design. `source` positions problems in the
 * experiment file; without one (flags) they are on the command line.
 */
export function buildExperiment(spec: ExperimentSpec, file: string | null, source: Source | null, cwd: string, io: Reader): Built {
  const at = (path: (string | number)[], message: string, expected?: string): Problem => {
    const pos = source ? source.locate(path) : { line: 0, column: 0 };
    const p: Problem = { code: 'invalid-value', file: file ?? COMMAND_LINE, line: pos.line, column: pos.column, path: source ? path : [], message };
    if (expected) p.expected = expected;
    return p;
  };
  const problems: Problem[] = [];
  // Each measure: exactly one kind, a unique name that is not another column's.
  const taken = new Set<string>([...FIXED_COLUMNS, ...spec.parameters.map((p) => p.path)]);
  spec.measures.forEach((m, i) => {
    const kinds = MEASURE_KINDS.filter((k) => m[k] !== undefined);
    if (kinds.length !== 1) problems.push(at(['measures', i], kinds.length === 0 ? `measure ${m.name} says nothing to measure` : `measure ${m.name} has ${kinds.join(' and ')}: give one`, MEASURE_KINDS.join(', ')));
    if (taken.has(m.name)) problems.push(at(['measures', i, 'name'], `the column name "${m.name}" is already used`, 'a name unlike run, point, seed, status, error, the parameter paths and the other measures'));
    taken.add(m.name);
    const ind = m.indicator;
    if (ind?.summary === 'at' && ind.at === undefined) problems.push(at(['measures', i, 'indicator'], 'summary "at" needs a date: at: YYYY-MM'));
    if (ind?.summary === 'first-above' && ind.above === undefined) problems.push(at(['measures', i, 'indicator'], 'summary "first-above" needs a threshold: above: <number>'));
  });
  // Each parameter: values, or a range; paths unique.
  const paths = new Set<string>();
  spec.parameters.forEach((p, i) => {
    if (paths.has(p.path)) problems.push(at(['parameters', i, 'path'], `parameter ${p.path} is listed twice`));
    paths.add(p.path);
    const range = p.min !== undefined || p.max !== undefined;
    if (p.values === undefined && !range) problems.push(at(['parameters', i], `parameter ${p.path} needs values or a range`, 'values: [a, b, ...] or min and max'));
    if (p.values !== undefined && range) problems.push(at(['parameters', i], `parameter ${p.path} has both values and a range: give one`));
    if (p.values === undefined && range && (p.min === undefined || p.max === undefined || !(p.min < p.max))) problems.push(at(['parameters', i], `parameter ${p.path}: a range needs min < max`, 'min and max, min below max'));
    if (p.distribution === 'log-uniform' && p.min !== undefined && p.min <= 0) problems.push(at(['parameters', i, 'min'], 'a log-uniform range needs min > 0'));
  });
  if (problems.length > 0) return { ok: false, problems };

  // The scenario, with the fixed overrides.
  const base = file === null ? cwd : dirname(isAbsolute(file) ? file : resolve(cwd, file));
  const scenarioPath = isAbsolute(spec.scenario) ? spec.scenario : resolve(base, spec.scenario);
  const scenarioFile = relative(cwd, scenarioPath) || spec.scenario;
  const read = io.readText(scenarioPath);
  if (!read.ok) return { ok: false, problems: [at(['scenario'], `scenario ${spec.scenario}: ${read.problem.message}`)] };
  const lib = io.loadRuleSets(scenarioPath);
  if (!lib.ok) return { ok: false, problems: lib.problems };
  const fixed: Override[] = Object.entries(spec.set).map(([path, value]) => ({ path, value }));
  const loaded = loadScenario(read.text, scenarioFile, { ruleSets: lib.ruleSets, variant: spec.variant, overrides: fixed });
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => (p.file === COMMAND_LINE ? overrideProblem(p, spec, at) : p)) };
  const model = buildModel(loaded.scenario, loaded.ruleSets);
  const indicators = indicatorNames(model);
  spec.measures.forEach((m, i) => {
    if (m.target !== undefined && !loaded.scenario.targets.some((t) => t.id === m.target)) {
      problems.push(at(['measures', i, 'target'], `the scenario has no target "${m.target}"`, loaded.scenario.targets.map((t) => t.id).join(', ') || 'none declared'));
    }
    if (m.indicator && !indicators.includes(m.indicator.id)) problems.push(at(['measures', i, 'indicator', 'id'], `the scenario has no indicator "${m.indicator.id}"`, indicators.join(', ')));
  });
  if (problems.length > 0) return { ok: false, problems };

  let points: DesignPoint[];
  try {
    points = designPoints(spec.parameters as ParameterSpec[], spec.design);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    // DesignError names its field as `params[1].min` or `design.samples`: the experiment file's path to it.
    const path = e.field.replace(/^params/, 'parameters').split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return { ok: false, problems: [at(path, e.message.slice(e.field.length + 2))] };
  }
  // Overrides that do not apply are found now, not after hours of runs. Up to ALL_POINTS_CHECKED points, every
  // point loads; beyond (a large lhs or sobol design: ~50 ms a load would take minutes), the first point, then
  // each parameter at each of its values, or its min and max, with the others as in the first point. A value
  // that fails only in combination with another then fails its runs (status error), not the sweep.
  const checks = points.length <= ALL_POINTS_CHECKED ? points.map((p) => ({ point: p.point as number | null, values: p.values })) : reducedChecks(spec.parameters, points[0]!);
  const seen = new Set<string>();
  for (const c of checks) {
    const overrides = [...fixed, ...pointOverrides({ point: 0, values: c.values })];
    const key = JSON.stringify(overrides);
    if (seen.has(key)) continue;
    seen.add(key);
    const l = loadScenario(read.text, scenarioFile, { ruleSets: lib.ruleSets, variant: spec.variant, overrides });
    const label = c.point === null ? '' : `point ${c.point}: `;
    if (!l.ok) return { ok: false, problems: l.problems.slice(0, 20).map((x) => (x.file === COMMAND_LINE ? overrideProblem(x, spec, at, label) : { ...x, message: `${label}${x.message}` })) };
  }
  const experiment: Experiment = {
    spec, file, scenarioFile, scenarioPath, scenarioText: read.text,
    scenarioSha256: createHash('sha256').update(read.text).digest('hex'),
    library: lib.ruleSets, fixed, points,
    agentTicksPerRun: loaded.scenario.subnationals.length * (lastTick(model) + 1),
  };
  return { ok: true, experiment };
}

/** Designs of at most this many points are checked point by point before running. */
export const ALL_POINTS_CHECKED = 200;

/** The first point, and each parameter at each of its values (a range at min and max) with the others as in it. */
function reducedChecks(params: ExperimentSpec['parameters'], first: DesignPoint): { point: number | null; values: DesignPoint['values'] }[] {
  const out: { point: number | null; values: DesignPoint['values'] }[] = [{ point: first.point, values: first.values }];
  for (const p of params) for (const v of p.values ?? [p.min!, p.max!]) out.push({ point: null, values: { ...first.values, [p.path]: v } });
  return out;
}

/** A point's parameter values as overrides, in parameter order. */
export function pointOverrides(p: DesignPoint): Override[] {
  return Object.entries(p.values).map(([path, value]) => ({ path, value }));
}

/** An override's problem ("--set path=value: ..."), placed at the parameter or `set` entry that made it. */
function overrideProblem(p: Problem, spec: ExperimentSpec, at: (path: (string | number)[], m: string, e?: string) => Problem, label = ''): Problem {
  const m = /^--set ([^=]*)=/.exec(p.message);
  const path = m?.[1] ?? '';
  const i = spec.parameters.findIndex((x) => x.path === path);
  // A bad value is shown at the value in the list (a bad path, or a sampled value, at the path).
  const raw = m ? p.message.slice(m[0].length).split(':')[0] : undefined;
  const j = i >= 0 ? (spec.parameters[i]!.values ?? []).findIndex((v) => String(v) === raw) : -1;
  const where = i >= 0 ? (j >= 0 && !/no key|unknown/.test(p.message) ? ['parameters', i, 'values', j] : ['parameters', i, 'path']) : Object.hasOwn(spec.set, path) ? ['set', path] : [];
  const message = `${label}${p.message.replace(/^--set /, '')}`;
  return { ...at(where, message, p.expected), code: p.code, ...(p.found !== undefined ? { found: p.found } : {}) };
}
