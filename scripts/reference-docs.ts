/**
 * Generates the reference documents that must never drift from the code: the scenario JSON Schema (for
 * editors: `# yaml-language-server: $schema=...`) and the formula and parameter reference. `npm run docs`
 * writes them; test/reference-docs.test.ts fails when the committed copies are stale.
 */
import { z } from 'zod';
import { DEFAULT_INSTRUMENTS, DEFAULT_PARAMETERS, FORMULAS } from '../src/rules/catalog.ts';
import { FORMULA_FUNCTIONS } from '../src/rules/formula.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { experimentJsonSchema } from '../src/experiment/experiment-schema.ts';

export { experimentJsonSchema };

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'paradip scenario', ...schema }, null, 2)}\n`;
}

export function formulaReference(): string {
  const out: string[] = [
    '# Formulas, variables and parameters',
    '',
    'Generated from `src/rules/catalog.ts` by `npm run docs`; do not edit by hand.',
    '',
    'Every behaviour rule of the model is a formula a scenario may replace under `behaviour.formulas.<name>`.',
    'A formula may read the variables listed for it, every parameter (defaults below, plus any the scenario',
    'declares under `behaviour.parameters`) and every subnational attribute (0 where a unit lacks it). Formulas',
    'are checked when the scenario loads: unknown variables, property access, assignment and any function not',
    'listed below are errors with a line and column.',
    '',
    '## Functions',
    '',
    '| function | arguments | meaning |',
    '|---|---|---|',
    ...Object.entries(FORMULA_FUNCTIONS).map(([name, f]) => `| \`${name}\` | ${f.arity[0] === f.arity[1] ? f.arity[0] : `${f.arity[0]}+`} | ${f.doc} |`),
    '',
    'Operators: `+ - * / ^ mod`, comparisons `< <= > >= == !=` (1 or 0), `and or not`, `a ? b : c`, constants `pi`, `e`.',
    '',
    '## Formulas',
    '',
  ];
  for (const [name, spec] of Object.entries(FORMULAS)) {
    out.push(`### \`${name}\``, '', spec.doc, '', `Default: \`${spec.default}\``, '', '| variable | meaning |', '|---|---|');
    for (const [v, doc] of Object.entries(spec.variables)) out.push(`| \`${v}\` | ${doc} |`);
    out.push('');
  }
  out.push('Issue goals use `goal.issue` unless the scenario sets `goal.<issue id>`.', '', '## Parameters', '', '| parameter | default | meaning |', '|---|---|---|');
  for (const [name, p] of Object.entries(DEFAULT_PARAMETERS)) out.push(`| \`${name}\` | ${p.value} | ${p.doc} |`);
  out.push('', '## Instruments', '', 'Defaults of `behaviour.instruments.<kind>`: cost, fit to each goal (`issue` stands for every issue goal), term in months (0: no expiry), review in months (0: never reviewed; else renewed or lapsing by the renew formula).', '', '| instrument | cost | economic | identity | protodiplomatic | issue | term | review |', '|---|---|---|---|---|---|---|---|');
  for (const [kind, d] of Object.entries(DEFAULT_INSTRUMENTS)) out.push(`| ${kind} | ${d.cost} | ${d.fit['economic']} | ${d.fit['identity']} | ${d.fit['protodiplomatic']} | ${d.fit['issue']} | ${d.term} | ${d.review} |`);
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync('docs/scenario.schema.json', scenarioJsonSchema());
  writeFileSync('docs/formulas.md', formulaReference());
  writeFileSync('docs/experiment.schema.json', experimentJsonSchema());
  // The screen the README and the teaching guide quote, from a real run (scripts/ui-screen-doc.tsx).
  const { uiScreen } = await import('./ui-screen-doc.tsx');
  writeFileSync('docs/ui-screen.txt', await uiScreen(process.cwd()));
  console.log('wrote docs/scenario.schema.json, docs/formulas.md, docs/experiment.schema.json and docs/ui-screen.txt');
}
