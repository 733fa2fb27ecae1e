/**
 * Phase `issues`: issue dynamics for every unit, each reading only its own previous state and the emissions:
 * emission (base x data series x laws in force), deposition through a transfer that decays with distance
 * (Fay, Golomb and Kumar 1985: exponential in distance), damage, salience, and the unit's position.
 */
import type { Id, World } from '../../model/world.ts';
import type { IssueSpec } from '../../scenario/schema.ts';
import type { Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import { emissionShare } from './decide.ts';
import { scratch } from './score.ts';

export function issues(model: Model, world: World, streams: Streams, date: string): void {
  const units = world.subnationals;
  for (const spec of model.scenario.issues) {
    const state = world.issues.find((x) => x.id === spec.id)!;
    const lawFactor = (id: Id, central: Id): number => {
      const cut = model.parameters['lawCut'] ?? 0;
      let f = 1;
      if (state.laws.some((l) => l.by === id)) f *= 1 - cut;
      if (state.laws.some((l) => l.by === central)) f *= 1 - cut;
      return f;
    };
    const sources = units.filter((u) => (spec.units[u.id]?.emission ?? 0) > 0);
    for (const u of sources) {
      state.units[u.id]!.emission = spec.units[u.id]!.emission * seriesFactor(spec, u.central, date) * lawFactor(u.id, u.central);
    }
    const transfer = transferOf(spec, world);
    const ties = tiesByUnit(world, spec.id);
    const noiseSd = 1;
    for (const u of units) {
      const unit = state.units[u.id]!;
      let deposition = 0;
      for (const [src, weight] of transfer.get(u.id) ?? []) deposition += state.units[src]!.emission * weight;
      unit.deposition = deposition;
      // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
      const scope = scratch(model, 'issues');
      scope['deposition'] = deposition;
      scope['sensitivity'] = spec.units[u.id]?.sensitivity ?? 0;
      unit.damage = model.formulas['damage']!.evaluate(scope, u.id);
      scope['salience'] = unit.salience;
      scope['damage'] = unit.damage;
      scope['ties'] = ties.get(u.id) ?? 0;
      scope['laws'] = state.laws.length;
      scope['noise'] = noiseSd * streams.normal('issues');
      unit.salience = model.formulas['salience']!.evaluate(scope, u.id);
      scope['position'] = u.position[spec.id] ?? 0;
      scope['salience'] = unit.salience;
      scope['emissionShare'] = emissionShare(model, spec.id, u.id);
      u.position[spec.id] = model.formulas['subnationalPosition']!.evaluate(scope, u.id);
    }
  }
}

/** Linear interpolation of a central's emission factor between dated points; flat outside them; 1 if none. */
export function seriesFactor(spec: IssueSpec, central: Id, date: string): number {
  const series = spec.emissionSeries[central];
  if (!series) return 1;
  const points = Object.entries(series)
    .map(([d, v]) => [d.length === 7 ? `${d}-01` : d, v] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (points.length === 0) return 1;
  if (date <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [d1, v1] = points[i]!;
    if (date <= d1) {
      const [d0, v0] = points[i - 1]!;
      const t = (Date.parse(date) - Date.parse(d0)) / (Date.parse(d1) - Date.parse(d0));
      return v0 + t * (v1 - v0);
    }
  }
  return points[points.length - 1]![1];
}

function tiesByUnit(world: World, issue: Id): Map<Id, number> {
  const out = new Map<Id, number>();
  for (const i of world.instruments) {
    if (i.status !== 'in-force' || i.issue !== issue) continue;
    for (const p of i.parties) out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/** Receptor -> [source, weight] lists; a unit always receives its own emission at weight 1. Cached per model. */
const transfers = new WeakMap<IssueSpec, Map<Id, [Id, number][]>>();
function transferOf(spec: IssueSpec, world: World): Map<Id, [Id, number][]> {
  let t = transfers.get(spec);
  if (t) return t;
  t = new Map();
  const sources = world.subnationals.filter((u) => (spec.units[u.id]?.emission ?? 0) > 0);
  const L = spec.transfer.lengthScale;
  for (const r of world.subnationals) {
    if ((spec.units[r.id]?.sensitivity ?? 0) <= 0 && !sources.includes(r)) continue;
    const list: [Id, number][] = [];
    for (const s of sources) {
      if (s.id === r.id) list.push([s.id, 1]);
      else if (s.location && r.location) {
        const d = Math.hypot(s.location[0] - r.location[0], s.location[1] - r.location[1]);
        list.push([s.id, Math.exp(-d / L)]);
      }
    }
    t.set(r.id, list);
  }
  transfers.set(spec, t);
  return t;
}
