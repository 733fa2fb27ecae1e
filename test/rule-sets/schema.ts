/** The rule-set schema: what a bad rule-set file is told (assertions on paths, not wording). */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseRuleSetText } from '../../src/scenario/rule-set-schema.ts';

const minimal = {
  id: 'XX',
  country: 'XX',
  name: 'Test',
  valid: { from: '2000-01-01' },
  legalBasis: 'none',
  sources: [],
  subnationalKinds: ['state'],
  rules: [
    {
      id: 'r',
      effect: 'allow',
      instruments: ['treaty'],
      when: { option: 'o', equals: true },
      approvals: [{ step: 'consent', by: 'executive', within: '8 weeks', onSilence: 'consent', citation: 'c' }],
      citation: 'c',
    },
  ],
  powers: [{ power: 'veto', citation: 'c' }],
  silence: { binding: 'forbid', nonBinding: 'allow', citation: 'Silent: c' },
  silent: [],
  options: { o: { default: false, values: [false, true], description: 'd', citation: 'c' } },
};

/** The paths of the problems found after `edit` changes a copy of the minimal rule set. */
function problemPaths(edit: (rs: any) => void): string[] {
  const rs = structuredClone(minimal);
  edit(rs);
  const result = parseRuleSetText(stringify(rs), 'test.yaml');
  return result.ok ? [] : result.problems.map((p) => p.path.join('.'));
}

export function defineSchemaTests(): void {
  describe('rule-set schema', () => {
    it('accepts a minimal rule set', () => {
      expect(problemPaths(() => {})).toEqual([]);
    });

    it.each([
      ['an unknown key', (rs: any) => (rs.rules[0].approval = []), 'rules.0'],
      ['an empty id', (rs: any) => (rs.rules[0].id = ''), 'rules.0.id'],
      ['a date that is not ISO', (rs: any) => (rs.valid.from = '1.1.2000'), 'valid.from'],
      ['an impossible date', (rs: any) => (rs.valid.from = '2000-02-30'), 'valid.from'],
      ['a period ending before it starts', (rs: any) => (rs.valid.to = '1999-01-01'), 'valid.to'],
      ['a duration without a unit', (rs: any) => (rs.rules[0].approvals[0].within = '8'), 'rules.0.approvals.0.within'],
      ['a deadline without its meaning', (rs: any) => delete rs.rules[0].approvals[0].onSilence, 'rules.0.approvals.0.within'],
      ['an option default outside its values', (rs: any) => (rs.options.o.default = 'maybe'), 'options.o.default'],
      ['a condition on an unknown option', (rs: any) => (rs.rules[0].when.option = 'p'), 'rules.0.when.option'],
      ['a condition on an impossible value', (rs: any) => (rs.rules[0].when.equals = 'yes'), 'rules.0.when.equals'],
      ['an unknown instrument', (rs: any) => (rs.rules[0].instruments = ['embassy']), 'rules.0.instruments.0'],
      ['an unknown partner category', (rs: any) => (rs.rules[0].partners = ['anyone']), 'rules.0.partners.0'],
      ['an unknown approval step', (rs: any) => (rs.rules[0].approvals[0].step = 'pray'), 'rules.0.approvals.0.step'],
      ['an unknown power', (rs: any) => (rs.powers[0].power = 'annex'), 'powers.0.power'],
      ['a vote by the executive', (rs: any) => (rs.rules[0].approvals[0] = { step: 'vote', by: 'executive', citation: 'c' }), 'rules.0.approvals.0.by'],
      ['approvals on a forbid rule', (rs: any) => (rs.rules[0].effect = 'forbid'), 'rules.0.approvals'],
      ['a duplicate rule id', (rs: any) => rs.rules.push(structuredClone(rs.rules[0])), 'rules.1.id'],
      ['an actor kind the rule set does not know', (rs: any) => (rs.rules[0].actorKinds = ['city']), 'rules.0.actorKinds.0'],
      ['a missing citation', (rs: any) => delete rs.powers[0].citation, 'powers.0.citation'],
      ['a prototype key as option name', (rs: any) => (rs.options = JSON.parse('{"__proto__": {"default": 1, "values": [1, 2], "description": "d", "citation": "c"}}')), 'options.__proto__'],
    ])('rejects %s', (_what, edit, path) => {
      expect(problemPaths(edit)).toContain(path);
    });

    it('reports YAML syntax errors and aliases with the file name, never throwing', () => {
      for (const text of ['id: [unclosed', 'a: &x 1\nb: *x\n', 'id: a\nid: b\n']) {
        const result = parseRuleSetText(text, 'bad.yaml');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems[0]!.message).toMatch(/^bad\.yaml: /);
      }
    });
  });
}
