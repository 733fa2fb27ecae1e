/**
 * The rule-set library (scenarios/rule-sets/*.yaml): every file validates, every country of seed-catalog
 * section 2 is there, and every rule, power and silence is checked by a test named after its citation
 * (the tests live in test/rule-sets/, one module per group of countries). The last test fails when a rule
 * has no named test, so the library cannot grow without its specification.
 */
import { describe, expect, it } from 'vitest';
import { defineAmericasTests } from './rule-sets/americas.ts';
import { defineEuropeTests } from './rule-sets/europe.ts';
import { files, ruleSets, uncovered } from './rule-sets/harness.ts';
import { defineControlTests, defineOtherTests } from './rule-sets/others.ts';
import { defineSchemaTests } from './rule-sets/schema.ts';

describe('rule-set files', () => {
  it.each(files.map((f) => [f.file, f]))('%s validates against the rule-set schema', (_file, f) => {
    expect(f.result.ok ? [] : f.result.problems).toEqual([]);
  });

  it('each file is named after its rule set', () => {
    for (const f of files) if (f.result.ok) expect(f.file).toBe(`${f.result.ruleSet.id}.yaml`);
  });

  it('every country and period of seed-catalog section 2 has a rule set', () => {
    expect(ruleSets.filter((r) => r.id !== 'OPEN').map((r) => `${r.country}:${r.id}`).sort()).toEqual(
      ['AR:AR-1853', 'AR:AR-1994', 'AT:AT', 'BA:BA', 'BE:BE-1970', 'BE:BE-1993', 'CA:CA', 'CH:CH', 'CN:CN', 'DE:DE', 'DK:DK', 'RU:RU', 'SU:SU', 'UK:UK', 'US:US'],
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

// Must stay last: it reads the ledger the tests above filled in.
describe('coverage', () => {
  it('every rule, power and silence of every rule-set file is covered by a named test', () => {
    expect(uncovered()).toEqual([]);
  });
});
