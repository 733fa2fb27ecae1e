/**
 * Loading scenarios with overrides (issue 7): problems name where the override was written, every variant is
 * checked, runs get every rule set they can reach, and the checks the engine relies on (timeline order, names
 * formulas read, durations) are made at load, each positioned in the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import { loadScenario, type Loaded } from '../src/scenario/load-scenario.ts';
import { parseOverride } from '../src/scenario/overrides.ts';
import { formatProblem, type Problem } from '../src/scenario/problem.ts';
import { parseRuleSetText } from '../src/scenario/rule-set-schema.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { parse as parseYaml } from 'yaml';

const MINI = readFileSync(new URL('fixtures/mini.yaml', import.meta.url), 'utf8');
const library = loadRuleSets(null);
if (!library.ok) throw new Error('the rule-set library does not load');
const LIB = library.ruleSets;

function load(text: string, o: { variant?: string; sets?: string[] } = {}): Loaded {
  return loadScenario(text, 'x.yaml', { ruleSets: LIB, variant: o.variant ?? null, overrides: (o.sets ?? []).map((s) => parseOverride(s)!) });
}
function problems(l: Loaded): Problem[] {
  if (l.ok) throw new Error('expected problems, the scenario loaded');
  return l.problems;
}
function only(l: Loaded): Problem {
  const ps = problems(l);
  expect(ps.map(formatProblem)).toHaveLength(1);
  return ps[0]!;
}
/** `text` with `find` replaced, and the 1-based line of the replacement. */
function edit(find: string, replace: string, text = MINI): { text: string; line: number } {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`no "${find}"`);
  return { text: text.replace(find, replace), line: text.slice(0, at).split('\n').length };
}
const TIMELINE = '  - { id: change, date: 2001-01, set: { centrals.A.executive.leader: New leader } }\n';
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('problems an override causes are reported where it was written', () => {
  it('on the command line, with the path as the user wrote it', () => {
    const p = only(load(MINI, { sets: ['centrals.A.ruleSet=XX'] }));
    expect(p.file).toBe('command line');
    expect(p.line).toBe(0);
    expect(p.code).toBe('unknown-id');
    expect(p.message).toBe('--set centrals.A.ruleSet=XX: unknown rule set "XX"');
    expect(p.expected).toBe('one of AR, AT, BA, BE, CA, CH, CN, DE, DK, JP, OPEN, RU, SU, UK, US');
    expect(formatProblem(p)).not.toMatch(/centrals\.0/);
  });
  it('a wrong type from the command line, below the node the override created', () => {
    const p = only(load(MINI, { sets: ['behaviour.instruments.mou.enabled=false'] }));
    expect(p.file).toBe('command line');
    expect(p.message).toBe('--set behaviour.instruments.mou.enabled=false: required field is missing');
    expect(p.path).toEqual(['behaviour.instruments.mou.cost']);
  });
  it('an unknown path on the command line is an error, not an override recorded as if it applied', () => {
    const p = only(load(MINI, { sets: ['behaviour.parameters.actThreshhold=0.4'] }));
    expect(p.code).toBe('bad-override');
    expect(p.message).toBe('--set behaviour.parameters.actThreshhold=0.4: no key "actThreshhold" in behaviour.parameters; did you mean behaviour.parameters.actThreshold?');
  });
  it("in a variant, at the variant's entry", () => {
    const { text, line } = edit('set: { behaviour.parameters.actThreshold: 0.6 }', 'set: { behaviour.parameters.actThreshold: high }');
    const p = only(load(text, { variant: 'strict' }));
    expect(p.file).toBe('x.yaml');
    expect(p.line).toBe(line);
    expect(p.message).toBe('variant strict sets behaviour.parameters.actThreshold: wrong type');
    expect(p.found).toBe('"high"');
  });
  it('every variant is checked, applied or not', () => {
    const { text, line } = edit('set: { behaviour.parameters.actThreshold: 0.6 }', 'set: { behaviour.parameters.actThreshhold: 0.6 }');
    for (const variant of [undefined, 'other']) {
      const withOther = `${text}  - { id: other, set: { centrals.A.ruleSet: DE } }\n`;
      const p = only(load(withOther, variant === undefined ? {} : { variant }));
      expect(p.line).toBe(line);
      expect(p.message).toMatch(/^variant strict sets behaviour.parameters.actThreshhold: no key "actThreshhold" in behaviour.parameters; did you mean behaviour.parameters.actThreshold\?$/);
    }
  });
  it("a variant's rule-set code that no rule set has, at its value", () => {
    const text = `${MINI}  - { id: swiss, set: { centrals.A.ruleSet: CHE } }\n`;
    const p = only(load(text));
    expect(p.line).toBe(lineOf(text, '{ id: swiss'));
    expect(p.column).toBe(text.split('\n')[p.line - 1]!.indexOf('CHE') + 1);
    expect(p.message).toBe('variant swiss sets centrals.A.ruleSet: unknown rule set "CHE"');
  });
  it('positions in the timeline stay those of the file when a variant removes entries', () => {
    const { text } = edit(TIMELINE, `${TIMELINE}  - { id: later, date: 2002-01, set: { centrals.A.ruleSet: XY } }\n`);
    const withVariant = `${text}  - { id: calm, removeTimeline: [change] }\n`;
    const p = only(load(withVariant, { variant: 'calm' }));
    expect(p.line).toBe(lineOf(withVariant, '{ id: later'));
    expect(p.message).toBe('unknown rule set "XY"');
  });
});

describe('rule sets a run can reach', () => {
  const ids = (l: Loaded): string[] => (l.ok ? l.ruleSets.map((r) => r.id) : problems(l).map(formatProblem));
  it("are its centrals' and those its timeline switches them to", () => {
    const { text } = edit(TIMELINE, `${TIMELINE}  - { id: swap, date: 2001-06, set: { centrals.A.ruleSet: BE } }\n`);
    expect(ids(load(text))).toEqual(['AT', 'BE-1970', 'BE-1993', 'OPEN']);
    expect(ids(load(MINI))).toEqual(['AT', 'OPEN']);
  });
  it('a timeline switch to a code no rule set has is an error at its value, naming the codes', () => {
    const { text, line } = edit(TIMELINE, `${TIMELINE}  - { id: swap, date: 2001-06, set: { centrals.A.ruleSet: XY } }\n`);
    const p = only(load(text));
    expect(p.line).toBe(line + 1);
    expect(p.column).toBe(text.split('\n')[line]!.indexOf('XY') + 1);
    expect(p.code).toBe('unknown-id');
    expect(p.expected).toBe('one of AR, AT, BA, BE, CA, CH, CN, DE, DK, JP, OPEN, RU, SU, UK, US');
  });
});

describe('rule sets in force', () => {
  // A Soviet republic in 1990-1995: the USSR's rules end on 26 December 1991, Russia's begin on 12 December 1993.
  const soviet = (switchOn: string): string =>
    edit(TIMELINE, `${TIMELINE}  - { id: russia, date: ${switchOn}, set: { centrals.A.ruleSet: RU } }\n`, MINI.replace('start: 2000-01, end: 2002-12', 'start: 1990-01, end: 1995-12').replace('ruleSet: AT', 'ruleSet: SU').replaceAll('kind: land', 'kind: union-republic')).text.replace('date: 2001-01', 'date: 1990-06');
  it('a central may spend time between two periods of its constitution: the country is silent then, not in error', () => {
    const l = load(soviet('1992-01'));
    if (!l.ok) throw new Error(l.problems.map(formatProblem).join('\n'));
    expect(l.ruleSets.map((r) => r.id).sort()).toEqual(expect.arrayContaining(['RU', 'SU']));
  });
  it("a unit must be of a kind its country's rule sets govern", () => {
    const p = only(load(MINI.replace('ruleSet: AT', 'ruleSet: SU')));
    expect(p.message).toBe('rule set SU governs no land');
    expect(p.expected).toBe('one of union-republic');
  });
  it("a swap on the command line gives the central's units the role of the new rule set's units, and says so", () => {
    const l = load(MINI, { sets: ['centrals.A.ruleSet=SU'] });
    if (!l.ok) throw new Error(l.problems.map(formatProblem).join('\n'));
    expect(l.scenario.subnationals.filter((u) => u.central === 'A').every((u) => u.kind === 'union-republic')).toBe(true);
    expect(l.scenario.notes).toMatch(/take the role of the new rule set's constituent units: .*land -> union-republic/);
  });
});

describe('rule-set overrides', () => {
  it("change this run's copy of the rule set, never the library", () => {
    const l = load(MINI, { sets: ['ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=12w'] });
    if (!l.ok) throw new Error(l.problems.map(formatProblem).join('\n'));
    const at = l.ruleSets.find((r) => r.id === 'AT')!;
    expect(at.rules.find((r) => r.id === 'treaty-neighbour')!.approvals![1]!.within).toBe('12w');
    expect(LIB.find((r) => r.id === 'AT')!.rules.find((r) => r.id === 'treaty-neighbour')!.approvals![1]!.within).toBe('8 weeks');
  });
  it('are validated with the rule-set schema, the problem named on the command line', () => {
    const p = only(load(MINI, { sets: ['ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=12 fortnights'] }));
    expect(p.file).toBe('command line');
    expect(p.message).toMatch(/^--set ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=12 fortnights: a duration such as "8 weeks"/);
    expect(p.found).toBe('"12 fortnights"');
  });
  it('of a rule set the run cannot reach are an error', () => {
    const p = only(load(MINI, { sets: ['ruleSets.DE.silence.binding=allow'] }));
    expect(p.message).toBe('--set ruleSets.DE.silence.binding=allow: rule set DE is not used by this run, so the override would change nothing');
    expect(load(MINI, { sets: ['centrals.A.ruleSet=DE', 'ruleSets.DE.silence.binding=allow'] }).ok).toBe(true);
  });
  it('may be written in a variant too', () => {
    const text = `${MINI}  - { id: slow, set: { ruleSets.AT.rules.treaty-neighbour.approvals.consent.within: 4 months } }\n`;
    const l = load(text, { variant: 'slow' });
    if (!l.ok) throw new Error(l.problems.map(formatProblem).join('\n'));
    expect(l.ruleSets.find((r) => r.id === 'AT')!.rules.find((r) => r.id === 'treaty-neighbour')!.approvals![1]!.within).toBe('4 months');
  });
});

describe('timeline order', () => {
  it('two entries on one tick setting one input to different values are an error, with both positions', () => {
    // Monthly ticks: 2000-12-15 falls on the tick of 2001-01.
    const { text } = edit(TIMELINE, `${TIMELINE}  - { id: rival, date: 2000-12-15, set: { centrals.A.executive.leader: Rival } }\n`);
    const p = only(load(text));
    expect(p.code).toBe('timeline-conflict');
    expect(p.line).toBe(lineOf(text, '{ id: rival'));
    const first = lineOf(text, '{ id: change');
    expect(p.message).toContain(`change (x.yaml:${first}:${text.split('\n')[first - 1]!.indexOf('New leader') + 1}, 2001-01)`);
    expect(p.found).toBe('"New leader" and "Rival"');
  });
  it('the same value twice, or different ticks, are fine', () => {
    const same = edit(TIMELINE, `${TIMELINE}  - { id: echo, date: 2000-12-15, set: { centrals.A.executive.leader: New leader } }\n`).text;
    expect(load(same).ok).toBe(true);
    const later = edit(TIMELINE, `${TIMELINE}  - { id: next, date: 2001-01-15, set: { centrals.A.executive.leader: Next } }\n`).text;
    expect(load(later).ok).toBe(true);
  });
});

describe('names formulas read', () => {
  const params = 'parameters: { actThreshold: 0.1, acceptThreshold: -0.5 }';
  it('a parameter named like a formula variable is an error at its key', () => {
    const { text, line } = edit(params, 'parameters: { actThreshold: 0.1, acceptThreshold: -0.5, weight: 0 }');
    const p = only(load(text));
    expect(p.code).toBe('name-clash');
    expect(p.line).toBe(line);
    expect(p.column).toBe(text.split('\n')[line - 1]!.indexOf('weight') + 1);
    expect(p.message).toBe('parameter "weight" has the name of a formula variable (read by lobby, localLaw, resolve, litigate)');
  });
  it("an attribute named like a formula variable or a parameter; the catalog's own attributes are fine", () => {
    const { text, line } = edit('    goals: { economic: 0.8 }\n', '    goals: { economic: 0.8 }\n    attributes: { identityStrength: 0.4, emissionShare: 1, lawCut: 2 }\n');
    const ps = problems(load(text));
    expect(ps.map((p) => p.message)).toEqual(['attribute "emissionShare" has the name of a formula variable (read by lobby, localLaw, resolve, litigate, subnationalPosition)', 'attribute "lawCut" has the name of a parameter']);
    expect(ps.map((p) => p.line)).toEqual([line + 1, line + 1]);
  });
  it('a parameter named like an attribute', () => {
    const a = edit('    goals: { economic: 0.8 }\n', '    goals: { economic: 0.8 }\n    attributes: { openness: 0.4 }\n');
    const b = edit(params, 'parameters: { actThreshold: 0.1, acceptThreshold: -0.5, openness: 1 }', a.text);
    expect(only(load(b.text)).message).toBe('parameter "openness" has the name of a subnational attribute');
  });
  it("noise is the catalog's parameter and variable at once, by design", () => {
    expect(load(edit(params, 'parameters: { actThreshold: 0.1, acceptThreshold: -0.5, noise: 0 }').text).ok).toBe(true);
  });
});

describe('durations', () => {
  const params = 'parameters: { actThreshold: 0.1, acceptThreshold: -0.5 }';
  it('a fractional approvalTimeout is a duration; one the calendar cannot read is an error', () => {
    expect(load(edit(params, 'parameters: { approvalTimeout: 3.5 }').text).ok).toBe(true);
    const { text, line } = edit(params, 'parameters: { approvalTimeout: 1e-7 }');
    const p = only(load(text));
    expect(p.code).toBe('bad-duration');
    expect(p.line).toBe(line);
    expect(p.found).toBe('1e-7');
  });
  it("a rule set's within is read by the calendar's parser", () => {
    const at = readFileSync(new URL('../scenarios/rule-sets/AT.yaml', import.meta.url), 'utf8');
    expect(parseRuleSetText(at.replace('within: 8 weeks', 'within: 3.5 months'), 'AT.yaml').ok).toBe(true);
    expect(parseRuleSetText(at.replace('within: 8 weeks', 'within: 12w'), 'AT.yaml').ok).toBe(true);
    const bad = parseRuleSetText(at.replace('within: 8 weeks', 'within: 20001 years'), 'AT.yaml');
    expect(bad.ok ? [] : bad.problems.map((p) => p.path.join('.'))).toEqual(['rules.2.approvals.1.within']);
  });
});

describe('mappings of numbers (goals, trade ties, attributes, positions) are checked in place', () => {
  it('a bad value gets the message z.record gave: wrong type or out of range, at the key, with what was found', () => {
    const a = edit('goals: { economic: 0.8, identity: 0.3 }', 'goals: { economic: lots, identity: -1 }');
    const b = edit('tradeTies: { A-1: 0.8 }', 'tradeTies: [A-1]', a.text);
    const ps = problems(load(b.text)).map(formatProblem);
    // The very lines z.record's copy gave (checked against it when the mappings began to be checked in place).
    expect(ps).toEqual([
      `x.yaml:${a.line}:24: wrong type at subnationals.0.goals.economic (expected number, found "lots")`,
      `x.yaml:${a.line}:40: Too small: expected number to be >=0 at subnationals.0.goals.identity`,
      `x.yaml:${b.line}:16: wrong type at subnationals.1.tradeTies (expected record, found a list)`,
    ]);
  });
  it('a trade tie above 1 and a position below -1 are refused at their keys', () => {
    const a = edit('tradeTies: { B-1: 0.8 }', 'tradeTies: { B-1: 1.5 }\n    position: { X: -2 }');
    const ps = problems(load(a.text)).map(formatProblem);
    expect(ps).toEqual([
      `x.yaml:${a.line}:23: Too big: expected number to be <=1 at subnationals.0.tradeTies.B-1`,
      `x.yaml:${a.line + 1}:20: Too small: expected number to be >=-1 at subnationals.0.position.X`,
    ]);
  });
  it('the parsed scenario keeps the mappings it was given (no copy), with their values', () => {
    const data = parseYaml(MINI) as { subnationals: { tradeTies: object; goals: object }[] };
    const parsed = scenarioSchema.parse(data);
    expect(parsed.subnationals[0]!.tradeTies).toBe(data.subnationals[0]!.tradeTies);
    expect(parsed.subnationals[0]!.goals).toBe(data.subnationals[0]!.goals);
    expect(parsed.subnationals[0]!.tradeTies).toEqual({ 'B-1': 0.8 });
    // Loaded from the file, every unit has the three core goals (load-scenario's normalise, a new mapping).
    const l = load(MINI);
    if (!l.ok) throw new Error('mini.yaml should load');
    expect(l.scenario.subnationals.find((x) => x.id === 'A-1')!.goals).toEqual({ economic: 0.8, identity: 0.3, protodiplomatic: 0 });
  });
});
