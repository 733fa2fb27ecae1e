/** Citation tests: United States, Canada, Argentina (both periods). */
import { describe, expect } from 'vitest';
import { selectRuleSet } from '../../src/rules/assess.ts';
import { assess, covers, CROSS_BORDER_UNIT, DISTANT_STATE, DISTANT_UNIT, DOMESTIC_UNIT, NEIGHBOUR_STATE, ruleSet, ruleSets, ruleTest } from './harness.ts';

export function defineAmericasTests(): void {
  describe('United States', () => {
    ruleTest('US: a state may not enter into any treaty (art. I, s. 10, cl. 1)', () => {
      covers('US', 'treaty');
      for (const partner of [NEIGHBOUR_STATE, CROSS_BORDER_UNIT, DOMESTIC_UNIT]) {
        const a = assess('US', 'treaty', partner);
        expect(a).toMatchObject({ verdict: 'forbidden', rule: 'treaty', citations: ['US Const. art. I, s. 10, cl. 1'] });
      }
    });

    ruleTest('US: a binding agreement with a foreign power needs the consent of Congress (art. I, s. 10, cl. 3)', () => {
      covers('US', 'compact-foreign-power');
      for (const partner of [DISTANT_STATE, CROSS_BORDER_UNIT]) {
        const a = assess('US', 'agreement', partner);
        expect(a.verdict).toBe('needs-approval');
        expect(a.rule).toBe('compact-foreign-power');
        // Both chambers (no chamber list), a majority in each.
        expect(a.steps).toEqual([expect.objectContaining({ step: 'vote', by: 'legislature', threshold: 0.5 })]);
        expect(a.steps[0]!.chambers).toBeUndefined();
        expect(a.citations[0]).toBe('US Const. art. I, s. 10, cl. 3');
      }
    });

    ruleTest('US: an interstate compact needs the consent of Congress (art. I, s. 10, cl. 3)', () => {
      covers('US', 'compact-state');
      const a = assess('US', 'agreement', DOMESTIC_UNIT);
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'compact-state' });
      expect(a.steps.map((s) => s.step)).toEqual(['vote']);
    });

    ruleTest('US: under the strict compact-clause reading an MOU with a Canadian province needs the consent of Congress (option mouIsCompact)', () => {
      covers('US', 'mou-strict-compact');
      const strict = assess('US', 'mou', CROSS_BORDER_UNIT, { options: { mouIsCompact: true } });
      expect(strict).toMatchObject({ verdict: 'needs-approval', rule: 'mou-strict-compact' });
      expect(strict.steps.map((s) => `${s.step} by ${s.by}`)).toEqual(['vote by legislature']);
      expect(assess('US', 'mou', CROSS_BORDER_UNIT).verdict).toBe('allowed');
    });

    ruleTest('US: the source is silent on MOUs; by default a non-binding MOU with a province is allowed (Virginia v. Tennessee practice)', () => {
      covers('US', 'silence');
      const a = assess('US', 'mou', CROSS_BORDER_UNIT);
      expect(a).toMatchObject({ verdict: 'allowed', rule: 'silence', citations: [ruleSet('US').silence.citation] });
      expect(a.citations[0]).toMatch(/^Silent: /);
      expect(assess('US', 'office', DISTANT_STATE).rule).toBe('silence');
    });
  });

  describe('Canada', () => {
    ruleTest('Canada: the source is silent on provincial treaties; the default forbids binding instruments', () => {
      covers('CA', 'silence');
      const citation = ruleSet('CA').silence.citation;
      expect(citation).toMatch(/^Silent: .*default forbid.*\(configurable: ruleOptions silenceBinding, silenceNonBinding\)$/);
      expect(assess('CA', 'treaty', DISTANT_STATE)).toMatchObject({ verdict: 'forbidden', rule: 'silence', citations: [citation] });
      expect(assess('CA', 'agreement', CROSS_BORDER_UNIT).verdict).toBe('forbidden');
      // Practice instruments of the seed: offices, the acid-rain MOUs.
      expect(assess('CA', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
      expect(assess('CA', 'mou', CROSS_BORDER_UNIT).verdict).toBe('allowed');
    });
  });

  describe('Argentina', () => {
    ruleTest('Argentina: the rule set changes with the amendment of 24 August 1994', () => {
      expect(selectRuleSet(ruleSets, 'AR', '1994-08-23')?.id).toBe('AR-1853');
      expect(selectRuleSet(ruleSets, 'AR', '1994-08-24')?.id).toBe('AR-1994');
    });

    ruleTest('Argentina (before 1994): a province may not conclude treaties with foreign nations (Const. 1853)', () => {
      covers('AR-1853', 'treaty-foreign-nation');
      for (const instrument of ['treaty', 'agreement'] as const) {
        expect(assess('AR-1853', instrument, DISTANT_STATE, { domain: 'economy' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty-foreign-nation' });
      }
    });

    ruleTest('Argentina (before 1994): the source is silent on foreign provinces and offices; binding forbidden, non-binding allowed', () => {
      covers('AR-1853', 'silence');
      expect(assess('AR-1853', 'agreement', DISTANT_UNIT)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('AR-1853', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });

    ruleTest('Argentina (1994): a treaty with a foreign nation on economic interest needs the approval of Congress by default (arts. 124-125)', () => {
      covers('AR-1994', 'treaty-congress-approval');
      for (const domain of ['justice', 'economy', 'utility-works']) {
        const a = assess('AR-1994', 'treaty', DISTANT_STATE, { domain });
        expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-congress-approval' });
        expect(a.steps).toEqual([expect.objectContaining({ step: 'vote', by: 'legislature', threshold: 0.5 })]);
      }
    });

    ruleTest('Argentina (1994): Congress approval vs notification (option congressRole, art. 124 "con conocimiento")', () => {
      covers('AR-1994', 'treaty-congress-notification');
      const a = assess('AR-1994', 'agreement', DISTANT_STATE, { domain: 'economy', options: { congressRole: 'notification' } });
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-congress-notification' });
      expect(a.steps.map((s) => `${s.step} by ${s.by}`)).toEqual(['notify by legislature']);
      expect(a.citations.some((c) => c.includes('con conocimiento del Congreso Nacional'))).toBe(true);
      expect(ruleSet('AR-1994').options['congressRole']!.default).toBe('approval');
    });

    ruleTest('Argentina (1994): a political treaty outside justice, economy and utility works is forbidden (arts. 125-126)', () => {
      covers('AR-1994', 'treaty-political');
      for (const congressRole of ['approval', 'notification']) {
        const a = assess('AR-1994', 'treaty', DISTANT_STATE, { domain: 'defence', options: { congressRole } });
        expect(a).toMatchObject({ verdict: 'forbidden', rule: 'treaty-political' });
        expect(a.citations[0]).toContain('art. 126');
      }
    });

    ruleTest('Argentina (1994): the source names only foreign nations; an agreement with a foreign province falls to silence', () => {
      covers('AR-1994', 'silence');
      expect(assess('AR-1994', 'agreement', CROSS_BORDER_UNIT, { domain: 'economy' })).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('AR-1994', 'twinning', CROSS_BORDER_UNIT).verdict).toBe('allowed');
    });
  });
}
