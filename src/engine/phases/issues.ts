/**
 * Phase `issues`: issue dynamics for every unit, each reading only its own previous state and the emissions:
 * emission (base x data series x laws in force), deposition through a transfer that decays with distance
 * (Fay, Golomb and Kumar 1985: exponential in distance), damage, salience, and the unit's position.
 */
import type { Id, IssueUnitState, Subnational, World } from '../../model/world.ts';
import type { SlotFormula } from '../../rules/formula.ts';
import type { IssueSpec } from '../../scenario/schema.ts';
import type { Model } from '../model.ts';
import type { Alea, Streams } from '../rng.ts';
import { siteFrame, slotTable } from './score.ts';
import { staticIndexOf, type StaticIndex } from '../static-index.ts';

export function issues(model: Model, world: World, streams: Streams, date: string): void {
  const units = world.subnationals;
  const table = slotTable(model);
  const site = siteFrame(model, 'issues', ['deposition', 'sensitivity', 'salience', 'damage', 'ties', 'laws', 'noise', 'position', 'emissionShare'] as const);
  const { frame: f, at } = site;
  const statics = staticIndexOf(world);
  const damageFormula = table.formulas['damage']!;
  const salienceFormula = table.formulas['salience']!;
  const positionFormula = table.formulas['subnationalPosition']!;
  const result = table.slots.get('$result')!;
  for (const spec of model.scenario.issues) {
    const state = world.issues.find((x) => x.id === spec.id)!;
    const t = transferOf(spec, world);
    const cut = model.parameters['lawCut'] ?? 0;
    // Who has a law in place, and each central's series factor on this date: once per tick, not per source.
    const lawBy = new Set(state.laws.map((l) => l.by));
    const series = new Map<Id, number>();
    for (let k = 0; k < t.sources.length; k++) {
      const u = units[t.sources[k]!]!;
      let factor = 1;
      if (lawBy.has(u.id)) factor *= 1 - cut;
      if (lawBy.has(u.central)) factor *= 1 - cut;
      let seriesNow = series.get(u.central);
      if (seriesNow === undefined) series.set(u.central, (seriesNow = seriesFactor(spec, u.central, date)));
      const emission = t.baseEmission[k]! * seriesNow * factor;
      t.states[t.sources[k]!]!.emission = emission;
      t.emission[t.sources[k]!] = emission;
    }
    const ties = tiesByPlace(world, spec.id, statics);
    // What every unit step reads, found once per issue (the attribute table and slots too, not per unit).
    const c: UnitStep = {
      f, at, t, ties, result, damageFormula, salienceFormula, positionFormula,
      rng: streams.generator('issues'), laws: state.laws.length, key: spec.id,
      values: statics.attributeValues(model.attributes), A: model.attributes.length, attrs: site.attrs,
    };
    for (let r = 0; r < units.length; r++) issueStep(c, units[r]!, r);
  }
}

/** What every unit's step of one issue reads, found once per issue and tick. */
interface UnitStep {
  f: Float64Array;
  at: Readonly<Record<'deposition' | 'sensitivity' | 'salience' | 'damage' | 'ties' | 'laws' | 'noise' | 'position' | 'emissionShare', number>>;
  t: Transfer;
  ties: Float64Array;
  result: number;
  damageFormula: SlotFormula;
  salienceFormula: SlotFormula;
  positionFormula: SlotFormula;
  rng: Alea;
  laws: number;
  key: Id;
  values: Float64Array;
  A: number;
  attrs: Int32Array;
}

/**
 * One unit's step of an issue: deposition, damage, salience and position. A function of its own, so V8
 * optimises it as one (called for every unit) rather than only the loop over units, which it compiled
 * mid-loop and dropped at the loop's end every tick, running much of the next tick in the interpreter.
 */
function issueStep(c: UnitStep, u: Subnational, r: number): void {
  const { f, at, t } = c;
  const unit = t.states[r]!;
  let deposition = 0;
  for (let k = t.start[r]!; k < t.start[r + 1]!; k++) deposition += t.emission[t.from[k]!]! * t.weight[k]!;
  unit.deposition = deposition;
  const A = c.A;
  for (let i = 0; i < A; i++) f[c.attrs[i]!] = c.values[r * A + i]!;
  f[at.deposition] = deposition;
  f[at.sensitivity] = t.sensitivity[r]!;
  c.damageFormula.evaluateInto(f, u.id);
  const damage = f[c.result]!;
  unit.damage = damage;
  f[at.salience] = unit.salience;
  f[at.damage] = damage;
  f[at.ties] = c.ties[r]!;
  f[at.laws] = c.laws;
  c.rng.normalInto(f, at.noise);
  f[at.noise] = NOISE_SD * f[at.noise]!;
  c.salienceFormula.evaluateInto(f, u.id);
  const salience = f[c.result]!;
  unit.salience = salience;
  f[at.position] = u.position[c.key] ?? 0;
  f[at.salience] = salience;
  f[at.emissionShare] = t.emissionShare[r]!;
  c.positionFormula.evaluateInto(f, u.id);
  u.position[c.key] = f[c.result]!;
}
/** The salience formula's noise is a standard normal (its scale is the formula's). */
const NOISE_SD = 1;

/**
 * Builds each issue's transfer (sources, receptors, weights) for a world ahead of its first tick, as the static
 * index is: it depends on the scenario and the units' places only (a 100,000-unit world's took a third of a
 * second of its first tick).
 */
export function prepareIssues(model: Model, world: World): void {
  for (const spec of model.scenario.issues) transferOf(spec, world);
}

/** Linear interpolation of a central's emission factor between dated points; flat outside them; 1 if none. */
export function seriesFactor(spec: IssueSpec, central: Id, date: string): number {
  const points = seriesPoints(spec, central);
  if (!points) return 1;
  if (points.length === 0) return 1;
  if (date <= points[0]!.date) return points[0]!.value;
  for (let i = 1; i < points.length; i++) {
    const p1 = points[i]!;
    if (date <= p1.date) {
      const p0 = points[i - 1]!;
      const t = (Date.parse(date) - p0.time) / (p1.time - p0.time);
      return p0.value + t * (p1.value - p0.value);
    }
  }
  return points[points.length - 1]!.value;
}

interface SeriesPoint {
  date: string;
  time: number;
  value: number;
}

/** A central's series as dated points in date order, built once per issue (the issue phase asks every tick). */
const pointsOf = new WeakMap<IssueSpec, Map<Id, SeriesPoint[] | null>>();
function seriesPoints(spec: IssueSpec, central: Id): SeriesPoint[] | null {
  let byCentral = pointsOf.get(spec);
  if (!byCentral) pointsOf.set(spec, (byCentral = new Map()));
  let points = byCentral.get(central);
  if (points === undefined) {
    const series = spec.emissionSeries[central];
    points = series
      ? Object.entries(series)
          .map(([d, value]) => ({ date: d.length === 7 ? `${d}-01` : d, value }))
          .sort((a, b) => (a.date < b.date ? -1 : 1))
          .map((p) => ({ ...p, time: Date.parse(p.date) }))
      : null;
    byCentral.set(central, points);
  }
  return points;
}

/** Per subnational (its place in world.subnationals): its instruments in force on the issue. */
function tiesByPlace(world: World, issue: Id, statics: StaticIndex): Float64Array {
  // Counts in the array the static index keeps between ticks (tickArray), from 0.
  const out = statics.tickArray(`ties\u0000${issue}`, world.subnationals.length).fill(0);
  const position = statics.position;
  for (const i of world.instruments) {
    if (i.status !== 'in-force' || i.issue !== issue) continue;
    for (const p of i.parties) {
      const r = position.get(p);
      if (r !== undefined) out[r]!++;
    }
  }
  return out;
}

/**
 * An issue's transfer over the world's subnationals (by their place in world.subnationals): the sources, and per
 * receptor its sources with their weights (CSR: from[start[r]..start[r + 1]), in world order), plus each unit's
 * state object, sensitivity and emission share. A unit always receives its own emission at weight 1. Built once
 * per issue state (so per run and per resumed world).
 */
interface Transfer {
  sources: Int32Array;
  start: Int32Array;
  from: Int32Array;
  weight: Float64Array;
  states: IssueUnitState[];
  /** Each source's emission in the scenario (sources' order). */
  baseEmission: Float64Array;
  /** Each source's emission this tick, by its place in world.subnationals (what its state object holds). */
  emission: Float64Array;
  sensitivity: Float64Array;
  emissionShare: Float64Array;
}
const transfers = new WeakMap<IssueSpec, WeakMap<World, Transfer>>();
function transferOf(spec: IssueSpec, world: World): Transfer {
  let byWorld = transfers.get(spec);
  if (!byWorld) transfers.set(spec, (byWorld = new WeakMap()));
  let t = byWorld.get(world);
  if (t) return t;
  const units = world.subnationals;
  const n = units.length;
  const state = world.issues.find((x) => x.id === spec.id)!;
  // Each unit's record in the issue looked up once (the scenario keys them by id: 100,000 keys at the bench's
  // largest size), the transfer counted and then written into typed arrays.
  const specUnits = units.map((u) => spec.units[u.id]);
  const emissionIn = Float64Array.from(specUnits, (x) => x?.emission ?? 0);
  const sensitivity = Float64Array.from(specUnits, (x) => x?.sensitivity ?? 0);
  const sources: number[] = [];
  for (let i = 0; i < n; i++) if (emissionIn[i]! > 0) sources.push(i);
  const isSource = new Uint8Array(n);
  for (const si of sources) isSource[si] = 1;
  const receives = (ri: number): boolean => !(sensitivity[ri]! <= 0) || isSource[ri] === 1;
  const start = new Int32Array(n + 1);
  let size = 0;
  for (let ri = 0; ri < n; ri++) {
    start[ri] = size;
    if (!receives(ri)) continue;
    const r = units[ri]!;
    for (const si of sources) if (si === ri || (units[si]!.location && r.location)) size++;
  }
  start[n] = size;
  const from = new Int32Array(size);
  const weight = new Float64Array(size);
  let k = 0;
  for (let ri = 0; ri < n; ri++) {
    if (!receives(ri)) continue;
    const r = units[ri]!;
    for (const si of sources) {
      const s = units[si]!;
      if (si === ri) (from[k] = si), (weight[k++] = 1);
      else if (s.location && r.location) (from[k] = si), (weight[k++] = transferWeight(spec.transfer, r.location[0] - s.location[0], r.location[1] - s.location[1]));
    }
  }
  const max = maxEmissionOf(spec);
  t = {
    sources: Int32Array.from(sources),
    start,
    from,
    weight,
    states: units.map((u) => state.units[u.id]!),
    baseEmission: Float64Array.from(sources, (i) => emissionIn[i]!),
    emission: Float64Array.from(units, (u, i) => (isSource[i] ? (state.units[u.id]?.emission ?? 0) : 0)),
    sensitivity,
    // As emissionShare(spec, id) does: the unit's emission over the largest.
    emissionShare: Float64Array.from(emissionIn, (e) => (max > 0 ? e / max : 0)),
  };
  byWorld.set(world, t);
  return t;
}

/**
 * The share of a source's emission deposited at a receptor dx km east and dy km north of it: exp(-d / L), where L
 * is the length scale, or under a prevailing wind the mean of the downwind and upwind scales plus half their
 * difference times the cosine of the angle between the wind and the source-to-receptor direction (downwind
 * scale straight downwind, upwind scale straight upwind, the mean across the wind).
 */
export function transferWeight(transfer: IssueSpec['transfer'], dx: number, dy: number): number {
  const d = Math.hypot(dx, dy);
  const wind = transfer.wind;
  if (!wind || d === 0) return Math.exp(-d / transfer.lengthScale);
  const rad = (wind.towards * Math.PI) / 180;
  const cos = (dx * Math.sin(rad) + dy * Math.cos(rad)) / d;
  const L = (wind.downwind + wind.upwind) / 2 + ((wind.downwind - wind.upwind) / 2) * cos;
  return Math.exp(-d / L);
}

/** Each unit's emission share of an issue, by its place in world.subnationals (fixed for a run). */
export function emissionSharesOf(spec: IssueSpec, world: World): Float64Array {
  return transferOf(spec, world).emissionShare;
}

/** A unit's base emission relative to the largest emitter of the issue (0..1). */
export function emissionShare(spec: IssueSpec | undefined, unit: Id): number {
  if (!spec) return 0;
  const max = maxEmissionOf(spec);
  return max > 0 ? (spec.units[unit]?.emission ?? 0) / max : 0;
}

/** The largest base emission of an issue's units (0 if none emits). */
function maxEmissionOf(spec: IssueSpec): number {
  let max = maxEmission.get(spec);
  if (max === undefined) {
    max = 0;
    for (const u of Object.values(spec.units)) max = Math.max(max, u.emission);
    maxEmission.set(spec, max);
  }
  return max;
}
const maxEmission = new WeakMap<object, number>();
