/**
 * Successions of states (issue 12 part B), applied right after the timeline: on a succession's date the successor
 * (a central) takes the predecessor's place, a central that splits (the FRY, whose ties pass to Serbia in 2006)
 * or a unit that becomes a state (the Ukrainian SSR in 1991). The date is an input (who exists); what follows is
 * the model's rule, continuity of ties: every instrument the predecessor is a party to, in force or pending, now
 * has the successor as that party, and every reference to the predecessor (borders, trade ties, kin, attitudes,
 * a kin state's support) names the successor. A predecessor unit no longer acts (world.successions records it).
 */
import { tickOf } from '../../model/calendar.ts';
import type { Id, World } from '../../model/world.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';

/** The rule applied, cited on every succession event. */
export const SUCCESSION_CITATION =
  'Continuity of ties on succession: a successor state takes over the treaties in force for the territory it succeeds to (Vienna Convention on Succession of States in respect of Treaties, 1978, arts. 31 and 34); paradip modelling rule (README.md, glossary, "succession")';

/** Applies the successions dated this tick, in date then predecessor order; returns how many (the static index is rebuilt). */
export function succession(model: Model, world: World, log: EventLog): number {
  const due = model.scenario.successions
    .filter((s) => tickOf(model.calendar, normalise(s.date)) === world.tick)
    .sort((a, b) => compare(a.predecessor, b.predecessor));
  for (const s of due) applySuccession(world, s.predecessor, s.successor, s.id ?? `succession-${s.predecessor}`, s.note, log);
  return due.length;
}

function applySuccession(world: World, from: Id, to: Id, id: string, note: string, log: EventLog): void {
  const carried: Id[] = [];
  for (const inst of world.instruments) {
    if (inst.status !== 'in-force' && inst.status !== 'awaiting-approval') continue;
    if (!inst.parties.includes(from)) continue;
    // A tie between the predecessor and its successor (a unit's tie with its own former centre) is not carried.
    if (inst.parties.includes(to)) continue;
    inst.parties = inst.parties.map((p) => (p === from ? to : p));
    if (inst.initiator === from) inst.initiator = to;
    carried.push(inst.id);
  }
  const swap = (ids: Id[]): Id[] => [...new Set(ids.map((x) => (x === from ? to : x)))].sort();
  for (const u of world.subnationals) {
    if (u.id === from) continue;
    // Borders between units: a unit that became a state borders the units next to it as a state (the centrals'
    // borders below), no longer as a unit.
    if (u.neighbours.includes(from)) u.neighbours = u.neighbours.filter((x) => x !== from);
    if (u.kin.includes(from)) u.kin = swap(u.kin);
    if (Object.hasOwn(u.tradeTies, from)) {
      // A new record, not an edit: the world shares a unit's trade ties with the scenario (initial-world.ts).
      const ties = { ...u.tradeTies };
      const t = ties[from]!;
      delete ties[from];
      ties[to] = Math.max(ties[to] ?? 0, t);
      u.tradeTies = ties;
    }
  }
  for (const c of world.centrals) {
    if (c.id === to) continue;
    if (c.neighbours.includes(from)) c.neighbours = swap(c.neighbours).filter((x) => x !== c.id);
    if (Object.hasOwn(c.attitude, from)) {
      const a = c.attitude[from]!;
      delete c.attitude[from];
      c.attitude[to] ??= a;
    }
    if (Object.hasOwn(c.kinSupport, from)) delete c.kinSupport[from];
  }
  // The successor inherits the predecessor central's borders, goodwill and support where it states none of its own.
  const pred = world.centrals.find((c) => c.id === from);
  const succ = world.centrals.find((c) => c.id === to)!;
  if (pred) {
    succ.neighbours = [...new Set([...succ.neighbours, ...pred.neighbours])].filter((x) => x !== to && x !== from).sort();
    for (const [k, v] of Object.entries(pred.attitude)) if (k !== to) succ.attitude[k] ??= v;
    for (const [k, v] of Object.entries(pred.kinSupport)) succ.kinSupport[k] ??= v;
  } else {
    // A unit that becomes a state keeps its borders, now as the state's.
    const unit = world.subnationals.find((u) => u.id === from);
    const countries = new Set(unit?.neighbours.map((n) => world.subnationals.find((x) => x.id === n)?.central).filter((x): x is Id => x !== undefined && x !== to));
    succ.neighbours = [...new Set([...succ.neighbours, ...countries])].sort();
    for (const c of countries) {
      const other = world.centrals.find((x) => x.id === c)!;
      if (!other.neighbours.includes(to)) other.neighbours = [...other.neighbours, to].sort();
    }
  }
  world.successions[from] = to;
  log.emit('central.succeeded', { predecessor: from, successor: to, parties: [from, to], instruments: carried, note, entry: id, citation: SUCCESSION_CITATION });
}

function normalise(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
