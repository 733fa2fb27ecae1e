/**
 * A hand-made frame and a controller that records what the keys asked for, so panels and keys are tested
 * on known data without running the engine.
 */
import type { SimEvent } from '../../src/engine/events.ts';
import { EventNames } from '../../src/experiment/describe-event.ts';
import type { Change, Choices, Controller, Frame } from '../../src/ui/session.ts';
import { UNCHANGED } from '../../src/ui/session.ts';
import type { WorldView } from '../../src/ui/world-view.ts';

export const NAMES = new EventNames({
  centrals: [
    { id: 'US', name: 'United States' },
    { id: 'CA', name: 'Canada' },
  ],
  subnationals: [
    { id: 'NY', name: 'New York' },
    { id: 'ON', name: 'Ontario' },
    { id: 'QC', name: 'Quebec' },
    { id: 'OH', name: 'Ohio' },
  ],
  issues: [{ id: 'acid-rain', name: 'Acid rain' }],
});

const why = { goals: { 'acid-rain': 0.42, economic: 0.1, identity: -0.05 }, score: 0.47, threshold: 0.35, alternatives: [{ action: 'visit', partner: 'ON', score: 0.3 }, { action: 'lobby', issue: 'acid-rain', score: 0.2 }] };

export const EVENTS: SimEvent[] = [
  { seq: 1, tick: 0, date: '1982-01-01', kind: 'relation.changed', subnational: 'OH', central: 'US', from: 'complementarity', to: 'conflict', why: { score: -0.4 } },
  { seq: 2, tick: 3, date: '1982-04-01', kind: 'action.proposed', id: 'i000001', instrument: 'mou', actor: 'NY', parties: ['NY', 'QC'], domain: 'environment', issue: 'acid-rain', duchacek: 'cross-border', protodiplomacy: false, why },
  { seq: 3, tick: 3, date: '1982-04-01', kind: 'approval.requested', id: 'i000001', instrument: 'mou', approval: 'i000001-QC-1', step: 'consent', approver: 'CA', organ: 'executive', party: 'QC', citation: 'Test rule 1 (consent of the federal executive)', deadline: '1982-06-01', onSilence: 'consent' },
  { seq: 4, tick: 5, date: '1982-06-01', kind: 'approval.tacit', id: 'i000001', instrument: 'mou', approval: 'i000001-QC-1', step: 'consent', approver: 'CA', organ: 'executive', party: 'QC', citation: 'Test rule 1 (consent of the federal executive)', why: { silentUntilDeadline: true, onSilence: 'consent' } },
  { seq: 5, tick: 5, date: '1982-06-01', kind: 'instrument.signed', id: 'i000001', instrument: 'mou', parties: ['NY', 'QC'], initiator: 'NY', domain: 'environment', issue: 'acid-rain', duchacek: 'cross-border', protodiplomacy: false, citations: ['US Const. art. I, s. 10 (silent: allowed)', 'Test rule 1 (consent of the federal executive)'], approvals: [{ step: 'consent', approver: 'CA', organ: 'executive', outcome: 'tacit', citation: 'Test rule 1 (consent of the federal executive)' }] },
  { seq: 6, tick: 6, date: '1982-07-01', kind: 'action.proposed', id: 'i000002', instrument: 'treaty', actor: 'ON', parties: ['ON', 'NY'], domain: 'environment', issue: 'acid-rain', duchacek: 'cross-border', protodiplomacy: false, why },
  { seq: 7, tick: 6, date: '1982-07-01', kind: 'action.forbidden', id: 'i000002', instrument: 'treaty', actor: 'ON', parties: ['ON', 'NY'], domain: 'environment', issue: 'acid-rain', citations: ['US Const. art. I, s. 10, cl. 1'], why: { assessments: [{ party: 'ON', ruleSet: 'CA', verdict: 'allowed', rule: 'silence', citations: ['Canada: silent'], steps: [] }, { party: 'NY', ruleSet: 'US', verdict: 'forbidden', rule: 'treaty', citations: ['US Const. art. I, s. 10, cl. 1'], steps: [] }] } },
  { seq: 8, tick: 7, date: '1982-08-01', kind: 'law.blocked', by: 'US', issue: 'acid-rain', reason: 'gatekeeper', why: { gatekeepers: [{ name: 'Robert Byrd', role: 'Senate Majority Leader', position: -0.6 }], support: { House: 0.55, Senate: 0.45 }, thresholds: { House: 0.5, Senate: 0.5 }, executive: -0.3, gate: 0, blockers: ['Robert Byrd (Senate Majority Leader)'], short: ['Senate'] } },
  { seq: 9, tick: 8, date: '1982-09-01', kind: 'approval.refused', id: 'i000003', instrument: 'agreement', approval: 'i000003-NY-1', step: 'vote', approver: 'US', organ: 'legislature', party: 'NY', citation: 'US Const. art. I, s. 10, cl. 3 (Consent of Congress)', why: { votes: { house: 0.6, senate: 0.4 }, threshold: 0.5 } },
];

export function view(subnationals = 4): WorldView {
  const units = Array.from({ length: subnationals }, (_, i) => ({ id: `U${i}`, name: `Unit ${i}`, relation: (['support', 'complementarity', 'competition', 'conflict'] as const)[i % 4]!, goals: [['acid-rain', 0.8], ['economic', 0.5]] as [string, number][], inForce: i % 3, pending: 0 }));
  return {
    centrals: [
      {
        id: 'US', name: 'United States', ruleSet: 'US', swapped: false, leader: 'Reagan', position: { 'acid-rain': -0.3 },
        chambers: [
          { name: 'House', threshold: 0.5, support: { 'acid-rain': 0.55 }, gatekeepers: [] },
          { name: 'Senate', threshold: 0.5, support: { 'acid-rain': 0.45 }, gatekeepers: [{ name: 'Robert Byrd', role: 'Senate Majority Leader', position: { 'acid-rain': -0.6 } }] },
        ],
        lawStatus: { 'acid-rain': 'gatekeeper' },
        pending: [{ instrument: 'i000009', kind: 'agreement', party: 'NY', step: 'vote', organ: 'legislature', deadline: '1983-09-01' }],
        subnationals: [{ id: 'NY', name: 'New York', relation: 'competition', goals: [['acid-rain', 0.9], ['economic', 0.4]], inForce: 1, pending: 1 }, ...units],
      },
      { id: 'CA', name: 'Canada', ruleSet: 'CA', swapped: false, leader: 'Trudeau', position: { 'acid-rain': 0.6 }, chambers: [], lawStatus: {}, pending: [], subnationals: [{ id: 'QC', name: 'Quebec', relation: 'support', goals: [['acid-rain', 0.7]], inForce: 1, pending: 0 }] },
    ],
    gate: 0,
    issues: [{ id: 'acid-rain', name: 'Acid rain' }],
    inForce: 1,
    awaiting: 1,
    byKind: [['mou', 1]],
    byDuchacek: [['cross-border', 1]],
  };
}

export function frame(over: Partial<Frame> = {}): Frame {
  for (const e of EVENTS) NAMES.learn(e);
  return {
    mode: 'live', title: 'Acid rain test', seed: 7, variant: null, changed: UNCHANGED, status: 'running', speed: 2, tick: 8, date: '1982-09-01',
    firstTick: 0, lastTick: 119, unit: 'month', view: view(), events: EVENTS, eventCount: EVENTS.length, names: NAMES,
    indicatorNames: ['in_force', 'salience_acid-rain'], indicators: [[0, 0.1], [0, 0.2], [1, 0.4], [1, 0.8]], indicatorCount: 4, out: null, notice: null,
    ...over,
  };
}

export const CHOICES: Choices = {
  variants: [{ id: 'no-mous', description: 'MOUs disabled' }, { id: 'strict', description: 'strict compact clause' }],
  centrals: [{ id: 'US', name: 'United States', ruleSet: 'US' }, { id: 'CA', name: 'Canada', ruleSet: 'CA' }],
  ruleSets: [{ country: 'AT', name: 'Austria' }, { country: 'CA', name: 'Canada' }, { country: 'US', name: 'United States' }],
};

/** A controller over a fixed frame that records every call. */
export class FakeController implements Controller {
  calls: string[] = [];
  restarts: Change[] = [];
  readonly done: Promise<'quit' | 'interrupt'>;
  private resolve!: (r: 'quit' | 'interrupt') => void;
  private listeners = new Set<() => void>();
  constructor(
    public current: Frame = frame(),
    private readonly options: Choices | null = CHOICES,
  ) {
    this.done = new Promise((r) => (this.resolve = r));
  }
  set(f: Frame): void {
    this.current = f;
    for (const l of this.listeners) l();
  }
  subscribe(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  frame() {
    return this.current;
  }
  togglePause() {
    this.calls.push('togglePause');
  }
  stepForward() {
    this.calls.push('stepForward');
  }
  stepBack() {
    this.calls.push('stepBack');
  }
  faster() {
    this.calls.push('faster');
  }
  slower() {
    this.calls.push('slower');
  }
  choices() {
    return this.options;
  }
  restart(change: Change) {
    this.calls.push('restart');
    this.restarts.push(change);
  }
  quit(reason: 'quit' | 'interrupt') {
    this.calls.push(`quit:${reason}`);
    this.resolve(reason);
  }
}
