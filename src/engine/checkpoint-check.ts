/**
 * Checkpoints are untrusted input (`paradip run --from`, `--resume`): a file anyone can edit, copy between runs
 * or write by hand. `checkCheckpoint` accepts one only if the engine could have written it: the scenario and rule
 * sets pass every check a scenario file passes and are in their resolved form, the scenario matches the hash
 * written with it, and the world is consistent with them (ids known, references resolved, counters at least the
 * ids used, ticks within the calendar, a valid seed, well-formed generator states, every number finite).
 * Problems are data, positioned by their JSON path in the checkpoint file; the command line turns paths into
 * line and column. Pure: the caller passes in the hash function (node:crypto lives in the cli layer).
 */
import { tickCount } from '../model/calendar.ts';
import {
  APPROVAL_STEPS,
  CASE_STAGES,
  CORE_GOALS,
  DUCHACEK_TYPES,
  INSTRUMENT_STATUSES,
  INSTRUMENTS,
  RELATIONS,
} from '../model/vocabulary.ts';
import type { World } from '../model/world.ts';
import { SILENCE_OPTIONS } from '../rules/assess.ts';
import type { RuleSet, RuleSetOption } from '../rules/rule-set.ts';
import { checkScenario } from '../scenario/check-scenario.ts';
import type { Problem, ProblemCode } from '../scenario/problem.ts';
import { ruleSetSchema } from '../scenario/rule-set-schema.ts';
import { scenarioSchema, type Scenario } from '../scenario/schema.ts';
import { zodProblems, type Source } from '../scenario/source.ts';
import { buildModel } from './model.ts';
import { checkTimeline } from './phases/timeline.ts';
import { STREAMS } from './rng.ts';
import type { Checkpoint } from './run.ts';

export type JsonPath = (string | number)[];

/** A problem in a checkpoint, positioned by its JSON path (the caller adds file, line and column). */
export type PathProblem = Omit<Problem, 'file' | 'line' | 'column'>;

/** A checkpoint as paradip writes it: the engine's checkpoint and the hash of its scenario. */
export interface HashedCheckpoint extends Checkpoint {
  /** "sha256:" and the hex SHA-256 of the canonical JSON (`canonicalJson`) of `scenario`. */
  scenarioHash: string;
}

export type CheckedCheckpoint = { ok: true; checkpoint: HashedCheckpoint } | { ok: false; problems: PathProblem[] };

export interface CheckOptions {
  /** Hex SHA-256 of a text (node:crypto's, passed in by the command line). */
  sha256: (text: string) => string;
}

/** Deeper than any checkpoint paradip writes (about 8 levels); bounds every walk below. */
export const MAX_CHECKPOINT_DEPTH = 64;
/** Problems reported at most; the rest are counted. */
const MAX_PROBLEMS = 50;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOP_KEYS = ['format', 'version', 'tick', 'meta', 'scenario', 'ruleSets', 'world', 'scenarioHash'] as const;
/** seedrandom's alea: the carry `c` is `t | 0` for t < 2091639 + 1, the three seeds are multiples of 2^-32 in [0, 1). */
const ALEA_MAX_CARRY = 2091639;
const TWO_32 = 0x100000000;
const LAW_STATUSES = ['gatekeeper', 'votes', 'executive', 'ready', 'enacted'];
const APPROVAL_STATUSES = ['pending', 'granted', 'refused', 'tacit'];
const ORGANS = ['executive', 'legislature', 'own-legislature'];

/** The hash paradip writes into a checkpoint for its scenario. */
export function scenarioHash(scenario: unknown, sha256: (text: string) => string): string {
  return `sha256:${sha256(canonicalJson(scenario))}`;
}

/**
 * JSON with the keys of every object sorted (by UTF-16 code unit) and no whitespace: the same text for the same
 * data whatever the order of its keys. `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * The first number in `value` that JSON cannot hold (NaN, Infinity), with its path; null if there is none. The
 * checkpoint writer refuses such a world rather than let JSON.stringify write `null` for it.
 */
export function findNonFinite(value: unknown): { path: JsonPath; value: number } | null {
  // The common case, every number finite, without building a path per value (worlds can be large).
  if (!hasNonFinite(value, 0)) return null;
  const stack: { v: unknown; path: JsonPath }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, value: v };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return null;
}

function hasNonFinite(v: unknown, depth: number): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (v === null || typeof v !== 'object' || depth > MAX_CHECKPOINT_DEPTH) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasNonFinite(x, depth + 1)) return true;
    return false;
  }
  for (const k in v) if (Object.hasOwn(v, k) && hasNonFinite((v as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

export function checkCheckpoint(data: unknown, options: CheckOptions): CheckedCheckpoint {
  const c = new Collector();
  // 1. Shape: bounded depth, no prototype keys (anything below walks freely after this).
  const shape = shapeProblem(data);
  if (shape) return { ok: false, problems: [shape] };
  // 2. The envelope.
  if (!isRecord(data) || data['format'] !== 'paradip-checkpoint') {
    return fail('invalid-value', [], 'not a paradip checkpoint', '{"format": "paradip-checkpoint", "version": 1, ...}', describe(isRecord(data) ? data['format'] : data));
  }
  if (data['version'] !== 1) return fail('invalid-value', ['version'], 'a checkpoint version this paradip cannot read', '1', describe(data['version']));
  for (const k of Object.keys(data)) if (!(TOP_KEYS as readonly string[]).includes(k)) c.add('unknown-key', [k], `unknown key "${k}"`, TOP_KEYS.join(', '));
  for (const k of TOP_KEYS) if (!(k in data)) c.add('missing', [k], k === 'scenarioHash' ? 'the checkpoint has no scenario hash (written by an older paradip, or assembled by hand): it cannot be checked against its scenario; run the scenario again with --checkpoint-every' : 'required field is missing', undefined, 'nothing');
  if (c.problems.length > 0) return c.result();

  // 3. The scenario is the one the checkpoint was written with.
  const hash = data['scenarioHash'];
  if (typeof hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(hash)) return fail('invalid-type', ['scenarioHash'], 'not a scenario hash', '"sha256:" and 64 hex digits', describe(hash));
  if (hash !== scenarioHash(data['scenario'], options.sha256)) {
    return fail('invalid-value', ['scenario'], 'the scenario in this checkpoint does not match the hash written with it: the checkpoint was edited or put together from different files. A checkpoint cannot be edited; to change the scenario, run it again with --set or a variant', hash);
  }

  // A checkpoint written before the model gained a part is read as if that part were at its empty default.
  upgradeCheckpoint(data);

  // 4. Rule sets and scenario: every check a scenario file passes, and in the resolved form paradip writes.
  const ruleSets: RuleSet[] = [];
  if (!Array.isArray(data['ruleSets'])) return fail('invalid-type', ['ruleSets'], 'wrong type', 'a list of rule sets', describe(data['ruleSets']));
  data['ruleSets'].forEach((raw, i) => {
    const r = ruleSetSchema.safeParse(raw, { reportInput: true });
    if (!r.success) c.addAll(zodProblems(r.error, NO_SOURCE), ['ruleSets', i]);
    else {
      const diff = firstDifference(raw, r.data, ['ruleSets', i]);
      if (diff) c.add('missing', diff, 'not in the resolved form paradip writes (a default or field is missing or extra)');
      else ruleSets.push(r.data as RuleSet);
    }
  });
  const ids = ruleSets.map((r) => r.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) c.add('duplicate-id', ['ruleSets', i, 'id'], `rule set "${id}" appears twice`);
  });
  const parsed = scenarioSchema.safeParse(data['scenario'], { reportInput: true });
  if (!parsed.success) c.addAll(zodProblems(parsed.error, NO_SOURCE), ['scenario']);
  if (c.problems.length > 0) return c.result();
  const scenario = parsed.success ? parsed.data : (null as never);
  const diff = firstDifference(data['scenario'], scenario, ['scenario']);
  if (diff) return fail('missing', diff, 'not in the resolved form paradip writes (a default or field is missing or extra)');
  const removed = scenario.variants.flatMap((v) => v.removeTimeline);
  c.addAll(checkScenario(scenario, NO_SOURCE, ruleSets, removed), ['scenario']);
  if (c.problems.length > 0) return c.result();

  // 5. Meta and ticks.
  const model = buildModel(scenario, ruleSets);
  const ticks = tickCount(model.calendar);
  const meta = data['meta'];
  if (c.object(meta, ['meta'], ['seed', 'variant', 'overrides'])) {
    const seed = meta['seed'];
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) c.add('invalid-value', ['meta', 'seed'], 'not a valid seed', 'a whole number >= 0', describe(seed));
    const variant = meta['variant'];
    const variants = scenario.variants.map((v) => v.id);
    if (variant !== null && !(typeof variant === 'string' && variants.includes(variant))) {
      c.add('unknown-id', ['meta', 'variant'], 'not a variant of the scenario', variants.length ? `null or one of ${variants.join(', ')}` : 'null', describe(variant));
    }
    c.list(meta['overrides'], ['meta', 'overrides'], (o, p) => {
      if (!c.object(o, p, ['path', 'value'])) return;
      if (typeof o['path'] !== 'string' || o['path'] === '') c.add('invalid-type', [...p, 'path'], 'wrong type', 'a dotted path', describe(o['path']));
      c.scalar(o['value'], [...p, 'value']);
    });
  }
  const world = data['world'];
  const worldTick = isRecord(world) ? world['tick'] : undefined;
  if (c.int(worldTick, ['world', 'tick'], 0, ticks, `the number of ticks run, 0..${ticks} (the calendar has ${ticks} ticks)`)) {
    const t = data['tick'];
    if (t !== (worldTick as number) - 1) c.add('invalid-value', ['tick'], 'the checkpoint tick is not the last tick of its world', String((worldTick as number) - 1), describe(t));
  } else c.int(data['tick'], ['tick'], -1, ticks - 1, `a tick of the calendar, -1..${ticks - 1}`);

  // 6. The world.
  if (isRecord(world)) checkWorld(c, world, scenario, ruleSets, typeof worldTick === 'number' && Number.isInteger(worldTick) ? worldTick : 0);
  else c.add('invalid-type', ['world'], 'wrong type', 'a mapping', describe(world));
  if (c.problems.length > 0) return c.result();

  // 7. The scenario's timeline still fits this world (as it must fit the initial world).
  for (const e of checkTimeline(model, world as unknown as World)) {
    c.add('unknown-id', ['scenario', 'timeline', e.index, 'set', e.path], `timeline input does not fit the checkpoint's world: ${e.error}`);
  }
  if (c.problems.length > 0) return c.result();
  return { ok: true, checkpoint: data as unknown as HashedCheckpoint };
}

/**
 * Parts of the model added after checkpoint format 1 was first written (issue 12: international
 * organisations, holdings, successions, third parties, kin states' support), with the empty default that
 * means "not used". A checkpoint written before they existed lacks their keys; each is added where absent (never
 * overwritten), after the scenario hash was checked against the file as written, so an older checkpoint
 * resumes exactly as it would have. Run ids leave these keys out at their defaults (`stableForm`), so a run
 * keeps its id across versions.
 */
const ADDED_SCENARIO_KEYS: Record<string, () => unknown> = { organisations: () => [], holdings: () => [], successions: () => [], thirdParties: () => [] };
const ADDED_WORLD_KEYS: Record<string, () => unknown> = { organisations: () => [], successions: () => ({}), thirdParties: () => [], cases: () => [] };
const ADDED_CENTRAL_KEYS: Record<string, () => unknown> = { kinSupport: () => ({}) };

function addAbsent(target: unknown, keys: Record<string, () => unknown>): void {
  if (!isRecord(target)) return;
  for (const [k, empty] of Object.entries(keys)) if (!Object.hasOwn(target, k)) target[k] = empty();
}

export function upgradeCheckpoint(data: Record<string, unknown>): void {
  const scenario = data['scenario'];
  const world = data['world'];
  addAbsent(scenario, ADDED_SCENARIO_KEYS);
  addAbsent(world, ADDED_WORLD_KEYS);
  for (const holder of [scenario, world]) {
    const centrals = isRecord(holder) ? holder['centrals'] : undefined;
    if (Array.isArray(centrals)) for (const c of centrals) addAbsent(c, ADDED_CENTRAL_KEYS);
  }
}

/**
 * A resolved scenario without the parts added after format 1 where they are at their empty default: what a run
 * id hashes, so that a scenario that does not use them keeps the id an older paradip gave it.
 */
export function stableForm(scenario: Scenario): unknown {
  const out: Record<string, unknown> = { ...scenario };
  for (const k of Object.keys(ADDED_SCENARIO_KEYS)) if (Array.isArray(out[k]) && (out[k] as unknown[]).length === 0) delete out[k];
  out['centrals'] = scenario.centrals.map((c) => {
    const copy: Record<string, unknown> = { ...c };
    for (const k of Object.keys(ADDED_CENTRAL_KEYS)) if (isRecord(copy[k]) && Object.keys(copy[k] as object).length === 0) delete copy[k];
    return copy;
  });
  return out;
}

function checkWorld(c: Collector, w: Record<string, unknown>, s: Scenario, ruleSets: readonly RuleSet[], tick: number): void {
  const W = ['world'];
  if (!c.object(w, W, ['tick', 'centrals', 'subnationals', 'networks', 'organisations', 'successions', 'thirdParties', 'issues', 'instruments', 'counters', 'pressure', 'lawStatus', 'consultations', 'cases', 'rng'])) return;
  const centrals = new Set(s.centrals.map((x) => x.id));
  const units = new Set(s.subnationals.map((x) => x.id));
  const networks = new Set(s.networks.map((x) => x.id));
  const organisations = new Set(s.organisations.map((x) => x.id));
  const issues = new Set(s.issues.map((x) => x.id));
  const agents = new Set([...centrals, ...units, ...networks, ...organisations]);
  const past = (v: unknown, p: JsonPath): boolean => c.int(v, p, 0, tick - 1, tick > 0 ? `a tick already run, 0..${tick - 1}` : 'no tick: none has run yet');
  const pastOrNull = (v: unknown, p: JsonPath): void => void (v === null || past(v, p));
  const numberMap = (v: unknown, p: JsonPath): void => void c.record(v, p, (x, q) => void c.num(x, q));
  const strings = (v: unknown, p: JsonPath): void => c.list(v, p, (x, q) => c.str(x, q));
  const refs = (v: unknown, p: JsonPath, set: Set<string>, what: string): void => c.list(v, p, (x, q) => c.ref(x, q, set, what));

  c.byId(w['centrals'], [...W, 'centrals'], centrals, 'central', (x, p) => {
    if (!c.object(x, p, ['id', 'name', 'ruleSet', 'ruleOptions', 'neighbours', 'executive', 'legislature', 'attitude', 'kinSupport'])) return;
    c.str(x['name'], [...p, 'name']);
    c.str(x['ruleSet'], [...p, 'ruleSet']);
    // Options as the scenario check has them: known to the central's rule sets, with an allowed value.
    const options = new Map<string, RuleSetOption>(Object.entries(SILENCE_OPTIONS));
    for (const r of ruleSets) if (r.country === x['ruleSet']) for (const [k, o] of Object.entries(r.options)) options.set(k, o);
    c.record(x['ruleOptions'], [...p, 'ruleOptions'], (v, q) => {
      const o = options.get(String(q[q.length - 1]));
      if (!o) c.add('unknown-key', q, `rule set ${String(x['ruleSet'])} has no option "${String(q[q.length - 1])}"`, [...options.keys()].join(', '));
      else if (!o.values.includes(v as never)) c.add('invalid-value', q, 'value not allowed for this option', o.values.map((y) => JSON.stringify(y)).join(' | '), describe(v));
    });
    refs(x['neighbours'], [...p, 'neighbours'], centrals, 'central');
    const ex = x['executive'];
    if (c.object(ex, [...p, 'executive'], ['leader', 'stance', 'position'])) {
      c.str(ex['leader'], [...p, 'executive', 'leader']);
      numberMap(ex['stance'], [...p, 'executive', 'stance']);
      numberMap(ex['position'], [...p, 'executive', 'position']);
    }
    const leg = x['legislature'];
    if (leg !== null && c.object(leg, [...p, 'legislature'], ['chambers'])) {
      c.list(leg['chambers'], [...p, 'legislature', 'chambers'], (ch, q) => {
        if (!c.object(ch, q, ['id', 'name', 'threshold', 'support', 'gatekeepers'])) return;
        c.str(ch['id'], [...q, 'id']);
        c.str(ch['name'], [...q, 'name']);
        c.num(ch['threshold'], [...q, 'threshold']);
        numberMap(ch['support'], [...q, 'support']);
        c.list(ch['gatekeepers'], [...q, 'gatekeepers'], (g, r) => {
          if (!c.object(g, r, ['id', 'name', 'role', 'position'])) return;
          for (const k of ['id', 'name', 'role']) c.str(g[k], [...r, k]);
          numberMap(g['position'], [...r, 'position']);
        }, 'id');
      }, 'id');
    }
    numberMap(x['attitude'], [...p, 'attitude']);
    numberMap(x['kinSupport'], [...p, 'kinSupport']);
  });

  c.byId(w['subnationals'], [...W, 'subnationals'], units, 'subnational', (x, p) => {
    const keys = ['id', 'name', 'kind', 'central', 'neighbours', 'competences', 'goals', 'capacity', 'tradeTies', 'kin', 'attributes', 'location', 'relation', 'relationScore', 'sanctions', 'position', 'laws', 'learned'];
    // Issue 13: `resolutions` is written only once a forum's resolution binds the unit.
    if (!c.object(x, p, optionalKeys(x, keys, ['resolutions']))) return;
    if ('resolutions' in x) refs(x['resolutions'], [...p, 'resolutions'], issues, 'issue');
    c.str(x['name'], [...p, 'name']);
    c.str(x['kind'], [...p, 'kind']);
    c.ref(x['central'], [...p, 'central'], centrals, 'central');
    refs(x['neighbours'], [...p, 'neighbours'], units, 'subnational');
    strings(x['competences'], [...p, 'competences']);
    c.record(x['goals'], [...p, 'goals'], (v, q) => c.num(v, q));
    if (isRecord(x['goals'])) for (const g of CORE_GOALS) if (!(g in x['goals'])) c.add('missing', [...p, 'goals', g], `core goal "${g}" is missing`, 'a weight (0 when the scenario says nothing)', 'nothing');
    c.num(x['capacity'], [...p, 'capacity']);
    numberMap(x['tradeTies'], [...p, 'tradeTies']);
    refs(x['kin'], [...p, 'kin'], agents, 'subnational or central');
    numberMap(x['attributes'], [...p, 'attributes']);
    const loc = x['location'];
    if (loc !== null) {
      if (!Array.isArray(loc) || loc.length !== 2) c.add('invalid-type', [...p, 'location'], 'wrong type', 'null or [x_km, y_km]', describe(loc));
      else loc.forEach((v, i) => c.num(v, [...p, 'location', i]));
    }
    c.oneOf(x['relation'], [...p, 'relation'], RELATIONS);
    c.num(x['relationScore'], [...p, 'relationScore']);
    c.int(x['sanctions'], [...p, 'sanctions'], 0, Number.MAX_SAFE_INTEGER, 'a whole number >= 0');
    numberMap(x['position'], [...p, 'position']);
    refs(x['laws'], [...p, 'laws'], issues, 'issue');
    c.record(x['learned'], [...p, 'learned'], (v, q) => c.str(v, q));
  });

  c.byId(w['networks'], [...W, 'networks'], networks, 'network', (x, p) => {
    // Issue 13: members, forum and resolved only where the scenario gives them (resolved: once a forum resolves).
    if (!c.object(x, p, optionalKeys(x, ['id', 'name', 'scope', 'domain'], ['members', 'forum', 'resolved']))) return;
    for (const k of ['name', 'scope', 'domain']) c.str(x[k], [...p, k]);
    if ('members' in x) refs(x['members'], [...p, 'members'], units, 'subnational');
    if ('resolved' in x) refs(x['resolved'], [...p, 'resolved'], issues, 'issue');
    if ('forum' in x && c.object(x['forum'], [...p, 'forum'], optionalKeys(x['forum'], ['from', 'every'], ['issues']))) {
      const f = x['forum'] as Record<string, unknown>;
      c.str(f['from'], [...p, 'forum', 'from']);
      c.int(f['every'], [...p, 'forum', 'every'], 1, 1200, 'a whole number of months, 1 to 1200');
      if ('issues' in f) refs(f['issues'], [...p, 'forum', 'issues'], issues, 'issue');
    }
  });

  c.byId(w['organisations'], [...W, 'organisations'], organisations, 'organisation', (x, p) => {
    if (!c.object(x, p, ['id', 'name', 'seat', 'members', 'openToUnits'])) return;
    for (const k of ['name', 'seat']) c.str(x[k], [...p, k]);
    refs(x['members'], [...p, 'members'], centrals, 'central');
    c.num(x['openToUnits'], [...p, 'openToUnits']);
  });

  // Issue 12 part B: successions applied (predecessor -> successor) and third parties' relations.
  c.record(w['successions'], [...W, 'successions'], (v, q) => void c.ref(v, q, centrals, 'central'));
  const thirdParties = new Set(s.thirdParties.map((x) => x.id));
  c.byId(w['thirdParties'], [...W, 'thirdParties'], thirdParties, 'third party', (x, p) => {
    if (!c.object(x, p, ['id', 'name', 'central', 'watches', 'stance', 'frames', 'relation', 'relationScore'])) return;
    c.str(x['name'], [...p, 'name']);
    c.ref(x['central'], [...p, 'central'], centrals, 'central');
    refs(x['watches'], [...p, 'watches'], units, 'subnational');
    c.num(x['stance'], [...p, 'stance']);
    numberMap(x['frames'], [...p, 'frames']);
    numberMap(x['relationScore'], [...p, 'relationScore']);
    c.record(x['relation'], [...p, 'relation'], (v, q) => {
      if (!(RELATIONS as readonly unknown[]).includes(v)) c.add('invalid-value', q, 'not a relation mode', RELATIONS.join(', '), describe(v));
    });
  });

  const lawMakers = new Set([...centrals, ...units]);
  c.byId(w['issues'], [...W, 'issues'], issues, 'issue', (x, p) => {
    if (!c.object(x, p, ['id', 'units', 'laws'])) return;
    const u = x['units'];
    if (c.record(u, [...p, 'units'], (v, q) => {
      if (!c.object(v, q, ['emission', 'deposition', 'damage', 'salience'])) return;
      for (const k of ['emission', 'deposition', 'damage', 'salience']) c.num(v[k], [...q, k]);
    })) {
      for (const k of Object.keys(u as object)) if (!units.has(k)) c.add('unknown-id', [...p, 'units', k], `unknown subnational "${k}"`, oneOfText(units));
      for (const k of units) if (!(k in (u as object))) c.add('missing', [...p, 'units', k], `no state for subnational "${k}"`, 'emission, deposition, damage, salience', 'nothing');
    }
    c.list(x['laws'], [...p, 'laws'], (l, q) => {
      if (!c.object(l, q, ['by', 'tick'])) return;
      c.ref(l['by'], [...q, 'by'], lawMakers, 'central or subnational');
      past(l['tick'], [...q, 'tick']);
    });
  });

  // Instruments: sorted by id, ids i<n> at most the counter, references known, ticks in the past.
  let maxId = 0;
  c.list(w['instruments'], [...W, 'instruments'], (x, p) => {
    const keys = ['id', 'kind', 'initiator', 'parties', 'domain', 'issue', 'status', 'proposedTick', 'signedTick', 'endedTick', 'reviewedTick', 'duchacek', 'protodiplomacy', 'citations', 'legal', 'approvals', 'denunciationDemandedTick', 'denunciationDemandedBy'];
    if (!c.object(x, p, keys)) return;
    const id = x['id'];
    const m = typeof id === 'string' ? /^i(\d{6,15})$/.exec(id) : null;
    if (!m) c.add('invalid-value', [...p, 'id'], 'not an instrument id', 'i and six or more digits, e.g. i000001', describe(id));
    else {
      const n = Number(m[1]);
      if (n <= maxId) c.add('invalid-value', [...p, 'id'], 'instruments are not in id order, or an id repeats', `an id after i${String(maxId).padStart(6, '0')}`, describe(id));
      maxId = Math.max(maxId, n);
    }
    c.oneOf(x['kind'], [...p, 'kind'], INSTRUMENTS);
    c.ref(x['initiator'], [...p, 'initiator'], agents, 'government or network');
    const parties = x['parties'];
    c.list(parties, [...p, 'parties'], (v, q) => c.ref(v, q, agents, 'government or network'));
    if (Array.isArray(parties)) {
      if (parties.length < 2 || new Set(parties).size !== parties.length) c.add('invalid-value', [...p, 'parties'], 'an instrument has two or more distinct parties', 'distinct ids', describe(parties));
      const initiator = x['initiator'];
      if (typeof initiator === 'string' && !parties.includes(initiator)) c.add('invalid-value', [...p, 'initiator'], 'the initiator is not a party', oneOfText(new Set(parties.map(String))), describe(initiator));
      if (typeof initiator === 'string' && centrals.has(initiator)) {
        if (!parties.every((q) => centrals.has(q as string))) c.add('invalid-value', [...p, 'parties'], 'an instrument a central initiates is between centrals only', 'central ids', describe(parties));
        if (Array.isArray(x['approvals']) && x['approvals'].length > 0) c.add('invalid-value', [...p, 'approvals'], 'an instrument between centrals needs no approvals', '[]', describe(x['approvals']));
      } else if (typeof initiator === 'string' && !units.has(initiator)) c.add('invalid-value', [...p, 'initiator'], 'a network cannot initiate an instrument', 'a subnational or central id', describe(initiator));
    }
    c.str(x['domain'], [...p, 'domain']);
    if (x['issue'] !== null) c.ref(x['issue'], [...p, 'issue'], issues, 'issue');
    c.oneOf(x['status'], [...p, 'status'], INSTRUMENT_STATUSES);
    past(x['proposedTick'], [...p, 'proposedTick']);
    for (const k of ['signedTick', 'endedTick', 'reviewedTick', 'denunciationDemandedTick']) pastOrNull(x[k], [...p, k]);
    if (x['denunciationDemandedBy'] !== null) c.ref(x['denunciationDemandedBy'], [...p, 'denunciationDemandedBy'], centrals, 'central');
    if (x['duchacek'] !== null) c.oneOf(x['duchacek'], [...p, 'duchacek'], DUCHACEK_TYPES);
    c.bool(x['protodiplomacy'], [...p, 'protodiplomacy']);
    strings(x['citations'], [...p, 'citations']);
    c.list(x['legal'], [...p, 'legal'], (l, q) => {
      if (!c.object(l, q, ['party', 'ruleSet', 'rule'])) return;
      c.ref(l['party'], [...q, 'party'], agents, 'party');
      c.str(l['ruleSet'], [...q, 'ruleSet']);
      c.str(l['rule'], [...q, 'rule']);
    });
    c.list(x['approvals'], [...p, 'approvals'], (a, q) => {
      const akeys = ['id', 'step', 'approver', 'organ', 'chambers', 'threshold', 'party', 'citation', 'openedTick', 'deadlineTick', 'within', 'onSilence', 'status', 'resolvedTick'];
      if (!c.object(a, q, akeys)) return;
      c.str(a['id'], [...q, 'id']);
      c.oneOf(a['step'], [...q, 'step'], APPROVAL_STEPS);
      c.oneOf(a['organ'], [...q, 'organ'], ORGANS);
      if (a['organ'] === 'own-legislature') c.ref(a['approver'], [...q, 'approver'], units, 'subnational');
      else c.ref(a['approver'], [...q, 'approver'], centrals, 'central');
      if (a['chambers'] !== null) strings(a['chambers'], [...q, 'chambers']);
      if (a['threshold'] !== null) c.num(a['threshold'], [...q, 'threshold']);
      c.ref(a['party'], [...q, 'party'], agents, 'party');
      c.str(a['citation'], [...q, 'citation']);
      pastOrNull(a['openedTick'], [...q, 'openedTick']);
      if (a['deadlineTick'] !== null) c.int(a['deadlineTick'], [...q, 'deadlineTick'], 0, Number.MAX_SAFE_INTEGER, 'a tick >= 0');
      if (a['within'] !== null) c.str(a['within'], [...q, 'within']);
      if (a['onSilence'] !== null) c.oneOf(a['onSilence'], [...q, 'onSilence'], ['consent', 'refuse']);
      c.oneOf(a['status'], [...q, 'status'], APPROVAL_STATUSES);
      pastOrNull(a['resolvedTick'], [...q, 'resolvedTick']);
    }, 'id');
  });

  const counters = w['counters'];
  if (c.object(counters, [...W, 'counters'], ['instrument', 'event'])) {
    c.int(counters['instrument'], [...W, 'counters', 'instrument'], maxId, Number.MAX_SAFE_INTEGER, `at least the highest instrument id used (${maxId})`);
    c.int(counters['event'], [...W, 'counters', 'event'], 0, Number.MAX_SAFE_INTEGER, 'a whole number >= 0');
  }
  c.record(w['pressure'], [...W, 'pressure'], (v, q) => numberMap(v, q), centrals, 'central');
  c.record(w['lawStatus'], [...W, 'lawStatus'], (v, q) => c.record(v, q, (x, r) => c.oneOf(x, r, LAW_STATUSES), issues, 'issue'), centrals, 'central');
  c.record(w['consultations'], [...W, 'consultations'], (v, q) => c.record(v, q, (x, r) => pastOrNull(x, r), issues, 'issue'), centrals, 'central');

  // Court cases (parameter litigation): references known, one per plaintiff and issue, sorted by plaintiff then
  // issue (apply rules on them in this order, so a reordered list would draw in another order).
  let lastCase = '';
  c.list(w['cases'], [...W, 'cases'], (x, p) => {
    if (!c.object(x, p, ['by', 'to', 'issue', 'filedTick', 'stage', 'dueTick'])) return;
    c.ref(x['by'], [...p, 'by'], units, 'subnational');
    c.ref(x['to'], [...p, 'to'], centrals, 'central');
    c.ref(x['issue'], [...p, 'issue'], issues, 'issue');
    past(x['filedTick'], [...p, 'filedTick']);
    c.oneOf(x['stage'], [...p, 'stage'], CASE_STAGES);
    c.int(x['dueTick'], [...p, 'dueTick'], 0, Number.MAX_SAFE_INTEGER, 'a tick >= 0');
    const key = `${String(x['by'])}\u0000${String(x['issue'])}`;
    if (key <= lastCase) c.add('invalid-value', p, 'cases are not sorted by plaintiff then issue, or one repeats', 'one case per plaintiff and issue, in that order', `${String(x['by'])} on ${String(x['issue'])}`);
    lastCase = key;
  });

  const rng = w['rng'];
  if (c.object(rng, [...W, 'rng'], STREAMS)) {
    for (const name of STREAMS) {
      const p = [...W, 'rng', name];
      const st = rng[name];
      if (!c.object(st, p, ['c', 's0', 's1', 's2'])) continue;
      c.int(st['c'], [...p, 'c'], 0, ALEA_MAX_CARRY, `an alea carry, a whole number 0..${ALEA_MAX_CARRY}`);
      for (const k of ['s0', 's1', 's2']) {
        const v = st[k];
        if (typeof v !== 'number' || !(v >= 0 && v < 1) || !Number.isInteger(v * TWO_32)) c.add('invalid-value', [...p, k], 'not an alea seed value', 'a multiple of 2^-32 in [0, 1)', describe(v));
      }
      if (st['c'] === 0 && st['s0'] === 0 && st['s1'] === 0 && st['s2'] === 0) c.add('invalid-value', p, 'a generator stuck at zero (it would draw 0 forever)', 'the state of a seeded alea generator', 'all zero');
    }
  }
}

/** Collects problems (at most MAX_PROBLEMS, then a count) and checks JSON values of a given shape. */
class Collector {
  readonly problems: PathProblem[] = [];
  private dropped = 0;

  add(code: ProblemCode, path: JsonPath, message: string, expected?: string, found?: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const p: PathProblem = { code, path, message };
    if (expected !== undefined) p.expected = expected;
    if (found !== undefined) p.found = found;
    this.problems.push(p);
  }

  /** Problems of a scenario or rule-set check, re-rooted at `prefix` in the checkpoint. */
  addAll(problems: readonly Problem[], prefix: JsonPath): void {
    for (const p of problems) this.add(p.code, [...prefix, ...p.path], p.message, p.expected, p.found);
  }

  result(): { ok: false; problems: PathProblem[] } {
    const out = [...this.problems];
    if (this.dropped > 0) out.push({ code: 'invalid-value', path: [], message: `and ${this.dropped} more problems` });
    return { ok: false, problems: out };
  }

  /** A mapping with exactly these keys (each missing or unknown one is a problem). */
  object(v: unknown, path: JsonPath, keys: readonly string[]): v is Record<string, unknown> {
    if (!isRecord(v)) {
      this.add(v === undefined ? 'missing' : 'invalid-type', path, v === undefined ? 'required field is missing' : 'wrong type', 'a mapping', describe(v));
      return false;
    }
    let ok = true;
    for (const k of keys) {
      if (!(k in v)) {
        this.add('missing', [...path, k], 'required field is missing', undefined, 'nothing');
        ok = false;
      }
    }
    for (const k of Object.keys(v)) {
      if (!keys.includes(k)) {
        this.add('unknown-key', [...path, k], `unknown key "${k}"`, keys.join(', '));
        ok = false;
      }
    }
    return ok;
  }

  /** A list; `uniqueKey` names a field that must differ between items (ids). */
  list(v: unknown, path: JsonPath, item: (x: unknown, p: JsonPath) => void, uniqueKey?: string): void {
    if (!Array.isArray(v)) {
      this.add(v === undefined ? 'missing' : 'invalid-type', path, v === undefined ? 'required field is missing' : 'wrong type', 'a list', describe(v));
      return;
    }
    const seen = new Set<unknown>();
    v.forEach((x, i) => {
      item(x, [...path, i]);
      if (uniqueKey && isRecord(x)) {
        if (seen.has(x[uniqueKey])) this.add('duplicate-id', [...path, i, uniqueKey], `${uniqueKey} ${describe(x[uniqueKey])} is used twice`);
        seen.add(x[uniqueKey]);
      }
    });
  }

  /** A list of records with exactly the ids `ids` (those of the scenario), sorted by id. */
  byId(v: unknown, path: JsonPath, ids: Set<string>, what: string, item: (x: unknown, p: JsonPath) => void): void {
    if (!Array.isArray(v)) {
      this.add('invalid-type', path, 'wrong type', 'a list', describe(v));
      return;
    }
    let previous: string | null = null;
    const seen = new Set<string>();
    v.forEach((x, i) => {
      const id = isRecord(x) ? x['id'] : undefined;
      if (typeof id !== 'string') this.add(id === undefined ? 'missing' : 'invalid-type', [...path, i, 'id'], `a ${what} without an id`, 'an id', describe(id));
      else if (!ids.has(id)) this.add('unknown-id', [...path, i, 'id'], `unknown ${what} "${id}": not in the checkpoint's scenario (a world from another scenario?)`, oneOfText(ids));
      else if (seen.has(id)) this.add('duplicate-id', [...path, i, 'id'], `${what} "${id}" appears twice`);
      else if (previous !== null && id < previous) this.add('invalid-value', [...path, i, 'id'], `${what}s are not sorted by id`, `an id after "${previous}"`, JSON.stringify(id));
      if (typeof id === 'string') {
        seen.add(id);
        previous = id;
      }
      item(x, [...path, i]);
    });
    for (const id of ids) if (!seen.has(id)) this.add('missing', path, `${what} "${id}" of the scenario is missing from the world`, undefined, 'nothing');
  }

  /** A mapping from keys (optionally ids of `keys`) to values checked by `value`. */
  record(v: unknown, path: JsonPath, value: (x: unknown, p: JsonPath) => void, keys?: Set<string>, what?: string): boolean {
    if (!isRecord(v)) {
      this.add(v === undefined ? 'missing' : 'invalid-type', path, v === undefined ? 'required field is missing' : 'wrong type', 'a mapping', describe(v));
      return false;
    }
    for (const [k, x] of Object.entries(v)) {
      if (keys && !keys.has(k)) this.add('unknown-id', [...path, k], `unknown ${what} "${k}"`, oneOfText(keys));
      value(x, [...path, k]);
    }
    return true;
  }

  num(v: unknown, path: JsonPath): boolean {
    if (typeof v === 'number' && Number.isFinite(v)) return true;
    this.add(v === undefined ? 'missing' : 'invalid-type', path, v === null ? 'null where a number belongs (a checkpoint never holds null for a number)' : v === undefined ? 'required field is missing' : 'wrong type', 'a finite number', describe(v));
    return false;
  }

  int(v: unknown, path: JsonPath, min: number, max: number, expected: string): boolean {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return true;
    const code: ProblemCode = v === undefined ? 'missing' : typeof v === 'number' ? 'invalid-value' : 'invalid-type';
    this.add(code, path, v === undefined ? 'required field is missing' : v === null ? 'null where a number belongs' : typeof v === 'number' ? 'out of range' : 'wrong type', expected, describe(v));
    return false;
  }

  str(v: unknown, path: JsonPath): void {
    if (typeof v !== 'string') this.add(v === undefined ? 'missing' : 'invalid-type', path, v === undefined ? 'required field is missing' : 'wrong type', 'text', describe(v));
  }

  bool(v: unknown, path: JsonPath): void {
    if (typeof v !== 'boolean') this.add(v === undefined ? 'missing' : 'invalid-type', path, 'wrong type', 'true or false', describe(v));
  }

  scalar(v: unknown, path: JsonPath): void {
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
    this.add('invalid-type', path, 'wrong type', 'text, a finite number or true/false', describe(v));
  }

  oneOf(v: unknown, path: JsonPath, values: readonly string[]): void {
    if (typeof v === 'string' && values.includes(v)) return;
    this.add(v === undefined ? 'missing' : 'invalid-value', path, 'value not allowed', values.map((x) => JSON.stringify(x)).join(' | '), describe(v));
  }

  ref(v: unknown, path: JsonPath, ids: Set<string>, what: string): void {
    if (typeof v !== 'string') this.add(v === undefined ? 'missing' : 'invalid-type', path, 'wrong type', `the id of a ${what}`, describe(v));
    else if (!ids.has(v)) this.add('unknown-id', path, `unknown ${what} "${v}"`, oneOfText(ids));
  }
}

/** Depth beyond any checkpoint, or a prototype key anywhere: refused before anything else walks the data. */
function shapeProblem(data: unknown): PathProblem | null {
  const stack: { v: unknown; path: JsonPath }[] = [{ v: data, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length > MAX_CHECKPOINT_DEPTH) return { code: 'too-large', path: path.slice(0, 8), message: `nested deeper than ${MAX_CHECKPOINT_DEPTH} levels: not a checkpoint paradip writes` };
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) return { code: 'unsafe-yaml', path: [...path, k], message: `key "${k}" is not allowed` };
        stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
      }
    }
  }
  return null;
}

/**
 * The first path where `raw` and `resolved` differ (a default the schema filled in, a key it dropped), or null
 * if they are the same data. Both are bounded by shapeProblem's depth check.
 */
function firstDifference(raw: unknown, resolved: unknown, path: JsonPath): JsonPath | null {
  if (raw === resolved) return null;
  if (Array.isArray(raw) && Array.isArray(resolved)) {
    if (raw.length !== resolved.length) return path;
    for (let i = 0; i < raw.length; i++) {
      const d = firstDifference(raw[i], resolved[i], [...path, i]);
      if (d) return d;
    }
    return null;
  }
  if (isRecord(raw) && isRecord(resolved)) {
    const keys = new Set([...Object.keys(raw), ...Object.keys(resolved).filter((k) => resolved[k] !== undefined)]);
    for (const k of keys) {
      const d = firstDifference(raw[k], resolved[k], [...path, k]);
      if (d) return d;
    }
    return null;
  }
  return path;
}

/** The scenario and rule-set checks position problems through a Source; here positions come later, from paths. */
const NO_SOURCE: Source = {
  file: '',
  text: '',
  locate: () => ({ line: 0, column: 0 }),
  locateKey: () => ({ line: 0, column: 0 }),
  scalarStart: () => null,
  lineCol: () => ({ line: 0, column: 0 }),
};

function fail(code: ProblemCode, path: JsonPath, message: string, expected?: string, found?: string): { ok: false; problems: PathProblem[] } {
  const p: PathProblem = { code, path, message };
  if (expected !== undefined) p.expected = expected;
  if (found !== undefined) p.found = found;
  return { ok: false, problems: [p] };
}

function oneOfText(ids: Set<string>): string {
  const list = [...ids];
  if (list.length === 0) return 'none declared';
  return `one of ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', ...' : ''}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length <= 4 && v.every((x) => typeof x !== 'object') ? JSON.stringify(v) : 'a list';
  if (typeof v === 'object') return Object.keys(v).length === 0 ? 'an empty mapping {}' : 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** The keys an object must have: the required ones, and those of `optional` it has (an absent optional key is no problem). */
function optionalKeys(x: unknown, required: readonly string[], optional: readonly string[]): string[] {
  return isRecord(x) ? [...required, ...optional.filter((k) => k in x)] : [...required];
}
