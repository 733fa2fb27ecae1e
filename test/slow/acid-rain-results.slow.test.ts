/**
 * The results docs/scenarios/acid-rain.md reports in section 4 are what the program produces now (issue 11,
 * item 2): the generator (scripts/acid-rain-results.ts) reruns them, 100 seeds for each variant and tie
 * channel and 30 seeds for each of the 85 robustness settings, and every generated section must equal the
 * committed text. Determinism makes the comparison exact. After a change to the model: `npm run docs`.
 * Slow (several minutes on two cores): `npm run test:slow`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acidRainResults, RESULTS, type SectionName } from '../../scripts/acid-rain-results.ts';
import { generatedSections } from '../../scripts/generated-sections.ts';

const ROOT = join(import.meta.dirname, '../..');
const NAMES: SectionName[] = ['acid-rain-transfer', 'acid-rain-measures', 'acid-rain-counterfactuals', 'acid-rain-robustness'];

describe(`${RESULTS.doc}: the results it reports are the program's (rerun: npm run docs)`, () => {
  const quoted = generatedSections(readFileSync(join(ROOT, RESULTS.doc), 'utf8'));
  let produced: Record<SectionName, string>;
  beforeAll(async () => {
    produced = await acidRainResults({ root: ROOT });
  }, 3_600_000);

  it.each(NAMES)('section %s', (name) => {
    expect(quoted[name], `${RESULTS.doc} has no "<!-- generated: ${name} -->" section`).toBeDefined();
    expect(quoted[name]).toBe(produced[name]);
  });
});
