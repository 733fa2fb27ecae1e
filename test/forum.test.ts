/**
 * Issue 13: a network's conference as a forum (networks[].forum, formula resolve, phase forums). On the small
 * scenario test/fixtures/forum.yaml, through the real binary where a user would see it: a forum whose members
 * value it (attribute keen) resolves at its meeting and binds those who voted for it (only they lobby and sign,
 * formulas reading variable resolution); below the quorum nothing happens; meetings fall in the same calendar
 * month under week and month ticks and come back every `every` months; shuffling the file and renaming every id
 * change nothing; a checkpoint after the resolution resumes to the same run; an unknown member is a positioned
 * error with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import { buildModel } from '../src/engine/model.ts';
import { tickOf } from '../src/model/calendar.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { checkpoint, continueRun, orderPreservingRenaming, renameIds, resumeRun, sameUpToRenaming, scenarioIds, shuffleScenario, simulate } from '../src/testing/index.ts';

const root = join(import.meta.dirname, '..');
const FIXTURE = join(root, 'test/fixtures/forum.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'paradip-forum-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ev {
  date: string;
  kind: string;
  [k: string]: unknown;
}

let runs = 0;
/** Runs the real binary on `text` (the fixture unless given) and returns its events. */
function run(text: string = TEXT, args: string[] = []): Ev[] {
  const n = ++runs;
  const file = join(dir, `s${n}.yaml`);
  writeFileSync(file, text);
  const out = join(dir, `out${n}`);
  const r = spawnSync(process.execPath, [join(root, 'bin/paradip.js'), 'run', file, '--seed', '1', '--out', out, '--no-ui', '--quiet', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Ev);
}

const resolved = (evs: Ev[]): Ev[] => evs.filter((e) => e.kind === 'forum.resolved');
const actorOf = (e: Ev): string => String(e['actor'] ?? e['by']);

function load(scenario: string = TEXT): { scenario: Scenario; ruleSets: ReturnType<typeof rules> } {
  const ruleSets = rules();
  const loaded = loadScenario(scenario, FIXTURE, { ruleSets, variant: null, overrides: [], idleRuleSetOverrides: 'error' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { scenario: loaded.scenario, ruleSets: loaded.ruleSets };
}
function rules() {
  const lib = loadRuleSets(FIXTURE);
  if (!lib.ok) throw new Error('rule sets do not load');
  return lib.ruleSets;
}

/** The fixture with a timeline entry that makes State C keen on `date` (and a quorum that needs it). */
const lateConvert = (date: string): string => `${TEXT.replace('noise: 0 }', 'noise: 0, forumQuorum: 0.8 }')}timeline:\n  - { id: convert, date: ${date}, set: { subnationals.S-C.attributes.keen: 1 } }\n`;

describe('a forum resolves when its members value it (real binary)', () => {
  const evs = run();

  it('adopts one resolution at its first meeting, June 2001, by the four keen members of six', () => {
    const r = resolved(evs);
    expect(r).toHaveLength(1);
    expect(r[0]!.date).toBe('2001-06-01');
    expect(r[0]!['by']).toBe('CONF');
    expect(r[0]!['issue']).toBe('air');
    expect(r[0]!['parties']).toEqual(['P-A', 'P-B', 'S-A', 'S-B']);
    expect(r[0]!['why']).toEqual({ members: ['P-A', 'P-B', 'S-A', 'S-B', 'S-C', 'S-D'], share: 0.6667, quorum: 0.5 });
  });

  it('binds only its supporters: formulas reading resolution make only them lobby and propose MOUs, from the meeting on', () => {
    const lobbies = evs.filter((e) => e.kind === 'lobby.delivered');
    const proposals = evs.filter((e) => e.kind === 'action.proposed');
    expect(lobbies.length).toBeGreaterThan(0);
    expect(proposals.length).toBeGreaterThan(0);
    expect([...new Set(lobbies.map(actorOf))].sort()).toEqual(['P-A', 'P-B', 'S-A', 'S-B']);
    expect([...new Set(proposals.map(actorOf))].sort().every((a) => ['P-A', 'P-B', 'S-A', 'S-B'].includes(a))).toBe(true);
    expect(lobbies.every((e) => e.date >= '2001-06-01')).toBe(true);
    expect(proposals.every((e) => e.date >= '2001-06-01')).toBe(true);
  });

  it('below the quorum (0.7: five of six) nothing is resolved and nobody is bound', () => {
    const below = run(TEXT, ['--set', 'behaviour.parameters.forumQuorum=0.7']);
    expect(resolved(below)).toHaveLength(0);
    expect(below.filter((e) => e.kind === 'lobby.delivered')).toHaveLength(0);
    expect(below.filter((e) => e.kind === 'action.proposed')).toHaveLength(0);
  });

  it('off by default: with formula resolve left at its default, the forum never resolves', () => {
    const off = run(TEXT.replace('    resolve: keen - 0.5\n', ''));
    expect(resolved(off)).toHaveLength(0);
  });
});

describe('meetings are calendar dates', () => {
  it('the forum meets every 12 months: a member converted in February 2002 carries the quorum at the June 2002 meeting, not before', () => {
    const r = resolved(run(lateConvert('2002-02')));
    expect(r).toHaveLength(1);
    expect(r[0]!.date).toBe('2002-06-01');
    expect(r[0]!['parties']).toEqual(['P-A', 'P-B', 'S-A', 'S-B', 'S-C']);
  });

  it('under week ticks the resolutions come in the same months as under month ticks', () => {
    const week = (text: string): string => text.replace('tick: month', 'tick: week');
    const first = resolved(run(week(TEXT)));
    expect(first).toHaveLength(1);
    expect(first[0]!.date.slice(0, 7)).toBe('2001-06');
    const late = resolved(run(week(lateConvert('2002-02'))));
    expect(late).toHaveLength(1);
    expect(late[0]!.date.slice(0, 7)).toBe('2002-06');
  });
});

describe('invariance and checkpoints', () => {
  const base = load();

  it('shuffling every list of the file (the members among them) changes no outcome', () => {
    const a = simulate(base.scenario, base.ruleSets, 2);
    const shuffled = shuffleScenario(base.scenario, base.ruleSets, 5);
    expect([...shuffled.scenario.networks[0]!.members!]).not.toEqual(base.scenario.networks[0]!.members);
    const b = simulate(shuffled.scenario, shuffled.ruleSets, 2);
    expect(b.events).toEqual(a.events);
    expect(b.indicators).toEqual(a.indicators);
  });

  it('an order-preserving renaming of every id changes nothing up to the renaming', () => {
    const mapping = orderPreservingRenaming(scenarioIds(base.scenario, base.ruleSets), 3);
    expect(sameUpToRenaming(base.scenario, base.ruleSets, 2, mapping)).toBeNull();
  });

  it('a renaming that reverses the members\' order gives the same resolution, renamed', () => {
    const mapping = new Map([['S-A', 'Z9'], ['S-B', 'Z8'], ['S-C', 'Z7'], ['S-D', 'Z6'], ['P-A', 'Z5'], ['P-B', 'Z4']]);
    const renamed = renameIds(base.scenario, base.ruleSets, mapping);
    const pick = (events: readonly string[]) => events.map((l) => JSON.parse(l) as Ev).filter((e) => e.kind === 'forum.resolved');
    const a = pick(simulate(base.scenario, base.ruleSets, 2).events);
    const b = pick(simulate(renamed.scenario, renamed.ruleSets, 2).events);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(b[0]!.date).toBe(a[0]!.date);
    expect(b[0]!['parties']).toEqual((a[0]!['parties'] as string[]).map((id) => mapping.get(id)!).sort());
  });

  it('resumed from a checkpoint after the resolution (through JSON), the run equals the uninterrupted one', () => {
    const whole = simulate(base.scenario, base.ruleSets, 4);
    const k = tickOf(buildModel(base.scenario, base.ruleSets).calendar, '2001-09-01');
    const first = simulate(base.scenario, base.ruleSets, 4, { ticks: k });
    const units = first.run.world.subnationals.filter((u) => u.resolutions?.includes('air')).map((u) => u.id);
    expect(units).toEqual(['P-A', 'P-B', 'S-A', 'S-B']);
    expect(first.run.world.networks[0]!.resolved).toEqual(['air']);
    const resumed = continueRun(resumeRun(JSON.parse(JSON.stringify(checkpoint(first.run)))));
    expect([...first.events, ...resumed.events]).toEqual(whole.events);
    expect([...first.indicators, ...resumed.indicators]).toEqual(whole.indicators);
  });

  it('through the real binary: a run resumed from its checkpoint after the resolution writes the same events', () => {
    const file = join(dir, 'cp.yaml');
    writeFileSync(file, TEXT);
    const bin = join(root, 'bin/paradip.js');
    const a = join(dir, 'cp-a');
    const b = join(dir, 'cp-b');
    const r1 = spawnSync(process.execPath, [bin, 'run', file, '--seed', '3', '--out', a, '--no-ui', '--quiet', '--checkpoint-every', '20'], { encoding: 'utf8' });
    expect(r1.status, r1.stderr).toBe(0);
    const r2 = spawnSync(process.execPath, [bin, 'run', '--from', join(a, 'checkpoints', '20.json'), '--out', b, '--no-ui', '--quiet'], { encoding: 'utf8' });
    expect(r2.status, r2.stderr).toBe(0);
    // The checkpoint is written after tick 20: the resumed run writes the rest, which must be the whole run's tail.
    const lines = (d: string) => readFileSync(join(d, 'events.jsonl'), 'utf8').trim().split('\n');
    const tail = lines(b);
    const whole = lines(a);
    expect(tail.length).toBeGreaterThan(10);
    expect((JSON.parse(tail[0]!) as Ev)['tick']).toBe(21);
    expect(tail).toEqual(whole.slice(whole.length - tail.length));
    expect(whole.slice(0, whole.length - tail.length).some((l) => (JSON.parse(l) as Ev).kind === 'forum.resolved')).toBe(true);
  });
});

describe('bad input', () => {
  it('an unknown member and an unknown forum issue: positioned messages, exit 2, no stack trace', () => {
    const text = TEXT.replace('members: [S-A, S-B, S-C, S-D, P-A, P-B]', 'members: [S-A, S-B, S-X, S-D, P-A, P-B]').replace('forum: { from: 2001-06, every: 12 }', 'forum: { from: 2001-06, every: 12, issues: [water] }');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [join(root, 'bin/paradip.js'), 'validate', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(r.stderr).toContain(`${file}:${line('members: [S-A')}:`);
    expect(r.stderr).toContain('unknown subnational "S-X" at networks.0.members.2');
    expect(r.stderr).toContain('unknown issue "water" at networks.0.forum.issues.0');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
