/**
 * The results of docs/scenarios/acid-rain.md (section 4) from real runs, so they cannot go stale (issue 11,
 * item 2): the further measures over seeds 1-100 (4.1), the counterfactual variants and the tie channels,
 * 100 seeds each (4.2), and every parameter moved by 10%, 30 seeds each (4.3). `npm run docs:results` writes
 * them between the document's `<!-- generated: name -->` markers; test/slow/acid-rain-results.slow.test.ts
 * fails when the committed text differs from what the program now produces. Runs go through the engine's own
 * seed runner and target measures (src/experiment/seeds.ts, targets.ts), as `paradip check` does, so every
 * pass rate here is the one `paradip check --seeds 30 --set ...` prints. Determinism makes the text exact.
 */
import { availableParallelism } from 'node:os';
import { prepareRun } from '../src/cli/prepare-run.ts';
import type { SeedJobsTask } from '../src/cli/pool-worker.ts';
import { runTasks } from '../src/cli/worker-pool.ts';
import { batches, distribution, firstOverSeeds, planFor, runSeeds, seedList, targetsOverSeeds, type SeedJob, type SeedResult, type TargetOverSeeds } from '../src/experiment/seeds.ts';
import { actorOf, indicatorTick, matches, measureTarget, monthsBetween, yearDistance, type TargetEvent } from '../src/experiment/targets.ts';
import type { EventFilter, Scenario, TargetSpec } from '../src/scenario/schema.ts';
import { transferWeight } from '../src/engine/phases/issues.ts';
import type { Calendar } from '../src/model/calendar.ts';

export const RESULTS = { scenario: 'scenarios/acid-rain-1980s.yaml', doc: 'docs/scenarios/acid-rain.md', seeds: 100, robustnessSeeds: 30 } as const;

/** Dates at which section 4.1 reads Congress (the record's own dates: cosponsors 1986, floor-vote letter 1988). */
const SUPPORT_AT = ['1986-07', '1988-09', '1990-01', '1991-01'];
const GATEKEEPER_AT = ['1988-12', '1990-01', '1990-06'];
const CONGRESS = [
  { id: 'senate_support', label: 'Senate support', at: SUPPORT_AT },
  { id: 'house_support', label: 'House support', at: SUPPORT_AT },
  { id: 'senate_leader', label: 'Senate Majority Leader', at: GATEKEEPER_AT },
  { id: 'house_chair', label: 'Energy and Commerce chair', at: GATEKEEPER_AT },
];

/** A zero parameter has no 10%: these are its additive moves (a new zero parameter must be added here). */
// resolutionPressure +0.5: the NEG/ECP resolution worth five months of a mid-sized state's lobbying (lobbyPressure 0.1 x capacity 1) per supporter.
const ADDITIVE: Record<string, number[]> = { gate: [-0.1, 0.1], lawCut: [0.03], resolutionPressure: [0.5] };

/** The tie channels of section 4.2, switched off while MOUs are still signed. */
const CHANNELS: { label: string; sets: Record<string, number> }[] = [
  { label: 'ties raise no salience (`tieSalience = 0`)', sets: { tieSalience: 0 } },
  { label: 'ties move neither executive nor chambers (`tieWeight = supportTies = 0`)', sets: { tieWeight: 0, supportTies: 0 } },
  { label: 'ties do not speed the gatekeepers (`tieGate = 0`)', sets: { tieGate: 0 } },
  { label: 'all four channels off', sets: { tieSalience: 0, tieWeight: 0, supportTies: 0, tieGate: 0 } },
];

interface Batch {
  scenario: Scenario;
  calendar: Calendar;
  results: SeedResult[];
  targets: TargetOverSeeds[];
  /** Indicator values by id and date (YYYY-MM), one per seed. */
  indicator: (id: string, at: string) => number[];
}

export interface Options {
  root: string;
  workers?: number;
  /** Fewer seeds for a quick look (the document's text uses RESULTS.seeds and RESULTS.robustnessSeeds). */
  seeds?: number;
  robustnessSeeds?: number;
  /** Progress, one line per batch of runs. */
  log?: (line: string) => void;
}

/** One batch of runs: `count` seeds from 1, with a variant and `--set` overrides. */
interface Spec {
  variant: string | null;
  sets: string[];
  count: number;
}

/**
 * Runs every spec, keeping the targets' events, every signature and law, and Congress's indicators. All runs
 * share one worker pool (a pool per spec would spend more time starting workers than running 30 seeds).
 */
async function runAll(opts: Options, specs: readonly Spec[]): Promise<Batch[]> {
  const prepared = specs.map((spec) => {
    const prep = prepareRun({ scenario: RESULTS.scenario, seed: 1, variant: spec.variant, sets: spec.sets, until: null, from: null, cwd: opts.root });
    if (!prep.ok) throw new Error(prep.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    const { model, meta } = prep.prepared.run;
    const plan = planFor(model.scenario.targets, model.calendar, [{ kind: 'instrument.signed' }, { kind: 'law.enacted' }]);
    for (const c of CONGRESS) for (const at of c.at) plan.indicators.push({ id: c.id, tick: indicatorTick(model.calendar, at) });
    const job: SeedJob = { scenario: model.scenario, ruleSets: [...model.ruleSets], variant: meta.variant, overrides: meta.overrides, plan };
    return { model, job };
  });
  const jobs = prepared.map((p) => p.job);
  const workers = Math.max(1, opts.workers ?? availableParallelism());
  const tasks: SeedJobsTask[] = specs.flatMap((spec, i) => batches(seedList(1, spec.count), workers).map((seeds) => ({ job: i, seeds })));
  let done = 0;
  const started = Date.now();
  const results = await runTasks<SeedJobsTask, SeedResult[]>({ kind: 'seed-jobs', jobs }, tasks, workers, (t) => runSeeds(jobs[t.job]!, t.seeds), () => {
    if (++done % 50 === 0 || done === tasks.length) opts.log?.(`${done}/${tasks.length} batches of seeds (${Math.round((Date.now() - started) / 1000)} s)`);
  });
  return prepared.map(({ model }, i) => {
    const mine = results.filter((_, k) => tasks[k]!.job === i).flat();
    const indicator = (id: string, at: string): number[] => {
      const tick = indicatorTick(model.calendar, at);
      return mine.map((r) => r.rows.find((row) => row.tick === tick)?.values[id] ?? NaN);
    };
    return { scenario: model.scenario, calendar: model.calendar, results: mine, targets: targetsOverSeeds(model.scenario.targets, mine, model.calendar), indicator };
  });
}

// ---- Formatting ----

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const num = (x: number, digits = 1): string => (Math.round(x * 10 ** digits) / 10 ** digits).toFixed(digits);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 1990-08-01 as "August 1990"; null (never) as "none". */
const month = (date: string | null): string => (date === null ? 'none' : `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`);
/** A parameter value as `--set` takes it: 0.9 x 0.09 is 0.081, not 0.08100000000000002. */
const value = (x: number): number => Number(x.toPrecision(10));

/** The value at share p of the sorted dates (the lower one, as check's median; null sorts last, as never). */
function quantile(dates: readonly (string | null)[], p: number): string | null {
  const sorted = [...dates].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  return sorted[Math.floor((sorted.length - 1) * p)] ?? null;
}

function target(scenario: Scenario, id: string): TargetSpec {
  const t = scenario.targets.find((x) => x.id === id);
  if (!t) throw new Error(`${RESULTS.scenario} has no target "${id}", which docs/scenarios/acid-rain.md reports on`);
  return t;
}

/** The filters the results read, taken from the scenario's own targets so both measure the same events. */
function filters(scenario: Scenario): { mou: EventFilter; law: EventFilter; treaty: EventFilter; stateLaw: EventFilter & { prefix?: string } } {
  const mou = target(scenario, 'mous').measure.count!;
  const law = target(scenario, 'federal-law').measure.first!;
  const treaty = target(scenario, 'agreement').measure.lag!.to;
  const stateLaw = target(scenario, 'state-laws').measure.parties!;
  return { mou, law, treaty, stateLaw };
}

const count = (events: readonly TargetEvent[], f: EventFilter): number => events.reduce((n, e) => n + (matches(f, e) ? 1 : 0), 0);
const allYears = (f: EventFilter): EventFilter => ({ kind: f.kind, ...(f.instrument ? { instrument: f.instrument } : {}), ...(f.issue ? { issue: f.issue } : {}) });

// ---- 4.1 Further measures ----

function furtherMeasures(b: Batch): string {
  const f = filters(b.scenario);
  const name = new Map(b.scenario.subnationals.map((s) => [s.id, s.name ?? s.id]));
  const n = b.results.length;
  const perRun = (fn: (r: SeedResult) => number): number => mean(b.results.map(fn));
  const mouAll = allYears(f.mou);
  const window = b.results.map((r) => count(r.events, f.mou));
  const hist = new Map<number, number>();
  for (const k of window) hist.set(k, (hist.get(k) ?? 0) + 1);
  const years = (filter: EventFilter, pred: (e: TargetEvent) => boolean = () => true): string[] => {
    const by = new Map<string, number>();
    for (const r of b.results) for (const e of r.events) if (matches(filter, e) && pred(e)) by.set(e.date.slice(0, 4), (by.get(e.date.slice(0, 4)) ?? 0) + 1);
    return [...by].sort().flatMap(([y, k]) => (k / n >= 0.05 ? [`${y} ${num(k / n, 2)}`] : []));
  };
  const rareYears = (filter: EventFilter): number => {
    let k = 0;
    const by = new Map<string, number>();
    for (const r of b.results) for (const e of r.events) if (matches(filter, e)) by.set(e.date.slice(0, 4), (by.get(e.date.slice(0, 4)) ?? 0) + 1);
    for (const v of by.values()) if (v / n < 0.05) k += v;
    return k / n;
  };

  // Who signs: state-province pairs of the MOUs in the target window.
  const pairs = new Map<string, number>();
  const units = new Map<string, number>();
  for (const r of b.results) {
    for (const e of r.events) {
      if (!matches(f.mou, e)) continue;
      const parties = (e['parties'] as string[]).slice().sort((x, y) => (x.startsWith('US-') === y.startsWith('US-') ? (x < y ? -1 : 1) : x.startsWith('US-') ? -1 : 1));
      const key = parties.map((p) => name.get(p) ?? p).join('-');
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      for (const p of parties) units.set(p, (units.get(p) ?? 0) + 1);
    }
  }
  const shownPairs = [...pairs].filter(([, k]) => k / n >= 0.05).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const otherPairs = [...pairs].filter(([, k]) => k / n < 0.05);
  const [hub, hubCount] = [...units].filter(([u]) => u.startsWith('US-')).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0] ?? ['none', 0];
  const sources = target(b.scenario, 'mou-parties-states').expect.excludes ?? [];
  const fromSources = b.results.reduce((k, r) => k + r.events.filter((e) => matches(f.mou, e) && (e['parties'] as string[]).some((p) => sources.includes(p))).length, 0);
  const never = b.scenario.subnationals.filter((s) => !units.has(s.id) && !sources.includes(s.id) && s.central === 'US').map((s) => s.name ?? s.id);

  // State laws: which states enact one in the target's window, in how many runs.
  const { prefix, ...lawFilter } = f.stateLaw;
  const lawRuns = new Map<string, number>();
  for (const r of b.results) {
    const states = new Set(r.events.filter((e) => matches(lawFilter, e)).map((e) => actorOf(e)).filter((a): a is string => a !== null && (prefix === undefined || a.startsWith(prefix))));
    for (const s of states) lawRuns.set(s, (lawRuns.get(s) ?? 0) + 1);
  }
  const laws = [...lawRuns].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([s, k]) => `${name.get(s) ?? s} ${pct(k / n)}`);
  const stateLawAny: EventFilter = { kind: lawFilter.kind, ...(lawFilter.issue ? { issue: lawFilter.issue } : {}) };

  const congress = CONGRESS.map((c) => `${c.label} ${c.at.map((at) => `${num(mean(b.indicator(c.id, at)), 2)} (${month(`${at}-01`)})`).join(', ')}`);

  const law = firstOverSeeds(f.law, b.results, ['1991-06', '1992-12']);
  const treaty = firstOverSeeds(f.treaty, b.results, ['1992-12']);
  const lags = b.results.map((_, i) => (law.dates[i] && treaty.dates[i] ? monthsBetween(law.dates[i]!, treaty.dates[i]!) : null));
  const lagMedian = distribution(lags).median;
  const within = lags.filter((l) => l !== null && l >= 0 && l <= 12).length / n;
  const rare = rareYears(mouAll);

  return [
    `Further measures over the same ${n} seeds (from the events and indicators of the same runs):`,
    '',
    recordMeasures(b),
    `- **MOUs.** ${num(perRun((r) => count(r.events, mouAll)))} per run in all years, ${num(mean(window))} in ${f.mou.from?.slice(0, 4)}-${f.mou.to?.slice(0, 4)} (distribution ${[...hist].sort((x, y) => x[0] - y[0]).map(([k, s]) => `${k}: ${s}`).join(', ')} seeds). By year (mean per run, years above 0.05): ${years(mouAll).join(', ')}${rare > 0 ? `; ${num(rare, 2)} per run in the other years` : ''} (Smith: 1, 2, 1, 3, 1 in 1982-86).`,
    `- **Who signs** (mean number of MOUs per run, ${f.mou.from?.slice(0, 4)}-${f.mou.to?.slice(0, 4)}, pairs above 0.05): ${shownPairs.map(([p, k]) => `${p} ${num(k / n, 2)}`).join(', ')}${otherPairs.length ? `; ${otherPairs.length} further pair${otherPairs.length === 1 ? '' : 's'} below 0.05` : ''}. MOUs with a source state (${sources.join(', ')}): ${fromSources} in ${n} runs. The state most often party is ${name.get(hub) ?? hub}, in ${num(hubCount / n)} of the ${num(mean(window))} per run (Smith: New York, 4 of 8). States that never sign one: ${never.length ? never.join(', ') : 'none'}.`,
    `- **State laws** ${f.stateLaw.from?.slice(0, 4)}-${f.stateLaw.to?.slice(0, 4)} (share of runs in which the state enacts one): ${laws.join(', ')}. By year (mean per run, years above 0.05): ${years(stateLawAny, (e) => (actorOf(e) ?? '').startsWith('US-')).join(', ')} (history: MN 1982, NY 1984, WI 1986).`,
    `- **Congress** (mean over the runs): ${congress.join('; ')}. For comparison: House cosponsors 171 of 435 = 0.39 in 1986; 49 senators asked for a floor vote in 1988.`,
    `- **Federal law**: median ${month(law.median)} (10th-90th percentile ${month(quantile(law.dates, 0.1))} to ${month(quantile(law.dates, 0.9))}; history November 1990); ${pct(law.byDate['1991-06']!)} of runs by June 1991, ${pct(law.byDate['1992-12']!)} by December 1992. **Treaty**: median ${month(treaty.median)} (history March 1991), ${pct(treaty.byDate['1992-12']!)} of runs by December 1992; the median lag after the law is ${lagMedian ?? 'none'} months (history 4), and in ${pct(within)} of runs the treaty follows the law within 12 months.`,
  ].join('\n');
}

/**
 * The record's targets (issue 13) pooled over the runs: the mean MOUs per year and their earth mover's
 * distance from the record's, the means per run of the precision and recall measures, and the share of runs
 * that meets each of the others (as `check` counts them).
 */
function recordMeasures(b: Batch): string {
  const value = (id: string, r: SeedResult): number | null => {
    const v = measureTarget(target(b.scenario, id), r.events, r.rows, b.calendar);
    return typeof v === 'number' ? v : null;
  };
  const meanOf = (id: string): number => mean(b.results.map((r) => value(id, r)).filter((v): v is number => v !== null));
  const rate = (id: string): string => pct(b.targets.find((t) => t.target.id === id)!.passRate);
  const years = target(b.scenario, 'mou-years').measure.years!;
  const { record, ...filter } = years;
  const perYear = new Map<number, number>();
  for (const r of b.results) for (const e of r.events) if (matches(filter, e)) perYear.set(Number(e.date.slice(0, 4)), (perYear.get(Number(e.date.slice(0, 4))) ?? 0) + 1);
  const recorded = Object.entries(record).map(([y, k]) => [Number(y), k] as const);
  const pooled = yearDistance([...perYear].map(([y, k]) => [y, k] as const), recorded);
  const meanYear = (xs: readonly (readonly [number, number])[]): number => xs.reduce((a, [y, k]) => a + y * k, 0) / xs.reduce((a, [, k]) => a + k, 0);
  return `- **The record** (the targets of issue 13, section 3.4). MOU years: mean year ${num(meanYear([...perYear]), 2)} (Smith ${num(meanYear(recorded), 2)}); the earth mover's distance between the runs' pooled years and Smith's is ${num(pooled, 2)} years (${num(meanOf('mou-years'), 2)} in a run on average; \`mou-years\` at most 0.6 in ${rate('mou-years')} of runs). Dyads: precision ${num(meanOf('mou-dyads-precision'), 2)} and recall ${num(meanOf('mou-dyads-recall'), 2)} (means per run); Washington-British Columbia in ${rate('wa-bc')} of runs. State laws before the federal law: precision ${num(meanOf('state-laws-precision'), 2)} (mean per run); within a year of the record Minnesota in ${rate('law-mn')} of runs, New York in ${rate('law-ny')}, Wisconsin in ${rate('law-wi')}. The federal law within six months of 15 November 1990 in ${rate('federal-law-date')} of runs, the agreement within six months of 13 March 1991 in ${rate('agreement-date')}; first MOU, law, agreement in this order in ${rate('order')}.`;
}

// ---- 4.2 Counterfactuals ----

interface Outcome {
  median: string | null;
  byJune1991: number;
  by1992: number;
  treaty: number;
  mous: number;
}

function outcome(b: Batch): Outcome {
  const f = filters(b.scenario);
  const law = firstOverSeeds(f.law, b.results, ['1991-06', '1992-12']);
  return { median: law.median, byJune1991: law.byDate['1991-06']!, by1992: law.byDate['1992-12']!, treaty: firstOverSeeds(f.treaty, b.results).matched, mous: mean(b.results.map((r) => count(r.events, f.mou))) };
}

function counterfactuals(base: Batch, variants: { id: string; description: string; batch: Batch }[], channels: { label: string; batch: Batch }[]): string {
  const b = outcome(base);
  const n = base.results.length;
  const monthsLater = (o: Outcome): string => {
    if (o.median === null || b.median === null) return '';
    const d = monthsBetween(b.median, o.median);
    return d === 0 ? ' (the same month)' : ` (${Math.abs(d)} month${Math.abs(d) === 1 ? '' : 's'} ${d < 0 ? 'earlier' : 'later'})`;
  };
  const row = (label: string, what: string, o: Outcome): string =>
    `| ${label} | ${what} | ${month(o.median)}${label === 'baseline' ? '' : monthsLater(o)} | ${pct(o.byJune1991)} | ${pct(o.by1992)} | ${pct(o.treaty)} | ${num(o.mous)} |`;
  const outs = variants.map((v) => ({ ...v, o: outcome(v.batch) }));
  const noPara = outs.find((v) => v.id === 'no-paradiplomacy')?.o;
  const noWindow = outs.find((v) => v.id === 'no-1989-window')?.o;
  return [
    `Seeds 1-${n} for each variant. Law: the first \`law.enacted\` by \`US\` on acid rain; treaty: the first treaty with \`CA\` on acid rain; MOUs: as the \`mous\` target counts them (1982-86).`,
    '',
    '| variant | what changes | law median | law by June 1991 | law by December 1992 | treaty by December 1992 | MOUs 1982-86 (mean) |',
    '|---|---|---|---|---|---|---|',
    row('baseline', '', b),
    ...outs.map((v) => row(`\`${v.id}\``, v.description, v.o)),
    '',
    `**How the MOUs matter.** The same ${n} seeds with the MOUs still signed but the channels through which ties act switched off:`,
    '',
    '| tie channels | law median | law by June 1991 | MOUs 1982-86 (mean) |',
    '|---|---|---|---|',
    `| all on (baseline) | ${month(b.median)} | ${pct(b.byJune1991)} | ${num(b.mous)} |`,
    ...channels.map((c) => {
      const o = outcome(c.batch);
      return `| ${c.label} | ${month(o.median)}${monthsLater(o)} | ${pct(o.byJune1991)} | ${num(o.mous)} |`;
    }),
    '',
    ...(noPara && noWindow
      ? [`Without subnational instruments the law still passes by December 1992 in ${pct(noPara.by1992)} of runs; without the 1989 changes of office in ${pct(noWindow.by1992)}.`]
      : []),
  ].join('\n');
}

// ---- 4.3 Robustness ----

export interface Setting {
  parameter: string;
  path: string;
  value: number;
  label: string;
}

/**
 * Switches (a mechanism on above 0, off at 0) are not moved: 10% of a switch is not a perturbation of the model
 * but the same model, or another one.
 */
const SWITCHES = new Set(['litigation', 'lobbyAgainst']);

/** Every parameter of `behaviour.parameters` but the switches and the cost of every enabled instrument, each to 90% and 110% (zeros additively). */
export function robustnessSettings(scenario: Scenario): Setting[] {
  const out: Setting[] = [];
  const move = (parameter: string, path: string, base: number): void => {
    if (SWITCHES.has(parameter)) return;
    if (base === 0) {
      const steps = ADDITIVE[parameter];
      if (!steps) throw new Error(`parameter ${parameter} is 0, so 10% of it is nothing: give its additive moves in ADDITIVE (scripts/acid-rain-results.ts)`);
      for (const d of steps) out.push({ parameter, path, value: value(base + d), label: `${d > 0 ? '+' : ''}${d}` });
    } else {
      for (const f of [0.9, 1.1]) out.push({ parameter, path, value: value(base * f), label: f < 1 ? '-10%' : '+10%' });
    }
  };
  for (const [p, v] of Object.entries(scenario.behaviour.parameters)) move(p, `behaviour.parameters.${p}`, v);
  for (const [kind, d] of Object.entries(scenario.behaviour.instruments)) if (d?.enabled !== false && d?.cost !== undefined) move(`${kind}.cost`, `behaviour.instruments.${kind}.cost`, d.cost);
  return out;
}

function lowest(targets: readonly TargetOverSeeds[]): { rate: number; ids: string[] } {
  const rate = Math.min(...targets.map((t) => t.passRate));
  return { rate, ids: targets.filter((t) => t.passRate === rate).map((t) => t.target.id) };
}
const lowestText = (l: { rate: number; ids: string[] }, all: number): string => `${pct(l.rate)} (${l.ids.length === all ? 'all' : l.ids.join(', ')})`;

function robustness(base0: Batch, runs0: { setting: Setting; batch: Batch }[]): string {
  // Targets the baseline already misses say nothing about a parameter's 10%: they are left out (and named).
  const missed = base0.targets.filter((t) => !t.pass).map((t) => t.target.id);
  const keep = (b: Batch): Batch => ({ ...b, targets: b.targets.filter((t) => !missed.includes(t.target.id)) });
  const base = keep(base0);
  const runs = runs0.map((r) => ({ ...r, batch: keep(r.batch) }));
  const ids = base.targets.map((t) => t.target.id);
  const seeds = base.results.length;
  const mousOf = (b: Batch): number => mean(b.results.map((r) => count(r.events, filters(b.scenario).mou)));
  const baseMous = mousOf(base);
  const failing = runs.flatMap((r) => r.batch.targets.filter((t) => !t.pass).map((t) => `\`${t.target.id}\` with ${r.setting.parameter} ${r.setting.label} (${pct(t.passRate)})`));
  const worst = Math.min(...runs.map((r) => lowest(r.batch.targets).rate));
  const worstAt = runs.filter((r) => lowest(r.batch.targets).rate === worst).map((r) => `${lowest(r.batch.targets).ids.map((i) => `\`${i}\``).join(', ')} with \`${r.setting.parameter}\` ${r.setting.label}`);
  const mouRate = (b: Batch): number => b.targets.find((t) => t.target.id === 'mous')!.passRate;
  const mouWorst = Math.min(...runs.map((r) => mouRate(r.batch)));
  const shift = runs.map((r) => ({ r, d: mousOf(r.batch) - baseMous })).sort((x, y) => Math.abs(y.d) - Math.abs(x.d))[0]!;
  const params = [...new Set(runs.map((r) => r.setting.parameter))];
  const cell = (p: string, side: '-' | '+'): string => {
    const r = runs.find((x) => x.setting.parameter === p && x.setting.label.startsWith(side));
    return r ? `${r.setting.value}: ${lowestText(lowest(r.batch.targets), ids.length)}` : '';
  };
  return [
    `Each parameter of \`behaviour.parameters\` (but the switches ${[...SWITCHES].map((p) => `\`${p}\``).join(', ')}) and the cost of each enabled instrument, moved alone to 90% and to 110% of its value (a parameter that is 0 moved additively: ${Object.entries(ADDITIVE).map(([p, d]) => `${p} ${d.map((x) => `${x > 0 ? '+' : ''}${x}`).join(' and ')}`).join(', ')}), with seeds 1-${seeds} per setting: ${runs.length} settings, ${runs.length * seeds} runs. The table gives, for each setting, the lowest pass rate of the ${ids.length} targets the baseline meets and which target it is (${missed.length > 0 ? `left out: ${missed.map((i) => `\`${i}\``).join(', ')}, which the baseline over seeds 1-${seeds} already misses; their rates are in the details` : 'the baseline meets every target'}); the baseline over seeds 1-${seeds}: ${lowestText(lowest(base.targets), ids.length)}.`,
    '',
    failing.length === 0
      ? `**No single parameter moved by 10% brings any target below its required pass rate; the lowest pass rate in all ${runs.length} settings is ${pct(worst)}** (${worstAt.join('; ')}).`
      : `**Moved by 10%, ${failing.length === 1 ? 'one setting brings a target' : `${failing.length} settings bring targets`} below the required pass rate:** ${failing.join('; ')}. The lowest pass rate in all ${runs.length} settings is ${pct(worst)} (${worstAt.join('; ')}).`,
    `The \`mous\` target holds in at least ${pct(mouWorst)} of runs in every setting; the mean MOU count (1982-86) moves by at most ${num(Math.abs(shift.d), 2)} from the baseline's ${num(baseMous, 2)} (\`${shift.r.setting.parameter}\` ${shift.r.setting.label}).`,
    '',
    'Reproduce one setting with the checker, e.g.',
    `\`paradip check ${RESULTS.scenario} --seeds ${seeds} --set ${runs[0]!.setting.path}=${runs[0]!.setting.value}\`.`,
    '',
    '| parameter | base | -10%: lowest pass rate (target) | +10%: lowest pass rate (target) |',
    '|---|---|---|---|',
    `| (baseline, seeds 1-${seeds}) | | ${lowestText(lowest(base.targets), ids.length)} | |`,
    ...params.map((p) => {
      const s = runs.find((x) => x.setting.parameter === p)!.setting;
      const base0 = p.endsWith('.cost') ? base.scenario.behaviour.instruments[p.slice(0, -5)]!.cost : base.scenario.behaviour.parameters[p]!;
      return `| \`${p}\`${s.label.endsWith('%') ? '' : ' (additive)'} | ${base0} | ${cell(p, '-')} | ${cell(p, '+')} |`;
    }),
    '',
    `<details><summary>Pass rate of every target in every setting (%, seeds 1-${seeds})</summary>`,
    '',
    `| parameter | value | ${base0.targets.map((t) => t.target.id).join(' | ')} |`,
    `|---|---|${base0.targets.map(() => '---|').join('')}`,
    `| baseline | | ${base0.targets.map((t) => Math.round(t.passRate * 100)).join(' | ')} |`,
    ...runs0.map((r) => `| ${r.setting.parameter} | ${r.setting.value} (${r.setting.label}) | ${r.batch.targets.map((t) => Math.round(t.passRate * 100)).join(' | ')} |`),
    '',
    '</details>',
  ].join('\n');
}

// ---- 3.1 The transfer checked against the estimates (no runs: the scenario's data and the engine's kernel) ----

/** Receptors whose deposition section 3.1 splits by the country of its sources. */
const TRANSFER_CHECK = { fromUS: ['CA-ON', 'CA-QC', 'CA-NB', 'CA-NS'], fromCA: ['US-NY', 'US-VT', 'US-ME', 'US-MN', 'US-WI', 'US-MI'] };

/**
 * Each receptor's deposition from 1980 emissions split by the country of the sources, with the kernel of the
 * issues phase (transferWeight, src/engine/phases/issues.ts): a unit receives its own emission at weight 1,
 * another's at exp(-distance / L), L the length scale or, under a prevailing wind, from the upwind to the
 * downwind scale.
 */
export function transferCheck(scenario: Scenario): string {
  const issue = scenario.issues.find((i) => i.id === 'acid-rain');
  if (!issue) throw new Error(`${RESULTS.scenario} has no issue "acid-rain"`);
  const unit = new Map(scenario.subnationals.map((u) => [u.id, u]));
  const share = (receptor: string, country: string): number => {
    const r = unit.get(receptor)!;
    let all = 0;
    let from = 0;
    for (const [id, u] of Object.entries(issue.units)) {
      const e = u.emission ?? 0;
      const s = unit.get(id);
      if (e <= 0 || !s) continue;
      const w = id === receptor ? 1 : s.location && r.location ? transferWeight(issue.transfer, r.location[0] - s.location[0], r.location[1] - s.location[1]) : 0;
      all += e * w;
      if (s.central === country) from += e * w;
    }
    return from / all;
  };
  const list = (ids: string[], country: string): string => ids.map((id) => `${pct(share(id, country))} in ${unit.get(id)!.name ?? id}`).join(', ');
  const wind = issue.transfer.wind;
  const kernel = wind
    ? `\`exp(-d / L)\`, L from ${wind.upwind} km upwind to ${wind.downwind} km downwind of a wind towards ${wind.towards} degrees`
    : `\`exp(-d / ${issue.transfer.lengthScale} km)\``;
  const own = (id: string): string => `${unit.get(id)!.name ?? id} receives ${pct(1 - ownShare(id))} of its deposition from outside the state`;
  const ownShare = (id: string): number => {
    let all = 0;
    for (const [src, u] of Object.entries(issue.units)) {
      const s = unit.get(src);
      const r = unit.get(id)!;
      if ((u.emission ?? 0) > 0 && s) all += (u.emission ?? 0) * (src === id ? 1 : s.location && r.location ? transferWeight(issue.transfer, r.location[0] - s.location[0], r.location[1] - s.location[1]) : 0);
    }
    return (issue.units[id]?.emission ?? 0) / all;
  };
  return [
    `**Check of the transfer** against the estimates of the US share of deposition (1980 emissions, transfer ${kernel}):`,
    `US sources give ${list(TRANSFER_CHECK.fromUS, 'US')} (the Canadian government's "half" in the mid-1980s; 45-80% in Ro and Vet's mass balance, Environment Canada, 2007);`,
    `Canadian sources give ${list(TRANSFER_CHECK.fromCA, 'CA')} (Ro and Vet: 0-16%${wind ? '; what remains above it in New England comes from Quebec\'s representative point, see section 6' : '; an isotropic kernel ignores the westerlies, see section 6'}).`,
    `${own('US-MN')} (the Minnesota Pollution Control Agency: about 90% of its sulfur).`,
  ].join('\n');
}

// ---- All sections ----

/** A section's text between its markers: a blank line either side of the body, so markdown sees blocks. */
export const wrapSection = (body: string): string => `\n${body}\n\n`;

export type SectionName = 'acid-rain-transfer' | 'acid-rain-measures' | 'acid-rain-counterfactuals' | 'acid-rain-robustness';

/** Each generated section's text as it stands between its markers (a blank line either side of the body). */
export async function acidRainResults(opts: Options): Promise<Record<SectionName, string>> {
  const seeds = opts.seeds ?? RESULTS.seeds;
  const few = opts.robustnessSeeds ?? RESULTS.robustnessSeeds;
  const prep = prepareRun({ scenario: RESULTS.scenario, seed: 1, variant: null, sets: [], until: null, from: null, cwd: opts.root });
  if (!prep.ok) throw new Error(prep.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  const scenario = prep.prepared.run.model.scenario;
  const settings = robustnessSettings(scenario);
  const channelSets = CHANNELS.map((c) => Object.entries(c.sets).map(([p, x]) => `behaviour.parameters.${p}=${x}`));
  const specs: Spec[] = [
    { variant: null, sets: [], count: seeds },
    ...scenario.variants.map((v) => ({ variant: v.id, sets: [], count: seeds })),
    ...channelSets.map((sets) => ({ variant: null, sets, count: seeds })),
    { variant: null, sets: [], count: few },
    ...settings.map((s) => ({ variant: null, sets: [`${s.path}=${s.value}`], count: few })),
  ];
  const batchesRun = await runAll(opts, specs);
  const take = (n: number): Batch[] => batchesRun.splice(0, n);
  const [base] = take(1);
  const variants = take(scenario.variants.length).map((batch, i) => ({ id: scenario.variants[i]!.id, description: scenario.variants[i]!.description ?? '', batch }));
  const channels = take(CHANNELS.length).map((batch, i) => ({ label: CHANNELS[i]!.label, batch }));
  const [small] = take(1);
  const runs = take(settings.length).map((batch, i) => ({ setting: settings[i]!, batch }));
  const wrap = wrapSection;
  return {
    'acid-rain-transfer': wrap(transferCheck(scenario)),
    'acid-rain-measures': wrap(furtherMeasures(base!)),
    'acid-rain-counterfactuals': wrap(counterfactuals(base!, variants, channels)),
    'acid-rain-robustness': wrap(robustness(small!, runs)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { spliceGenerated } = await import('./generated-sections.ts');
  const root = process.cwd();
  const sections = await acidRainResults({ root, log: (line) => process.stderr.write(`  ${line}\n`) });
  const doc = readFileSync(RESULTS.doc, 'utf8');
  writeFileSync(RESULTS.doc, spliceGenerated(doc, sections, RESULTS.doc));
  console.log(`wrote the generated sections of ${RESULTS.doc}: ${Object.keys(sections).join(', ')}`);
}
