/**
 * Scenario S6 (scenarios/republika-srpska.yaml): its declared targets hold over seeds 1-20; the special-relations
 * tie passes from the FRY to Serbia by the succession rule; offices stand on Dayton's silence (read as the
 * entities' residual powers) and Bosniak representatives frame them, each framing with its reason; the timeline
 * holds inputs only; the counterfactuals change what they should (the silence read centrally: no office); a run
 * resumed from a checkpoint before the succession ends byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareScenario, ROOT as root, runScenario, targetsOver } from './support/shipped-scenario.ts';
import type { SimEvent } from '../src/engine/events.ts';

const FILE = 'scenarios/republika-srpska.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1) => prepareScenario(FILE, variant, seed);

const run = (variant: string | null = null, seed = 1) => runScenario(FILE, variant, seed);

describe('Republika Srpska 1996-2015', () => {
  it(`every declared target meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    expect(targets.map((t) => t.target.id)).toEqual(['parallel-agreement', 'serbia-after-2006', 'no-fry-after', 'offices-from-2009', 'about-seven', 'far-away', 'bosniak-conflict', 'bosniak-relation']);
    for (const t of targets) expect(t.passRate, `${t.target.id}: ${t.passRate} of seeds, ${t.target.passRate} required`).toBeGreaterThanOrEqual(t.target.passRate);
  });

  it('the succession carries the special-relations agreement from the FRY to Serbia, and says so', () => {
    const { events, world } = run();
    const agreement = events.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'agreement' && (e['parties'] as string[]).includes('FRY'));
    expect(agreement).toBeDefined();
    const succeeded = events.find((e) => e.kind === 'central.succeeded');
    expect(succeeded).toMatchObject({ date: '2006-07-01', predecessor: 'FRY', successor: 'SRB' });
    expect(succeeded!['instruments']).toContain(agreement!['id']);
    expect(String(succeeded!['citation'])).toMatch(/Vienna Convention on Succession of States/);
    const inst = world.instruments.find((i) => i.id === agreement!['id'])!;
    expect(inst.parties).toEqual(['RS', 'SRB']);
    // Every reference to the FRY now names Serbia: the entity's kin and trade, Bosnia's border.
    const rs = world.subnationals.find((u) => u.id === 'RS')!;
    expect(rs.kin).toEqual(['SRB']);
    expect(rs.tradeTies['SRB']).toBe(0.6);
    expect(Object.hasOwn(rs.tradeTies, 'FRY')).toBe(false);
    expect(world.centrals.find((c) => c.id === 'BA')!.neighbours).toEqual(['HR', 'SRB']);
    expect(world.centrals.find((c) => c.id === 'SRB')!.kinSupport['RS']).toBe(0.6);
    // After it, no proposal goes to the FRY.
    expect(events.filter((e) => e.kind === 'action.proposed' && e.date >= '2006-07' && (e['parties'] as string[]).includes('FRY'))).toEqual([]);
  });

  it('offices stand on Dayton\'s silence, and the Bosniak representatives frame each with its reason', () => {
    const { events, world } = run();
    const office = events.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && e['initiator'] === 'RS');
    expect(office).toBeDefined();
    expect(office!['legal']).toEqual([{ party: 'RS', ruleSet: 'BA', rule: 'silence' }]);
    // The first office opens in 2008, when the economy first funds one: the budget in its why covers it.
    expect(office!.date >= '2008-01' && office!.date < '2011-01', office!.date).toBe(true);
    const framed = events.find((e) => e.kind === 'action.framed' && e['id'] === office!['id']);
    expect(framed).toBeDefined();
    expect(framed!['by']).toBe('BOSNIAK');
    expect(framed!['frame']).toBe('threat');
    const why = framed!['why'] as { framing: number; inputs: Record<string, number> };
    expect(why.framing).toBeLessThan(0);
    expect(why.inputs['silence']).toBe(1);
    expect(why.inputs['stance']).toBe(-0.3);
    const turn = events.find((e) => e.kind === 'relation.changed' && e['holder'] === 'BOSNIAK');
    expect(turn).toBeDefined();
    expect(world.thirdParties[0]!.frames['RS']).toBe(events.filter((e) => e.kind === 'action.framed' && e['frame'] === 'threat').length);
    expect(['competition', 'conflict']).toContain(world.thirdParties[0]!.relation['RS']);
  });

  it('the timeline holds inputs only: governments, capacity, the economy; the variants change an input or a reading of the rules', () => {
    const { scenario } = prepare().run.model;
    const input = /^(subnationals\.(RS|FBIH)\.(capacity|attributes\.(autonomyAspiration|gdp)))$/;
    const paths = scenario.timeline.flatMap((t) => Object.keys(t.set));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(input);
    expect(Object.fromEntries(scenario.variants.map((v) => [v.id, v.set]))).toEqual({
      'dayton-forbids-offices': { 'centrals.BA.ruleOptions.silenceNonBinding': 'forbid' },
      'moderate-government': {},
      'flat-economy': {},
      'no-kin-support': { 'centrals.FRY.kinSupport.RS': 0 },
    });
  });

  it('the reading of Dayton\'s silence that allows offices is cited: the entities\' residual powers (art. III.3(a))', () => {
    const { events } = run();
    const proposed = events.find((e) => e.kind === 'action.proposed' && e['instrument'] === 'office' && e['actor'] === 'RS');
    expect(proposed).toBeDefined();
    const citation = String(prepare().run.model.ruleSets.find((r) => r.id === 'BA')!.silence.citation);
    expect(citation).toMatch(/art\. III\.3\(a\)/);
    expect(citation).toMatch(/not provided in the Dayton Agreement/);
  });

  it('dayton-forbids-offices: with the silence read centrally no office opens, each proposal forbidden with the reading cited, and the Bosniak relation does not turn', () => {
    for (const seed of [1, 2, 3]) {
      const { events, world } = run('dayton-forbids-offices', seed);
      expect(events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office'), `seed ${seed}`).toEqual([]);
      const forbidden = events.filter((e) => e.kind === 'action.forbidden' && e['instrument'] === 'office' && e['actor'] === 'RS');
      expect(forbidden.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const f of forbidden) expect((f['citations'] as string[])[0]).toMatch(/here set to forbid by option silenceNonBinding$/);
      // The special-relations agreement does not depend on the reading: art. III.2(a) provides it.
      expect(events.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'agreement' && (e['parties'] as string[]).includes('FRY')), `seed ${seed}`).toBe(true);
      expect(world.thirdParties[0]!.frames['RS'] ?? 0, `seed ${seed}`).toBe(0);
      expect(world.thirdParties[0]!.relation['RS'], `seed ${seed}`).toBe('complementarity');
    }
  });

  it('flat-economy: without the growth after 2002 the entity opens no office beyond its neighbours (seeds 1-5); moderate-government: fewer', () => {
    const offices = (variant: string | null, seed: number) =>
      run(variant, seed).events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && e['initiator'] === 'RS' && e['duchacek'] === 'global').length;
    let base = 0;
    let moderate = 0;
    for (let seed = 1; seed <= 5; seed++) {
      expect(offices('flat-economy', seed), `seed ${seed}`).toBe(0);
      base += offices(null, seed);
      moderate += offices('moderate-government', seed);
    }
    expect(moderate).toBeLessThan(base);
  });

  it('no-kin-support: the FRY\'s support, carried to Serbia, is what brings a new agreement with Serbia after the succession (seeds 1-10)', () => {
    const withSerbia = (variant: string | null, seed: number) =>
      run(variant, seed).events.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'agreement' && (e['parties'] as string[]).includes('SRB'));
    let base = 0;
    for (let seed = 1; seed <= 10; seed++) {
      if (withSerbia(null, seed)) base++;
      expect(withSerbia('no-kin-support', seed), `seed ${seed}`).toBe(false);
    }
    expect(base).toBeGreaterThan(0);
  });

  it('a run resumed from a checkpoint before the succession and the offices writes the same events as the uninterrupted run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paradip-s6-'));
    try {
      const bin = join(root, 'bin/paradip.js');
      execFileSync(process.execPath, [bin, 'run', FILE, '--seed', '4', '--out', join(dir, 'a'), '--checkpoint-every', '60', '--quiet', '--no-ui'], { cwd: root, stdio: 'pipe' });
      // Checkpoints at ticks 60, 120, 180: the second (January 2006) comes before the succession and every office.
      const checkpoint = readdirSync(join(dir, 'a', 'checkpoints')).sort((x, y) => Number.parseInt(x) - Number.parseInt(y))[1]!;
      execFileSync(process.execPath, [bin, 'run', '--from', join(dir, 'a', 'checkpoints', checkpoint), '--out', join(dir, 'b'), '--quiet', '--no-ui'], { cwd: root, stdio: 'pipe' });
      const whole = readFileSync(join(dir, 'a', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
      const resumed = readFileSync(join(dir, 'b', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
      const kinds = resumed.map((l) => (JSON.parse(l) as SimEvent).kind);
      expect(kinds).toContain('central.succeeded');
      expect(kinds).toContain('action.framed');
      expect(whole.slice(whole.length - resumed.length)).toEqual(resumed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
