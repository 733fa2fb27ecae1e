/**
 * The rule-set library (scenarios/rule-sets/*.yaml): every file validates, every country of seed-catalog
 * section 2 is there, and every rule, power and silence is checked by a test named after its citation
 * (the tests live in test/rule-sets/, one module per group of countries). The coverage test fails when a rule
 * decides no assessment in any citation test, so the library cannot grow without its specification.
 */
import { describe, expect, it } from 'vitest';
import { defineAmericasTests } from './rule-sets/americas.ts';
import { defineEuropeTests } from './rule-sets/europe.ts';
import {
  assess, coverageKeys, covers, CROSS_BORDER_UNIT, DISTANT_STATE, exerciseAll, files, power, ruleSet, ruleSets, runCase, uncovered,
} from './rule-sets/harness.ts';
import { defineControlTests, defineOtherTests } from './rule-sets/others.ts';
import { defineSchemaTests } from './rule-sets/schema.ts';

describe('rule-set files', () => {
  it.each(files.map((f) => [f.file, f]))('%s validates against the rule-set schema', (_file, f) => {
    expect(f.result.ok ? [] : f.result.problems).toEqual([]);
  });

  it('each file is named after its rule set', () => {
    for (const f of files) if (f.result.ok) expect(f.file).toBe(`${f.result.ruleSet.id}.yaml`);
  });

  it('every country and period of seed-catalog section 2 has a rule set (and Japan, a partner of S13, silent)', () => {
    expect(ruleSets.filter((r) => r.id !== 'OPEN').map((r) => `${r.country}:${r.id}`).sort()).toEqual(
      ['AR:AR-1853', 'AR:AR-1994', 'AT:AT', 'BA:BA', 'BE:BE-1970', 'BE:BE-1993', 'CA:CA', 'CH:CH', 'CN:CN', 'DE:DE', 'DK:DK', 'JP:JP', 'RU:RU', 'SU:SU', 'UK:UK', 'US:US'],
    );
  });

  it('the periods of one country do not overlap', () => {
    for (const a of ruleSets) {
      for (const b of ruleSets) {
        if (a.id >= b.id || a.country !== b.country) continue;
        const apart = (a.valid.to !== undefined && b.valid.from !== undefined && a.valid.to <= b.valid.from)
          || (b.valid.to !== undefined && a.valid.from !== undefined && b.valid.to <= a.valid.from);
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });

  it('every silence names itself and says that it is configurable', () => {
    for (const rs of ruleSets.filter((r) => r.id !== 'OPEN')) {
      expect(rs.silence.citation, rs.id).toMatch(/^Silent: .*\(configurable: ruleOptions silenceBinding, silenceNonBinding\)$/);
      // Binding instruments default to the federal reservation of external relations; practice allows the rest.
      expect(rs.silence, rs.id).toMatchObject({ binding: 'forbid', nonBinding: 'allow' });
    }
  });
});

defineSchemaTests();
defineAmericasTests();
defineEuropeTests();
defineOtherTests();
defineControlTests();

describe('coverage', () => {
  // Runs every citation test itself (they are registered when this file is collected), so the answer is the
  // same whatever ran before, in whatever order, and when this test runs alone.
  it('every rule, power and reachable silence of every rule-set file decides at least one assessment in a citation test', () => {
    const { exercised, failures } = exerciseAll();
    expect(uncovered(exercised), `counted only passing citation tests; failing:\n${failures.join('\n')}`).toEqual([]);
  });
});

describe('coverage ledger', () => {
  it('counts the rule that decided an assessment, not the rule a test names', () => {
    // The treaty is decided by US rule "treaty"; the test claims the compact rule too, which it never reaches.
    const claimsTooMuch = () => {
      covers('US', 'treaty', 'compact-foreign-power');
      expect(assess('US', 'treaty', DISTANT_STATE).rule).toBe('treaty');
    };
    expect(() => runCase('claims too much', claimsTooMuch)).toThrow(
      '"claims too much" covers US/compact-foreign-power, but no assessment or power look-up in it was decided by that (decided: US/treaty)',
    );
    expect([...runCase('silence', () => assess('US', 'mou', CROSS_BORDER_UNIT))]).toEqual(['US/silence']);
  });

  it('counts a power only when the look-up finds it', () => {
    expect([...runCase('not found', () => power('CH', 'veto', 'treaty', null))]).toEqual([]);
    expect([...runCase('found', () => power('CH', 'veto', 'treaty', null, { federalObjection: true }))]).toEqual(['CH/power:veto']);
  });

  it('asks for silence only where it can decide; an unknown key or a claim outside a case is a mistake', () => {
    expect(coverageKeys(ruleSet('OPEN'))).toEqual(['open-all']);
    expect(coverageKeys(ruleSet('US'))).toContain('silence');
    expect(() => runCase('typo', () => covers('US', 'treatyy'))).toThrow('rule set US has nothing called "treatyy"');
    expect(() => covers('US', 'treaty')).toThrow('only meaningful inside a ruleTest');
  });

  it('reports every key of every rule set when nothing was exercised', () => {
    const all = uncovered(new Set());
    expect(all).toContain('US/treaty');
    expect(all).toContain('AT/power:take-over');
    expect(all).not.toContain('OPEN/silence');
    expect(all).toHaveLength(ruleSets.reduce((n, rs) => n + coverageKeys(rs).length, 0));
  });
});
