/**
 * Phase `forums` (issue 13): a network's conference as a forum, the collective action of its members. At each
 * meeting (calendar dates, so the tick's length does not matter) every member votes on each of the forum's
 * issues by formula `resolve` (for when it is above 0); when the share of members for it reaches parameter
 * forumQuorum, the forum adopts a resolution: it binds those who voted for it (formula variable `resolution`)
 * and adds parameter resolutionPressure to each one's central on the issue. A forum resolves an issue once.
 *
 * A vote reads the world as it is after the issue dynamics of the tick and draws no random number; supporters
 * are counted, not ordered, and listed by id, so neither member order nor ids can change an outcome.
 */
import { addUnits, tickOf } from '../../model/calendar.ts';
import type { Id, Network } from '../../model/world.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';
import type { WorldIndex } from '../world-index.ts';
import { issueView, writeOnIssue } from './decide.ts';
import { siteFrame, slotTable, writeAttributes } from './score.ts';

/** The variables of formula `resolve` besides the parameters and attributes, and where its value is left. */
const RESOLVE = ['weight', 'salience', 'damage', 'position', 'centralPosition', 'capacity', 'emissionShare', 'centralLaw', 'memberCount', '$result'] as const;

/** Per model, per forum network: the ticks of its meetings within the calendar. */
const meetingTicks = new WeakMap<Model, Map<Id, Set<number>>>();

/**
 * The ticks at which network `id` meets: each meeting date (from, then every `every` months) falls on the first
 * tick on or after it, so week and month ticks hold a meeting in the same month.
 */
export function meetingsOf(model: Model, id: Id): Set<number> {
  let byNetwork = meetingTicks.get(model);
  if (!byNetwork) meetingTicks.set(model, (byNetwork = new Map()));
  let ticks = byNetwork.get(id);
  if (ticks) return ticks;
  ticks = new Set();
  const spec = model.scenario.networks.find((n) => n.id === id)?.forum;
  if (spec) {
    const end = model.calendar.end;
    const last = tickOf(model.calendar, end);
    const from = spec.from.length === 7 ? `${spec.from}-01` : spec.from;
    for (let k = 0; ; k++) {
      const date = addUnits(from, 'month', k * spec.every);
      if (Date.parse(`${date}T00:00:00Z`) > Date.parse(`${end}T00:00:00Z`)) break;
      const t = tickOf(model.calendar, date);
      if (t <= last) ticks.add(t);
    }
  }
  byNetwork.set(id, ticks);
  return ticks;
}

/** Holds the meetings of this tick. Returns how many resolutions were adopted. */
export function forums(model: Model, idx: WorldIndex, log: EventLog): number {
  let adopted = 0;
  for (const network of idx.world.networks) {
    if (!network.forum || !meetingsOf(model, network.id).has(idx.world.tick)) continue;
    for (const issue of network.forum.issues ?? model.scenario.issues.map((x) => x.id).sort()) {
      if (network.resolved?.includes(issue)) continue;
      if (meet(model, idx, network, issue, log)) adopted++;
    }
  }
  return adopted;
}

/** One vote of `network`'s members on `issue`; adopts the resolution if the quorum is reached. */
function meet(model: Model, idx: WorldIndex, network: Network, issue: Id, log: EventLog): boolean {
  const st = idx.statics;
  // A forum's issues are the scenario's (check-scenario.ts).
  const spec = model.scenario.issues.find((x) => x.id === issue)!;
  // Members that still act (a unit that became a state by succession votes no more), by their place.
  const places: number[] = [];
  for (const id of network.members ?? []) {
    const a = st.position.get(id);
    if (a !== undefined && st.retired[a] !== 1) places.push(a);
  }
  if (places.length === 0) return false;
  places.sort((x, y) => x - y);
  const site = siteFrame(model, 'resolve', RESOLVE);
  const { frame: f, at } = site;
  const formula = slotTable(model).formulas['resolve']!;
  const view = issueView(idx, spec);
  const supporters: Id[] = [];
  for (const a of places) {
    const unit = idx.world.subnationals[a]!;
    writeAttributes(model, site, st, a);
    writeOnIssue(f, at, idx, unit, a, issue, view);
    f[at.memberCount] = places.length;
    formula.evaluateInto(f, unit.id);
    if (f[at.$result]! > 0) supporters.push(unit.id);
  }
  const quorum = model.parameters['forumQuorum'] ?? 0.5;
  const share = supporters.length / places.length;
  if (supporters.length === 0 || share < quorum) return false;
  supporters.sort();
  (network.resolved ??= []).push(issue);
  network.resolved.sort();
  const push = model.parameters['resolutionPressure'] ?? 0;
  for (const id of supporters) {
    const unit = idx.subnational(id)!;
    (unit.resolutions ??= []).push(issue);
    unit.resolutions.sort();
    if (push !== 0) {
      const pressure = (idx.world.pressure[unit.central] ??= {});
      pressure[issue] = (pressure[issue] ?? 0) + push;
    }
  }
  const members = places.map((a) => idx.world.subnationals[a]!.id).sort();
  // `by` the network and `parties` its supporters, so target filters (by, party, country) read it as any act.
  log.emit('forum.resolved', {
    by: network.id,
    issue,
    parties: supporters,
    why: { members, share: Math.round(share * 1e4) / 1e4, quorum },
  });
  return true;
}
