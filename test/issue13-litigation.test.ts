/**
 * The domestic action litigate (issue 13): a unit takes its own central to court (New York v. Thomas under the
 * Clean Air Act's section 115). On test/fixtures/litigation.yaml, a receptor state ahead of its central:
 * through the real binary, it files once and the source state never does; the ruling comes caseTermMonths of
 * calendar time later under month and week ticks alike; the same seed gives the same bytes; a checkpoint taken
 * while the case is pending resumes to the same events, and a checkpoint whose case names an unknown plaintiff is
 * refused with its position. In process, over seeds: the share of rulings for the plaintiff is near
 * rulingForRate, and of appeals reversed near reversalRate; the central appeals only when the plaintiff is
 * appealGap ahead of it; reordering the file and renaming every id change nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { matches } from '../src/experiment/targets.ts';
import { orderPreservingRenaming, sameUpToRenaming, scenarioIds, shuffleScenario, simulate } from '../src/testing/index.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/litigation.yaml');
const dir = mkdtempSync(join(tmpdir(), 'paradip-i13-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Ev = Record<string, unknown> & { kind: string; date: string; tick: number };

/** Runs the real binary on the fixture with this seed, or (seed null) on what `args` give; returns its events. */
function run(name: string, seed: number | null, ...args: string[]): Ev[] {
  const out = join(dir, name);
  const from = seed === null ? [] : [FIXTURE, '--seed', String(seed)];
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'run', ...from, '--out', out, '--no-ui', '--quiet', ...args], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Ev);
}

/** The fixture with overrides, resolved as `paradip run --set` resolves it. */
function fixture(...sets: string[]) {
  const r = prepareRun({ scenario: FIXTURE, seed: 1, variant: null, sets, until: null, from: null, cwd: ROOT });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { scenario: r.prepared.run.model.scenario, ruleSets: r.prepared.run.model.ruleSets };
}

const of = (events: readonly Ev[], kind: string): Ev[] => events.filter((e) => e.kind === kind);
const months = (from: string, to: string): number => {
  const [a, b] = [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)];
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + (b.getUTCDate() - a.getUTCDate()) / 30.44;
};

describe('litigate through the real binary', () => {
  it('the receptor, whose litigate formula values a case, files once against its central; the source state never does', () => {
    const events = run('files', 1);
    const filed = of(events, 'action.litigated');
    expect(filed).toHaveLength(1);
    expect(filed[0]!['by']).toBe('A-R');
    expect(filed[0]!['to']).toBe('A');
    expect(filed[0]!['issue']).toBe('smog');
    expect(filed[0]!.date).toBe('2000-01-01');
    // The term: caseTermMonths (12) after filing, stated in the event and kept by the court.
    expect(filed[0]!['due']).toBe('2001-01-01');
    const ruled = of(events, 'action.ruled');
    expect(ruled).toHaveLength(1);
    expect(ruled[0]!.date).toBe('2001-01-01');
    expect(ruled[0]!['plaintiff']).toBe('A-R');
    expect(ruled[0]!['court']).toBe('first instance');
    const why = filed[0]!['why'] as { score: number; threshold: number; alternatives: { action: string }[] };
    expect(why.score).toBeGreaterThanOrEqual(why.threshold);
    expect(why.alternatives.map((a) => a.action)).toEqual(['lobby', 'local-law']);
  });

  it('off (litigation 0): no case is filed, ruled or weighed', () => {
    const events = run('off', 1, '--set', 'behaviour.parameters.litigation=0');
    expect(of(events, 'action.litigated')).toEqual([]);
    expect(of(events, 'action.ruled')).toEqual([]);
    expect(JSON.stringify(events)).not.toContain('litigate');
  });

  it('the ruling comes caseTermMonths of calendar time after filing under month and week ticks alike', () => {
    for (const [tick, slack] of [['month', 0], ['week', 7 / 30.44]] as const) {
      const events = run(`term-${tick}`, 2, '--set', `calendar.tick=${tick}`, '--set', 'behaviour.parameters.caseTermMonths=9');
      const filed = of(events, 'action.litigated')[0]!;
      const ruled = of(events, 'action.ruled')[0]!;
      const m = months(filed.date, ruled.date);
      expect(m, tick).toBeGreaterThanOrEqual(9 - 1e-9);
      expect(m, tick).toBeLessThanOrEqual(9 + slack + 1e-9);
    }
  });

  it('the same seed gives the same events, byte for byte', () => {
    run('same-a', 3);
    run('same-b', 3);
    const text = (name: string) => readFileSync(join(dir, name, 'events.jsonl'), 'utf8');
    expect(text('same-b')).toBe(text('same-a'));
    expect(text('same-a')).toContain('action.ruled');
  });

  it('a checkpoint taken while a case is pending resumes to the same events as the whole run', () => {
    const whole = run('whole', 4, '--checkpoint-every', '6', '--set', 'behaviour.parameters.appealGap=-5', '--set', 'behaviour.parameters.rulingForRate=1');
    const cp = JSON.parse(readFileSync(join(dir, 'whole/checkpoints/6.json'), 'utf8')) as { world: { cases: { stage: string }[] } };
    expect(cp.world.cases.map((c) => c.stage)).toEqual(['trial']);
    const resumed = run('resumed', null, '--from', join(dir, 'whole/checkpoints/6.json'));
    const strip = (e: Ev) => JSON.stringify({ ...e, runId: null });
    expect(resumed.map(strip)).toEqual(whole.filter((e) => e.tick >= 6).map(strip));
    // The appeal was pending across the cut too: first instance for, appealed, the appeal ruled.
    expect(whole.map((e) => e.kind).filter((k) => k.startsWith('action.'))).toEqual(['action.litigated', 'action.ruled', 'action.appealed', 'action.ruled']);
  });

  it('paradip explain says in plain words who filed, how each court ruled and why, and why the central appealed', () => {
    const events = JSON.parse(JSON.stringify(run('explain', 4, '--set', 'behaviour.parameters.appealGap=-5', '--set', 'behaviour.parameters.rulingForRate=1'))) as Ev[];
    const explain = (e: Ev) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'explain', join(dir, 'explain'), String(e['seq'])], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const filed = explain(of(events, 'action.litigated')[0]!);
    expect(filed).toContain('Receptor takes Country A to court on smog');
    expect(filed).toContain('chose a court case against Country A on smog');
    const [first, second] = of(events, 'action.ruled');
    expect(explain(first!)).toContain('The court rules for Receptor in its case against Country A on smog');
    expect(explain(first!)).toMatch(/draw [\d.]+ < rate 1: for the plaintiff/);
    const appealText = explain(second!);
    expect(appealText).toContain(second!['outcome'] === 'reversed' ? 'The appeal court reverses the ruling for Receptor' : 'The appeal court upholds the ruling for Receptor');
    expect(appealText).toMatch(/reversal rate 0\.5: (upheld|reversed)/);
    expect(explain(of(events, 'action.appealed')[0]!)).toMatch(/Country A appeals the ruling for Receptor on smog[\s\S]*exceeds the central's by -?[\d.]+ >= -5/);
  });

  it('a target may pick a ruling by its outcome', () => {
    const ruled = (outcome: string) => ({ date: '1986-09-01', kind: 'action.ruled', issue: 'smog', outcome });
    const filter = { kind: 'action.ruled', outcome: 'reversed' as const };
    expect(matches(filter, ruled('reversed'))).toBe(true);
    expect(matches(filter, ruled('upheld'))).toBe(false);
    expect(matches({ kind: 'action.ruled' }, ruled('upheld'))).toBe(true);
  });

  it('a checkpoint whose case names an unknown plaintiff is refused with its position, exit 2', () => {
    const cp = readFileSync(join(dir, 'whole/checkpoints/6.json'), 'utf8');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, cp.replace('"by":"A-R"', '"by":"A-X"'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'run', '--from', bad, '--no-ui', '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:1:\d+: unknown subnational "A-X" at world\.cases\.0\.by/);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('litigate over seeds, in process', () => {
  const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

  it('the share of first rulings for the plaintiff is near rulingForRate (0.3), and without appeal none is appealed', () => {
    const f = fixture('behaviour.parameters.rulingForRate=0.3', 'behaviour.parameters.appealGap=5');
    let ruled = 0;
    let won = 0;
    for (const seed of SEEDS) {
      const events = simulate(f.scenario, f.ruleSets, seed).events.map((l) => JSON.parse(l) as Ev);
      expect(of(events, 'action.appealed')).toEqual([]);
      for (const e of of(events, 'action.ruled')) ruled++, (won += e['outcome'] === 'for' ? 1 : 0);
    }
    expect(ruled).toBe(SEEDS.length);
    // Three standard errors of a share of 0.3 over 300 draws: 0.08.
    expect(won / ruled).toBeGreaterThan(0.22);
    expect(won / ruled).toBeLessThan(0.38);
  });

  it('a central far from the plaintiff appeals every ruling for it; the share reversed is near reversalRate (0.4), a year later', () => {
    const f = fixture('behaviour.parameters.rulingForRate=1', 'behaviour.parameters.appealGap=-5', 'behaviour.parameters.reversalRate=0.4');
    let appeals = 0;
    let reversed = 0;
    for (const seed of SEEDS) {
      const events = simulate(f.scenario, f.ruleSets, seed).events.map((l) => JSON.parse(l) as Ev);
      const appealed = of(events, 'action.appealed');
      expect(appealed).toHaveLength(1);
      expect(appealed[0]!['by']).toBe('A');
      const [first, second] = of(events, 'action.ruled');
      expect(first!['court']).toBe('first instance');
      expect(second!['court']).toBe('appeal');
      expect(months(first!.date, second!.date)).toBe(12);
      appeals++;
      expect(['upheld', 'reversed']).toContain(second!['outcome']);
      if (second!['outcome'] === 'reversed') reversed++;
    }
    expect(appeals).toBe(SEEDS.length);
    expect(reversed / appeals).toBeGreaterThan(0.32);
    expect(reversed / appeals).toBeLessThan(0.48);
  });

  it('a pending case adds pressure on the central (casePressure per month); with casePressure 0 it adds none', () => {
    const at = (sets: string[]) => {
      const f = fixture(...sets);
      return simulate(f.scenario, f.ruleSets, 1, { ticks: 6 }).run.world.pressure['A']?.['smog'] ?? 0;
    };
    // Filed at tick 0, pending ticks 1-5: 0.05 x capacity 2 each month, decaying by 0.9 a month.
    expect(at([])).toBeCloseTo(0.1 * (1 + 0.9 + 0.81 + 0.729 + 0.6561), 9);
    expect(at(['behaviour.parameters.casePressure=0'])).toBe(0);
  });

  it('reordering every list of the file and renaming every id change nothing', () => {
    const f = fixture('behaviour.parameters.appealGap=-5', 'behaviour.parameters.rulingForRate=1');
    for (const seed of [1, 2, 5]) {
      const a = simulate(f.scenario, f.ruleSets, seed);
      expect(a.events.join('\n')).toContain('action.appealed');
      const shuffled = shuffleScenario(f.scenario, f.ruleSets, seed);
      const b = simulate(shuffled.scenario, shuffled.ruleSets, seed);
      expect(b.events).toEqual(a.events);
      expect(b.indicators).toEqual(a.indicators);
      expect(sameUpToRenaming(f.scenario, f.ruleSets, seed, orderPreservingRenaming(scenarioIds(f.scenario, f.ruleSets), seed))).toBeNull();
    }
  });
});
