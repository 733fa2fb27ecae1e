/**
 * fast-check arbitraries for property tests: rule sets, scenarios and worlds. Every generated scenario is
 * valid (it passes the schema and the reference checks), so a property failing on one is a bug in the model
 * or in the property, never in the generator. Exported through `paradip/testing`.
 *
 * Options turn the knobs a property needs to meet its case often (tick lengths, deadlines, tacit consent,
 * the centrals' responsiveness, rule sets of one's own or shipped ones). Without options the arbitraries draw
 * exactly as they always have: an option replaces a draw only when given, and adds none otherwise, so the same
 * fast-check seed still gives the same scenarios (the goldens hash 40 of them).
 */
import fc from 'fast-check';
import { APPROVAL_STEPS, CENTRAL_POWERS, INSTRUMENTS, PARTNER_CATEGORIES, type TickUnit } from '../model/vocabulary.ts';

/**
 * The partner categories a generated world can meet: it has no organisations and never weighs an office in the
 * own capital (parameter ownCapitalOffices stays 0), so 'organisation' and 'own-state' could never match.
 */
const GENERATED_CATEGORIES = PARTNER_CATEGORIES.filter((c) => c !== 'organisation' && c !== 'own-state');
import type { ApprovalStep, PowerRule, Rule, RuleSet } from '../rules/rule-set.ts';
import { scenarioSchema, type Scenario } from '../scenario/schema.ts';

const DOMAINS = ['economy', 'culture', 'education', 'environment', 'external-relations'] as const;

/** Knobs of `ruleSetArbitrary`. */
export interface RuleSetOptions {
  /** The deadlines (`within`) approval steps draw from. Default: 2 weeks, 8 weeks, 3 months, 1 year. */
  deadlines?: readonly string[];
  /**
   * Every allowing rule asks first for the central executive's consent within one of the deadlines, silence
   * counting as consent (Austria's eight weeks), so runs meet tacit consent often (with a low `responsiveness`,
   * most of the time). Default: approval paths drawn at random, where a tacit consent is rare.
   */
  tacitConsent?: boolean;
}

const DEADLINES = ['2 weeks', '8 weeks', '3 months', '1 year'] as const;

const approvalStep = (deadlines: readonly string[]): fc.Arbitrary<ApprovalStep> => fc
  .record({
    step: fc.constantFrom(...APPROVAL_STEPS),
    within: fc.option(fc.constantFrom(...deadlines), { nil: undefined }),
    onSilence: fc.option(fc.constantFrom('consent' as const, 'refuse' as const), { nil: undefined }),
  })
  .map(({ step, within, onSilence }): ApprovalStep => {
    const by = step === 'vote' ? 'legislature' : step === 'ratify' ? 'own-legislature' : 'executive';
    const s: ApprovalStep = { step, by, citation: `generated ${step} step` };
    if (step !== 'notify' && step !== 'ratify' && within !== undefined) s.within = within;
    if (step !== 'notify' && step !== 'ratify' && onSilence !== undefined) s.onSilence = onSilence;
    if (step === 'vote') s.threshold = 0.5;
    return s;
  });

const rule = (i: number, options: RuleSetOptions): fc.Arbitrary<Rule> =>
  fc
    .record({
      effect: fc.constantFrom('allow' as const, 'allow' as const, 'forbid' as const),
      instruments: fc.uniqueArray(fc.constantFrom(...INSTRUMENTS), { minLength: 1, maxLength: 4 }),
      partners: fc.option(fc.uniqueArray(fc.constantFrom(...GENERATED_CATEGORIES), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      domains: fc.constantFrom('any' as const, 'own-competence' as const, 'outside-competence' as const),
      approvals: fc.array(approvalStep(options.deadlines ?? DEADLINES), { maxLength: 3 }),
    })
    .map(({ effect, instruments, partners, domains, approvals }): Rule => {
      const r: Rule = { id: `rule-${i}`, effect, instruments, domains, citation: `generated rule ${i}` };
      if (partners) r.partners = partners;
      if (effect === 'allow' && options.tacitConsent) {
        // The drawn path, behind a consent with a deadline whose silence consents (the deadline drawn too).
        const within = approvals.find((a) => a.within !== undefined)?.within ?? (options.deadlines ?? DEADLINES)[i % (options.deadlines ?? DEADLINES).length]!;
        r.approvals = [{ step: 'consent', by: 'executive', within, onSilence: 'consent', citation: `generated tacit consent ${i}` }, ...approvals.filter((a) => a.step !== 'consent')];
      } else if (effect === 'allow' && approvals.length > 0) r.approvals = approvals;
      return r;
    });

/** A rule set for country `country`: a few rules, powers and a silence default, no options. */
export function ruleSetArbitrary(country: string, options: RuleSetOptions = {}): fc.Arbitrary<RuleSet> {
  return fc
    .record({
      // With tacit consent asked for, at least one rule (else silence alone decides and no step ever opens).
      rules: fc.integer({ min: options.tacitConsent ? 1 : 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rule(i, options)))),
      powers: fc.uniqueArray(fc.constantFrom(...CENTRAL_POWERS), { maxLength: 4 }),
      binding: fc.constantFrom('allow' as const, 'forbid' as const),
      nonBinding: fc.constantFrom('allow' as const, 'forbid' as const),
    })
    .map(({ rules, powers, binding, nonBinding }) => ({
      id: country,
      country,
      name: `Generated rule set ${country}`,
      valid: {},
      legalBasis: 'generated',
      sources: [],
      subnationalKinds: ['region'],
      rules: [...rules],
      powers: powers.map((power): PowerRule => ({ power, citation: `generated ${power} power` })),
      silence: { binding, nonBinding, citation: 'generated silence' },
      silent: [],
      options: {},
    }));
}

export interface GeneratedScenario {
  scenario: Scenario;
  ruleSets: RuleSet[];
}

/** Knobs of `scenarioArbitrary` and `runArbitrary`. */
export interface ScenarioOptions {
  /** At most this many subnationals (at least 2). Default 10. */
  maxSubnationals?: number;
  /** At least this many issues (0-3). Default 0. */
  minIssues?: number;
  /** The tick lengths drawn from. Default week, month, quarter. */
  ticks?: readonly TickUnit[];
  /** The rule set of each country (ids R0, R1, R2), e.g. a shipped one renamed. Default `ruleSetArbitrary(country, ruleSetOptions)`. */
  ruleSet?: (country: string) => fc.Arbitrary<RuleSet>;
  /** Knobs of the generated rule sets (deadlines, tacit consent), when `ruleSet` is not given. */
  ruleSetOptions?: RuleSetOptions;
  /** The centrals' `responsiveness` (chance per month an organ acts on a pending approval). Default: the catalog's. */
  responsiveness?: fc.Arbitrary<number>;
}

/** The calendar of a generated scenario, long enough for a few deadlines and a timeline shift in 2001-01. */
const END: Record<TickUnit, string> = { day: '2000-12-31', week: '2000-12-31', month: '2002-12-01', quarter: '2002-12-01', year: '2009-01-01' };

/**
 * A valid scenario with its rule sets: 2-3 countries, 2-10 subnationals with symmetric borders, goals and
 * competences, 0-3 issues with sources and receptors (the first with an agreement between two centrals), a legislature with a gatekeeper, and timeline
 * inputs. Thresholds are low so that runs are eventful.
 */
export function scenarioArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<GeneratedScenario> {
  const maxUnits = options.maxSubnationals ?? 10;
  const ruleSet = options.ruleSet ?? ((country: string) => ruleSetArbitrary(country, options.ruleSetOptions));
  return fc
    .record({
      countries: fc.integer({ min: 2, max: 3 }),
      units: fc.integer({ min: 2, max: maxUnits }),
      tick: fc.constantFrom(...(options.ticks ?? (['week', 'month', 'quarter'] as const))),
      issueCount: fc.integer({ min: Math.min(3, options.minIssues ?? 0), max: 3 }),
      seed: fc.nat(),
    })
    .chain(({ countries, units, tick, issueCount }) =>
      fc.record({
        ruleSets: fc.tuple(...Array.from({ length: countries }, (_, i) => ruleSet(`R${i}`))),
        home: fc.array(fc.integer({ min: 0, max: countries - 1 }), { minLength: units, maxLength: units }),
        borders: fc.uniqueArray(fc.tuple(fc.nat(units - 1), fc.nat(units - 1)), { maxLength: units * 2 }),
        goals: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: units, maxLength: units }),
        competences: fc.array(fc.subarray([...DOMAINS]), { minLength: units, maxLength: units }),
        emissions: fc.array(fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { minLength: units, maxLength: units }),
        // Per further issue and unit: emission, sensitivity and goal weight.
        more: fc.array(fc.array(fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: units, maxLength: units }), { minLength: 2, maxLength: 2 }),
        gatekeeper: fc.double({ min: -1, max: 1, noNaN: true }),
        stanceChange: fc.double({ min: -1, max: 1, noNaN: true }),
        threshold: fc.double({ min: -0.2, max: 0.5, noNaN: true }),
        tick: fc.constant(tick),
        issueCount: fc.constant(issueCount),
        countries: fc.constant(countries),
        // Drawn only when asked for: no extra draw by default.
        ...(options.responsiveness ? { responsiveness: options.responsiveness } : {}),
      }),
    )
    .map((g) => {
      const cid = (i: number) => `C${i}`;
      const uid = (i: number) => `U${i}`;
      const issueIds = ['X', 'Y', 'Z'].slice(0, g.issueCount);
      const withIssue = issueIds.length > 0;
      /** Emission, sensitivity and goal weight of unit i for issue k (X from `emissions` and `goals`). */
      const unitIssue = (k: number, i: number): [number, number, number] =>
        k === 0 ? [g.emissions[i]![0], g.emissions[i]![1], g.goals[i]![3]] : g.more[k - 1]![i]!;
      const perIssue = <V>(f: (id: string, k: number) => V): Record<string, V> => Object.fromEntries(issueIds.map((id, k) => [id, f(id, k)]));
      const neighbours = g.home.map(() => new Set<string>());
      for (const [a, b] of g.borders) {
        if (a === b) continue;
        neighbours[a]!.add(uid(b));
        neighbours[b]!.add(uid(a));
      }
      const data = {
        paradip: 1,
        id: 'generated',
        title: 'Generated scenario',
        calendar: { tick: g.tick, start: '2000-01-01', end: END[g.tick] },
        centrals: Array.from({ length: g.countries }, (_, i) => ({
          id: cid(i),
          name: `Country ${i}`,
          ruleSet: `R${i}`,
          neighbours: i === 0 ? [cid(1)] : i === 1 ? [cid(0)] : [],
          executive: { leader: `Leader ${i}`, stance: perIssue(() => 0) },
          legislature: i === 0 ? { chambers: [{ id: 'house', name: 'House', threshold: 0.5, support: perIssue(() => 0.4), gatekeepers: [{ id: 'chair', name: 'Chair', role: 'chair', position: perIssue(() => g.gatekeeper) }] }] } : null,
          attitude: Object.fromEntries(Array.from({ length: g.countries }, (_, j) => [cid(j), 0.3]).filter(([k]) => k !== cid(i))),
        })),
        subnationals: g.home.map((c, i) => ({
          id: uid(i),
          name: `Unit ${i}`,
          kind: 'region',
          central: cid(c),
          neighbours: [...neighbours[i]!].sort(),
          competences: g.competences[i],
          goals: { economic: g.goals[i]![0], identity: g.goals[i]![1], protodiplomatic: g.goals[i]![2], ...perIssue((_, k) => unitIssue(k, i)[2]) },
          tradeTies: i + 1 < g.home.length ? { [uid(i + 1)]: 0.5 } : {},
          attributes: { identityStrength: g.goals[i]![1], autonomyAspiration: g.goals[i]![2] },
          location: [g.emissions[i]![2], g.emissions[i]![3]],
        })),
        networks: [{ id: 'NET', name: 'Network' }],
        issues: issueIds.map((id, k) => ({
          id,
          name: `Generated issue ${id}`,
          domain: 'environment',
          transfer: { lengthScale: 400 },
          units: Object.fromEntries(g.home.map((_, i) => [uid(i), { emission: unitIssue(k, i)[0], sensitivity: unitIssue(k, i)[1] }])),
          law: { centrals: [cid(0)] },
          agreement: k === 0 ? { between: [cid(0), cid(1)], requiresLaw: [cid(0)] } : null,
        })),
        behaviour: { parameters: { actThreshold: g.threshold, acceptThreshold: -0.2, salienceRate: 0.3, ...('responsiveness' in g ? { responsiveness: g.responsiveness } : {}) } },
        timeline: withIssue ? [{ id: 'shift', date: '2001-01', set: { [`centrals.${cid(0)}.executive.stance.X`]: g.stanceChange } }] : [],
        indicators: [{ id: 'mous', count: { instrument: 'mou' } }],
      };
      return { scenario: scenarioSchema.parse(data), ruleSets: [...g.ruleSets] };
    });
}

/** A scenario with a seed for its run. */
export function runArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<GeneratedScenario & { seed: number }> {
  return fc.record({ generated: scenarioArbitrary(options), seed: fc.nat({ max: 1_000_000 }) }).map(({ generated, seed }) => ({ ...generated, seed }));
}
