/**
 * Scoring a candidate external action: the formula scopes (scratch, actor scope), the goals weighed, what the
 * actor knows of a partner (partnerView) and the score (scoreExternal), on a tiny hand-built world with
 * simple formulas so every value is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duchacek } from '../../model/geography.ts';
import { runArbitrary } from '../../testing/arbitraries.ts';
import { simulate } from '../../testing/simulate.ts';
import type { Instrument, World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { WorldIndex } from '../world-index.ts';
import { NonFiniteFormulaError } from '../../rules/formula.ts';
import { activeGoals, actorScope, partnerView, scoreExternal, scratch } from './score.ts';
import { silentRuleSets } from '../../../test/support/silent-rule-sets.ts';

const RULES: RuleSet[] = silentRuleSets(['HX', 'FX']);

interface Options {
  formulas?: Record<string, string>;
  parameters?: Record<string, number>;
  instruments?: Record<string, unknown>;
  tick?: 'month' | 'week';
  edit?: (s: Record<string, any>) => void;
}

/**
 * Home H (H-1, H-2) borders F (F-1 borders H-1; F-2 does not); far state G (G-1); network NET; issues acid, smog.
 */
function build(o: Options = {}): { model: Model; world: World; idx: () => WorldIndex } {
  const s: Record<string, any> = {
    paradip: 1,
    id: 'score',
    title: 'Score',
    calendar: { tick: o.tick ?? 'month', start: '2000-01-01', end: '2001-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'HX', neighbours: ['F'] },
      { id: 'F', name: 'Foreign', ruleSet: 'FX', neighbours: ['H'] },
      { id: 'G', name: 'Far state', ruleSet: 'FX' },
    ],
    subnationals: [
      { id: 'H-1', name: 'H one', kind: 'region', central: 'H', neighbours: ['F-1'], goals: { economic: 1 } },
      { id: 'H-2', name: 'H two', kind: 'region', central: 'H' },
      { id: 'F-1', name: 'F one', kind: 'region', central: 'F' },
      { id: 'F-2', name: 'F two', kind: 'region', central: 'F' },
      { id: 'G-1', name: 'G one', kind: 'region', central: 'G' },
    ],
    networks: [{ id: 'NET', name: 'A network' }],
    issues: [
      { id: 'acid', name: 'Acid rain', domain: 'environment' },
      { id: 'smog', name: 'Smog', domain: 'health' },
    ],
    behaviour: {
      parameters: { noise: 0, ...o.parameters },
      formulas: { utility: 'total', ...o.formulas },
      instruments: o.instruments ?? {},
    },
  };
  o.edit?.(s);
  const model = buildModel(scenarioSchema.parse(s), RULES);
  const world = initialWorld(model, 1);
  return { model, world, idx: () => new WorldIndex(world) };
}

const unit = (w: World, id: string) => w.subnationals.find((u) => u.id === id)!;

function tie(id: string, over: Partial<Instrument> = {}): Instrument {
  return {
    id,
    kind: 'mou',
    initiator: 'H-1',
    parties: ['H-1', 'F-1'],
    domain: 'economy',
    issue: null,
    status: 'in-force',
    proposedTick: 0,
    signedTick: 0,
    endedTick: null,
    reviewedTick: null,
    duchacek: 'cross-border',
    protodiplomacy: false,
    citations: [],
    legal: [],
    approvals: [],
    denunciationDemandedTick: null,
    denunciationDemandedBy: null,
    ...over,
  };
}

describe('scratch', () => {
  it('one scope per model and call site, kept for the run, starting as the parameters plus dt', () => {
    const { model } = build({ parameters: { extra: 7 }, tick: 'week' });
    const a = scratch(model, 'site-a');
    expect(a['extra']).toBe(7);
    expect(a['noise']).toBe(0);
    expect(a['actThreshold']).toBe(0.5);
    expect(a['dt']).toBe((7 * 12) / 365.25);
    a['x'] = 1;
    expect(scratch(model, 'site-a')).toBe(a);
    const b = scratch(model, 'site-b');
    expect(b).not.toBe(a);
    expect(b['x']).toBeUndefined();
    const other = build().model;
    expect(scratch(other, 'site-a')).not.toBe(a);
    expect(scratch(other, 'site-a')['dt']).toBe(1);
  });
});

describe('actorScope', () => {
  it("the actor's attributes, 0 for one it lacks", () => {
    const { model, world } = build({
      edit: (s) => {
        s.subnationals[0].attributes = { identityStrength: 0.4, wealth: 3 };
        s.subnationals[1].attributes = { autonomyAspiration: 0.9 };
      },
    });
    const h1 = actorScope(model, unit(world, 'H-1'));
    expect([h1['identityStrength'], h1['autonomyAspiration'], h1['wealth']]).toEqual([0.4, 0, 3]);
    const h2 = actorScope(model, unit(world, 'H-2'));
    expect([h2['identityStrength'], h2['autonomyAspiration'], h2['wealth']]).toEqual([0, 0.9, 0]);
    expect(h2['loadCost']).toBe(0.1);
  });
});

describe('activeGoals', () => {
  it('goals with a positive weight, in name order, each with its issue (null for a core goal)', () => {
    const { world, idx } = build({ edit: (s) => (s.subnationals[0].goals = { smog: 0.5, identity: 0, economic: 1, acid: 2, tourism: 1 }) });
    expect(activeGoals(idx(), unit(world, 'H-1'))).toEqual([
      { goal: 'acid', weight: 2, issue: 'acid' },
      { goal: 'economic', weight: 1, issue: null },
      { goal: 'smog', weight: 0.5, issue: 'smog' },
      { goal: 'tourism', weight: 1, issue: null },
    ]);
  });
});

describe('partnerView', () => {
  const view = (partner: string, edit?: (s: Record<string, any>) => void, setup?: (w: World) => void, goals: Record<string, number> = { economic: 1 }) => {
    const b = build({ edit });
    setup?.(b.world);
    const actor = unit(b.world, 'H-1');
    actor.goals = goals;
    const idx = b.idx();
    return partnerView(idx, actor, partner, activeGoals(idx, actor));
  };

  it("the trade tie: the larger of the tie to the partner and to the partner's country", () => {
    expect(view('F-1', (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.3, F: 0.6 })).fields['tradeTie']).toBe(0.6);
    expect(view('F-1', (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.8, F: 0.6 })).fields['tradeTie']).toBe(0.8);
    expect(view('G', (s) => (s.subnationals[0].tradeTies = { G: 0.4 })).fields['tradeTie']).toBe(0.4);
    expect(view('F-2', (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.4 })).fields['tradeTie']).toBe(0);
  });

  it("kin: the partner or the partner's country", () => {
    expect(view('F-1', (s) => (s.subnationals[0].kin = ['F-1'])).fields['kin']).toBe(1);
    expect(view('F-2', (s) => (s.subnationals[0].kin = ['F'])).fields['kin']).toBe(1);
    expect(view('G-1', (s) => (s.subnationals[0].kin = ['F', 'F-1'])).fields['kin']).toBe(0);
  });

  it('what kind of partner, and the Duchacek type of the tie', () => {
    const kinds = (p: string) => {
      const f = view(p).fields;
      return [f['partnerIsState'], f['partnerIsNetwork'], f['crossBorder'], f['transregional'], f['global']];
    };
    expect(kinds('F-1')).toEqual([0, 0, 1, 0, 0]);
    expect(kinds('F-2')).toEqual([0, 0, 0, 1, 0]);
    expect(kinds('G-1')).toEqual([0, 0, 0, 0, 1]);
    expect(kinds('G')).toEqual([1, 0, 0, 0, 1]);
    expect(kinds('NET')).toEqual([0, 1, 0, 0, 0]);
    expect(kinds('H-2')).toEqual([0, 0, 0, 0, 0]);
  });

  it('capacity and load (instruments in force or pending, over capacity); existing ties with this partner', () => {
    const setup = (w: World) =>
      w.instruments.push(
        tie('I-1'),
        tie('I-2', { status: 'awaiting-approval', issue: 'acid' }),
        tie('I-3', { parties: ['H-1', 'G'] }),
        tie('I-4', { status: 'refused' }),
        tie('I-5', { parties: ['H-2', 'F-1'], initiator: 'H-2' }),
      );
    const v = view('F-1', (s) => (s.subnationals[0].capacity = 4), setup, { economic: 1, acid: 1, smog: 1 });
    expect(v.fields['capacity']).toBe(4);
    expect(v.fields['load']).toBe(0.75);
    expect(v.existingAll).toBe(2);
    expect(v.partner).toBe('F-1');
    expect(v.perGoal.map((g) => g['existingTies'])).toEqual([1, 2, 0]);
  });

  it('a core goal knows no issue: salience, damage and positions 0', () => {
    const v = view('F-1', (s) => {
      s.subnationals[0].position = { economic: 0.5 };
      s.centrals[0].executive = { stance: { economic: 0.5 } };
    });
    expect(v.goals).toEqual([{ goal: 'economic', weight: 1, issue: null }]);
    expect(v.perGoal).toEqual([{ salience: 0, damage: 0, partnerSalience: 0, existingTies: 0, position: 0, centralPosition: 0, resolution: 0, partnerResolution: 0 }]);
  });

  it("an issue goal: its own salience, damage and positions, and the partner's salience", () => {
    const edit = (s: Record<string, any>) => {
      s.subnationals[0].position = { acid: -0.5 };
      s.centrals[0].executive = { stance: { acid: 0.25 } };
    };
    const setup = (w: World) => {
      const acid = w.issues.find((x) => x.id === 'acid')!.units;
      Object.assign(acid['H-1']!, { salience: 0.4, damage: 0.7 });
      Object.assign(acid['F-1']!, { salience: 0.6, damage: 0.1 });
      // F's units that feel it: F-1 (0.6) and F-2 (0.2); G-1 does not feel it (damage 0).
      Object.assign(acid['F-2']!, { salience: 0.2, damage: 0.1 });
      Object.assign(acid['G-1']!, { salience: 0.9, damage: 0 });
      // H-1 is bound by a forum's resolution on acid (issue 13).
      w.subnationals.find((u) => u.id === 'H-1')!.resolutions = ['acid'];
      w.subnationals.find((u) => u.id === 'F-1')!.resolutions = ['acid'];
    };
    const acid = { acid: 1 };
    expect(view('F-1', edit, setup, acid).perGoal).toEqual([{ salience: 0.4, damage: 0.7, partnerSalience: 0.6, existingTies: 0, position: -0.5, centralPosition: 0.25, resolution: 1, partnerResolution: 1 }]);
    expect(view('F', edit, setup, acid).perGoal[0]!['partnerSalience']).toBeCloseTo(0.4, 12);
    expect(view('G', edit, setup, acid).perGoal[0]!['partnerSalience']).toBe(0);
    // A state is bound by no resolution: only a subnational partner can be.
    expect(view('F', edit, setup, acid).perGoal[0]!['partnerResolution']).toBe(0);
    expect(view('NET', edit, setup, acid).perGoal[0]!['partnerSalience']).toBe(0);
  });
});

describe('scoreExternal', () => {
  function score(o: Options, kind: Parameters<typeof scoreExternal>[4] = 'mou', partner = 'F-1', noise = 0, setup?: (w: World) => void) {
    const b = build(o);
    setup?.(b.world);
    const actor = unit(b.world, 'H-1');
    return scoreExternal(b.model, b.idx(), actor, partner, kind, noise);
  }

  it('a goal or utility formula that is not finite names the formula, the agent and the values it read', () => {
    const fails = (formulas: Record<string, string>): NonFiniteFormulaError => {
      try {
        score({ formulas, edit: (x) => (x.subnationals[0].goals = { economic: 1, identity: 1 }) });
      } catch (e) {
        if (e instanceof NonFiniteFormulaError) return e;
        throw e;
      }
      throw new Error('no error');
    };
    // The second goal fails (H-1 has no trade tie with F-1, so tradeTie is 0): not the first, not the utility.
    const goal = fails({ 'goal.economic': 'fit', 'goal.identity': 'log(tradeTie)' });
    expect(goal.formula).toBe('goal.identity');
    expect(goal.who).toBe('H-1');
    expect(goal.value).toBe(-Infinity);
    expect(goal.inputs).toEqual({ tradeTie: 0 });
    const utility = fails({ utility: 'total / load' });
    expect(utility.formula).toBe('utility');
    expect(utility.value).toBe(Infinity);
    expect(utility.inputs['load']).toBe(0);
  });

  it('each goal weighted by its weight, summed into total; the utility formula scores the total', () => {
    const s = score({
      formulas: { 'goal.economic': 'tradeTie', 'goal.identity': 'kin', utility: 'total * 10' },
      edit: (x) => {
        x.subnationals[0].goals = { economic: 0.5, identity: 2 };
        x.subnationals[0].tradeTies = { 'F-1': 0.6 };
        x.subnationals[0].kin = ['F-1'];
      },
    });
    expect(s.goals).toEqual({ economic: 0.3, identity: 2 });
    expect(s.total).toBe(2.3);
    expect(s.utility).toBe(23);
    expect(s.lead).toBe('identity');
    expect(s.domain).toBe('culture');
    expect(s.issue).toBeNull();
  });

  it("the instrument's fit to each goal: the goal's own for core goals, 'issue' for every issue goal", () => {
    const instruments = { mou: { cost: 0, fit: { economic: 0.25, issue: 0.75, acid: 0.1, tourism: 0.5 } } };
    const s = score({ instruments, formulas: { 'goal.economic': 'fit', 'goal.acid': 'fit' }, edit: (x) => (x.subnationals[0].goals = { economic: 1, acid: 1 }) });
    expect(s.goals).toEqual({ economic: 0.25, acid: 0.75 });
    const catalog = score({ formulas: { 'goal.economic': 'fit', 'goal.identity': 'fit', 'goal.protodiplomatic': 'fit', 'goal.issue': 'fit' }, edit: (x) => (x.subnationals[0].goals = { economic: 1, identity: 1, protodiplomatic: 1, smog: 1 }) }, 'office');
    expect(catalog.goals).toEqual({ economic: 0.9, identity: 0.5, protodiplomatic: 0.8, smog: 0.2 });
  });

  it('a goal with no formula of its own is worth 0; a fit nobody gave is 0', () => {
    const s = score({ formulas: { 'goal.economic': 'fit + 1' }, instruments: { mou: { cost: 0, fit: { tourism: 0.5 } } }, edit: (x) => (x.subnationals[0].goals = { economic: 1, tourism: 3 }) }, 'mou');
    expect(s.goals).toEqual({ economic: 1.4, tourism: 0 });
    const t = score({ formulas: { 'goal.economic': 'fit + 1' }, instruments: { mou: { cost: 0, fit: { economic: 0 } } } });
    expect(t.goals).toEqual({ economic: 1 });
  });

  it('issue goals use goal.<issue> when the scenario sets it, else goal.issue', () => {
    const s = score({ formulas: { 'goal.acid': '2', 'goal.issue': '3' }, edit: (x) => (x.subnationals[0].goals = { acid: 1, smog: 1 }) });
    expect(s.goals).toEqual({ acid: 2, smog: 3 });
  });

  it("the lead goal names the domain and issue: an issue's own domain, a core goal's, 'general' for others", () => {
    const issueLed = score({ formulas: { 'goal.acid': '2', 'goal.issue': '3' }, edit: (x) => (x.subnationals[0].goals = { acid: 1, smog: 0.5, economic: 1 }) });
    expect([issueLed.lead, issueLed.issue, issueLed.domain]).toEqual(['acid', 'acid', 'environment']);
    const smog = score({ formulas: { 'goal.issue': '3', 'goal.economic': '1' }, edit: (x) => (x.subnationals[0].goals = { smog: 1, economic: 1 }) });
    expect([smog.lead, smog.issue, smog.domain]).toEqual(['smog', 'smog', 'health']);
    const proto = score({ formulas: { 'goal.protodiplomatic': '1', 'goal.economic': '0.5' }, edit: (x) => (x.subnationals[0].goals = { economic: 1, protodiplomatic: 1 }) });
    expect([proto.lead, proto.issue, proto.domain]).toEqual(['protodiplomatic', null, 'external-relations']);
    const other = score({ formulas: { 'goal.economic': '-1' }, edit: (x) => (x.subnationals[0].goals = { economic: 1, tourism: 1 }) });
    expect([other.lead, other.issue, other.domain]).toEqual(['tourism', null, 'general']);
  });

  it('no goal at all: nothing leads, the domain is general', () => {
    const s = score({ edit: (x) => (x.subnationals[0].goals = {}) });
    expect(s).toEqual({ goals: {}, total: 0, utility: 0, lead: '', domain: 'general', issue: null });
  });

  it('the first goal in name order leads on a tie; with every goal negative the least negative leads', () => {
    const tie = score({ formulas: { 'goal.economic': '1', 'goal.identity': '1' }, edit: (x) => (x.subnationals[0].goals = { identity: 1, economic: 1 }) });
    expect(tie.lead).toBe('economic');
    const negative = score({ formulas: { 'goal.economic': '-2', 'goal.identity': '-1' }, edit: (x) => (x.subnationals[0].goals = { identity: 1, economic: 1 }) });
    expect([negative.lead, negative.domain]).toEqual(['identity', 'culture']);
  });

  it('the utility reads cost, bindingness, noise, the fields and all existing ties with the partner', () => {
    const instruments = { agreement: { cost: 0.4 }, mou: { cost: 0.2 } };
    expect(score({ instruments, formulas: { utility: 'cost' } }, 'agreement').utility).toBe(0.4);
    expect(score({ instruments, formulas: { utility: 'binding' } }, 'agreement').utility).toBe(1);
    expect(score({ instruments, formulas: { utility: 'binding' } }, 'mou').utility).toBe(0);
    expect(score({ formulas: { utility: 'noise' }, parameters: { noise: 0.5 } }, 'mou', 'F-1', -3).utility).toBe(-1.5);
    expect(score({ formulas: { utility: 'crossBorder + 10 * partnerIsState' } }, 'mou', 'F-1').utility).toBe(1);
    const ties = (w: World) => w.instruments.push(tie('I-1', { issue: 'acid' }), tie('I-2', { issue: 'smog' }), tie('I-3', { parties: ['H-1', 'G'] }));
    expect(score({ formulas: { utility: 'existingTies' }, edit: (x) => (x.subnationals[0].goals = { acid: 1 }) }, 'mou', 'F-1', 0, ties).utility).toBe(2);
    expect(score({ formulas: { utility: 'total', 'goal.acid': 'existingTies' }, edit: (x) => (x.subnationals[0].goals = { acid: 1 }) }, 'mou', 'F-1', 0, ties).utility).toBe(1);
  });

  it("each goal reads its own issue's variables, not the previous goal's", () => {
    const setup = (w: World) => {
      w.issues.find((x) => x.id === 'acid')!.units['H-1']!.salience = 0.5;
      w.issues.find((x) => x.id === 'smog')!.units['H-1']!.salience = 0.25;
    };
    const s = score({ formulas: { 'goal.issue': 'salience', 'goal.economic': 'salience' }, edit: (x) => (x.subnationals[0].goals = { acid: 1, economic: 1, smog: 1 }) }, 'mou', 'F-1', 0, setup);
    expect(s.goals).toEqual({ acid: 0.5, economic: 0, smog: 0.25 });
  });

  it('a view given is used as is (the partner it names, its goals)', () => {
    const b = build({ formulas: { 'goal.economic': 'tradeTie' }, edit: (x) => (x.subnationals[0].tradeTies = { 'F-1': 0.5, G: 0.25 }) });
    const actor = unit(b.world, 'H-1');
    const idx = b.idx();
    const v = partnerView(idx, actor, 'G', activeGoals(idx, actor));
    expect(scoreExternal(b.model, idx, actor, 'F-1', 'mou', 0, v).total).toBe(0.25);
    expect(scoreExternal(b.model, idx, actor, 'F-1', 'mou', 0).total).toBe(0.5);
  });
});

describe('partnerView: the typed-array reader agrees with the plain definition', () => {
  /** The definition, written plainly over ids and objects (as the engine computed it before issue 9). */
  function reference(idx: WorldIndex, actor: World['subnationals'][number], partner: string, goals: ReturnType<typeof activeGoals>) {
    const partnerUnit = idx.subnational(partner);
    const partnerCountry = partnerUnit ? partnerUnit.central : partner;
    const type = duchacek(idx, actor, partner);
    const existing = idx.activeOf(actor.id).filter((i) => i.parties.includes(partner));
    const fields = {
      capacity: actor.capacity,
      tradeTie: Math.max(actor.tradeTies[partner] ?? 0, actor.tradeTies[partnerCountry] ?? 0),
      kin: actor.kin.includes(partner) || actor.kin.includes(partnerCountry) ? 1 : 0,
      // A foreign state; the own central (an office in the own capital, issue 12) is ownState instead.
      partnerIsState: idx.central(partner) && partner !== actor.central ? 1 : 0,
      partnerIsNetwork: idx.isNetwork(partner) ? 1 : 0,
      crossBorder: type === 'cross-border' ? 1 : 0,
      transregional: type === 'transregional' ? 1 : 0,
      global: type === 'global' ? 1 : 0,
      load: idx.activeOf(actor.id).length / actor.capacity,
      partnerIsOrganisation: idx.isOrganisation(partner) ? 1 : 0,
      ownState: partner === actor.central ? 1 : 0,
      partnerSupport: idx.central(partner)?.kinSupport[actor.id] ?? 0,
    };
    const perGoal = goals.map(({ issue }) =>
      !issue
        ? { salience: 0, damage: 0, partnerSalience: 0, existingTies: existing.length, position: 0, centralPosition: 0, resolution: 0, partnerResolution: 0 }
        : {
            salience: idx.salience(issue, actor.id),
            damage: idx.issueById.get(issue)?.units[actor.id]?.damage ?? 0,
            partnerSalience: partnerUnit ? idx.salience(issue, partner) : idx.central(partner) ? idx.meanSalience(issue, partner) : 0,
            existingTies: existing.filter((i) => i.issue === issue).length,
            position: actor.position[issue] ?? 0,
            centralPosition: idx.central(actor.central)?.executive.position[issue] ?? 0,
            resolution: actor.resolutions?.includes(issue) === true ? 1 : 0,
            partnerResolution: partnerUnit?.resolutions?.includes(issue) === true ? 1 : 0,
          },
    );
    return { fields, perGoal, existingAll: existing.length };
  }

  it('for every actor and every party of 30 generated runs, after 12 ticks', () => {
    const cases = fc.sample(runArbitrary({ maxSubnationals: 8, minIssues: 1 }), { seed: 9, numRuns: 30 });
    let pairs = 0;
    let crossBorder = 0;
    let transregional = 0;
    let global = 0;
    let kin = 0;
    let trade = 0;
    let ties = 0;
    for (const g of cases) {
      // Kin and trade ties with states too, so those branches are read.
      g.scenario.subnationals.forEach((u, i) => {
        if (i % 2 === 0) u.kin = [g.scenario.centrals[(i + 1) % g.scenario.centrals.length]!.id];
        if (i % 3 === 0) u.tradeTies = { ...u.tradeTies, [g.scenario.centrals[0]!.id]: 0.25 };
        // Names that are not in the world count for nothing.
        if (i % 4 === 1) (u.tradeTies = { ...u.tradeTies, NOWHERE: 1 }), (u.kin = [...u.kin, 'NOWHERE']);
        // A kin state supporting every other unit, so the support list is read too.
        if (i % 2 === 1) g.scenario.centrals[0]!.kinSupport = { ...g.scenario.centrals[0]!.kinSupport, [u.id]: 0.5 + i / 100 };
      });
      const { run } = simulate(g.scenario, g.ruleSets, g.seed, { ticks: 12 });
      const idx = new WorldIndex(run.world);
      const parties = [...run.world.subnationals.map((u) => u.id), ...run.world.centrals.map((c) => c.id), ...run.world.networks.map((n) => n.id)];
      for (const actor of run.world.subnationals) {
        const goals = activeGoals(idx, actor);
        for (const partner of parties) {
          if (partner === actor.id) continue;
          const got = partnerView(idx, actor, partner, goals);
          const want = reference(idx, actor, partner, goals);
          expect(got.fields, `${actor.id} -> ${partner}`).toEqual(want.fields);
          expect(got.perGoal, `${actor.id} -> ${partner}`).toEqual(want.perGoal);
          expect(got.existingAll).toBe(want.existingAll);
          pairs++;
          crossBorder += want.fields.crossBorder;
          transregional += want.fields.transregional;
          global += want.fields.global;
          kin += want.fields.kin;
          trade += want.fields.tradeTie > 0 ? 1 : 0;
          ties += want.existingAll;
        }
      }
    }
    // The cases the comparison must cover, counted: otherwise it could pass on worlds without them.
    expect(pairs).toBeGreaterThan(500);
    expect(crossBorder).toBeGreaterThan(10);
    expect(transregional).toBeGreaterThan(10);
    expect(global).toBeGreaterThan(10);
    expect(kin).toBeGreaterThan(10);
    expect(trade).toBeGreaterThan(10);
    expect(ties).toBeGreaterThan(0);
  });
});
