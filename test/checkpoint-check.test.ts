/**
 * engine/checkpoint-check.ts: a checkpoint is accepted only if the engine could have written it. Genuine
 * checkpoints pass (with variants and overrides too); edits come back as problems with JSON paths; and no edit
 * that passes can crash the engine (mutation fuzzing of a real checkpoint, scenario edits with the hash
 * recomputed as an attacker would).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointText, sha256 } from '../src/cli/checkpoint-file.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { canonicalJson, checkCheckpoint, findNonFinite, scenarioHash } from '../src/engine/checkpoint-check.ts';
import { resumeRun, runTicks, type Run } from '../src/engine/run.ts';

const ROOT = new URL('..', import.meta.url).pathname;
type Json = Record<string, any>;

function runTo(scenario: string, ticks: number, extra: { variant?: string; sets?: readonly string[] } = {}): Run {
  const p = prepareRun({ scenario, seed: 3, variant: extra.variant ?? null, sets: [...(extra.sets ?? [])], until: null, from: null, cwd: ROOT });
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  let n = 0;
  if (ticks > 0) for (const _ of runTicks(p.prepared.run, p.prepared.last)) if (++n >= ticks) break;
  return p.prepared.run;
}

const check = (cp: unknown) => checkCheckpoint(cp, { sha256 });
const messages = (cp: unknown): string[] => {
  const r = check(cp);
  return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
};

let mini: Json;
beforeAll(() => {
  mini = JSON.parse(checkpointText(runTo('test/fixtures/mini.yaml', 13)));
});

describe('genuine checkpoints pass', () => {
  it.each([
    ['mini, before any tick', 'test/fixtures/mini.yaml', 0, {}],
    ['mini, after 13 ticks', 'test/fixtures/mini.yaml', 13, {}],
    ['acid rain with a variant that removes timeline entries', 'scenarios/acid-rain-1980s.yaml', 40, { variant: 'no-1989-window' }],
    ['a rule-set swap on the command line', 'scenarios/constitutional-comparison.yaml', 20, { sets: ['centrals.H.ruleSet=CH'] }],
  ] as const)('%s', (_name, file, ticks, extra) => {
    const text = checkpointText(runTo(file, ticks, extra));
    expect(messages(JSON.parse(text))).toEqual([]);
  });
});

describe('hashing and numbers', () => {
  it('canonical JSON does not depend on key order; the scenario hash follows it', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], u: undefined })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    expect(scenarioHash({ a: 1, b: 2 }, sha256)).toBe(scenarioHash({ b: 2, a: 1 }, sha256));
    expect(scenarioHash({ a: 1 }, sha256)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('findNonFinite names the path of NaN or Infinity, which JSON would write as null', () => {
    expect(findNonFinite({ a: [1, { b: Number.NaN }] })).toEqual({ path: ['a', 1, 'b'], value: Number.NaN });
    expect(findNonFinite({ a: [1, -Infinity] })?.path).toEqual(['a', 1]);
    expect(findNonFinite({ a: [1, 2], b: null })).toBe(null);
  });

  it('the writer refuses a world with NaN instead of writing null', () => {
    const run = runTo('test/fixtures/mini.yaml', 2);
    run.world.subnationals[0]!.relationScore = Number.NaN;
    expect(() => checkpointText(run)).toThrow(/NaN at world\.subnationals\.0\.relationScore/);
  });
});

describe('edits are refused with their JSON path', () => {
  const cases: [string, (cp: Json) => void, RegExp][] = [
    ['seed -1', (cp) => (cp.meta.seed = -1), /^meta\.seed: not a valid seed/],
    ['seed 1.5', (cp) => (cp.meta.seed = 1.5), /^meta\.seed: not a valid seed/],
    ['an unknown variant', (cp) => (cp.meta.variant = 'nope'), /^meta\.variant: not a variant/],
    ['tick "x"', (cp) => (cp.tick = 'x'), /^tick: the checkpoint tick is not the last tick/],
    ['a world tick past the calendar', (cp) => ((cp.world.tick = 37), (cp.tick = 36)), /^world\.tick: out of range/],
    ['an RNG state {}', (cp) => (cp.world.rng.decide = {}), /^world\.rng\.decide\.c: required field is missing/],
    ['an RNG carry out of range', (cp) => (cp.world.rng.decide.c = 2091640), /^world\.rng\.decide\.c: out of range/],
    ['an RNG seed not a multiple of 2^-32', (cp) => (cp.world.rng.decide.s0 = 0.1), /^world\.rng\.decide\.s0: not an alea seed value/],
    ['an RNG stuck at zero', (cp) => (cp.world.rng.issues = { c: 0, s0: 0, s1: 0, s2: 0 }), /^world\.rng\.issues: a generator stuck at zero/],
    ['an unknown RNG stream', (cp) => (cp.world.rng.extra = cp.world.rng.decide), /^world\.rng\.extra: unknown key/],
    ['null for a number', (cp) => (cp.world.issues.length ? (cp.world.issues[0].units[Object.keys(cp.world.issues[0].units)[0]!].salience = null) : (cp.world.subnationals[1].capacity = null)), /null where a number belongs/],
    ['a missing subnational', (cp) => cp.world.subnationals.pop(), /^world\.subnationals: subnational "B-1" of the scenario is missing/],
    ['subnationals out of order', (cp) => cp.world.subnationals.reverse(), /^world\.subnationals\.1\.id: subnationals are not sorted by id/],
    ['an instrument id repeated', (cp) => cp.world.instruments.push(cp.world.instruments[0]), /instruments are not in id order, or an id repeats/],
    ['an approval by an unknown central', (cp) => (cp.world.instruments.find((i: Json) => i.approvals.length).approvals[0].approver = 'Q'), /approvals\.0\.approver: unknown central "Q"/],
    ['an instrument signed in the future', (cp) => (cp.world.instruments[0].signedTick = 99), /signedTick: out of range/],
    ['a subnational law on an unknown issue', (cp) => cp.world.subnationals[0].laws.push('acid'), /laws\.0: unknown issue "acid"/],
    ['an unknown rule option', (cp) => (cp.world.centrals[0].ruleOptions.bogus = true), /ruleOptions\.bogus: rule set AT has no option "bogus"/],
    ['a prototype key', (cp) => Object.defineProperty(cp.world, '__proto__', { value: {}, enumerable: true }), /^world\.__proto__: key "__proto__" is not allowed/],
    ['an unknown top-level key', (cp) => (cp.extra = 1), /^extra: unknown key/],
    ['an edited rule set', (cp) => (cp.ruleSets[0].rules = 'none'), /^ruleSets\.0/],
    ['an edited scenario', (cp) => (cp.scenario.title = 'Other'), /^scenario: the scenario in this checkpoint does not match the hash/],
    ['a scenario missing a default, hash recomputed', (cp) => {
      delete cp.scenario.subnationals[0].capacity;
      cp.scenarioHash = scenarioHash(cp.scenario, sha256);
    }, /^scenario\.subnationals\.0\.capacity: not in the resolved form/],
    ['a scenario with a bad reference, hash recomputed', (cp) => {
      cp.scenario.subnationals[0].central = 'Q';
      cp.scenarioHash = scenarioHash(cp.scenario, sha256);
    }, /^scenario\.subnationals\.0\.central: unknown central "Q"/],
  ];
  it.each(cases)('%s', (_name, edit, message) => {
    const cp = structuredClone(mini);
    edit(cp);
    const found = messages(cp);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((m) => message.test(m)), found.join('\n')).toBe(true);
  });
});

/**
 * Mutation fuzzing: every edit of a real checkpoint either is refused or resumes and runs without throwing.
 * (Before this check, 16 of 53 hand-edited checkpoints crashed the run.)
 */
describe('no accepted checkpoint crashes the engine', () => {
  const MUTATIONS: [string, (v: unknown) => unknown][] = [
    ['delete', () => undefined],
    ['null', () => null],
    ['-1', () => -1],
    ['1.5', () => 1.5],
    ['"ZZ"', () => 'ZZ'],
    ['{}', () => ({})],
  ];

  function paths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(path);
    if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Json)[k], [...path, Array.isArray(v) ? Number(k) : k], out);
    return out;
  }

  function fuzz(under: string, samples: number, rehash: boolean): { accepted: number; refused: number; crashes: string[] } {
    const all = paths(mini[under], [under]);
    const step = Math.max(1, Math.floor(all.length / samples));
    let accepted = 0;
    let refused = 0;
    const crashes: string[] = [];
    for (let i = 0; i < all.length; i += step) {
      const path = all[i]!;
      for (const [name, f] of MUTATIONS) {
        const cp = structuredClone(mini);
        let parent: any = cp;
        for (const k of path.slice(0, -1)) parent = parent[k];
        const key = path[path.length - 1]!;
        const value = f(parent[key]);
        if (value === undefined) {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
        } else parent[key] = value;
        if (rehash) cp['scenarioHash'] = scenarioHash(cp['scenario'], sha256);
        const r = check(cp);
        if (!r.ok) {
          refused++;
          expect(r.problems.every((p) => Array.isArray(p.path) && p.message.length > 0)).toBe(true);
          continue;
        }
        accepted++;
        try {
          const run = resumeRun(r.checkpoint);
          let n = 0;
          for (const _ of runTicks(run, run.world.tick + 3)) if (++n >= 3) break;
        } catch (e) {
          crashes.push(`${path.join('.')} = ${name}: ${(e as Error).message}`);
        }
      }
    }
    return { accepted, refused, crashes };
  }

  it('edits of the world', () => {
    const r = fuzz('world', 60, false);
    expect(r.crashes).toEqual([]);
    expect(r.refused).toBeGreaterThan(r.accepted);
  });

  it('edits of the scenario and rule sets, with the hash recomputed', () => {
    const r = fuzz('scenario', 40, true);
    const s = fuzz('ruleSets', 15, true);
    expect([...r.crashes, ...s.crashes]).toEqual([]);
  });

  it('edits of the envelope (tick, meta)', () => {
    for (const under of ['meta', 'tick']) expect(fuzz(under, 10, false).crashes).toEqual([]);
  });
});
