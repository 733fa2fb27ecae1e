/**
 * A parsed file's positions once its YAML document is gone: the Source holds the document weakly (a run does
 * not keep 700 bytes per value of it), and parses the same text again to point at a later problem.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './source.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEXT = ['id: demo', 'behaviour:', '  formulas:', '    utility: "a + b"', 'subnationals:', '  - id: A', '    goals: { economic: 1 }', ''].join('\n');

describe('Source', () => {
  it('points at the same places after the document was collected as before', async () => {
    const parsed = parseYaml(TEXT, 'demo.yaml');
    if (!parsed.ok) throw new Error('does not parse');
    const { source } = parsed;
    const before = {
      value: source.locate(['subnationals', 0, 'goals', 'economic']),
      key: source.locateKey(['behaviour', 'formulas', 'utility']),
      scalar: source.scalarStart(['behaviour', 'formulas', 'utility']),
      missing: source.locate(['subnationals', 0, 'kin']),
    };
    expect(before.value).toEqual({ line: 7, column: 24 });
    expect(before.key).toEqual({ line: 4, column: 5 });
    expect(before.scalar).toBe(TEXT.indexOf('a + b'));
    expect(before.missing).toEqual({ line: 6, column: 5 });
    // A weakly held object outlives the job that made it: collect after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(source.locate(['subnationals', 0, 'goals', 'economic'])).toEqual(before.value);
    expect(source.locateKey(['behaviour', 'formulas', 'utility'])).toEqual(before.key);
    expect(source.scalarStart(['behaviour', 'formulas', 'utility'])).toBe(before.scalar);
    expect(source.locate(['subnationals', 0, 'kin'])).toEqual(before.missing);
  });
});
