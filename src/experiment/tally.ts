/**
 * A running tally of a run's events, for the end-of-run summary and for `check`: what was signed (by
 * instrument and Duchacek type), how approvals went, what was forbidden or declined, laws, relations.
 */
import type { SimEvent } from '../engine/events.ts';
import type { World } from '../model/world.ts';

export interface Tally {
  ticks: number;
  lastDate: string;
  events: number;
  proposed: number;
  forbidden: number;
  declined: number;
  signed: Record<string, number>;
  signedByDuchacek: Record<string, number>;
  /** Agreements and treaties signed, by Duchacek type: where the constitutions differ most. */
  bindingByDuchacek: Record<string, number>;
  /** Approval outcomes by step: consent, vote, ratify, ... */
  approvalsByStep: Record<string, Record<string, number>>;
  protodiplomatic: number;
  approvals: Record<string, number>;
  laws: { by: string; issue: string; date: string; level: string }[];
  denounced: number;
  takenOver: number;
  forbiddenCitations: Record<string, number>;
}

/** The Duchacek key of ties that have no Duchacek type (domestic, between centrals, network memberships). */
export const NO_DUCHACEK = 'none (domestic, between centrals or network)';

export function newTally(): Tally {
  return {
    ticks: 0, lastDate: '', events: 0, proposed: 0, forbidden: 0, declined: 0, signed: {}, signedByDuchacek: {}, bindingByDuchacek: {}, approvalsByStep: {}, protodiplomatic: 0,
    approvals: { granted: 0, tacit: 0, refused: 0 }, laws: [], denounced: 0, takenOver: 0, forbiddenCitations: {},
  };
}

export function addEvents(t: Tally, events: readonly SimEvent[]): void {
  for (const e of events) {
    t.events++;
    switch (e.kind) {
      case 'action.proposed':
        t.proposed++;
        break;
      case 'action.forbidden':
        t.forbidden++;
        for (const c of (e['citations'] as string[]) ?? []) t.forbiddenCitations[c] = (t.forbiddenCitations[c] ?? 0) + 1;
        break;
      case 'action.declined':
        t.declined++;
        break;
      case 'instrument.signed': {
        const kind = String(e['instrument']);
        t.signed[kind] = (t.signed[kind] ?? 0) + 1;
        // Ties between centrals and network memberships have no Duchacek type.
        const d = (e['duchacek'] as string | null) ?? NO_DUCHACEK;
        t.signedByDuchacek[d] = (t.signedByDuchacek[d] ?? 0) + 1;
        if (kind === 'agreement' || kind === 'treaty') t.bindingByDuchacek[d] = (t.bindingByDuchacek[d] ?? 0) + 1;
        if (e['protodiplomacy']) t.protodiplomatic++;
        break;
      }
      case 'approval.granted':
      case 'approval.tacit':
      case 'approval.refused':
      {
        const outcome = e.kind.slice(9);
        t.approvals[outcome] = (t.approvals[outcome] ?? 0) + 1;
        const byStep = (t.approvalsByStep[String(e['step'])] ??= {});
        byStep[outcome] = (byStep[outcome] ?? 0) + 1;
        break;
      }
      case 'law.enacted':
        t.laws.push({ by: String(e['by']), issue: String(e['issue']), date: e.date, level: String(e['level']) });
        break;
      case 'instrument.denounced':
        t.denounced++;
        break;
      case 'instrument.takenOver':
        t.takenOver++;
        break;
      default:
        break;
    }
  }
}

/** The readable end-of-run summary. */
export function formatSummary(t: Tally, world: World, title: string): string {
  const lines: string[] = [];
  const list = (r: Record<string, number>): string =>
    Object.keys(r).length === 0 ? 'none' : Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(', ');
  lines.push(`${title}: ${t.ticks} ticks to ${t.lastDate}, ${t.events} events`);
  lines.push(`  actions proposed ${t.proposed}, forbidden ${t.forbidden}, declined by partners ${t.declined}`);
  lines.push(`  signed by instrument: ${list(t.signed)}`);
  lines.push(`  signed by Duchacek type: ${list(t.signedByDuchacek)}; protodiplomatic ${t.protodiplomatic}`);
  lines.push(`  agreements and treaties by Duchacek type: ${list(t.bindingByDuchacek)}`);
  lines.push(`  approvals: granted ${t.approvals['granted'] ?? 0}, tacit ${t.approvals['tacit'] ?? 0}, refused ${t.approvals['refused'] ?? 0}`);
  for (const [step, r] of Object.entries(t.approvalsByStep).sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`    ${step}: ${list(r)}`);
  lines.push(`  denounced ${t.denounced}, taken over ${t.takenOver}`);
  lines.push(`  laws: ${t.laws.length === 0 ? 'none' : t.laws.map((l) => `${l.by} on ${l.issue} (${l.date.slice(0, 7)})`).join(', ')}`);
  const topForbidden = Object.entries(t.forbiddenCitations).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  if (topForbidden.length > 0) lines.push(`  most cited prohibitions: ${topForbidden.map(([c, n]) => `${c} (${n})`).join('; ')}`);
  for (const c of world.centrals) {
    const units = world.subnationals.filter((u) => u.central === c.id);
    const modes: Record<string, number> = {};
    for (const u of units) modes[u.relation] = (modes[u.relation] ?? 0) + 1;
    lines.push(`  ${c.name} (rule set ${c.ruleSet}): relations at the end: ${list(modes)}`);
  }
  return lines.join('\n');
}
