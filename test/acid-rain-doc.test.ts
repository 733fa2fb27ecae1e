/**
 * The tables of docs/scenarios/acid-rain.md that copy the scenario file are copies of it (issue 11, item 2):
 * section 3.2's expression of every formula is the file's, and section 3.3's value and text of every
 * parameter are the file's value and the comment beside it ("the same text as the comment beside it in the
 * scenario file", as the doc says), and every parameter of the file has its row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../src/cli/prepare-run.ts';

const ROOT = join(import.meta.dirname, '..');
const FILE = 'scenarios/acid-rain-1980s.yaml';
const DOC = readFileSync(join(ROOT, 'docs/scenarios/acid-rain.md'), 'utf8');
const TEXT = readFileSync(join(ROOT, FILE), 'utf8');
const prep = prepareRun({ scenario: FILE, seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT });
if (!prep.ok) throw new Error(prep.problems.map((p) => p.message).join('; '));
const scenario = prep.prepared.run.model.scenario;

/** The rows of the table under a heading, each as its cells. */
function rows(heading: string): string[][] {
  const at = DOC.indexOf(heading);
  expect(at, `docs/scenarios/acid-rain.md has no "${heading}"`).toBeGreaterThanOrEqual(0);
  const table = DOC.slice(DOC.indexOf('\n|', at) + 1).split('\n\n')[0]!.split('\n').slice(2);
  return table.map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()));
}

describe('docs/scenarios/acid-rain.md copies the scenario file', () => {
  it('3.2: every formula\'s expression', () => {
    const formulas = rows('### 3.2 Submodels');
    expect(formulas.map((r) => r[0]!.replace(/`/g, '')).sort()).toEqual(Object.keys(scenario.behaviour.formulas).sort());
    for (const [name, expression] of formulas.map((r) => [r[0]!.replace(/`/g, ''), r[1]!.replace(/^`|`$/g, '')] as const)) {
      expect(expression, name).toBe(scenario.behaviour.formulas[name]);
    }
  });

  it('3.3: every parameter\'s value and the comment beside it', () => {
    const params = rows('### 3.3 Parameters').filter((r) => r[0]!.startsWith('`'));
    expect(params.map((r) => r[0]!.replace(/`/g, ''))).toEqual(Object.keys(scenario.behaviour.parameters));
    for (const [cell, value, text] of params) {
      const name = cell!.replace(/`/g, '');
      expect(Number(value), name).toBe(scenario.behaviour.parameters[name]);
      const line = new RegExp(`^\\s+${name}: (\\S+)(?: # (.*))?$`, 'm').exec(TEXT);
      expect(line, `${FILE} has no line "${name}: ..."`).not.toBeNull();
      expect(text, name).toBe(line![2] ?? '');
    }
  });
});
