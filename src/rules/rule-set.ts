/**
 * A rule set: the constitutional configuration of one country for one period, as data with a citation on
 * every rule. Loaded from YAML (scenarios/rule-sets/*.yaml, validated in src/scenario/rule-set-schema.ts).
 *
 * Reading order when assessing an action (src/rules/assess.ts): a matching `forbid` rule wins; otherwise the
 * first matching `allow` rule in file order gives the approval path; otherwise the rule set is silent and
 * `silence` decides, with its own citation, so a silence is always visible in the event log.
 */
import type { ApprovalStepKind, CentralPower, InstrumentKind, PartnerCategory } from '../model/vocabulary.ts';

/** A named option value; options encode the corrections and readings of seed-catalog section 5. */
export type OptionValue = string | number | boolean;

export interface RuleSetOption {
  default: OptionValue;
  values: OptionValue[];
  description: string;
  citation: string;
}

/** Condition on the rule set's options: the rule applies only when option `option` equals `equals`. */
export interface OptionCondition {
  option: string;
  equals: OptionValue;
}

/** Which competence domains a rule covers. */
export type DomainCondition =
  | 'any'
  | 'own-competence' // the action's domain is among the acting subnational's competences
  | 'outside-competence' // it is not
  | { in: string[] } // one of these domains (e.g. Argentina: justice, economy, utility-works)
  | { notIn: string[] }; // none of them (Argentina: a treaty outside the three purposes of art. 125 is forbidden)

export interface ApprovalStep {
  step: ApprovalStepKind;
  /** Whose step: the central's executive or legislature, or the acting subnational's own legislature. */
  by: 'executive' | 'legislature' | 'own-legislature';
  /** For votes: which chambers (all when absent) and the share of yes votes needed in each. */
  chambers?: string[];
  threshold?: number;
  /** A duration such as "8 weeks" after which silence resolves the step; converted to ticks by the calendar. */
  within?: string;
  /** What silence until `within` means: consent (tacit consent, Austria) or refusal. */
  onSilence?: 'consent' | 'refuse';
  citation: string;
}

export interface Rule {
  id: string;
  effect: 'allow' | 'forbid';
  instruments: InstrumentKind[];
  /** Subnational kinds the rule applies to; all kinds of the rule set when absent. */
  actorKinds?: string[];
  /** The rule applies when the partner falls in any of these categories; any partner when absent. */
  partners?: PartnerCategory[];
  /**
   * The rule does not apply when the partner falls in any of these categories. Needed because partner
   * categories overlap: Austria forbids foreign partners except neighbouring states and their units
   * (B-VG art. 16(1)), and "foreign but not neighbouring" is no category of its own.
   */
  exceptPartners?: PartnerCategory[];
  /** Competence condition; 'any' when absent. */
  domains?: DomainCondition;
  /** Ordered approval steps for an `allow` rule. */
  approvals?: ApprovalStep[];
  when?: OptionCondition;
  citation: string;
  note?: string;
}

export interface PowerRule {
  power: CentralPower;
  /** Instruments the power reaches; all when absent. */
  instruments?: InstrumentKind[];
  /** Only instruments concluded before this ISO date (Belgium: 1993-05-18). */
  concludedBefore?: string;
  /** Only instruments concluded on or after this ISO date. */
  concludedFrom?: string;
  when?: OptionCondition;
  citation: string;
  note?: string;
}

/** A point the source does not settle, recorded so that silence is explicit (seed-catalog section 6). */
export interface Silence {
  topic: string;
  note: string;
}

export interface RuleSet {
  /** Unique id, e.g. "AT", "BE-1993", "AR-1994". */
  id: string;
  /** Country code shared by all periods of one country, e.g. "BE"; centrals refer to this. */
  country: string;
  name: string;
  /** Validity as ISO dates; `to` is exclusive. */
  valid: { from?: string; to?: string };
  legalBasis: string;
  sources: string[];
  /** Kinds of subnational the rule set speaks of (state, province, land, canton, community, region, ...). */
  subnationalKinds: string[];
  rules: Rule[];
  powers: PowerRule[];
  /** The configurable default where no rule matches: separately for binding and non-binding instruments. */
  silence: {
    binding: 'allow' | 'forbid';
    nonBinding: 'allow' | 'forbid';
    citation: string;
  };
  silent: Silence[];
  options: Record<string, RuleSetOption>;
}
