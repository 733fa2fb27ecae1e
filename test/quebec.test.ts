/**
 * Scenario S2 (scenarios/quebec-1970s.yaml): its declared targets hold over seeds 1-20 (the worker-based checker
 * of `paradip check`); Quebec's protodiplomacy comes from the party in office and France's support, never from
 * the timeline, which holds inputs only (who governs, their programme, France's line); its counterfactuals
 * load and change what they should.
 */
import { describe, expect, it } from 'vitest';
import { prepareScenario, runScenario, targetsOver } from './support/shipped-scenario.ts';
import type { SimEvent } from '../src/engine/events.ts';

const FILE = 'scenarios/quebec-1970s.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1) => prepareScenario(FILE, variant, seed);

const events = (variant: string | null = null, seed = 1): SimEvent[] => runScenario(FILE, variant, seed).events;

const protodiplomatic = (evs: readonly SimEvent[]) => evs.filter((e) => e.kind === 'action.proposed' && e['protodiplomacy'] === true);

describe('Quebec in the 1970s', () => {
  it(`every declared target meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    expect(targets.map((t) => t.target.id)).toEqual(['one-province', 'under-the-pq', 'france-support', 'quebec-relation', 'not-before', 'others-stay', 'others-economic']);
    for (const t of targets) expect(t.passRate, `${t.target.id}: ${t.passRate} of seeds, ${t.target.passRate} required`).toBeGreaterThanOrEqual(t.target.passRate);
  });

  it('the event contract: Quebec alone proposes protodiplomatic ties, after the PQ takes office, and France signs one', () => {
    const evs = events();
    const proto = protodiplomatic(evs);
    expect(proto.length).toBeGreaterThan(0);
    expect(new Set(proto.map((e) => e['actor']))).toEqual(new Set(['CA-QC']));
    expect(proto[0]!.date >= '1976-11-25').toBe(true);
    const signed = evs.find((e) => e.kind === 'instrument.signed' && e['protodiplomacy'] === true && (e['parties'] as string[]).includes('FR'));
    expect(signed).toBeDefined();
    // Its relation with Ottawa turns after the PQ's ties, and the reason is in the event.
    const turn = evs.find((e) => e.kind === 'relation.changed' && e['subnational'] === 'CA-QC' && (e['to'] === 'competition' || e['to'] === 'conflict'));
    expect(turn).toBeDefined();
    expect(turn!.date > proto[0]!.date).toBe(true);
    expect(((turn!['why'] as Record<string, Record<string, number>>)['inputs']!)['protodiplomaticTies']).toBeGreaterThan(0);
  });

  it('the timeline holds inputs only: who governs, their programme and France\'s line, never an instrument or a relation', () => {
    const { scenario } = prepare().run.model;
    const input = /^(centrals\.[A-Z]+\.(executive\.leader|kinSupport\.CA-[A-Z]+)|subnationals\.CA-[A-Z]+\.(attributes\.autonomyAspiration|goals\.protodiplomatic))$/;
    const paths = scenario.timeline.flatMap((t) => Object.keys(t.set));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).toMatch(input);
      expect(path).not.toMatch(/instrument|relation|office|mou|membership/i);
    }
    for (const v of scenario.variants) for (const path of Object.keys(v.set)) expect(path).not.toMatch(/^(timeline|instruments|subnationals\.[^.]+\.relation)/);
  });

  it('no-pq: with the Liberals in office after 1976 no province proposes a protodiplomatic tie (seeds 1-5)', () => {
    expect(prepare('no-pq').run.model.scenario.timeline.map((t) => t.id)).not.toContain('pq-1976');
    for (let seed = 1; seed <= 5; seed++) expect(protodiplomatic(events('no-pq', seed)), `seed ${seed}`).toEqual([]);
  });

  it('no-france-support: France supports nothing, and it declines some of the proposals it accepts under the default (seeds 1-10)', () => {
    const fr = prepare('no-france-support').run.model.scenario.centrals.find((c) => c.id === 'FR')!;
    expect(fr.kinSupport['CA-QC']).toBe(0);
    let declined = 0;
    let declinedDefault = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const isFrDecline = (e: SimEvent) => e.kind === 'action.declined' && e['by'] === 'FR' && e['actor'] === 'CA-QC';
      declined += events('no-france-support', seed).filter(isFrDecline).length;
      declinedDefault += events(null, seed).filter(isFrDecline).length;
    }
    expect(declined).toBeGreaterThan(declinedDefault);
  });
});
