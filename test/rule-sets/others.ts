/** Citation tests: Bosnia and Herzegovina, USSR, Russia, China, Denmark, United Kingdom. */
import { describe, expect } from 'vitest';
import { selectRuleSet } from '../../src/rules/assess.ts';
import { assess, covers, CROSS_BORDER_UNIT, DISTANT_STATE, DISTANT_UNIT, NEIGHBOUR_STATE, power, ruleSet, ruleSets, ruleTest, silenceReachable } from './harness.ts';
import { INSTRUMENTS } from '../../src/model/vocabulary.ts';

export function defineOtherTests(): void {
  describe('Bosnia and Herzegovina', () => {
    ruleTest('Bosnia and Herzegovina: an entity may establish special parallel relations with a neighbouring country (Dayton, Annex 4, art. III.2(a))', () => {
      covers('BA', 'parallel-relations-neighbour');
      expect(assess('BA', 'agreement', NEIGHBOUR_STATE)).toMatchObject({ verdict: 'allowed', rule: 'parallel-relations-neighbour', steps: [] });
    });

    ruleTest('Bosnia and Herzegovina: agreements with other states need the Parliamentary Assembly\'s consent (Annex 4 III.2(d), option agreementsWithConsent)', () => {
      covers('BA', 'agreement-state-consent');
      const a = assess('BA', 'agreement', DISTANT_STATE, { options: { agreementsWithConsent: true } });
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'agreement-state-consent' });
      expect(a.steps).toEqual([expect.objectContaining({ step: 'vote', by: 'legislature' })]);
      // Neighbours keep their parallel relations without a vote (first matching allow wins).
      expect(assess('BA', 'agreement', NEIGHBOUR_STATE, { options: { agreementsWithConsent: true } }).rule).toBe('parallel-relations-neighbour');
    });

    ruleTest('Bosnia and Herzegovina: offices are not provided by Dayton and agreements beyond neighbours are not mentioned; silence decides', () => {
      covers('BA', 'silence');
      expect(assess('BA', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
      expect(assess('BA', 'agreement', DISTANT_STATE)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(selectRuleSet(ruleSets, 'BA', '1995-12-13')).toBeUndefined();
    });
  });

  describe('Japan', () => {
    ruleTest('Japan: the source states no rule for prefectures; silence forbids binding instruments and allows the others', () => {
      covers('JP', 'silence');
      expect(assess('JP', 'agreement', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('JP', 'mou', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });
  });

  describe('USSR and Russia', () => {
    ruleTest('USSR: a Union republic may conclude treaties with other states, with no stated approval (1977 Const. art. 80)', () => {
      covers('SU', 'treaty-foreign-state');
      expect(assess('SU', 'treaty', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'treaty-foreign-state', steps: [] });
    });

    ruleTest('USSR: a Union republic may exchange diplomatic and consular representatives (1977 Const. art. 80)', () => {
      covers('SU', 'representation-foreign-state');
      expect(assess('SU', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'representation-foreign-state' });
    });

    ruleTest('USSR: a Union republic may take part in the work of international organisations: a seat, an office at the seat (1977 Const. art. 80)', () => {
      covers('SU', 'international-organisations');
      expect(assess('SU', 'membership', ['organisation'])).toMatchObject({ verdict: 'allowed', rule: 'international-organisations', steps: [] });
      expect(assess('SU', 'office', ['organisation'])).toMatchObject({ verdict: 'allowed', rule: 'international-organisations' });
      expect(assess('SU', 'treaty', ['organisation'])).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
    });

    ruleTest('USSR: the source is silent on agreements with foreign regions; the default forbids binding instruments', () => {
      covers('SU', 'silence');
      expect(assess('SU', 'agreement', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
    });

    ruleTest('USSR and Russia: periods end on 26 December 1991 and start again on 12 December 1993', () => {
      expect(selectRuleSet(ruleSets, 'SU', '1991-12-25')?.id).toBe('SU');
      expect(selectRuleSet(ruleSets, 'SU', '1991-12-26')).toBeUndefined();
      expect(selectRuleSet(ruleSets, 'RU', '1993-12-11')).toBeUndefined();
      expect(selectRuleSet(ruleSets, 'RU', '1993-12-12')?.id).toBe('RU');
    });

    ruleTest('Russia (1993): art. 72 confers no explicit treaty right; silence forbids a subject\'s treaty', () => {
      covers('RU', 'silence');
      const a = assess('RU', 'treaty', DISTANT_STATE, { options: { law1999: true } });
      expect(a).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(a.citations[0]).toContain('art. 72');
      expect(assess('RU', 'agreement', CROSS_BORDER_UNIT).verdict).toBe('forbidden');
    });

    ruleTest('Russia (1993): under the 1999 law a subject may conclude agreements with foreign regions (Federal Law 4-FZ, option law1999)', () => {
      covers('RU', 'agreement-foreign-subnational');
      expect(assess('RU', 'agreement', DISTANT_UNIT, { options: { law1999: true } })).toMatchObject({ verdict: 'allowed', rule: 'agreement-foreign-subnational' });
    });

    ruleTest('Russia (1993): under the 1999 law agreements with foreign states need the Government\'s consent (Federal Law 4-FZ, option law1999)', () => {
      covers('RU', 'agreement-foreign-state');
      const a = assess('RU', 'agreement', NEIGHBOUR_STATE, { options: { law1999: true } });
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'agreement-foreign-state' });
      expect(a.steps).toEqual([expect.objectContaining({ step: 'consent', by: 'executive' })]);
    });
  });

  describe('China, Denmark, United Kingdom', () => {
    ruleTest('China: there is no text of law; silence forbids binding instruments and allows twinning', () => {
      covers('CN', 'silence');
      expect(ruleSet('CN').silence.citation).toContain('no text of law');
      expect(assess('CN', 'agreement', DISTANT_UNIT)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('CN', 'twinning', DISTANT_UNIT)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });

    ruleTest('China: the local Foreign Affairs Office is subordinated to the Ministry of Foreign Affairs (a central veto)', () => {
      covers('CN', 'power:veto');
      expect(power('CN', 'veto', 'twinning', null)?.citation).toContain('subordinated to the Ministry of Foreign Affairs');
    });

    ruleTest('Denmark: the source is silent on Faroese and Greenlandic treaties; offices are allowed by default', () => {
      covers('DK', 'silence');
      expect(assess('DK', 'treaty', DISTANT_STATE)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('DK', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });

    ruleTest('United Kingdom: the source is silent on devolved external action; offices allowed, treaties forbidden by default', () => {
      covers('UK', 'silence');
      expect(assess('UK', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
      expect(assess('UK', 'treaty', DISTANT_STATE)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
    });
  });
}

/** The synthetic control used for partner countries in experiments, and the silence options every rule set has. */
export function defineControlTests(): void {
  describe('Controls and silence options', () => {
    ruleTest('OPEN control: every instrument is allowed without approvals (synthetic, no legal source)', () => {
      covers('OPEN', 'open-all');
      for (const kind of INSTRUMENTS) {
        expect(assess('OPEN', kind, DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'open-all', steps: [] });
      }
      // open-all speaks to every instrument, so silence never decides here and is not asked of the ledger.
      expect(silenceReachable(ruleSet('OPEN'))).toBe(false);
      expect(ruleSet('OPEN').silence).toMatchObject({ binding: 'allow', nonBinding: 'allow' });
    });

    ruleTest('silence is configurable: option silenceBinding=allow lets a Canadian province conclude a treaty, and says so', () => {
      const a = assess('CA', 'treaty', DISTANT_STATE, { options: { silenceBinding: 'allow' } });
      expect(a).toMatchObject({ verdict: 'allowed', rule: 'silence' });
      expect(a.citations[0]).toContain('here set to allow by option silenceBinding');
      expect(assess('CA', 'mou', DISTANT_STATE, { options: { silenceNonBinding: 'forbid' } }).verdict).toBe('forbidden');
      expect(assess('CA', 'mou', DISTANT_STATE).verdict).toBe('allowed');
    });
  });
}
