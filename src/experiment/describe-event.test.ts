/** Event sentences and explanations: readable, with agent names, for every event kind. */
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type SimEvent } from '../engine/events.ts';
import { describeEvent, EventNames, instrumentPhrase } from './describe-event.ts';
import { explainEvent, formatExplanation } from './explain-event.ts';

const names = new EventNames({
  centrals: [{ id: 'US', name: 'United States' }, { id: 'CA', name: 'Canada' }],
  subnationals: [{ id: 'NY', name: 'New York' }, { id: 'ON', name: 'Ontario' }, { id: 'QC', name: 'Quebec' }],
  networks: [{ id: 'NEG', name: 'NEG/ECP' }],
  issues: [{ id: 'acid-rain', name: 'Acid rain' }],
});
const ev = (kind: string, fields: Record<string, unknown>): SimEvent => ({ seq: 1, tick: 0, date: '1983-04-01', kind, ...fields }) as SimEvent;

describe('describeEvent', () => {
  it('a forum\'s resolution (issue 13): who voted for it of how many members, and the vote in the explanation', () => {
    const e = ev('forum.resolved', { by: 'NEG', issue: 'acid-rain', parties: ['NY', 'QC'], why: { members: ['NY', 'ON', 'QC'], share: 0.6667, quorum: 0.5 } });
    expect(describeEvent(e, names)).toBe('NEG/ECP adopts a resolution on acid rain: New York and Quebec vote for it (2 of 3 members), and it binds them');
    const text = formatExplanation(explainEvent(e, names));
    expect(text).toContain('New York votes for, and is bound by it');
    expect(text).toContain('Ontario does not vote for');
    expect(text).toContain('2 of 3 members for it: a share of 0.667');
    expect(text).toContain('adopted at a share of 0.5 or more');
  });

  it('reads like the history books', () => {
    const signed = ev('instrument.signed', { id: 'i1', instrument: 'mou', parties: ['NY', 'ON'], initiator: 'NY', issue: 'acid-rain', domain: 'environment', citations: [], approvals: [] });
    expect(describeEvent(signed, names)).toBe('New York and Ontario sign an MOU on acid rain');
    expect(describeEvent(ev('law.enacted', { by: 'US', level: 'central', issue: 'acid-rain' }), names)).toBe('United States enacts a national law on acid rain');
    expect(describeEvent(ev('lobby.delivered', { by: 'NY', to: 'US', issue: 'acid-rain' }), names)).toBe('New York lobbies United States on acid rain');
    expect(describeEvent(ev('relation.changed', { subnational: 'QC', central: 'CA', from: 'support', to: 'conflict' }), names)).toBe("Quebec's relation with Canada turns from support to conflict");
    expect(describeEvent(ev('instrument.signed', { id: 'i2', instrument: 'membership', parties: ['ON', 'NEG'], initiator: 'ON', issue: null, domain: 'environment' }), names)).toBe('Ontario joins NEG/ECP');
  });

  it('names the parties of an approval from the proposal it learned', () => {
    names.learn(ev('action.proposed', { id: 'i3', instrument: 'agreement', actor: 'NY', parties: ['NY', 'QC'], issue: 'acid-rain', domain: 'environment' }));
    const tacit = ev('approval.tacit', { id: 'i3', instrument: 'agreement', approver: 'US', organ: 'legislature', party: 'NY', step: 'vote' });
    expect(describeEvent(tacit, names)).toBe("New York's agreement with Quebec approved tacitly: United States' legislature silent until the deadline");
    expect(describeEvent(ev('approval.requested', { id: 'i3', instrument: 'agreement', approver: 'US', organ: 'legislature', party: 'NY', step: 'vote', deadline: '1984-04-01' }), names)).toBe(
      "New York's agreement with Quebec awaits a vote in United States' legislature (until 1984-04)",
    );
  });

  it('has a sentence for every event kind (never just the kind)', () => {
    for (const kind of EVENT_KINDS) expect(describeEvent(ev(kind, { parties: ['NY', 'ON'], by: 'US', issue: 'acid-rain' }), names)).not.toBe(kind);
  });

  it('chooses the article', () => {
    expect(instrumentPhrase('mou')).toBe('an MOU');
    expect(instrumentPhrase('office')).toBe('an office');
    expect(instrumentPhrase('treaty')).toBe('a treaty');
  });
});

describe('explainEvent', () => {
  it('gives a decision its goal contributions and alternatives, and a prohibition its citations', () => {
    const proposed = ev('action.proposed', { id: 'i4', instrument: 'treaty', actor: 'ON', parties: ['ON', 'NY'], issue: 'acid-rain', why: { goals: { 'acid-rain': 0.5, economic: 0.1 }, score: 0.6, threshold: 0.5, alternatives: [{ action: 'mou', partner: 'NY', score: 0.4 }] } });
    const forbidden = { ...ev('action.forbidden', { id: 'i4', instrument: 'treaty', actor: 'ON', parties: ['ON', 'NY'], citations: ['US Const. art. I, s. 10, cl. 1'], why: { assessments: [{ party: 'NY', ruleSet: 'US', verdict: 'forbidden', rule: 'treaty', citations: ['US Const. art. I, s. 10, cl. 1'] }] } }), seq: 2 };
    const text = formatExplanation(explainEvent(forbidden, names, [proposed, forbidden]));
    expect(text).toContain('New York under rule set US: forbidden (rule treaty)');
    expect(text).toContain('  US Const. art. I, s. 10, cl. 1');
    expect(text).toContain('chose treaty with New York: score 0.6 >= threshold 0.5');
    expect(text).toContain('acid-rain (acid rain) 0.5');
    expect(text).toContain('MOU with New York 0.4');
  });
});
