/**
 * Validation of rule-set files (scenarios/rule-sets/*.yaml) into the RuleSet type of src/rules/rule-set.ts.
 * Objects are strict, so a misspelt key ("approval:" for "approvals:") is an error rather than a rule that
 * silently never applies. Cross-field checks (option references, period order, step shapes) are collected
 * as issues with paths, never thrown.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../model/calendar.ts';
import { APPROVAL_STEPS, CENTRAL_POWERS, INSTRUMENTS, PARTNER_CATEGORIES } from '../model/vocabulary.ts';
import type { RuleSet } from '../rules/rule-set.ts';

/** A duration the calendar can turn into ticks, as its parser reads it: "8 weeks", "30 days", "3.5 months", "12w". */
const duration = z.string().refine((t) => parseDuration(t) !== null, 'a duration such as "8 weeks", "3.5 months" or "12w" (days, weeks, months, quarters or years; at most 10,000 years)');

const id = z.string().regex(/^\S+$/, 'an id is a non-empty string without spaces');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date('an ISO date YYYY-MM-DD');
const optionValue = z.union([z.string(), z.number(), z.boolean()]);
/** Option names are plain words, which also keeps `__proto__` and friends out of the options record. */
const optionName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'an option name is a word of letters, digits and dashes');
const instruments = z.array(z.enum(INSTRUMENTS)).min(1);
const partners = z.array(z.enum(PARTNER_CATEGORIES)).min(1);

const condition = z.strictObject({ option: optionName, equals: optionValue });

const domains = z.union([
  z.enum(['any', 'own-competence', 'outside-competence']),
  z.strictObject({ in: z.array(text).min(1) }),
  z.strictObject({ notIn: z.array(text).min(1) }),
]);

const approvalStep = z
  .strictObject({
    step: z.enum(APPROVAL_STEPS),
    by: z.enum(['executive', 'legislature', 'own-legislature']),
    chambers: z.array(text).min(1).optional(),
    threshold: z.number().gt(0).max(1).optional(),
    within: duration.optional(),
    onSilence: z.enum(['consent', 'refuse']).optional(),
    citation: text,
  })
  .superRefine((s, ctx) => {
    // A vote is cast by a legislature; thresholds and chambers only make sense for votes.
    if (s.step === 'vote' && s.by === 'executive') ctx.addIssue({ code: 'custom', path: ['by'], message: 'a vote is cast by a legislature' });
    if (s.step !== 'vote' && (s.threshold !== undefined || s.chambers !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold and chambers belong to a vote' });
    }
    // A deadline without a meaning for silence (or the reverse) would leave the engine guessing.
    if ((s.within === undefined) !== (s.onSilence === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['within'], message: 'within and onSilence go together' });
    }
  });

const rule = z
  .strictObject({
    id,
    effect: z.enum(['allow', 'forbid']),
    instruments,
    actorKinds: z.array(text).min(1).optional(),
    partners: partners.optional(),
    exceptPartners: partners.optional(),
    domains: domains.optional(),
    approvals: z.array(approvalStep).optional(),
    when: condition.optional(),
    citation: text,
    note: text.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.effect === 'forbid' && r.approvals !== undefined && r.approvals.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['approvals'], message: 'a forbid rule has no approval steps' });
    }
  });

const power = z.strictObject({
  power: z.enum(CENTRAL_POWERS),
  instruments: instruments.optional(),
  concludedBefore: isoDate.optional(),
  concludedFrom: isoDate.optional(),
  when: condition.optional(),
  citation: text,
  note: text.optional(),
});

const option = z
  .strictObject({
    default: optionValue,
    values: z.array(optionValue).min(2, 'an option offers at least two values'),
    description: text,
    citation: text,
  })
  .superRefine((o, ctx) => {
    if (!o.values.includes(o.default)) ctx.addIssue({ code: 'custom', path: ['default'], message: 'the default must be one of the values' });
  });

export const ruleSetSchema = z
  .strictObject({
    id,
    country: id,
    name: text,
    valid: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
    legalBasis: text,
    sources: z.array(text),
    subnationalKinds: z.array(text).min(1),
    rules: z.array(rule),
    powers: z.array(power),
    silence: z.strictObject({ binding: z.enum(['allow', 'forbid']), nonBinding: z.enum(['allow', 'forbid']), citation: text }),
    silent: z.array(z.strictObject({ topic: text, note: text })),
    options: z.record(optionName, option),
  })
  .superRefine((rs, ctx) => {
    const { from, to } = rs.valid;
    if (from !== undefined && to !== undefined && to <= from) {
      ctx.addIssue({ code: 'custom', path: ['valid', 'to'], message: 'the period ends before it starts (to is exclusive)' });
    }
    const checkWhen = (when: { option: string; equals: string | number | boolean } | undefined, path: (string | number)[]): void => {
      if (when === undefined) return;
      // Own options only: "__proto__" or "hasOwnProperty" must not find Object.prototype's members.
      const opt = Object.hasOwn(rs.options, when.option) ? rs.options[when.option] : undefined;
      if (opt === undefined) {
        const known = Object.keys(rs.options);
        ctx.addIssue({ code: 'custom', path: [...path, 'option'], message: `unknown option "${when.option}": ${known.length > 0 ? `the rule set's options are ${known.join(', ')}` : 'the rule set declares no options'}` });
      }
      else if (!opt.values.includes(when.equals)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'equals'], message: `"${String(when.equals)}" is not a value of option "${when.option}"` });
      }
    };
    const seen = new Map<string, number>();
    rs.rules.forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}" (already the id of rules.${first})` });
      else seen.set(r.id, i);
      checkWhen(r.when, ['rules', i, 'when']);
      r.actorKinds?.forEach((k, j) => {
        if (!rs.subnationalKinds.includes(k)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'actorKinds', j], message: `"${k}" is not in subnationalKinds` });
      });
    });
    rs.powers.forEach((p, i) => checkWhen(p.when, ['powers', i, 'when']));
  });

// Type test: whatever the schema accepts is a RuleSet (fails to compile if the two drift apart).
type Assignable<T extends RuleSet> = T;
export type ParsedRuleSet = Assignable<z.output<typeof ruleSetSchema>>;

export interface RuleSetProblem {
  message: string;
  path: (string | number)[];
}

export type ParsedRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] };

/**
 * YAML text of one rule-set file to a validated RuleSet, or the list of problems with their data paths.
 * `file` names the file in the messages of YAML syntax errors (schema problems carry a path instead).
 */
export function parseRuleSetText(text: string, file: string): ParsedRuleSetResult {
  let data: unknown;
  try {
    // Rule sets are small, hand-written files: aliases are never needed, so allow none.
    data = parse(text, { uniqueKeys: true, maxAliasCount: 0, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [{ message: `${file}: ${message}`, path: [] }] };
  }
  // zod strips a `__proto__` record key without a word; say so instead (DESIGN.md section 8).
  const unsafe = prototypeKeys(data, []);
  if (unsafe.length > 0) return { ok: false, problems: unsafe.map((path) => ({ message: 'prototype keys are not allowed', path })) };
  const result = ruleSetSchema.safeParse(data);
  if (result.success) return { ok: true, ruleSet: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      message: issue.message,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    })),
  };
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function prototypeKeys(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => prototypeKeys(v, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((k) =>
    PROTOTYPE_KEYS.has(k) ? [[...path, k]] : prototypeKeys((value as Record<string, unknown>)[k], [...path, k]),
  );
}
