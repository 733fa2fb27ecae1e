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

/** Offices, budgets and organisations (issue 12): how the parts fit, beside the formulas that carry them. */
const OFFICES_AND_BUDGETS = [
  '## Offices, budgets and international organisations',
  '',
  'An **office** is an instrument with a lifecycle, held by a subnational (its initiator) in a host: a foreign',
  'capital (a foreign central), a foreign subnational (an office in its territory), an organisation\'s seat (a',
  'liaison office), or the own capital (the own central, weighed when parameter `ownCapitalOffices` is 1). A',
  'holder keeps at most one office per host (one in force or awaiting approval rules out another). It opens',
  'when `utility` clears `actThreshold` and the host accepts (a foreign state by `partnerState`, the own central',
  'by `consent`, an organisation by `organisation`, a subnational by its own `utility`), is reviewed every',
  '`behaviour.instruments.office.review` months by `renew`, and closes (`instrument.lapsed`) when its value no',
  'longer covers its cost. Offices open at the start are inputs: the scenario\'s `holdings` (in force at tick 0,',
  'no event); every opening and closure after the start is an outcome.',
  '',
  'A **budget** is a subnational\'s money for external action per year, from the `budget` formula (its economy and',
  'goals: attributes the scenario gives, such as `gdp`; a timeline may change them as data). **Spending** is the',
  'sum of the running costs per year (`behaviour.instruments.<kind>.runningCost`) of the instruments in force it',
  'holds (a partner judging a proposal made to it, the host of an office, reads `runningCost` 0: the holder pays).',
  '`utility` and `renew` read `runningCost`, `budget` and `spending`, so a scenario can say that an office',
  'opens when its value covers its running cost out of what is left of the budget, and closes at a review when it',
  'no longer does. Spending is an output: indicators `spending: {central}` and `budget: {central}` sum it per',
  'country. With the defaults (budget 0, no running cost, formulas that do not read them) nothing changes.',
  '',
  'An **international organisation** (scenario `organisations`: the EU, the UN, UNESCO, la Francophonie) is a',
  'partner of no country, with a `seat`, member states and `openToUnits` (how far its charter admits constituent',
  'units). Every unit weighs it as a partner for an office (a liaison office at its seat), membership (a seat),',
  'a visit, an MOU, an agreement or a treaty; it answers by the `organisation` formula. Rule sets see it as the',
  'partner category `organisation` (and the own central as `own-state`): a rule naming the category applies to',
  'it, and where none does the rule set is silent and its silence decides. Ties with an organisation have no',
  'Duchacek type (multilateral, like network memberships); `partnerIsOrganisation` and `ownState` let formulas',
  'tell these partners apart.',
];

/** Kin states, constitutional change, successions and third parties (issue 12 part B). */
const KIN_CHANGE_THIRD_PARTIES = [
  '## Kin states, constitutional change, successions and third parties',
  '',
  'A **kin state** is a foreign central with its own support for a subnational\'s identity and protodiplomatic',
  'goals (`centrals[].kinSupport.<unit>`, 0..1; an input its government\'s line may change on the timeline). The',
  'unit reads it as `partnerSupport` in its goal formulas (a tie with a supporting state is worth more); the state',
  'reads it as `support` in `partnerState`, so it judges a proposal from its own side: by default protodiplomacy',
  'costs it `0.5 * (1 - support)` and support adds to its score. A diaspora is a kin entry of the unit (`kin`).',
  '',
  '**Constitutional change**: a country\'s rule set changes on a date, by the validity of its periods (`valid`) or',
  'by a timeline input switching a central\'s `ruleSet` to another country; every rule set a timeline can switch',
  'to is loaded and validated at load. Between two periods the country is silent, not forbidding: its silence',
  'options decide (binding instruments forbidden, non-binding allowed by default). Each change is an event,',
  '`rules.changed`, with the rule set before and after, the cause and the new period\'s legal basis.',
  '',
  'A **succession** (scenario `successions`: a date, a predecessor, a successor) is an input about who exists:',
  'on its date the successor, a central, takes the place of the predecessor, a central (the FRY and Serbia) or a',
  'subnational (a union republic become a state). The model\'s rule is continuity: every tie of the predecessor in',
  'force or pending now has the successor as that party, and every reference to the predecessor (borders, trade',
  'ties, kin, attitudes, kin support) names the successor; a predecessor unit no longer acts. `central.succeeded`',
  'lists the ties carried over, with the rule.',
  '',
  'A **third party** (scenario `thirdParties`) is a domestic actor that is not a government (Bosniak political',
  'representatives): it watches some units, frames each tie they sign (`framing`: below 0 a threat, else',
  'legitimate; `action.framed` with the score and its inputs) and holds a relation with each unit',
  '(`thirdPartyRelation`, mapped to the relation modes by the relation parameters; `relation.changed` with',
  '`holder`). Its decisions draw from the central stream after `apply`, one draw per watcher and tie.',
  '',
  'A **court case** (issue 13; parameter `litigation`, 0 by default: then nothing of it is scored) is a domestic',
  'action beside lobbying and an own law: a unit takes its own central to court on an issue (formula `litigate`;',
  'New York v. Thomas under the Clean Air Act\'s section 115), at most once per issue. While pending it adds',
  '`casePressure` times the plaintiff\'s capacity per month to the central\'s pressure on the issue. After',
  '`caseTermMonths` of calendar time the court rules, one draw against `rulingForRate`; the central appeals a',
  'ruling for the plaintiff when the plaintiff\'s position exceeds its own by `appealGap`, and the appeal court',
  'rules `appealTermMonths` later, reversing at `reversalRate`. A ruling for the plaintiff that stands adds',
  '`rulingPressure` times its capacity. Events `action.litigated`, `action.ruled`, `action.appealed`; the draws',
  'come from the central stream in `apply`, one per ruling, in the order of the cases (plaintiff, then issue).',
];

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
  out.push('', ...OFFICES_AND_BUDGETS);
  out.push('', ...KIN_CHANGE_THIRD_PARTIES);
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
