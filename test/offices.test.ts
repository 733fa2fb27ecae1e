/**
 * Offices with a lifecycle, budgets and spending, international organisations as partners (issue 12, part A),
 * end to end on small worlds run by the real engine: where an office may stand (a foreign capital, an
 * organisation's seat, the own capital), one per host, running costs against a budget, closure when the value no
 * longer covers the cost, seats in organisations, and the rule sets' categories for the new partners.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import type { RuleSet } from '../src/rules/rule-set.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { simulate } from '../src/testing/index.ts';

const library = loadRuleSets(null);
if (!library.ok) throw new Error('rule-set library does not load');
const root = join(import.meta.dirname, '..');
type Ev = Record<string, unknown> & { kind: string; date: string };
const parse = (lines: string[]): Ev[] => lines.map((l) => JSON.parse(l) as Ev);
const signedOffices = (ev: Ev[], by: string): string[][] =>
  ev.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && e['initiator'] === by).map((e) => e['parties'] as string[]);

/** A territory of Denmark (rule set DK: silent, non-binding allowed), a foreign state, the EU. */
function world(extra: { parameters?: Record<string, number>; formulas?: Record<string, string>; instruments?: Record<string, unknown>; [k: string]: unknown } = {}) {
  const { parameters, formulas, instruments, ...rest } = extra;
  return scenarioSchema.parse({
    paradip: 1, id: 'offices', title: 'Offices', calendar: { tick: 'month', start: '2000-01', end: '2009-12' },
    centrals: [
      { id: 'DK', name: 'Denmark', ruleSet: 'DK', neighbours: [] },
      { id: 'IS', name: 'Iceland', ruleSet: 'OPEN', neighbours: [], attitude: { DK: 0.5 } },
    ],
    subnationals: [{ id: 'FO', name: 'Faroe Islands', kind: 'territory', central: 'DK', competences: ['economy'], goals: { economic: 1 }, tradeTies: { IS: 0.8, DK: 0.8, EU: 0.8 } }],
    organisations: [{ id: 'EU', name: 'European Union', seat: 'Brussels', members: ['DK'] }],
    behaviour: { parameters: { noise: 0, ...parameters }, formulas: formulas ?? {}, instruments: instruments ?? { office: { cost: 0.3 } } },
    ...rest,
  });
}

describe('international organisations as partners', () => {
  it('a unit opens a liaison office at an organisation: no Duchacek type, the rule set silent on the category decides', () => {
    const ev = parse(simulate(world(), library.ruleSets, 1).events);
    const eu = ev.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && (e['parties'] as string[]).includes('EU'));
    expect(eu).toBeDefined();
    expect(eu!['duchacek']).toBeNull();
    expect((eu!['citations'] as string[])[0]).toMatch(/^Silent: the article "Paradiplomacy" states no rule for the Faroes/);
  });

  it('a rule naming the category organisation applies to it: an office there is forbidden, one in a foreign capital is not', () => {
    const open = library.ruleSets.find((r) => r.id === 'OPEN')!;
    const noIo: RuleSet = { ...open, id: 'NOIO', country: 'NOIO', subnationalKinds: ['territory'], rules: [{ id: 'no-io', effect: 'forbid', instruments: ['office'], partners: ['organisation'], citation: 'test: no office at an organisation' }, ...open.rules] };
    const s = world();
    s.centrals[0]!.ruleSet = 'NOIO';
    const ev = parse(simulate(s, [...library.ruleSets, noIo], 1).events);
    const forbidden = ev.filter((e) => e.kind === 'action.forbidden');
    expect(forbidden.length).toBeGreaterThan(0);
    expect(forbidden.every((e) => (e['parties'] as string[]).includes('EU') && e['instrument'] === 'office')).toBe(true);
    expect(forbidden[0]!['citations']).toEqual(['test: no office at an organisation']);
    expect(signedOffices(ev, 'FO').some((p) => p.includes('EU'))).toBe(false);
    expect(signedOffices(ev, 'FO').some((p) => p.includes('IS'))).toBe(true);
  });

  it('a seat (membership) needs a charter open to constituent units; a unit holds at most one seat in an organisation', () => {
    const seats = (openToUnits: number): number => {
      const s = world({ organisations: [{ id: 'EU', name: 'European Union', seat: 'Brussels', members: ['DK'], openToUnits }], instruments: { membership: { cost: 0, fit: { economic: 2 } } } });
      const ev = parse(simulate(s, library.ruleSets, 1).events);
      return ev.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'membership').length;
    };
    expect(seats(0)).toBe(0);
    expect(seats(1)).toBe(1);
  });
});

describe('offices', () => {
  it('an office in the own capital is weighed only when parameter ownCapitalOffices is 1', () => {
    const off = parse(simulate(world({ parameters: { loadCost: 0 } }), library.ruleSets, 1).events);
    expect(signedOffices(off, 'FO').some((p) => p.includes('DK'))).toBe(false);
    const on = parse(simulate(world({ parameters: { ownCapitalOffices: 1, loadCost: 0 } }), library.ruleSets, 1).events);
    const own = on.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && (e['parties'] as string[]).includes('DK'));
    expect(own).toBeDefined();
    expect(own!['duchacek']).toBeNull();
  });

  it("the host of an office judges it without its running cost (the holder pays it)", () => {
    const s = world({
      centrals: [
        { id: 'DK', name: 'Denmark', ruleSet: 'DK', neighbours: [] },
        { id: 'IS', name: 'Iceland', ruleSet: 'OPEN', neighbours: [] },
      ],
      subnationals: [
        { id: 'FO', name: 'Faroe Islands', kind: 'territory', central: 'DK', goals: { economic: 1 }, tradeTies: { 'IS-1': 0.8 } },
        { id: 'IS-1', name: 'Reykjavik region', kind: 'region', central: 'IS', goals: { economic: 1 }, tradeTies: { FO: 0.8 } },
      ],
      organisations: [],
      parameters: { actThreshold: 0 },
      instruments: { office: { cost: 0.3, runningCost: 5 }, visit: { enabled: false, cost: 1 }, mou: { enabled: false, cost: 1 }, twinning: { enabled: false, cost: 1 } },
      // The proposer pays 0.5 for the running cost (score 0.19 >= actThreshold 0); the host, not charged it, scores
      // 0.69 >= acceptThreshold 0.2, where charged it would score 0.19 and decline.
      formulas: { utility: 'total - cost - runningCost * 0.1 + noise' },
    });
    const ev = parse(simulate(s, library.ruleSets, 1, { ticks: 24 }).events);
    expect(ev.filter((e) => e.kind === 'action.declined' && e['instrument'] === 'office')).toEqual([]);
    expect(signedOffices(ev, 'FO')).toEqual([['FO', 'IS-1']]);
    expect(signedOffices(ev, 'IS-1')).toEqual([['IS-1', 'FO']]);
  });

  it('at most one office per host: a holding rules out proposing another there', () => {
    const s = world({ holdings: [{ kind: 'office', parties: ['FO', 'IS'] }] });
    const ev = parse(simulate(s, library.ruleSets, 1).events);
    expect(ev.filter((e) => e.kind === 'action.proposed' && e['instrument'] === 'office' && (e['parties'] as string[]).includes('IS'))).toEqual([]);
    // Without the holding, the same world proposes one there.
    const free = parse(simulate(world(), library.ruleSets, 1).events);
    expect(free.filter((e) => e.kind === 'action.proposed' && e['instrument'] === 'office' && (e['parties'] as string[]).includes('IS')).length).toBeGreaterThan(0);
  });

  const budgeted = (budget: number) =>
    world({
      holdings: [{ kind: 'office', parties: ['FO', 'IS'] }, { kind: 'office', parties: ['FO', 'EU'] }],
      instruments: { office: { cost: 0.8, runningCost: 1.5, review: 12 } },
      formulas: { budget: `${budget} * gdp`, renew: 'total - runningCost / max(budget, 0.01) + noise', utility: 'total - cost - runningCost / max(budget - spending, 0.01) + noise' },
      subnationals: [{ id: 'FO', name: 'Faroe Islands', kind: 'territory', central: 'DK', competences: ['economy'], goals: { economic: 1 }, tradeTies: { IS: 0.8, DK: 0.8, EU: 0.8 }, attributes: { gdp: 2 } }],
      indicators: [
        { id: 'spending_fo', spending: { subnational: 'FO' } },
        { id: 'budget_dk', budget: { central: 'DK' } },
        { id: 'fo_offices', count: { instrument: 'office', by: 'FO' } },
        { id: 'fo_in_iceland', count: { instrument: 'office', by: 'FO', party: 'IS' } },
      ],
    });

  it('spending is the running cost of the offices in force a unit holds; the budget is its formula', () => {
    const out = simulate(budgeted(10), library.ruleSets, 1, { ticks: 1 });
    // Columns: tick, date, in_force, awaiting_approval, laws, then the scenario's indicators.
    const row = out.indicators[0]!.split(',');
    expect(Number(row[5])).toBe(3);
    expect(Number(row[6])).toBe(20);
    expect(Number(row[7])).toBe(2);
    expect(Number(row[8])).toBe(1);
  });

  it('an office closes at its review when its value no longer covers its running cost out of the budget', () => {
    const rich = parse(simulate(budgeted(10), library.ruleSets, 1).events);
    expect(rich.filter((e) => e.kind === 'instrument.lapsed')).toEqual([]);
    expect(rich.filter((e) => e.kind === 'instrument.renewed').length).toBeGreaterThan(0);
    const poor = parse(simulate(budgeted(0.5), library.ruleSets, 1).events);
    const lapsed = poor.filter((e) => e.kind === 'instrument.lapsed');
    // Both offices of the start close at their first review (12 months), by their holder.
    expect(lapsed.filter((e) => e.date === '2001-01-01').map((e) => (e['parties'] as string[])[1]).sort()).toEqual(['EU', 'IS']);
    expect(lapsed.every((e) => e['by'] === 'FO')).toBe(true);
  });

  it('indicators ratio, spendingRank, attribute and count byCentral read the world of the tick', () => {
    const s = world({
      centrals: [
        { id: 'DK', name: 'Denmark', ruleSet: 'DK', neighbours: [] },
        { id: 'IS', name: 'Iceland', ruleSet: 'OPEN', neighbours: [], attitude: { DK: 0.5 } },
      ],
      subnationals: [
        { id: 'FO', name: 'Faroe Islands', kind: 'territory', central: 'DK', goals: { economic: 1 }, tradeTies: { IS: 0.8 }, attributes: { pop: 0.05 } },
        { id: 'GL', name: 'Greenland', kind: 'territory', central: 'DK', goals: { economic: 1 }, tradeTies: { IS: 0.8 }, attributes: { pop: 0.056 } },
      ],
      holdings: [{ kind: 'office', parties: ['FO', 'IS'] }, { kind: 'office', parties: ['FO', 'EU'] }, { kind: 'office', parties: ['GL', 'IS'] }],
      instruments: { office: { cost: 0.3, runningCost: 2 }, visit: { enabled: false, cost: 1 }, mou: { enabled: false, cost: 1 } },
      indicators: [
        { id: 'fo', spending: { subnational: 'FO' } },
        { id: 'gl', spending: { subnational: 'GL' } },
        { id: 'fo_over_gl', ratio: { numerator: 'fo', denominator: 'gl' } },
        { id: 'gl_over_fo', ratio: { numerator: 'gl', denominator: 'fo' } },
        { id: 'gl_rank', spendingRank: { subnational: 'GL' } },
        { id: 'fo_rank', spendingRank: { subnational: 'FO' } },
        { id: 'pop', attribute: { name: 'pop', central: 'DK' } },
        { id: 'dk_units_offices', count: { instrument: 'office', byCentral: 'DK' } },
        { id: 'dk_in_is', count: { instrument: 'office', byCentral: 'DK', central: 'IS' } },
      ],
    });
    const row = simulate(s, library.ruleSets, 1, { ticks: 1 }).indicators[0]!.split(',').slice(5).map(Number);
    expect(row[0]).toBe(4);
    expect(row[1]).toBe(2);
    expect(row[2]).toBe(2);
    expect(row[3]).toBe(0.5);
    expect(row[4]).toBe(2);
    expect(row[5]).toBe(1);
    expect(row[6]).toBeCloseTo(0.106, 10);
    expect(row[7]).toBe(3);
    expect(row[8]).toBe(2);
  });

  it('a ratio of an indicator declared after it, or dividing by 0, is refused or NA', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paradip-ratio-'));
    try {
      const file = join(dir, 's.yaml');
      writeFileSync(file, [
        'paradip: 1', 'id: s', 'title: S', 'calendar: {tick: month, start: 2000-01, end: 2000-02}',
        'centrals: [{id: DK, name: Denmark, ruleSet: DK}]',
        'subnationals: [{id: FO, name: Faroe, kind: territory, central: DK}]',
        'indicators:', '  - {id: r, ratio: {numerator: a, denominator: a}}', '  - {id: a, spending: {central: DK}}', '',
      ].join('\n'));
      const bin = join(root, 'bin/paradip.js');
      let out = '';
      try {
        execFileSync(process.execPath, [bin, 'validate', file], { cwd: root, stdio: 'pipe' });
      } catch (e) {
        out = (e as { stdout: Buffer }).stdout.toString() + (e as { stderr: Buffer }).stderr.toString();
      }
      expect(out).toMatch(/s\.yaml:8:\d+.*unknown indicator declared before this one "a"/);
      writeFileSync(file, readFileSync(file, 'utf8').replace('  - {id: r, ratio: {numerator: a, denominator: a}}\n  - {id: a, spending: {central: DK}}', '  - {id: a, spending: {central: DK}}\n  - {id: r, ratio: {numerator: a, denominator: a}}'));
      execFileSync(process.execPath, [bin, 'run', file, '--seed', '1', '--out', join(dir, 'run'), '--quiet', '--no-ui'], { cwd: root, stdio: 'pipe' });
      const lines = readFileSync(join(dir, 'run', 'indicators.csv'), 'utf8').trim().split('\n');
      expect(lines[0]!.endsWith(',a,r')).toBe(true);
      expect(lines[1]!.endsWith(',0,NA')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad holdings are refused with their position: an unknown host, a second office in one host (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paradip-offices-'));
    try {
      const file = join(dir, 's.yaml');
      writeFileSync(file, [
        'paradip: 1', 'id: s', 'title: S', 'calendar: {tick: month, start: 2000-01, end: 2000-12}',
        'centrals: [{id: DK, name: Denmark, ruleSet: DK}]',
        'subnationals: [{id: FO, name: Faroe, kind: territory, central: DK}]',
        'holdings:', '  - {kind: office, parties: [FO, XX]}', '  - {kind: office, parties: [FO, DK]}', '  - {kind: office, parties: [FO, DK]}', '',
      ].join('\n'));
      let out = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [join(root, 'bin/paradip.js'), 'validate', file], { cwd: root, stdio: 'pipe' });
      } catch (e) {
        const err = e as { status: number; stdout: Buffer; stderr: Buffer };
        status = err.status;
        out = err.stdout.toString() + err.stderr.toString();
      }
      expect(status).toBe(2);
      expect(out).toMatch(/s\.yaml:8:\d+.*unknown party "XX"/);
      expect(out).toMatch(/s\.yaml:10:\d+.*a second office of FO in DK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
