import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimentJsonSchema, formulaReference, scenarioJsonSchema } from '../scripts/reference-docs.ts';

describe('reference documents are up to date (run `npm run docs` after changing the schema or the catalog)', () => {
  it('docs/scenario.schema.json', () => {
    expect(readFileSync(new URL('../docs/scenario.schema.json', import.meta.url), 'utf8')).toBe(scenarioJsonSchema());
  });
  it('docs/experiment.schema.json', () => {
    expect(readFileSync(new URL('../docs/experiment.schema.json', import.meta.url), 'utf8')).toBe(experimentJsonSchema());
  });
  it('docs/formulas.md', () => {
    expect(readFileSync(new URL('../docs/formulas.md', import.meta.url), 'utf8')).toBe(formulaReference());
  });
});
