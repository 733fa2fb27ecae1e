/**
 * The laws of test/laws.test.ts on the scenarios of issue 12 part B, whose mechanics the generated scenarios do
 * not reach (kin support, successions, third parties, rule-set changes): reordering every list of the file changes
 * nothing; an order-preserving renaming of every id changes nothing up to the renaming; a run resumed from a
 * checkpoint (through JSON, checked as an untrusted file) after a succession and the third party's framings equals
 * the uninterrupted run; the invariants hold at every tick.
 */
import { describe, expect, it } from 'vitest';
import { checkpoint, continueRun, orderPreservingRenaming, resumeRun, sameUpToRenaming, scenarioIds, shippedScenarios, shuffleScenario, simulate, assertInvariants } from '../src/testing/index.ts';
import { tickOf } from '../src/model/calendar.ts';
import { buildModel } from '../src/engine/model.ts';

const CASES = shippedScenarios({ variants: false }).filter((s) => ['quebec-1970s', 'republika-srpska', 'soviet-union-russia'].includes(s.name));

describe('laws on the scenarios of issue 12 part B', () => {
  it('the three scenarios are found', () => {
    expect(CASES.map((c) => c.name)).toEqual(['quebec-1970s', 'republika-srpska', 'soviet-union-russia']);
  });

  for (const c of CASES) {
    it(`${c.name}: reordering every list and mapping of the file changes no outcome (seed 2)`, () => {
      const a = simulate(c.scenario, c.ruleSets, 2);
      const shuffled = shuffleScenario(c.scenario, c.ruleSets, 7);
      const b = simulate(shuffled.scenario, shuffled.ruleSets, 2);
      expect(b.events).toEqual(a.events);
      expect(b.indicators).toEqual(a.indicators);
    });

    it(`${c.name}: an order-preserving renaming of every id changes nothing up to the renaming (seed 2)`, () => {
      const mapping = orderPreservingRenaming(scenarioIds(c.scenario, c.ruleSets), 11);
      expect(sameUpToRenaming(c.scenario, c.ruleSets, 2, mapping)).toBeNull();
    });
  }

  it('republika-srpska and soviet-union-russia: resumed from a checkpoint after the succession, the run equals the uninterrupted one; invariants hold', () => {
    for (const [name, cut] of [['republika-srpska', '2008-01'], ['soviet-union-russia', '1993-01']] as const) {
      const c = CASES.find((x) => x.name === name)!;
      const whole = simulate(c.scenario, c.ruleSets, 3, { onTick: (run) => assertInvariants(run.model, run.world, 3) });
      const k = tickOf(buildModel(c.scenario, c.ruleSets).calendar, `${cut}-01`);
      const first = simulate(c.scenario, c.ruleSets, 3, { ticks: k });
      expect(Object.keys(first.run.world.successions).length, name).toBeGreaterThan(0);
      const resumed = continueRun(resumeRun(JSON.parse(JSON.stringify(checkpoint(first.run)))));
      expect([...first.events, ...resumed.events]).toEqual(whole.events);
      expect([...first.indicators, ...resumed.indicators]).toEqual(whole.indicators);
    }
  });
});

describe('bad input in the blocks of issue 12 part B', () => {
  it('an unknown predecessor and an unknown watched unit: positioned messages, exit 2, through the real binary', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = join(import.meta.dirname, '..');
    const dir = mkdtempSync(join(tmpdir(), 'paradip-i12-'));
    try {
      const text = readFileSync(join(root, 'scenarios/republika-srpska.yaml'), 'utf8').replace('    predecessor: FRY', '    predecessor: FRX').replace('    watches: [RS]', '    watches: [RZ]');
      const file = join(dir, 's.yaml');
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, [join(root, 'bin/paradip.js'), 'validate', file], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
      expect(r.stderr).toContain(`${file}:${line('predecessor: FRX')}:18: unknown central or subnational "FRX" at successions.0.predecessor`);
      expect(r.stderr).toContain(`${file}:${line('watches: [RZ]')}:15: unknown subnational "RZ" at thirdParties.0.watches.0`);
      expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
