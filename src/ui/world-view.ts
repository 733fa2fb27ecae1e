/**
 * The governments and instruments panels' data, taken from a world at publish time: a small, immutable
 * summary, so a frame stays true to its tick while the engine moves on.
 */
import { dateOf, type Calendar } from '../model/calendar.ts';
import type { Relation } from '../model/vocabulary.ts';
import type { World } from '../model/world.ts';

export interface SubnationalView {
  id: string;
  name: string;
  relation: Relation;
  /** Goal weights, heaviest first. */
  goals: [string, number][];
  inForce: number;
  /** Instruments of this unit waiting for an approval. */
  pending: number;
}

export interface ChamberView {
  name: string;
  threshold: number;
  /** Support on each issue, 0..1. */
  support: Record<string, number>;
  gatekeepers: { name: string; role: string; position: Record<string, number> }[];
}

export interface PendingView {
  instrument: string;
  kind: string;
  party: string;
  step: string;
  organ: string;
  deadline: string | null;
}

export interface CentralView {
  id: string;
  name: string;
  ruleSet: string;
  /** True when a restart gave this central another country's rule set (key g). */
  swapped: boolean;
  leader: string;
  position: Record<string, number>;
  chambers: ChamberView[];
  lawStatus: Record<string, string>;
  /** Approvals waiting for this central's organs, soonest deadline first. */
  pending: PendingView[];
  subnationals: SubnationalView[];
}

export interface WorldView {
  centrals: CentralView[];
  /** The gate (parameter `gate`): a gatekeeper below it keeps a bill off the floor. */
  gate: number;
  issues: { id: string; name: string }[];
  inForce: number;
  awaiting: number;
  /** Instruments in force by kind and by Duchacek type ("none" for ties between centrals and memberships), sorted by name. */
  byKind: [string, number][];
  byDuchacek: [string, number][];
}

/** Summarises a world for the panels. */
export interface ViewContext {
  calendar: Calendar;
  issues: readonly { id: string; name: string }[];
  /** Central and subnational ids in the scenario's order (the world keeps them sorted by id). */
  order: readonly string[];
  /** Centrals whose rule set a restart changed. */
  swapped: ReadonlySet<string>;
  gate: number;
}

export function worldView(world: World, { calendar, issues, order, swapped, gate }: ViewContext): WorldView {
  const inForce = new Map<string, number>();
  const pending = new Map<string, number>();
  const pendingAt = new Map<string, PendingView[]>();
  const byKind: Record<string, number> = {};
  const byDuchacek: Record<string, number> = {};
  let awaiting = 0;
  for (const inst of world.instruments) {
    if (inst.status === 'in-force') {
      byKind[inst.kind] = (byKind[inst.kind] ?? 0) + 1;
      const d = inst.duchacek ?? 'none';
      byDuchacek[d] = (byDuchacek[d] ?? 0) + 1;
      for (const p of inst.parties) inForce.set(p, (inForce.get(p) ?? 0) + 1);
    } else if (inst.status === 'awaiting-approval') {
      awaiting++;
      for (const p of inst.parties) pending.set(p, (pending.get(p) ?? 0) + 1);
      const step = inst.approvals.find((a) => a.status === 'pending');
      if (step && step.organ !== 'own-legislature') {
        const list = pendingAt.get(step.approver) ?? [];
        list.push({ instrument: inst.id, kind: inst.kind, party: step.party, step: step.step, organ: step.organ, deadline: step.deadlineTick === null ? null : dateOf(calendar, step.deadlineTick) });
        pendingAt.set(step.approver, list);
      }
    }
  }
  const ranks = new Map(order.map((id, i) => [id, i]));
  const rank = (id: string): number => ranks.get(id) ?? order.length;
  const centrals = [...world.centrals].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1)).map(
    (c): CentralView => ({
      id: c.id,
      name: c.name,
      ruleSet: c.ruleSet,
      swapped: swapped.has(c.id),
      leader: c.executive.leader,
      position: { ...c.executive.position },
      chambers: (c.legislature?.chambers ?? []).map((ch) => ({
        name: ch.name,
        threshold: ch.threshold,
        support: { ...ch.support },
        gatekeepers: ch.gatekeepers.map((g) => ({ name: g.name, role: g.role, position: { ...g.position } })),
      })),
      lawStatus: { ...(world.lawStatus[c.id] ?? {}) },
      pending: (pendingAt.get(c.id) ?? []).sort((a, b) => cmp(a.deadline ?? '9999', b.deadline ?? '9999') || cmp(a.instrument, b.instrument)),
      subnationals: world.subnationals
        .filter((u) => u.central === c.id)
        .sort((a, b) => rank(a.id) - rank(b.id) || cmp(a.id, b.id))
        .map((u) => ({
          id: u.id,
          name: u.name,
          relation: u.relation,
          goals: Object.entries(u.goals)
            .filter(([, w]) => w > 0)
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
          inForce: inForce.get(u.id) ?? 0,
          pending: pending.get(u.id) ?? 0,
        })),
    }),
  );
  const sorted = (r: Record<string, number>): [string, number][] => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));
  return { centrals, gate, issues: issues.map((x) => ({ id: x.id, name: x.name })), inForce: Object.values(byKind).reduce((a, b) => a + b, 0), awaiting, byKind: sorted(byKind), byDuchacek: sorted(byDuchacek) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
