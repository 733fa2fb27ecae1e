/**
 * S10 (scenarios/faroe-greenland-offices.yaml): its declared targets hold over seeds 1-20, every office but the
 * two Copenhagen representations of the start is opened by a decision (an instrument.signed event), the
 * timeline holds inputs only, the variants show what the rule sets' silence and the own-capital office do, and a
 * run resumed from a checkpoint (organisations and holdings in the world) ends byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareScenario, ROOT as root, runScenario, targetsOver } from './support/shipped-scenario.ts';

const FILE = 'scenarios/faroe-greenland-offices.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1) => prepareScenario(FILE, variant, seed);

const run = (variant: string | null = null, seed = 1) => runScenario(FILE, variant, seed);

/** The hosts of a unit's offices in force at the end. */
const hosts = (world: ReturnType<typeof run>['world'], unit: string): string[] =>
  world.instruments.filter((i) => i.kind === 'office' && i.status === 'in-force' && i.initiator === unit).map((i) => i.parties[1]!).sort();

describe('S10: Faroe, Greenland and Scotland offices', () => {
  it(`every declared target meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    for (const t of targets) expect(t.passRate, `${t.target.id}: ${t.passRate} of seeds, ${t.target.passRate} required`).toBeGreaterThanOrEqual(t.target.passRate);
    expect(targets.length).toBe(18);
  });

  it("seed 1: the record's office sets, Brussels offices at the EU without a Duchacek type, every office but Copenhagen's opened by a decision", () => {
    const { events, world } = run();
    expect(hosts(world, 'FO')).toEqual(['DK', 'EU', 'IS', 'RU', 'UK']);
    expect(hosts(world, 'GL')).toEqual(['DK', 'EU', 'IS', 'US']);
    expect(hosts(world, 'SC')).toEqual(['CN', 'DE', 'EU', 'FR', 'IE', 'UK', 'US']);
    const signed = events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office');
    for (const i of world.instruments.filter((x) => x.kind === 'office' && x.status === 'in-force')) {
      const holding = i.proposedTick === 0 && i.citations[0]!.startsWith('In force when the scenario starts');
      if (holding) expect([i.initiator, i.parties[1]], 'only the Copenhagen representations are inputs').toEqual([i.initiator, 'DK']);
      else expect(signed.some((e) => e['id'] === i.id), `${i.id} of ${i.initiator} in ${i.parties[1]} was signed by a decision`).toBe(true);
    }
    const brussels = signed.filter((e) => (e['parties'] as string[]).includes('EU'));
    expect(brussels.map((e) => e['initiator']).sort()).toEqual(['FO', 'GL', 'SC']);
    for (const e of brussels) expect(e['duchacek']).toBeNull();
    expect(events.filter((e) => e.kind === 'relation.changed' && e['to'] === 'conflict')).toEqual([]);
  });

  it('the timeline holds inputs only: who holds office (autonomy aspirations), never an instrument or a relation', () => {
    const { scenario } = prepare().run.model;
    const paths = scenario.timeline.flatMap((t) => Object.keys(t.set));
    expect(paths).toEqual(['subnationals.SC.attributes.autonomyAspiration', 'subnationals.GL.attributes.autonomyAspiration']);
    for (const v of scenario.variants) for (const path of Object.keys(v.set)) expect(path).not.toMatch(/^(timeline|instruments|holdings|subnationals\.[^.]+\.relation)/);
  });

  it('variant central-reading: with silence read as forbidding, no office opens (only the two of the start remain)', () => {
    const { events, world } = run('central-reading');
    expect(events.filter((e) => e.kind === 'instrument.signed')).toEqual([]);
    expect(events.filter((e) => e.kind === 'action.forbidden').length).toBeGreaterThan(0);
    expect(hosts(world, 'FO')).toEqual(['DK']);
    expect(hosts(world, 'SC')).toEqual([]);
  });

  it('variant no-own-capital: Scotland keeps six offices, none in London', () => {
    const { world } = run('no-own-capital');
    expect(hosts(world, 'SC')).toEqual(['CN', 'DE', 'EU', 'FR', 'IE', 'US']);
  });

  it('a run resumed from a checkpoint writes the same events as the uninterrupted run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paradip-s10-'));
    try {
      const bin = join(root, 'bin/paradip.js');
      execFileSync(process.execPath, [bin, 'run', FILE, '--seed', '3', '--out', join(dir, 'a'), '--checkpoint-every', '60', '--quiet', '--no-ui'], { cwd: root, stdio: 'pipe' });
      const checkpoint = readdirSync(join(dir, 'a', 'checkpoints')).sort((x, y) => Number.parseInt(x) - Number.parseInt(y))[1]!;
      execFileSync(process.execPath, [bin, 'run', '--from', join(dir, 'a', 'checkpoints', checkpoint), '--out', join(dir, 'b'), '--quiet', '--no-ui'], { cwd: root, stdio: 'pipe' });
      const whole = readFileSync(join(dir, 'a', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
      const resumed = readFileSync(join(dir, 'b', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
      expect(resumed.length).toBeGreaterThan(0);
      expect(whole.slice(whole.length - resumed.length)).toEqual(resumed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
