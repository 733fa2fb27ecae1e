/**
 * The report of a sweep's result directory: what was run, each measure against each parameter with the spread
 * over seeds, and for a sobol or morris design the sensitivity indices with their intervals.
 */
import type { ParameterSpec, ParameterValue } from '../experiment/design.ts';
import { analyseSensitivity, type Sensitivity, type SensitivityOptions } from '../experiment/sensitivity.ts';
import type { SweepResult } from '../experiment/sweep-result.ts';
import { measureChart, morrisChart, passRateChart, sobolChart, type ParameterAxis, type PassRate, type PointSpread } from './charts.ts';
import { renderSvg } from './render-svg.ts';
import type { Report, ReportSection } from './report-page.ts';

/** Most design points drawn per chart; past it, every n-th point (by id), so the page stays light (~100 kB a chart). */
export const MAX_CHART_POINTS = 600;

/** Bins of a numeric parameter's range for pass rates. */
export const PASS_RATE_BINS = 10;

/** A run's pass/fail of a target, when the caller can tell (targets-from-measures.ts). */
export type PassOf = (measure: string, value: number) => boolean | null;

/** A range on its own scale (log for log-uniform), numeric values on a linear one, other values as categories. */
function axisOf(p: ParameterSpec): ParameterAxis {
  if (p.values === undefined) return { kind: p.distribution === 'log-uniform' ? 'log' : 'linear', domain: [p.min!, p.max!] };
  const nums = p.values.filter((v): v is number => typeof v === 'number');
  if (nums.length < p.values.length || nums.length < 2) return { kind: 'nominal' };
  return { kind: 'linear', domain: [Math.min(...nums), Math.max(...nums)] };
}

/** Per design point: the parameter value and the measure's mean, min and max over the point's finished seeds. */
export function spreadByPoint(result: SweepResult, measure: string, parameter: string): PointSpread[] {
  const acc = new Map<number, { x: ParameterValue; sum: number; n: number; min: number; max: number }>();
  for (const r of result.runs) {
    const v = r.measures[measure]!;
    if (r.status !== 'ok' || !Number.isFinite(v)) continue;
    const a = acc.get(r.point) ?? { x: r.params[parameter]!, sum: 0, n: 0, min: Infinity, max: -Infinity };
    a.sum += v;
    a.n++;
    a.min = Math.min(a.min, v);
    a.max = Math.max(a.max, v);
    acc.set(r.point, a);
  }
  const points = [...acc.entries()].sort((p, q) => p[0] - q[0]).map(([, a]) => ({ x: a.x, mean: a.sum / a.n, min: a.min, max: a.max }));
  const stride = Math.ceil(points.length / MAX_CHART_POINTS);
  return stride > 1 ? points.filter((_, i) => i % stride === 0) : points;
}

function describeDesign(result: SweepResult): string {
  const d = result.design;
  const parts: string[] = [d.kind];
  if (d.samples !== undefined) parts.push(`samples ${d.samples}`);
  if (d.kind === 'morris') parts.push(`levels ${d.levels ?? 4}`);
  if (d.seed !== undefined) parts.push(`seed ${d.seed}`);
  return parts.join(', ');
}

/** Six significant digits: a range bound as a reader wants it (pi, not 3.141592653589793). */
const short = (x: number): string => String(Number(x.toPrecision(6)));

function describeParam(p: ParameterSpec): string {
  if (p.values) return `${p.path} in {${p.values.join(', ')}}`;
  return `${p.path} ${p.distribution ?? 'uniform'} [${short(p.min!)}, ${short(p.max!)}]`;
}

/**
 * Short names for charts: each path's shortest tail of segments that no other path ends with
 * (behaviour.parameters.lawChance -> lawChance), so axis labels and titles fit; tables keep full paths.
 */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of paths) {
    const parts = path.split('.');
    let n = 1;
    while (n < parts.length && paths.some((o) => o !== path && (o === parts.slice(-n).join('.') || o.endsWith(`.${parts.slice(-n).join('.')}`)))) n++;
    out.set(path, parts.slice(-n).join('.'));
  }
  return out;
}

async function sensitivitySection(s: Sensitivity, options: SensitivityOptions, names: Map<string, string>): Promise<ReportSection> {
  const measures = [...new Set(s.rows.map((r) => r.measure))];
  const charts: string[] = [];
  for (const m of measures) {
    if (s.kind === 'sobol') {
      const bars = s.rows.filter((r) => r.measure === m).flatMap((r) => [
        { parameter: names.get(r.parameter)!, index: 'S1', value: r.S1, lo: r.S1 - r.S1_conf, hi: r.S1 + r.S1_conf },
        { parameter: names.get(r.parameter)!, index: 'ST', value: r.ST, lo: r.ST - r.ST_conf, hi: r.ST + r.ST_conf },
      ]);
      if (bars.every((b) => Number.isFinite(b.value))) charts.push(await renderSvg(sobolChart(m, bars)));
    } else {
      const dots = s.rows.filter((r) => r.measure === m).map((r) => ({ parameter: names.get(r.parameter)!, mu_star: r.mu_star, sigma: r.sigma, lo: r.mu_star - r.mu_star_conf, hi: r.mu_star + r.mu_star_conf }));
      if (dots.every((d) => Number.isFinite(d.mu_star))) charts.push(await renderSvg(morrisChart(m, dots)));
    }
  }
  const text =
    s.kind === 'sobol'
      ? [`First-order (S1) and total (ST) Sobol' indices (${options.firstOrder === 'saltelli' ? "S1 Saltelli 2010's estimator, ST Jansen's" : "Jansen's estimators"}), with 95% bootstrap intervals. S1 is the share of the measure's variance a parameter explains alone; ST adds its interactions. Each point's value is the mean over its seeds.`]
      : ['Morris elementary effects: mu* (mean absolute effect, with its 95% bootstrap interval) against sigma (their spread: interactions or a non-linear effect). Each point\'s value is the mean over its seeds.'];
  for (const n of s.notes) {
    const left = [n.errored ? `${n.errored} errored runs` : '', n.never && options.never === undefined ? `${n.never} runs where it never happened` : '', n.dropped ? `${n.dropped} rows or steps without a value` : ''].filter(Boolean);
    if (left.length) text.push(`${n.measure}: left out ${left.join(', ')}.`);
    if (n.never && options.never !== undefined) text.push(`${n.measure}: ${n.never} runs where it never happened, counted as ${options.never}.`);
  }
  const rows = s.rows.map((r) => s.columns.map((c) => (r as unknown as Record<string, string | number>)[c]!));
  return { title: 'Which parameters matter', text, charts, table: { columns: s.columns.map(String), rows } };
}

/** The sections and facts of a sweep's report; `passOf` adds target pass rates for measures it can judge. */
export async function sweepReport(result: SweepResult, passOf?: PassOf, options: SensitivityOptions = {}): Promise<Report> {
  const exp = result.experiment;
  const scenario = exp['scenario'] as { file?: string; path?: string; sha256?: string } | string | undefined;
  const scenarioPath = typeof scenario === 'string' ? scenario : (scenario?.file ?? scenario?.path ?? '?');
  const versions = exp['versions'] as Record<string, string> | undefined;
  const errored = result.runs.filter((r) => r.status !== 'ok').length;
  const points = new Set(result.runs.map((r) => r.point)).size;
  const facts: [string, string][] = [
    ['result', result.dir],
    ['scenario', scenarioPath],
  ];
  if (typeof scenario === 'object' && scenario?.sha256) facts.push(['scenario sha256', scenario.sha256]);
  if (typeof exp['variant'] === 'string') facts.push(['variant', exp['variant']]);
  facts.push(['design', describeDesign(result)], ['parameters', result.params.map(describeParam).join('; ')], ['points', String(points)]);
  facts.push(['runs', `${result.runs.length}${errored ? ` (${errored} errored)` : ''}`], ['measures', result.measures.join(', ')]);
  if (versions) facts.push(['versions', Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')]);

  const sections: ReportSection[] = [];
  const names = shortNames(result.params.map((p) => p.path));
  // The answer first: which parameters matter, then how each measure moves with each parameter.
  if (result.design.kind === 'sobol' || result.design.kind === 'morris') sections.push(await sensitivitySection(analyseSensitivity(result, options), options, names));
  for (const measure of result.measures) {
    const charts: string[] = [];
    for (const p of result.params) {
      const spread = spreadByPoint(result, measure, p.path);
      if (spread.length > 0) charts.push(await renderSvg(measureChart(measure, names.get(p.path)!, spread, axisOf(p))));
    }
    const text = ['Each dot is a design point: the mean over its seeds; the grey rule runs from the lowest to the highest seed; the red line is a loess trend (a mean per value for categories).'];
    if (charts.length === 0) text.push(`${measure} never happened in any finished run.`);
    sections.push({ title: `${measure} against each parameter`, text, charts });
  }
  if (passOf) {
    const charts: string[] = [];
    for (const p of result.params) {
      const rates = passRates(result, p, passOf);
      if (rates.length) charts.push(await renderSvg(passRateChart(names.get(p.path)!, rates, axisOf(p))));
    }
    if (charts.length) sections.push({ title: 'Target pass rates', text: [`For each measure that is one of the scenario's targets: the share of runs in which the target passes, by the parameter's value (a range in ${PASS_RATE_BINS} equal bins, log-spaced for a log-uniform one).`], charts });
  }
  return { title: `paradip sweep: ${typeof exp['id'] === 'string' ? exp['id'] : scenarioPath}`, facts, sections };
}

/** The bin of a numeric parameter value (equal widths, in log space for a log-uniform range), as its middle. */
function binOf(p: ParameterSpec, x: number): number {
  const log = p.distribution === 'log-uniform';
  const [lo, hi, v] = log ? [Math.log(p.min!), Math.log(p.max!), Math.log(x)] : [p.min!, p.max!, x];
  const i = Math.min(PASS_RATE_BINS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * PASS_RATE_BINS)));
  const mid = lo + ((i + 0.5) * (hi - lo)) / PASS_RATE_BINS;
  return log ? Math.exp(mid) : mid;
}

/** Per target measure: the share of runs that pass, by value of the parameter (a range in PASS_RATE_BINS bins). */
function passRates(result: SweepResult, param: ParameterSpec, passOf: PassOf): PassRate[] {
  const out: PassRate[] = [];
  const ranged = param.values === undefined;
  for (const m of result.measures) {
    const acc = new Map<string, { x: ParameterValue; pass: number; n: number }>();
    for (const r of result.runs) {
      if (r.status !== 'ok') continue;
      const pass = passOf(m, r.measures[m]!);
      if (pass === null) continue;
      const raw = r.params[param.path]!;
      const x = ranged && typeof raw === 'number' ? binOf(param, raw) : raw;
      const a = acc.get(String(x)) ?? { x, pass: 0, n: 0 };
      a.n++;
      if (pass) a.pass++;
      acc.set(String(x), a);
    }
    out.push(...[...acc.values()].map((a) => ({ x: a.x, rate: a.pass / a.n, target: m })));
  }
  return out;
}
