/**
 * Phase `legal`: each proposed external action is assessed under the rule set of every subnational party's
 * country in force on the date: forbidden (with the citation), allowed, or allowed after approvals. Foreign
 * states as partners are not assessed: the seed's rule sets speak only of what subnationals may do.
 */
import { partnerCategories } from '../../model/geography.ts';
import type { Central, Subnational } from '../../model/world.ts';
import { assessParty, assessUnruled, combineAssessments, resolveOptions, selectRuleSet, SILENCE_OPTIONS, type PartyAssessment } from '../../rules/assess.ts';
import type { OptionValue, RuleSet } from '../../rules/rule-set.ts';
import type { Model } from '../model.ts';
import type { WorldIndex } from '../world-index.ts';
import type { Proposal } from './decide.ts';

export interface LegalVerdict {
  verdict: 'forbidden' | 'allowed' | 'needs-approval';
  citations: string[];
  parts: PartyAssessment[];
}

type External = Extract<Proposal, { type: 'external' }>;

export function assessProposal(model: Model, idx: WorldIndex, date: string, p: External): LegalVerdict {
  const actor = idx.subnational(p.actor)!;
  const parts = [assessOne(model, idx, date, actor, p.partner, p)];
  const partnerUnit = idx.subnational(p.partner);
  if (partnerUnit) parts.push(assessOne(model, idx, date, partnerUnit, actor.id, p));
  const combined = combineAssessments(parts);
  return { verdict: combined.verdict, citations: combined.citations, parts: combined.parts };
}

function assessOne(model: Model, idx: WorldIndex, date: string, party: Subnational, counterpart: string, p: External): PartyAssessment {
  const central = idx.central(party.central)!;
  const ruleSet = selectRuleSet(model.ruleSets, central.ruleSet, date);
  // Between two periods of a constitution (the USSR before 1977, Russia 1992-93) the country is silent.
  if (!ruleSet) return assessUnruled(central.ruleSet, date, central.ruleOptions, p.instrument, party.id);
  return assessParty(ruleSet, optionsFor(ruleSet, central), p.instrument, p.scored.domain, {
    party: party.id,
    kind: party.kind,
    competences: party.competences,
    counterpart,
    counterpartCategories: partnerCategories(idx, party, counterpart),
  });
}

/**
 * What a party's lessons are valid under: the rule set in force for its country with the option settings, or
 * the silent period between two rule sets (named by the rule set that ended before it). A lesson learnt under
 * one regime says nothing about the next, so the key changes whenever the law does.
 */
export function legalRegime(model: Model, central: Central, date: string): string {
  const ruleSet = selectRuleSet(model.ruleSets, central.ruleSet, date);
  const options = Object.entries(central.ruleOptions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  if (ruleSet) return `${ruleSet.id}[${options}]`;
  let before = '';
  for (const rs of model.ruleSets) {
    if (rs.country === central.ruleSet && rs.valid.to !== undefined && rs.valid.to <= date && rs.valid.to > before) before = rs.valid.to;
  }
  return `silent:${central.ruleSet}:${before || 'start'}[${options}]`;
}

/** A central's option settings that this period's rule set knows, over the rule set's defaults. */
export function optionsFor(ruleSet: RuleSet, central: Central): Record<string, OptionValue> {
  const known = Object.fromEntries(Object.entries(central.ruleOptions).filter(([k]) => Object.hasOwn(ruleSet.options, k) || Object.hasOwn(SILENCE_OPTIONS, k)));
  const r = resolveOptions(ruleSet, known);
  // Option values were checked against the rule sets at load; a failure is a bug.
  if (!r.ok) throw new Error(`rule set ${ruleSet.id}: ${r.problem}`);
  return r.options;
}
