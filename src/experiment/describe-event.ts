/**
 * Events as readable sentences ("New York and Ontario sign an MOU on acid rain"), using agent names. Pure:
 * shared by the terminal UI's event log and `paradip explain`. The why of an event (goal contributions,
 * rules and citations, the approval path) is in explain-event.ts.
 */
import type { SimEvent } from '../engine/events.ts';

/** Names of everything an event can mention, and what is known of instruments seen so far. */
export interface NameBook {
  /** The name of a central, subnational or network; the id itself when unknown. */
  name(id: string): string;
  /** An issue's name as it reads inside a sentence ("acid rain"). */
  issue(id: string): string;
  /** Kind and parties of an instrument, from the events that introduced it (for approval events). */
  instrument(id: string): InstrumentNote | undefined;
  /** Where a government stands: "United States, US rules" for a subnational or central; undefined if unknown. */
  standing(id: string): string | undefined;
}

export interface InstrumentNote {
  kind: string;
  parties: string[];
  initiator: string;
  issue: string | null;
  domain: string;
}

interface Named {
  id: string;
  name: string;
}

/** What a NameBook is built from: the scenario's agents and issues (a Scenario or a World fits). */
export interface NameSource {
  centrals: readonly (Named & { ruleSet?: string })[];
  subnationals: readonly (Named & { central?: string })[];
  networks?: readonly Named[];
  /** International organisations (issue 12), named like networks. */
  organisations?: readonly Named[];
  /** Third-party domestic actors (issue 12 part B). */
  thirdParties?: readonly Named[];
  issues?: readonly Named[];
}

/**
 * A NameBook over a scenario that also learns instruments from the events it is shown (call `learn` on
 * each event in order; approval events then name the instrument's parties).
 */
export class EventNames implements NameBook {
  private readonly names = new Map<string, string>();
  private readonly issues = new Map<string, string>();
  private readonly instruments = new Map<string, InstrumentNote>();
  private readonly standings = new Map<string, string>();

  constructor(source: NameSource) {
    for (const x of [...source.centrals, ...source.subnationals, ...(source.networks ?? []), ...(source.organisations ?? []), ...(source.thirdParties ?? [])]) this.names.set(x.id, x.name);
    for (const x of source.issues ?? []) this.issues.set(x.id, inSentence(x.name));
    const rules = new Map(source.centrals.map((c) => [c.id, c.ruleSet]));
    for (const c of source.centrals) if (c.ruleSet) this.standings.set(c.id, `${c.ruleSet} rules`);
    for (const u of source.subnationals) {
      if (u.central) this.standings.set(u.id, `${this.name(u.central)}${rules.get(u.central) ? `, ${rules.get(u.central)} rules` : ''}`);
    }
  }

  standing(id: string): string | undefined {
    return this.standings.get(id);
  }

  name(id: string): string {
    return this.names.get(id) ?? id;
  }

  issue(id: string): string {
    return this.issues.get(id) ?? id;
  }

  instrument(id: string): InstrumentNote | undefined {
    return this.instruments.get(id);
  }

  learn(e: SimEvent): void {
    if ((e.kind !== 'action.proposed' && e.kind !== 'instrument.signed') || typeof e['id'] !== 'string') return;
    if (this.instruments.has(e['id'])) return;
    const parties = strings(e['parties']);
    this.instruments.set(e['id'], {
      kind: String(e['instrument']),
      parties,
      initiator: typeof e['actor'] === 'string' ? e['actor'] : typeof e['initiator'] === 'string' ? e['initiator'] : (parties[0] ?? ''),
      issue: typeof e['issue'] === 'string' ? e['issue'] : null,
      domain: String(e['domain'] ?? ''),
    });
  }
}

/** "an MOU", "a treaty", ... */
export function instrumentPhrase(kind: string): string {
  const label = kind === 'mou' ? 'MOU' : kind;
  return `${/^[aeiouAEIOU]|^MOU/.test(label) ? 'an' : 'a'} ${label}`;
}

export function instrumentLabel(kind: string): string {
  return kind === 'mou' ? 'MOU' : kind;
}

/** The event's date as the log shows it: year and month for monthly or longer ticks, the full date otherwise. */
export function shortDate(date: string, unit: string = 'month'): string {
  return unit === 'day' || unit === 'week' ? date : date.slice(0, 7);
}

/** " with <partner>" for a tie seen from `self`. */
function partnerSuffixOf(e: SimEvent, book: NameBook, self: string): string {
  const other = strings(e['parties']).find((p) => p !== self);
  return other ? ` with ${book.name(other)}` : '';
}

/** One sentence saying what happened, without the date. */
export function describeEvent(e: SimEvent, book: NameBook): string {
  const n = (k: string): string => book.name(String(e[k] ?? ''));
  const kind = String(e['instrument'] ?? '');
  const about = topic(e, book);
  const parties = strings(e['parties']);
  const other = (self: string): string => book.name(parties.find((p) => p !== self) ?? '');
  switch (e.kind) {
    case 'timeline.applied':
      return `Timeline: ${String(e['note'] ?? '') || String(e['entry'])}`;
    case 'action.proposed':
      return `${n('actor')} proposes ${instrumentPhrase(kind)}${about} to ${other(String(e['actor']))}`;
    case 'action.forbidden':
      return `${n('actor')} may not conclude ${instrumentPhrase(kind)} with ${other(String(e['actor']))}: ${firstCitation(e)}`;
    case 'action.vetoed':
      return `${n('by')} vetoes ${possessive(n('actor'))} ${instrumentLabel(kind)} with ${other(String(e['actor']))}`;
    case 'action.declined':
      return `${n('by')} declines ${possessive(n('actor'))} ${instrumentLabel(kind)} proposal${about}`;
    case 'approval.requested':
      return `${tie(e, book)} awaits ${stepPhrase(e, book)}${e['deadline'] ? ` (until ${shortDate(String(e['deadline']))})` : ''}`;
    case 'approval.granted':
      return grantedSentence(e, book);
    case 'approval.tacit':
      return `${tie(e, book)} approved tacitly: ${organ(e, book)} silent until the deadline`;
    case 'approval.refused':
      return e['why'] && (e['why'] as Record<string, unknown>)['silentUntilDeadline']
        ? `${tie(e, book)} refused: ${organ(e, book)} silent until the deadline`
        : `${organ(e, book)} refuses ${tie(e, book)}`;
    case 'instrument.signed':
      return signedSentence(e, book, about);
    case 'instrument.denounced':
      return `${n('by')} denounces ${tieOf(e, book, String(e['by']))}`;
    case 'instrument.takenOver':
      return `${n('by')} takes over ${tieOf(e, book, String(e['by']))}`;
    case 'instrument.expired':
      return `The ${instrumentLabel(kind)} between ${joinNames(parties, book)} expires`;
    case 'instrument.renewed':
      return `The ${instrumentLabel(kind)} between ${joinNames(parties, book)} is renewed at its review`;
    case 'instrument.lapsed':
      return kind === 'office'
        ? `${n('by')} closes its office in ${joinNames(parties.filter((p) => p !== e['by']), book)}`
        : `${n('by')} lets the ${instrumentLabel(kind)}${partnerSuffix(e, book)} lapse at its review`;
    case 'denunciation.demanded':
      return `${n('by')} demands that ${joinNames(parties.filter((p) => p !== e['by']), book)} denounce the ${instrumentLabel(kind)}${partnerSuffix(e, book)}`;
    case 'law.enacted':
      return e['level'] === 'subnational' ? `${n('by')} enacts its own law on ${book.issue(String(e['issue']))}` : `${n('by')} enacts a national law on ${book.issue(String(e['issue']))}`;
    case 'law.blocked':
      return `A national law on ${book.issue(String(e['issue']))} is stuck in ${n('by')}: ${blockedReason(e)}`;
    case 'lobby.delivered':
      return `${n('by')} lobbies ${n('to')} ${e['against'] === true ? 'against action ' : ''}on ${book.issue(String(e['issue']))}`;
    case 'action.litigated':
      return `${n('by')} takes ${n('to')} to court on ${book.issue(String(e['issue']))}`;
    case 'action.ruled':
      return e['court'] === 'appeal'
        ? `The appeal court ${e['outcome'] === 'upheld' ? 'upholds' : 'reverses'} the ruling for ${n('plaintiff')} in its case against ${n('central')} on ${book.issue(String(e['issue']))}`
        : `The court rules ${e['outcome'] === 'for' ? 'for' : 'against'} ${n('plaintiff')} in its case against ${n('central')} on ${book.issue(String(e['issue']))}`;
    case 'action.appealed':
      return `${n('by')} appeals the ruling for ${n('plaintiff')} on ${book.issue(String(e['issue']))}`;
    case 'position.changed':
      return `${n('by')}${e['leader'] ? ` (${String(e['leader'])})` : ''} moves on ${book.issue(String(e['issue']))}: ${signed(e['from'])} to ${signed(e['to'])}`;
    case 'relation.changed':
      return e['holder']
        ? `${possessive(n('holder'))} relation with ${n('subnational')} turns from ${String(e['from'])} to ${String(e['to'])}`
        : `${possessive(n('subnational'))} relation with ${n('central')} turns from ${String(e['from'])} to ${String(e['to'])}`;
    case 'action.framed':
      return e['frame'] === 'threat'
        ? `${n('by')} call${n('by').endsWith('s') ? '' : 's'} ${possessive(n('subnational'))} ${instrumentLabel(kind)}${partnerSuffixOf(e, book, String(e['subnational']))} a threat to the country's integrity`
        : `${n('by')} accept${n('by').endsWith('s') ? '' : 's'} ${possessive(n('subnational'))} ${instrumentLabel(kind)}${partnerSuffixOf(e, book, String(e['subnational']))}`;
    case 'rules.changed':
      return e['to'] ? `${n('central')} now under rule set ${String(e['to'])}${e['from'] ? ` (was ${String(e['from'])})` : ''}: ${String(e['citation'])}` : `${n('central')}: rule set ${String(e['from'])} no longer in force; the country is silent until another applies`;
    case 'central.succeeded':
      return `${n('successor')} succeeds ${n('predecessor')}: ${strings(e['instruments']).length} tie${strings(e['instruments']).length === 1 ? '' : 's'} carried over`;
    case 'central.sanctioned':
      return `${n('central')} sanctions ${n('subnational')} for protodiplomacy`;
    case 'forum.resolved': {
      const members = strings(((e['why'] ?? {}) as Record<string, unknown>)['members']).length;
      return `${n('by')} adopts a resolution on ${book.issue(String(e['issue']))}: ${joinNames(parties, book)} vote for it (${parties.length} of ${members} members), and it binds them`;
    }
    case 'central.consulted':
      return `${n('central')} consults ${joinNames(strings(e['subnationals']), book)} before concluding an agreement${e['issue'] ? ` on ${book.issue(String(e['issue']))}` : ''}`;
    default:
      return String(e.kind);
  }
}

function signedSentence(e: SimEvent, book: NameBook, about: string): string {
  const kind = String(e['instrument']);
  const parties = strings(e['parties']);
  const [a, b] = [book.name(parties[0] ?? ''), book.name(parties[1] ?? '')];
  switch (kind) {
    case 'visit':
      return `${book.name(String(e['initiator']))} visits ${book.name(parties.find((p) => p !== e['initiator']) ?? '')}${about}`;
    case 'office':
      return `${book.name(String(e['initiator']))} opens an office in ${book.name(parties.find((p) => p !== e['initiator']) ?? '')}${about}`;
    case 'membership':
      return `${a} joins ${b}`;
    case 'twinning':
      return `${a} and ${b} are twinned${about}`;
    case 'forum':
      return `${a} and ${b} set up a joint forum${about}`;
    case 'agreement':
    case 'treaty':
      return `${a} and ${b} conclude ${instrumentPhrase(kind)}${about}`;
    default:
      return `${a} and ${b} sign ${instrumentPhrase(kind)}${about}`;
  }
}

function grantedSentence(e: SimEvent, book: NameBook): string {
  const why = (e['why'] ?? {}) as Record<string, unknown>;
  if (e['step'] === 'notify' || why['notified']) return `${book.name(String(e['party']))} notifies ${book.name(String(e['approver']))} of ${tie(e, book, true)}`;
  if (e['organ'] === 'own-legislature') return `${possessive(book.name(String(e['approver'])))} legislature ratifies ${tie(e, book)}`;
  if (e['organ'] === 'legislature') return `${possessive(book.name(String(e['approver'])))} legislature approves ${tie(e, book)}`;
  return `${organ(e, book)} consents to ${tie(e, book)}`;
}

/** "Ontario's MOU with New York" (or "its MOU ...") for an approval event: the instrument of the party the step is for. */
function tie(e: SimEvent, book: NameBook, its = false): string {
  const note = book.instrument(String(e['id']));
  const kind = instrumentLabel(String(e['instrument'] ?? note?.kind ?? 'instrument'));
  if (!note) return `${instrumentPhrase(kind)} (${String(e['id'])})`;
  const self = typeof e['party'] === 'string' && note.parties.includes(e['party']) ? e['party'] : note.initiator;
  const partner = note.parties.find((p) => p !== self);
  return `${its ? 'its' : possessive(book.name(self))} ${kind}${partner ? ` with ${book.name(partner)}` : ''}`;
}

/** "its MOU with Quebec" / "New York's MOU with Quebec", seen from `by`. */
function tieOf(e: SimEvent, book: NameBook, by: string): string {
  const parties = strings(e['parties']);
  const kind = instrumentLabel(String(e['instrument']));
  if (parties.includes(by)) return `its ${kind} with ${joinNames(parties.filter((p) => p !== by), book)}`;
  return `the ${kind} between ${joinNames(parties, book)}`;
}

function partnerSuffix(e: SimEvent, book: NameBook): string {
  const parties = strings(e['parties']);
  return parties.length > 1 ? ` (${joinNames(parties, book)})` : '';
}

function organ(e: SimEvent, book: NameBook): string {
  const who = book.name(String(e['approver']));
  if (e['organ'] === 'own-legislature') return `${possessive(who)} own legislature`;
  if (e['organ'] === 'legislature') return `${possessive(who)} legislature`;
  return `${possessive(who)} executive`;
}

function stepPhrase(e: SimEvent, book: NameBook): string {
  const who = book.name(String(e['approver']));
  switch (e['step']) {
    case 'notify':
      return `notification of ${who}`;
    case 'vote':
      return `a vote in ${possessive(who)} legislature`;
    case 'ratify':
      return `ratification by ${possessive(who)} legislature`;
    default:
      return `the consent of ${organ(e, book)}`;
  }
}

function blockedReason(e: SimEvent): string {
  const why = (e['why'] ?? {}) as Record<string, unknown>;
  switch (e['reason']) {
    case 'gatekeeper': {
      const blockers = strings(why['blockers']);
      return `kept off the floor by ${blockers.length > 0 ? blockers.join(', ') : 'a gatekeeper'}`;
    }
    case 'votes': {
      const short = strings(why['short']);
      return `not enough votes${short.length > 0 ? ` in ${short.join(' and ')}` : ''}`;
    }
    case 'executive':
      return 'the executive does not want it';
    default:
      return String(e['reason']);
  }
}

function topic(e: SimEvent, book: NameBook): string {
  if (typeof e['issue'] === 'string') return ` on ${book.issue(e['issue'])}`;
  if (typeof e['domain'] === 'string' && e['domain'] !== '') return ` (${e['domain']})`;
  return '';
}

function firstCitation(e: SimEvent): string {
  return strings(e['citations'])[0] ?? 'no rule allows it';
}

export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function joinNames(ids: readonly string[], book: NameBook): string {
  const names = ids.map((id) => book.name(id));
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function signed(x: unknown): string {
  const v = typeof x === 'number' ? x : Number(x);
  return `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
}

export function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.map(String) : [];
}

/** "Acid rain" reads "acid rain" inside a sentence; acronyms ("SO2", "NAFTA") stay as they are. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}
