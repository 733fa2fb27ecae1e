/**
 * Phase `observe`: indicators, one row per tick. Built-in indicators come first (instruments in force,
 * approvals pending, laws, mean salience per issue), then the scenario's own, in file order.
 */
import type { World } from '../../model/world.ts';
import type { IndicatorSpec, IssueSpec } from '../../scenario/schema.ts';
import type { Model } from '../model.ts';
import { getNumber } from '../world-path.ts';
import { budgetOf } from '../budget.ts';
import { staticIndexOf } from '../static-index.ts';

export function indicatorNames(model: Model): string[] {
  return ['in_force', 'awaiting_approval', 'laws', ...model.scenario.issues.map((x) => `salience_${x.id}`), ...model.scenario.indicators.map((i) => i.id)];
}

export function observe(model: Model, world: World): number[] {
  let inForce = 0;
  let pending = 0;
  for (const i of world.instruments) {
    if (i.status === 'in-force') inForce++;
    else if (i.status === 'awaiting-approval') pending++;
  }
  const row = [inForce, pending, world.issues.reduce((s, x) => s + x.laws.length, 0)];
  for (const spec of model.scenario.issues) row.push(meanField(model, world, spec.id, 'salience'));
  const base = row.length;
  const ids = model.scenario.indicators.map((i) => i.id);
  for (const ind of model.scenario.indicators) {
    // A ratio divides two indicators declared before it, whose values this tick are in the row already.
    if (ind.ratio) {
      const num = row[base + ids.indexOf(ind.ratio.numerator)]!;
      const den = row[base + ids.indexOf(ind.ratio.denominator)]!;
      row.push(den === 0 ? Number.NaN : num / den);
    } else row.push(indicator(model, world, ind));
  }
  return row;
}

function indicator(model: Model, world: World, ind: IndicatorSpec): number {
  if (ind.count) {
    const c = ind.count;
    const units = c.central ? new Set(world.subnationals.filter((u) => u.central === c.central).map((u) => u.id)) : null;
    const centralOf = unitCentrals(world);
    return world.instruments.filter(
      (i) =>
        i.status === c.status &&
        (c.instrument === undefined || i.kind === c.instrument) &&
        (c.issue === undefined || i.issue === c.issue) &&
        (c.duchacek === undefined || i.duchacek === c.duchacek) &&
        (c.by === undefined || i.initiator === c.by) &&
        (c.byCentral === undefined || centralOf.get(i.initiator) === c.byCentral) &&
        (c.party === undefined || i.parties.includes(c.party)) &&
        (c.protodiplomacy === undefined || i.protodiplomacy === c.protodiplomacy) &&
        (units === null || i.parties.some((p) => units.has(p) || p === c.central)),
    ).length;
  }
  if (ind.spending || ind.budget) return moneyIndicator(model, world, ind);
  if (ind.spendingRank) return spendingRank(model, world, ind.spendingRank.subnational);
  if (ind.attribute) {
    const { name, central } = ind.attribute;
    let sum = 0;
    for (const u of world.subnationals) if (central === undefined || u.central === central) sum += u.attributes[name] ?? 0;
    return sum;
  }
  if (ind.relation) {
    const r = ind.relation;
    let n = 0;
    for (const u of world.subnationals) {
      if ((r.units === undefined || r.units.includes(u.id)) && (r.central === undefined || u.central === r.central) && r.modes.includes(u.relation)) n++;
    }
    return n;
  }
  if (ind.mean) return meanField(model, world, ind.mean.issue, ind.mean.field, ind.mean.units);
  return getNumber(world, ind.value!) ?? Number.NaN;
}

/**
 * Spending (running costs per year of the instruments in force subnationals hold) or budgets per year, summed
 * over the subnationals of `central` or over one `subnational` (all of them when neither is given): issue 12.
 */
function moneyIndicator(model: Model, world: World, ind: IndicatorSpec): number {
  const spec = (ind.spending ?? ind.budget)!;
  const counted = (id: string, central: string): boolean => (spec.subnational === undefined || id === spec.subnational) && (spec.central === undefined || central === spec.central);
  let sum = 0;
  if (ind.budget) {
    for (const u of world.subnationals) if (counted(u.id, u.central)) sum += budgetOf(model, u);
    return sum;
  }
  const instrument = ind.spending!.instrument;
  const centralOf = unitCentrals(world);
  for (const i of world.instruments) {
    if (i.status !== 'in-force' || (instrument !== undefined && i.kind !== instrument)) continue;
    const central = centralOf.get(i.initiator);
    if (central !== undefined && counted(i.initiator, central)) sum += model.instruments[i.kind].runningCost;
  }
  return sum;
}

/** The rank (1: highest) of a unit's spending among its central's units; equal spending shares the better rank. */
function spendingRank(model: Model, world: World, id: string): number {
  const centralOf = unitCentrals(world);
  const central = centralOf.get(id);
  const spend = new Map<string, number>();
  for (const u of world.subnationals) if (u.central === central) spend.set(u.id, 0);
  for (const i of world.instruments) {
    if (i.status === 'in-force' && spend.has(i.initiator)) spend.set(i.initiator, spend.get(i.initiator)! + model.instruments[i.kind].runningCost);
  }
  const own = spend.get(id) ?? 0;
  let rank = 1;
  for (const v of spend.values()) if (v > own) rank++;
  return rank;
}

const centralsOf = new WeakMap<World['subnationals'], Map<string, string>>();
function unitCentrals(world: World): Map<string, string> {
  let m = centralsOf.get(world.subnationals);
  if (!m) centralsOf.set(world.subnationals, (m = new Map(world.subnationals.map((u) => [u.id, u.central]))));
  return m;
}

/** Mean of a field over the given units, or over units sensitive to the issue. */
function meanField(model: Model, world: World, issue: string, field: 'emission' | 'deposition' | 'damage' | 'salience', units?: string[]): number {
  const state = world.issues.find((x) => x.id === issue);
  const spec = model.scenario.issues.find((x) => x.id === issue);
  if (!state || !spec) return Number.NaN;
  const ids = units ?? sensitiveUnits(spec, state);
  if (ids.length === 0) return 0;
  let sum = 0;
  // The sensitive units by place in world.subnationals, read from the static index's state objects (the same
  // objects as state.units[id], found without a lookup by id among 100,000 keys); by id for a named list.
  const places = units ? null : placesOf(world, ids);
  const states = places ? staticIndexOf(world).issueStates.get(issue) : undefined;
  if (places && states) for (let k = 0; k < places.length; k++) sum += states[places[k]!]?.[field] ?? 0;
  else for (const id of ids) sum += state.units[id]?.[field] ?? 0;
  return sum / ids.length;
}

/** Each id's place in world.subnationals, or null if one is not a subnational; kept per list and static index. */
const placesCache = new WeakMap<string[], { statics: object; places: Int32Array | null }>();
function placesOf(world: World, ids: string[]): Int32Array | null {
  const statics = staticIndexOf(world);
  let c = placesCache.get(ids);
  if (!c || c.statics !== statics) {
    const places = new Int32Array(ids.length);
    let ok = true;
    ids.forEach((id, k) => {
      const p = statics.position.get(id);
      if (p === undefined) ok = false;
      else places[k] = p;
    });
    placesCache.set(ids, (c = { statics, places: ok ? places : null }));
  }
  return c.places;
}

/** Units sensitive to an issue, in the order of its state's units; fixed for a run, so computed once. */
const sensitive = new WeakMap<IssueSpec, WeakMap<object, string[]>>();
function sensitiveUnits(spec: IssueSpec, state: { units: Record<string, unknown> }): string[] {
  let byState = sensitive.get(spec);
  if (!byState) sensitive.set(spec, (byState = new WeakMap()));
  let ids = byState.get(state);
  if (!ids) byState.set(state, (ids = Object.keys(state.units).filter((id) => (spec.units[id]?.sensitivity ?? 0) > 0)));
  return ids;
}
