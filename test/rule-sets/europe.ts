/** Citation tests: Austria, Germany, Switzerland, Belgium (both periods). */
import { describe, expect } from 'vitest';
import { selectRuleSet } from '../../src/rules/assess.ts';
import {
  assess, covers, CROSS_BORDER_UNIT, DISTANT_STATE, DISTANT_UNIT, NEIGHBOUR_STATE, NEIGHBOUR_STATE_UNIT, power, ruleSet, ruleSets, ruleTest,
} from './harness.ts';

const steps = (a: { steps: { step: string; by: string }[] }): string[] => a.steps.map((s) => `${s.step} by ${s.by}`);

export function defineEuropeTests(): void {
  describe('Austria', () => {
    ruleTest('Austria: a Land may not conclude a treaty with a non-neighbouring state (B-VG art. 16)', () => {
      covers('AT', 'treaty-non-neighbour');
      for (const partner of [DISTANT_STATE, DISTANT_UNIT]) {
        expect(assess('AT', 'treaty', partner)).toMatchObject({ verdict: 'forbidden', rule: 'treaty-non-neighbour' });
      }
      expect(assess('AT', 'treaty', DISTANT_STATE).citations[0]).toMatch(/^B-VG art\. 16/);
    });

    ruleTest('Austria: a Land may not conclude a treaty outside its own competence (B-VG art. 16(1))', () => {
      covers('AT', 'treaty-outside-competence');
      expect(assess('AT', 'treaty', NEIGHBOUR_STATE, { domain: 'defence' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty-outside-competence' });
    });

    ruleTest('Austria: a treaty with a neighbouring state or its constituent state needs information and federal consent (B-VG art. 16(2))', () => {
      covers('AT', 'treaty-neighbour');
      // Cross-border (Bavaria), transregional (a non-bordering German Land), and the neighbouring state itself.
      for (const partner of [NEIGHBOUR_STATE, CROSS_BORDER_UNIT, NEIGHBOUR_STATE_UNIT]) {
        const a = assess('AT', 'treaty', partner);
        expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-neighbour' });
        expect(steps(a)).toEqual(['notify by executive', 'consent by executive']);
      }
    });

    ruleTest('Austria: eight weeks of federal silence is consent (B-VG art. 16(2))', () => {
      covers('AT', 'treaty-neighbour');
      const consent = assess('AT', 'agreement', CROSS_BORDER_UNIT).steps[1]!;
      expect(consent).toMatchObject({ step: 'consent', within: '8 weeks', onSilence: 'consent' });
      expect(consent.citation).toContain('art. 16(2)');
    });

    ruleTest('Austria: consent before negotiations (seed) or before conclusion (B-VG text) (option consentTiming)', () => {
      covers('AT', 'treaty-neighbour-text');
      const text = assess('AT', 'treaty', NEIGHBOUR_STATE, { options: { consentTiming: 'before-conclusion' } });
      expect(text.rule).toBe('treaty-neighbour-text');
      expect(text.steps[1]).toMatchObject({ within: '8 weeks', onSilence: 'consent' });
      expect(text.steps[1]!.citation).toContain('before conclusion');
      expect(ruleSet('AT').options['consentTiming']!.default).toBe('before-negotiation');
    });

    ruleTest('Austria: at the federal government\'s request a Land must denounce its treaty (B-VG art. 16(3))', () => {
      covers('AT', 'power:demand-denunciation');
      expect(power('AT', 'demand-denunciation', 'treaty', '2005-01-01')?.citation).toContain('art. 16(3)');
      expect(power('AT', 'demand-denunciation', 'mou', '2005-01-01')).toBeNull();
    });

    ruleTest('Austria: if the Land does not denounce, the Federation takes over (B-VG art. 16(3))', () => {
      covers('AT', 'power:take-over');
      expect(power('AT', 'take-over', 'agreement', '2005-01-01')?.citation).toContain('art. 16(3)');
    });

    ruleTest('Austria: the source is silent on Land offices abroad; the default allows non-binding instruments', () => {
      covers('AT', 'silence');
      expect(assess('AT', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence', citations: [ruleSet('AT').silence.citation] });
      expect(assess('AT', 'mou', DISTANT_UNIT).verdict).toBe('allowed');
    });
  });

  describe('Germany', () => {
    ruleTest('Germany: a Land treaty with a foreign state needs the consent of the Federal Government (GG art. 32(3))', () => {
      covers('DE', 'treaty-foreign-state');
      const a = assess('DE', 'treaty', DISTANT_STATE, { domain: 'culture' });
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-foreign-state' });
      expect(a.steps).toEqual([expect.objectContaining({ step: 'consent', by: 'executive' })]);
      expect(a.steps[0]!.within).toBeUndefined(); // no tacit consent is stated
    });

    ruleTest('Germany: a Land may not conclude a treaty where it has no power to legislate (GG art. 32(3))', () => {
      covers('DE', 'treaty-outside-legislative-power');
      expect(assess('DE', 'treaty', NEIGHBOUR_STATE, { domain: 'defence' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty-outside-legislative-power' });
    });

    ruleTest('Germany: the Federation must consult the Länder in sufficient time before treaties affecting them (GG art. 32(2))', () => {
      covers('DE', 'power:consult');
      expect(power('DE', 'consult', 'treaty', null)?.citation).toContain('art. 32(2)');
      expect(power('DE', 'consult', 'agreement', null)).not.toBeNull(); // a binding federal agreement is a treaty here
      expect(power('DE', 'consult', 'mou', null)).toBeNull();
    });

    ruleTest('Germany: the source is silent on a Land\'s agreement with a foreign region; the default forbids binding instruments', () => {
      covers('DE', 'silence');
      expect(assess('DE', 'agreement', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
      expect(assess('DE', 'office', DISTANT_STATE).verdict).toBe('allowed');
    });
  });

  describe('Switzerland', () => {
    ruleTest('Switzerland: a cantonal treaty with a foreign state is signed by the central authorities (Fed. Const. art. 56)', () => {
      covers('CH', 'treaty-foreign-state');
      const a = assess('CH', 'treaty', NEIGHBOUR_STATE);
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-foreign-state' });
      expect(steps(a)).toEqual(['sign by executive']);
    });

    ruleTest('Switzerland: with prior information the canton informs the Confederation before signature (art. 56(2), option priorInformation)', () => {
      covers('CH', 'treaty-foreign-state-informed');
      const a = assess('CH', 'treaty', DISTANT_STATE, { options: { priorInformation: true } });
      expect(a.rule).toBe('treaty-foreign-state-informed');
      expect(steps(a)).toEqual(['notify by executive', 'sign by executive']);
    });

    ruleTest('Switzerland: a canton deals directly with subordinate foreign authorities (Fed. Const. art. 56(3))', () => {
      covers('CH', 'direct-foreign-authority');
      expect(assess('CH', 'agreement', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'allowed', rule: 'direct-foreign-authority', steps: [] });
    });

    ruleTest('Switzerland: direct dealings are notified when prior information is required (art. 56(2), option priorInformation)', () => {
      covers('CH', 'direct-foreign-authority-informed');
      const a = assess('CH', 'agreement', DISTANT_UNIT, { options: { priorInformation: true } });
      expect(a.rule).toBe('direct-foreign-authority-informed');
      expect(steps(a)).toEqual(['notify by executive']);
    });

    ruleTest('Switzerland: a canton may not conclude treaties outside its competencies (Fed. Const. art. 56(1))', () => {
      covers('CH', 'treaty-outside-competence');
      expect(assess('CH', 'treaty', CROSS_BORDER_UNIT, { domain: 'defence' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty-outside-competence' });
    });

    ruleTest('Switzerland: the cantons have a say in foreign policy and are heard on important treaties (Fed. Const. arts. 55, 147)', () => {
      covers('CH', 'power:consult');
      expect(power('CH', 'consult', 'treaty', null)?.citation).toContain('arts. 55, 147');
    });

    ruleTest('Switzerland: a federal objection to a cantonal treaty exists only under option federalObjection (arts. 172(3), 186(3))', () => {
      covers('CH', 'power:veto');
      expect(power('CH', 'veto', 'treaty', null)).toBeNull();
      expect(power('CH', 'veto', 'treaty', null, { federalObjection: true })?.citation).toContain('172(3)');
    });

    ruleTest('Switzerland: the source is silent on cantonal MOUs; the default allows non-binding instruments', () => {
      covers('CH', 'silence');
      expect(assess('CH', 'mou', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
      expect(assess('CH', 'agreement', ['network'])).toMatchObject({ verdict: 'forbidden', rule: 'silence' });
    });
  });

  describe('Belgium', () => {
    ruleTest('Belgium: the treaty power starts on 18 May 1993', () => {
      expect(selectRuleSet(ruleSets, 'BE', '1993-05-17')?.id).toBe('BE-1970');
      expect(selectRuleSet(ruleSets, 'BE', '1993-05-18')?.id).toBe('BE-1993');
    });

    ruleTest('Belgium (before 18 May 1993): Communities had no treaty power before the 1993 revision (Const. art. 167(3))', () => {
      covers('BE-1970', 'treaty');
      expect(assess('BE-1970', 'treaty', NEIGHBOUR_STATE, { domain: 'culture' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty' });
    });

    ruleTest('Belgium (before 18 May 1993): the source is silent on non-binding action; the default allows it', () => {
      covers('BE-1970', 'silence');
      expect(assess('BE-1970', 'twinning', CROSS_BORDER_UNIT)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });

    ruleTest('Belgium: a Community concludes treaties in its exclusive competence, ratified by decree of its Council (Const. arts. 167(3), 128(1.1))', () => {
      covers('BE-1993', 'treaty-own-competence');
      const a = assess('BE-1993', 'treaty', DISTANT_STATE, { domain: 'culture' });
      expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'treaty-own-competence' });
      // The King neither signs nor ratifies: the only step is the Community's own legislature.
      expect(steps(a)).toEqual(['ratify by own-legislature']);
    });

    ruleTest('Belgium: a Community may not conclude treaties outside its exclusive competence (Const. art. 167(3))', () => {
      covers('BE-1993', 'treaty-outside-competence');
      expect(assess('BE-1993', 'treaty', DISTANT_STATE, { domain: 'defence' })).toMatchObject({ verdict: 'forbidden', rule: 'treaty-outside-competence' });
    });

    ruleTest('Belgium: under the special law of 1980 the federal government may object within 30 days (art. 81, option federalSuspension)', () => {
      covers('BE-1993', 'treaty-own-competence-suspension');
      const a = assess('BE-1993', 'treaty', DISTANT_STATE, { domain: 'education', options: { federalSuspension: true } });
      expect(a.rule).toBe('treaty-own-competence-suspension');
      expect(steps(a)).toEqual(['notify by executive', 'consent by executive', 'ratify by own-legislature']);
      expect(a.steps[1]).toMatchObject({ within: '30 days', onSilence: 'consent' });
    });

    ruleTest('Belgium: the King cannot denounce a Community treaty concluded after 18 May 1993 (Const. art. 167(3))', () => {
      covers('BE-1993', 'power:denounce');
      expect(power('BE-1993', 'denounce', 'treaty', '1995-06-01')).toBeNull();
      expect(power('BE-1993', 'denounce', 'treaty', '1993-05-18')).toBeNull();
      expect(power('BE-1993', 'denounce', 'treaty', '1990-01-01')?.concludedBefore).toBe('1993-05-18');
    });

    ruleTest('Belgium: the source is silent on Community offices abroad; the default allows non-binding instruments', () => {
      covers('BE-1993', 'silence');
      expect(assess('BE-1993', 'office', DISTANT_STATE)).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    });
  });
}
