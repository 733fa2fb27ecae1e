/**
 * Citations and notes name the sources themselves. Every string a user can meet (in events, in `explain`, in
 * the WHY panel, in run.json, which keeps the resolved scenario and the rule sets used) must point to the
 * article, constitution, statute, court case or study it rests on, or say plainly that it is a modelling
 * assumption of paradip: never to the team's private reference notes (the seed catalog and its section and
 * fact numbers, the acid-rain facts file, their provenance tags), which a user does not have, and never to a
 * calibration note (those belong in the scenario's documentation, e.g. docs/scenarios/acid-rain.md).
 *
 * Checked: every string of every rule set in scenarios/rule-sets/ and of every scenario in scenarios/ as the
 * project's own loaders resolve them, and every string of the events of real runs (the acid-rain scenario and
 * its strict-compact-clause variant, and the constitutional comparison under each of its constitutions).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';
import type { SimEvent } from '../src/engine/events.ts';
import { runTicks } from '../src/engine/run.ts';
import { tickOf } from '../src/model/calendar.ts';

const ROOT = join(import.meta.dirname, '..');

/** References a reader of this repository cannot follow, with what each one is. */
const INTERNAL: [string, RegExp][] = [
  ['the seed catalog', /seed[- ]?catalog/i],
  ['"the seed" for the founding article', /\bseed\b(?!\s*\d)/i],
  ['a section of the acid-rain facts file ("facts 4.3")', /\bfacts\b[\s,:(]*(?:section|sections|§)?\s*\d/i],
  ['a provenance tag of the reference notes ([S], [GK], [EXT], [P], [D])', /\[(?:S|GK|EXT|P|D)[\],:\s]/],
  ['a catalog scenario id ("S1")', /\bS\d{1,2}\b/],
  ['a catalog fact or caution number ("5 #1")', /(?:^|[\s(;,])#\d+/],
  ['the not_in_seed block of the catalog', /not_in_seed/i],
  ['a value code of the facts file ("research-only")', /research-only/i],
  ['a calibration note', /calibrat/i],
  ['a reference file by name', /acid-rain-facts|paradiplomacy-article|seed-catalog\.md|toolchain-notes/i],
  ['a path outside the repository', /shared\/reference|\/work\//i],
  ['DESIGN.md (not in this repository)', /DESIGN\.md/i],
];

/** Every string in a value, with its path. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** "path: what it is: the text" for every string that matches an internal reference. */
function internalReferences(value: unknown, where: string): string[] {
  const found: string[] = [];
  for (const { path, text } of strings(value)) {
    for (const [what, pattern] of INTERNAL) if (pattern.test(text)) found.push(`${where} ${path}: ${what}: ${text}`);
  }
  return found;
}

function prepare(scenario: string, variant: string | null = null) {
  const r = prepareRun({ scenario, seed: 1, variant, sets: [], until: null, from: null, cwd: ROOT });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.prepared;
}

/** The events of seed 1 up to and including `until` (a date of the scenario's calendar). */
function events(scenario: string, variant: string | null, until: string): SimEvent[] {
  const p = prepare(scenario, variant);
  const last = Math.min(p.last, tickOf(p.run.model.calendar, until));
  const out: SimEvent[] = [];
  for (const t of runTicks(p.run, last)) out.push(...t.events);
  return out;
}

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `scenarios/${f}`);

describe('the patterns catch what they are meant to catch', () => {
  it.each([
    'seed-catalog 2.2 (paradiplomacy-article.txt, "Austria")',
    'Const. arts. 124-125 as the seed reads them',
    'Reagan in office (facts 3.5; facts 4.3 agent table, research-only)',
    'Lewis-Davis report (facts 2)',
    '[EXT] B-VG art. 16(2)',
    '[GK, unverified] Fed. Const. arts. 172(3), 186(3)',
    'seed-catalog 5 #4',
    'a tie with a non-bordering unit (seed-catalog S1)',
    'Calibrated -0.6: the leader schedules no bill',
    'facts: /work/shared/reference/acid-rain-facts.md (sections 0-6)',
    'paradip modelling control (DESIGN.md section 4: rule sets are data)',
  ])('flags %s', (text) => {
    expect(internalReferences(text, 'example')).not.toEqual([]);
  });

  it.each([
    'B-VG art. 16(2) (the governor informs the federal government)',
    'US Const. art. I, s. 10, cl. 3 (Consent of Congress)',
    'Virginia v. Tennessee, 148 U.S. 503 (1893)',
    'Clean Air Act, s. 115; S. 2266 (1982); SO2 from 1980',
    'Wikipedia, "Paradiplomacy", section "Austria"',
    'Smith, N. P., Journal of Borderlands Studies',
    'paradip run scenarios/acid-rain-1980s.yaml --seed 1',
    'At least 4 distinct states in 80% of seeds',
  ])('lets %s pass', (text) => {
    expect(internalReferences(text, 'example')).toEqual([]);
  });
});

describe('citations name the sources themselves', () => {
  it('every string of every rule set in scenarios/rule-sets/ (citations, legal bases, sources, notes, options)', () => {
    const lib = loadRuleSets(null);
    if (!lib.ok) throw new Error(lib.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
    expect(lib.ruleSets.length).toBeGreaterThan(10);
    expect(lib.ruleSets.flatMap((rs) => internalReferences(rs, `rule set ${rs.id}`))).toEqual([]);
  });

  it.each(SCENARIOS)('every string of %s (sources, notes, timeline notes, variants, targets, indicators)', (file) => {
    const { scenario } = prepare(file).run.model;
    expect(internalReferences(scenario, file)).toEqual([]);
  });

  it('the events of the acid-rain scenario, seed 1, 1977-1990 (timeline notes, silence citations of the MOUs)', () => {
    const evs = events('scenarios/acid-rain-1980s.yaml', null, '1990-12');
    // The run must reach the parts the test is about: the dated record and the MOUs' citations.
    expect(evs.filter((e) => e.kind === 'timeline.applied').length).toBeGreaterThan(10);
    expect(evs.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou')).toBe(true);
    expect(evs.flatMap((e) => internalReferences(e, `event #${e.seq} ${e.kind}`))).toEqual([]);
  });

  it('the events of the strict-compact-clause variant, 1981-1984 (Congress consent citations)', () => {
    const evs = events('scenarios/acid-rain-1980s.yaml', 'strict-compact-clause', '1984-12');
    expect(evs.some((e) => e.kind === 'approval.requested')).toBe(true);
    expect(evs.flatMap((e) => internalReferences(e, `event #${e.seq} ${e.kind}`))).toEqual([]);
  });

  it('the events of the constitutional comparison under each constitution, 1995-1997', () => {
    const { scenario } = prepare('scenarios/constitutional-comparison.yaml').run.model;
    expect(scenario.variants.length).toBeGreaterThan(0);
    for (const variant of [null, ...scenario.variants.map((v) => v.id)]) {
      const evs = events('scenarios/constitutional-comparison.yaml', variant, '1997-12');
      expect(evs.some((e) => Array.isArray(e['citations']) || typeof e['citation'] === 'string'), `variant ${variant}`).toBe(true);
      expect(evs.flatMap((e) => internalReferences(e, `${variant ?? 'default'}: event #${e.seq} ${e.kind}`))).toEqual([]);
    }
  });
});
