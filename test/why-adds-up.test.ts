/**
 * The why adds up (issue 11, item 3): a decision's goal contributions, cost, load and noise sum to its score,
 * for the shipped acid-rain run and for a utility formula with a term of its own; a relation change shows the
 * relation formula's inputs and the thresholds; the WHY panel's bars show the sign of a number.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../src/cli/prepare-run.ts';
import type { SimEvent } from '../src/engine/events.ts';
import { runTicks } from '../src/engine/run.ts';
import { EventNames } from '../src/experiment/describe-event.ts';
import { explainEvent, formatExplanation } from '../src/experiment/explain-event.ts';
import { BAR_WIDTH, signedBar, whyRows } from '../src/ui/why-rows.ts';

const ROOT = join(import.meta.dirname, '..');

function events(sets: string[] = []): { events: SimEvent[]; names: EventNames } {
  const p = prepareRun({ scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets, until: '1986-12', from: null, cwd: ROOT });
  if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
  const names = new EventNames(p.prepared.run.model.scenario);
  const out: SimEvent[] = [];
  for (const r of runTicks(p.prepared.run, p.prepared.last)) for (const e of r.events) (names.learn(e), out.push(e));
  return { events: out, names };
}

type Why = { goals: Record<string, number>; terms?: Record<string, number>; score: number };
const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('a decision: goals, cost, load and noise add up to the score', () => {
  const run = events();
  const decisions = run.events.filter((e) => e.kind === 'action.proposed');

  it('for every external decision of the acid-rain run (to rounding)', () => {
    expect(decisions.length).toBeGreaterThan(5);
    for (const e of decisions) {
      const why = e['why'] as Why;
      expect(why.terms, `#${e.seq}`).toBeDefined();
      expect(Math.abs(sum(why.goals) + sum(why.terms!) - why.score), `#${e.seq}`).toBeLessThanOrEqual(2e-4);
    }
    // Cost and noise are really there (the scenario has both), not zeros that add up trivially.
    expect(decisions.some((e) => (e['why'] as Why).terms!['cost']! < 0)).toBe(true);
    expect(decisions.some((e) => (e['why'] as Why).terms!['noise']! !== 0)).toBe(true);
  });

  it('with a term of the formula\'s own, shown as "other"', () => {
    const custom = events(['behaviour.formulas.utility=total - cost / capacity - loadCost * load ^ 2 + noise * (total > 0) + 0.05']);
    const d = custom.events.filter((e) => e.kind === 'action.proposed');
    expect(d.length).toBeGreaterThan(0);
    for (const e of d) {
      const why = e['why'] as Why;
      expect(why.terms!['other']).toBe(0.05);
      expect(Math.abs(sum(why.goals) + sum(why.terms!) - why.score)).toBeLessThanOrEqual(2e-4);
    }
  });

  it('the explanation lists the terms and the sum', () => {
    const e = decisions[0]!;
    const why = e['why'] as Why;
    const text = formatExplanation(explainEvent(e, run.names));
    expect(text).toContain('How the score adds up:');
    expect(text).toMatch(/cost of the instrument .* -0\.\d+/);
    expect(text).toContain('noise (the chance part of a decision)');
    expect(text).toContain(`= score ${Math.round(why.score * 1000) / 1000}`);
  });
});

describe('a relation change: inputs and thresholds', () => {
  it('shows what the relation formula read and which band the score fell in', () => {
    const run = events();
    const e = run.events.find((x) => x.kind === 'relation.changed')!;
    const text = formatExplanation(explainEvent(e, run.names));
    expect(text).toContain('What the score is made of (formula relation):');
    expect(text).toMatch(/alignment with the central on its issues \(1 = same positions\): [\d.]+/);
    expect(text).toContain('autonomy aspiration (lowers the score):');
    expect(text).toMatch(new RegExp(`${String(e['to'])}: .*\\(score [-\\d.]+: this one\\)`));
    expect(text).toContain('conflict: below -0.2');
  });
});

describe('bars show the sign', () => {
  it('a negative number grows left of the axis, a positive one right, never a longer bar for less', () => {
    // BAR_WIDTH 12: five columns each side of the axis, padded to the width.
    expect(signedBar(0.5, 0.5, true)).toBe('·····│█████ ');
    expect(signedBar(-0.5, 0.5, true)).toBe('█████│····· ');
    expect(signedBar(-0.1, 0.5, true)).toBe('····█│····· ');
    expect(signedBar(0, 0.5, true)).toBe('·····│····· ');
    expect(signedBar(0.25, 0.5, false)).toBe('██████······');
    expect(signedBar(0.5, 0.5, true).length).toBe(BAR_WIDTH);
  });

  it('in the WHY panel: a negative alternative does not get a longer bar than a positive one', () => {
    const run = events();
    const e = run.events.find((x) => x.kind === 'action.proposed' && (x['why'] as { alternatives: { score: number }[] }).alternatives.some((a) => a.score < 0))!;
    const rows = whyRows(explainEvent(e, run.names), 100);
    const alts = rows.slice(rows.findIndex((r) => r.text.startsWith('Alternatives weighed')) + 1).filter((r) => r.style === 'line' && r.bar !== '');
    const filled = (bar: string): number => [...bar].filter((c) => c === '█').length;
    const positive = alts.filter((r) => !r.negative).map((r) => filled(r.bar));
    const negative = alts.filter((r) => r.negative);
    expect(negative.length).toBeGreaterThan(0);
    for (const r of negative) expect(r.bar.indexOf('█')).toBeLessThan(r.bar.indexOf('│'));
    expect(Math.max(...positive)).toBeGreaterThan(0);
  });
});
