/**
 * A recorded run's world, rebuilt from its events: the scenario's initial world with every recorded event
 * applied in order (relations, instruments and their approvals, positions, laws, timeline inputs). It shows
 * what the events say, no more: chamber support and gatekeepers move only where a law.blocked event
 * recorded them, positions only where position.changed did.
 */
import type { SimEvent } from '../engine/events.ts';
import { setPath } from '../engine/world-path.ts';
import { strings } from '../experiment/describe-event.ts';
import { tickOf, type Calendar } from '../model/calendar.ts';
import type { DuchacekType, InstrumentKind, InstrumentStatus, Relation, ApprovalStepKind } from '../model/vocabulary.ts';
import type { ApprovalRecord, Instrument, World } from '../model/world.ts';

type Rec = Record<string, unknown>;

/** Applies one recorded event to `world`. `proposals` keeps each action.proposed event by instrument id. */
export function applyEvent(world: World, e: SimEvent, calendar: Calendar, proposals: Map<string, SimEvent>): void {
  if (e.kind === 'action.proposed' && typeof e['id'] === 'string') proposals.set(e['id'], e);
  const instrument = (w: World, ev: SimEvent, id: string): Instrument => instrumentOf(w, proposals.get(id) ?? ev, id);
  const why = (e['why'] ?? {}) as Rec;
  const id = typeof e['id'] === 'string' ? e['id'] : '';
  switch (e.kind) {
    case 'timeline.applied':
      for (const [path, value] of Object.entries((e['set'] ?? {}) as Rec)) setPath(world, path, value);
      break;
    case 'relation.changed': {
      const u = world.subnationals.find((x) => x.id === e['subnational']);
      if (u) {
        u.relation = e['to'] as Relation;
        if (typeof why['score'] === 'number') u.relationScore = why['score'];
      }
      break;
    }
    case 'position.changed': {
      const c = world.centrals.find((x) => x.id === e['by']);
      if (c && typeof e['to'] === 'number') c.executive.position[String(e['issue'])] = e['to'];
      break;
    }
    case 'approval.requested': {
      const inst = instrument(world, e, id);
      inst.status = 'awaiting-approval';
      inst.approvals.push({
        id: String(e['approval']), step: e['step'] as ApprovalStepKind, approver: String(e['approver']), organ: e['organ'] as ApprovalRecord['organ'],
        chambers: null, threshold: null, party: String(e['party']), citation: String(e['citation']), openedTick: e.tick,
        deadlineTick: typeof e['deadline'] === 'string' ? tickOf(calendar, e['deadline']) : null, within: null,
        onSilence: (e['onSilence'] as ApprovalRecord['onSilence']) ?? null, status: 'pending', resolvedTick: null,
      });
      break;
    }
    case 'approval.granted':
    case 'approval.tacit':
    case 'approval.refused': {
      const inst = instrument(world, e, id);
      const step = inst.approvals.find((a) => a.id === e['approval']);
      if (step) {
        step.status = e.kind === 'approval.granted' ? 'granted' : e.kind === 'approval.tacit' ? 'tacit' : 'refused';
        step.resolvedTick = e.tick;
      }
      if (e.kind === 'approval.refused') end(inst, 'refused', e.tick);
      break;
    }
    case 'instrument.signed': {
      const inst = instrument(world, e, id);
      inst.status = 'in-force';
      inst.signedTick = e.tick;
      break;
    }
    case 'instrument.denounced':
      end(instrument(world, e, id), 'denounced', e.tick);
      break;
    case 'instrument.takenOver':
      end(instrument(world, e, id), 'taken-over', e.tick);
      break;
    case 'instrument.expired':
      end(instrument(world, e, id), 'expired', e.tick);
      break;
    case 'instrument.lapsed':
      end(instrument(world, e, id), 'lapsed', e.tick);
      break;
    case 'instrument.renewed':
      instrument(world, e, id).reviewedTick = e.tick;
      break;
    case 'central.consulted':
      if (typeof e['issue'] === 'string') (world.consultations[String(e['central'])] ??= {})[e['issue']] = e.tick;
      break;
    case 'denunciation.demanded':
      instrument(world, e, id).denunciationDemandedTick = e.tick;
      instrument(world, e, id).denunciationDemandedBy = String(e['by']);
      break;
    case 'central.sanctioned': {
      const u = world.subnationals.find((x) => x.id === e['subnational']);
      if (u) u.sanctions++;
      break;
    }
    case 'law.enacted': {
      const issue = String(e['issue']);
      world.issues.find((x) => x.id === issue)?.laws.push({ by: String(e['by']), tick: e.tick });
      if (e['level'] === 'subnational') world.subnationals.find((x) => x.id === e['by'])?.laws.push(issue);
      else (world.lawStatus[String(e['by'])] ??= {})[issue] = 'enacted';
      break;
    }
    case 'law.blocked':
      (world.lawStatus[String(e['by'])] ??= {})[String(e['issue'])] = String(e['reason']);
      recordLegislature(world, String(e['by']), String(e['issue']), why);
      break;
    default:
      break;
  }
  world.tick = e.tick + 1;
  world.counters.event = Math.max(world.counters.event, e.seq);
}

/** The instrument an event is about, created from the event's own fields the first time it is seen. */
function instrumentOf(world: World, e: SimEvent, id: string): Instrument {
  let inst = world.instruments.find((i) => i.id === id);
  if (inst) return inst;
  const parties = strings(e['parties']);
  inst = {
    id, kind: String(e['instrument']) as InstrumentKind, initiator: String(e['initiator'] ?? e['actor'] ?? parties[0] ?? ''), parties,
    domain: String(e['domain'] ?? ''), issue: typeof e['issue'] === 'string' ? e['issue'] : null, status: 'proposed' as InstrumentStatus,
    proposedTick: e.tick, signedTick: null, endedTick: null, reviewedTick: null, duchacek: (e['duchacek'] as DuchacekType | null | undefined) ?? null,
    protodiplomacy: e['protodiplomacy'] === true, citations: strings(e['citations']),
    legal: Array.isArray(e['legal']) ? (e['legal'] as Instrument['legal']) : [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null,
  };
  world.instruments.push(inst);
  world.instruments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return inst;
}

function end(inst: Instrument, status: InstrumentStatus, tick: number): void {
  inst.status = status;
  inst.endedTick = tick;
}

/** A law.blocked event records chamber support and gatekeeper positions (by name): keep them. */
function recordLegislature(world: World, centralId: string, issue: string, why: Rec): void {
  const c = world.centrals.find((x) => x.id === centralId);
  if (!c?.legislature) return;
  const support = (why['support'] ?? {}) as Record<string, number>;
  const gatekeepers = (why['gatekeepers'] ?? []) as Rec[];
  for (const ch of c.legislature.chambers) {
    if (typeof support[ch.name] === 'number') ch.support[issue] = support[ch.name]!;
    for (const g of ch.gatekeepers) {
      const rec = gatekeepers.find((x) => x['name'] === g.name);
      if (rec && typeof rec['position'] === 'number') g.position[issue] = rec['position'];
    }
  }
}
