/**
 * The legality question: may this subnational use this instrument with this partner in this domain, and if
 * so, which approvals must it pass? Pure functions over rule-set data (no I/O), in the reading order of
 * src/rules/rule-set.ts: a matching forbid wins; else the first matching allow (file order); else silence.
 * Every answer carries the citations that decided it, so an event can always say why.
 */
import { isBinding, type CentralPower, type InstrumentKind, type PartnerCategory } from '../model/vocabulary.ts';
import type { ApprovalStep, DomainCondition, OptionCondition, OptionValue, PowerRule, Rule, RuleSet, RuleSetOption } from './rule-set.ts';

/** One subnational party of a proposed action, seen under its own country's rule set. */
export interface PartyView {
  party: string;
  kind: string;
  competences: string[];
  /** The other party's id. */
  counterpart: string;
  /** How the counterpart stands to this party (computed by the engine). */
  counterpartCategories: PartnerCategory[];
}

export type Verdict = 'forbidden' | 'allowed' | 'needs-approval';

export interface PartyAssessment {
  party: string;
  ruleSet: string;
  verdict: Verdict;
  /** The deciding rule's id, or 'silence'. */
  rule: string;
  /** Every citation applied: the rule's, then its approval steps'. */
  citations: string[];
  /** Empty unless the verdict is needs-approval. */
  steps: ApprovalStep[];
}

/** The rule set of `country` in force on `isoDate` (from inclusive, to exclusive; ISO dates compare as text). */
export function selectRuleSet(ruleSets: readonly RuleSet[], country: string, isoDate: string): RuleSet | undefined {
  const inForce = ruleSets.filter(
    (rs) => rs.country === country && (rs.valid.from === undefined || rs.valid.from <= isoDate) && (rs.valid.to === undefined || isoDate < rs.valid.to),
  );
  // Periods of one country should not overlap; if they do, the later-starting (more specific) one wins,
  // then the smaller id, so the answer never depends on file order.
  inForce.sort((a, b) => compare(b.valid.from ?? '', a.valid.from ?? '') || compare(a.id, b.id));
  return inForce[0];
}

/**
 * Options every rule set has: what silence means, for binding and non-binding instruments. The defaults are
 * the rule set's own `silence` entry, so a researcher can test another reading of a silent constitution.
 */
export const SILENCE_OPTIONS: Record<string, RuleSetOption> = {
  silenceBinding: { default: 'rule set', values: ['rule set', 'allow', 'forbid'], description: 'what silence means for agreements and treaties', citation: 'paradip modelling option: what a silent rule set means is configurable (README.md "Rule sets")' },
  silenceNonBinding: { default: 'rule set', values: ['rule set', 'allow', 'forbid'], description: 'what silence means for non-binding instruments', citation: 'paradip modelling option: what a silent rule set means is configurable (README.md "Rule sets")' },
};

/** The rule set's option defaults with `overrides` applied; an unknown option or value is a problem. */
export function resolveOptions(
  ruleSet: RuleSet,
  overrides: Record<string, OptionValue>,
): { ok: true; options: Record<string, OptionValue> } | { ok: false; problem: string } {
  for (const [name, value] of Object.entries(overrides).sort(([a], [b]) => compare(a, b))) {
    const option = Object.hasOwn(ruleSet.options, name) ? ruleSet.options[name] : Object.hasOwn(SILENCE_OPTIONS, name) ? SILENCE_OPTIONS[name] : undefined;
    if (option === undefined) {
      const known = Object.keys(ruleSet.options).sort().join(', ') || 'none';
      return { ok: false, problem: `rule set ${ruleSet.id} has no option "${name}" (options: ${known})` };
    }
    if (!option.values.includes(value)) {
      return { ok: false, problem: `option "${name}" of rule set ${ruleSet.id} cannot be ${JSON.stringify(value)} (values: ${option.values.map((v) => JSON.stringify(v)).join(' | ')})` };
    }
  }
  const options: Record<string, OptionValue> = {};
  for (const name of Object.keys(ruleSet.options).sort()) options[name] = overrides[name] ?? ruleSet.options[name]!.default;
  for (const name of Object.keys(SILENCE_OPTIONS)) if (overrides[name] !== undefined) options[name] = overrides[name];
  return { ok: true, options };
}

/** Whether an option condition holds; an option missing from `options` takes its default. */
export function conditionHolds(ruleSet: RuleSet, options: Record<string, OptionValue>, when: OptionCondition | undefined): boolean {
  if (when === undefined) return true;
  const own = (o: object): boolean => Object.hasOwn(o, when.option);
  const value = own(options) ? options[when.option] : own(ruleSet.options) ? ruleSet.options[when.option]!.default : undefined;
  return value === when.equals;
}

function domainHolds(condition: DomainCondition | undefined, domain: string, competences: readonly string[]): boolean {
  if (condition === undefined || condition === 'any') return true;
  if (condition === 'own-competence') return competences.includes(domain);
  if (condition === 'outside-competence') return !competences.includes(domain);
  if ('in' in condition) return condition.in.includes(domain);
  return !condition.notIn.includes(domain);
}

/** Whether `rule` speaks to this action (effect aside). */
export function ruleMatches(
  ruleSet: RuleSet,
  options: Record<string, OptionValue>,
  rule: Rule,
  instrument: InstrumentKind,
  domain: string,
  view: PartyView,
): boolean {
  const categories = view.counterpartCategories;
  return (
    rule.instruments.includes(instrument) &&
    (rule.actorKinds === undefined || rule.actorKinds.includes(view.kind)) &&
    (rule.partners === undefined || rule.partners.some((c) => categories.includes(c))) &&
    (rule.exceptPartners === undefined || !rule.exceptPartners.some((c) => categories.includes(c))) &&
    domainHolds(rule.domains, domain, view.competences) &&
    conditionHolds(ruleSet, options, rule.when)
  );
}

export function assessParty(
  ruleSet: RuleSet,
  options: Record<string, OptionValue>,
  instrument: InstrumentKind,
  domain: string,
  view: PartyView,
): PartyAssessment {
  // Each answer is written out as one literal of six fields: spread from a shared base, it was a larger object
  // (measured: about 1 KB kept per assessment until the tick's end, at 100,000 units a sixth of what a tick kept).
  const party = view.party;
  // A rule set governs the kinds of unit it names (the US Constitution speaks of States, not of cities): for a
  // unit of another kind its rules say nothing, and its silence decides.
  const governed = ruleSet.subnationalKinds.includes(view.kind);
  const matching = governed ? ruleSet.rules.filter((r) => ruleMatches(ruleSet, options, r, instrument, domain, view)) : [];
  // A prohibition is not lifted by a permission elsewhere in the text: any matching forbid wins.
  const forbid = matching.find((r) => r.effect === 'forbid');
  if (forbid) return { party, ruleSet: ruleSet.id, verdict: 'forbidden', rule: forbid.id, citations: [forbid.citation], steps: [] };
  const allow = matching.find((r) => r.effect === 'allow');
  if (allow) {
    const steps = allow.approvals ?? [];
    return {
      party,
      ruleSet: ruleSet.id,
      verdict: steps.length > 0 ? 'needs-approval' : 'allowed',
      rule: allow.id,
      citations: unique([allow.citation, ...steps.map((s) => s.citation)]),
      steps: [...steps],
    };
  }
  const binding = isBinding(instrument);
  const chosen = options[binding ? 'silenceBinding' : 'silenceNonBinding'];
  const effect = chosen === 'allow' || chosen === 'forbid' ? chosen : binding ? ruleSet.silence.binding : ruleSet.silence.nonBinding;
  const citation = silenceCitation(ruleSet, binding, chosen, governed ? null : view.kind);
  return { party, ruleSet: ruleSet.id, verdict: effect === 'allow' ? 'allowed' : 'forbidden', rule: 'silence', citations: [citation], steps: [] };
}

/**
 * Silence's citation, built once per rule set and reading: every silent verdict of a tick cites the same text,
 * and building it per proposal made a new string of some 600 characters each time (at 100,000 units, a third
 * of what a tick's legal phase kept until the tick's end). `ungoverned` is the kind of unit the rule set does
 * not speak of, or null.
 */
const silenceCitations = new WeakMap<RuleSet, Map<string, string>>();
function silenceCitation(ruleSet: RuleSet, binding: boolean, chosen: OptionValue | undefined, ungoverned: string | null): string {
  let cache = silenceCitations.get(ruleSet);
  if (cache === undefined) silenceCitations.set(ruleSet, (cache = new Map()));
  const key = `${binding ? 'b' : 'n'}\u0000${String(chosen)}\u0000${ungoverned ?? ''}`;
  let citation = cache.get(key);
  if (citation === undefined) {
    const silence = chosen === 'allow' || chosen === 'forbid'
      ? `${ruleSet.silence.citation.replace(/ \(configurable:[^)]*\)$/, '')}; here set to ${chosen} by option ${binding ? 'silenceBinding' : 'silenceNonBinding'}`
      : ruleSet.silence.citation;
    citation = ungoverned === null ? silence : `${ruleSet.name} names no rule for a ${ungoverned} (it governs ${ruleSet.subnationalKinds.join(', ')}); ${silence}`;
    cache.set(key, citation);
  }
  return citation;
}

/**
 * A party whose country has no rule set in force on `isoDate` (between two periods of its constitution): the
 * country is silent, so its silence options decide (`silenceBinding`, `silenceNonBinding` in the central's
 * ruleOptions); left at 'rule set' there is no rule set to defer to, and the reading common to every shipped
 * rule set applies: binding instruments forbidden (external relations are reserved to the centre), non-binding
 * ones allowed.
 */
export function assessUnruled(
  country: string,
  isoDate: string,
  options: Readonly<Record<string, OptionValue>>,
  instrument: InstrumentKind,
  party: string,
): PartyAssessment {
  const binding = isBinding(instrument);
  const option = binding ? 'silenceBinding' : 'silenceNonBinding';
  const chosen = options[option];
  const set = chosen === 'allow' || chosen === 'forbid';
  const effect = set ? chosen : binding ? 'forbid' : 'allow';
  const reason = set
    ? `set to ${effect} by option ${option}`
    : `${binding ? 'binding instruments forbidden (external relations reserved to the centre)' : 'non-binding instruments allowed'}, the default reading of silence (configurable: ruleOptions ${option})`;
  return {
    party,
    ruleSet: `${country} (none in force)`,
    verdict: effect === 'allow' ? 'allowed' : 'forbidden',
    rule: 'silence',
    citations: [`Silent: no ${country} rule set is in force on ${isoDate}; ${reason}`],
    steps: [],
  };
}

/**
 * The verdict on an action from its parties' assessments: any forbidden party forbids it (each party is bound
 * by its own constitution), else any approval needed delays it. When forbidden, the citations are those of
 * the forbidding parties (the reason); otherwise every party's. Parts are ordered by party id.
 */
export function combineAssessments(parts: readonly PartyAssessment[]): { verdict: Verdict; citations: string[]; parts: PartyAssessment[] } {
  const sorted = [...parts].sort((a, b) => compare(a.party, b.party) || compare(a.ruleSet, b.ruleSet));
  const forbidden = sorted.filter((p) => p.verdict === 'forbidden');
  const verdict: Verdict = forbidden.length > 0 ? 'forbidden' : sorted.some((p) => p.verdict === 'needs-approval') ? 'needs-approval' : 'allowed';
  const reasons = verdict === 'forbidden' ? forbidden : sorted;
  return { verdict, citations: unique(reasons.flatMap((p) => p.citations)), parts: sorted };
}

/**
 * The first power rule giving the central `power` over an instrument of this kind concluded on
 * `concludedIsoDate` (null: not concluded, or unknown). A date-limited power needs a date to apply.
 */
export function findPower(
  ruleSet: RuleSet,
  options: Record<string, OptionValue>,
  power: CentralPower,
  instrument: InstrumentKind,
  concludedIsoDate: string | null,
): PowerRule | null {
  const found = ruleSet.powers.find(
    (p) =>
      p.power === power &&
      (p.instruments === undefined || p.instruments.includes(instrument)) &&
      conditionHolds(ruleSet, options, p.when) &&
      (p.concludedBefore === undefined || (concludedIsoDate !== null && concludedIsoDate < p.concludedBefore)) &&
      (p.concludedFrom === undefined || (concludedIsoDate !== null && concludedIsoDate >= p.concludedFrom)),
  );
  return found ?? null;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Code-unit order, independent of locale, so sorting is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
