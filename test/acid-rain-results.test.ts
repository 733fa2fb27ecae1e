/**
 * The generated results of docs/scenarios/acid-rain.md, the parts that need no runs (issue 11, item 2): the
 * markers are there and belong to the generator, the robustness tables list exactly the settings the
 * generator moves for the scenario as it is now (a parameter added, removed or changed in the file fails
 * here at once), the counterfactual table has every variant with its description, and the transfer check of
 * section 3.1 (computed from the scenario's data alone) is exact. That the numbers are
 * what the program produces is test/slow/acid-rain-results.slow.test.ts (100-seed runs, `npm run test:slow`).
 * After a change to the model or the scenario: `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS, robustnessSettings, transferCheck, wrapSection } from '../scripts/acid-rain-results.ts';
import { generatedSections, spliceGenerated } from '../scripts/generated-sections.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';

const ROOT = join(import.meta.dirname, '..');
const doc = readFileSync(join(ROOT, RESULTS.doc), 'utf8');
const sections = generatedSections(doc);
const prep = prepareRun({ scenario: RESULTS.scenario, seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT });
if (!prep.ok) throw new Error(prep.problems.map((p) => p.message).join('; '));
const scenario = prep.prepared.run.model.scenario;

describe('generated sections of a document', () => {
  const text = 'intro\n<!-- generated: a -->\nold a\n<!-- end generated -->\nmiddle\n<!-- generated: b -->\nold b\n<!-- end generated -->\nend\n';

  it('reads each section by name', () => {
    expect(generatedSections(text)).toEqual({ a: 'old a\n', b: 'old b\n' });
  });

  it('replaces every section and keeps the text around them', () => {
    expect(spliceGenerated(text, { a: 'new a\n', b: '\nnew b\n\n' })).toBe('intro\n<!-- generated: a -->\nnew a\n<!-- end generated -->\nmiddle\n<!-- generated: b -->\n\nnew b\n\n<!-- end generated -->\nend\n');
  });

  it('refuses a section the document does not mark', () => {
    expect(() => spliceGenerated(text, { a: '', b: '', c: '' }, 'x.md')).toThrow('x.md has no markers for "<!-- generated: c -->"');
  });

  it('refuses to leave a marked section without a generator (it would keep stale numbers)', () => {
    expect(() => spliceGenerated(text, { a: '' }, 'x.md')).toThrow('x.md marks sections no generator writes: b');
  });

  it('refuses a section marked twice', () => {
    expect(() => generatedSections(`${text}<!-- generated: a -->\n<!-- end generated -->\n`)).toThrow('generated section "a" appears twice');
  });
});

describe(`${RESULTS.doc}: its generated results`, () => {
  it('marks exactly the sections the generator writes', () => {
    expect(Object.keys(sections).sort()).toEqual(['acid-rain-counterfactuals', 'acid-rain-measures', 'acid-rain-robustness', 'acid-rain-transfer']);
  });

  it('section 3.1\'s transfer check is what the scenario\'s data give now (no runs needed, so checked here in full)', () => {
    expect(sections['acid-rain-transfer']).toBe(wrapSection(transferCheck(scenario)));
  });

  it('quotes no section empty (npm run docs has filled them)', () => {
    for (const [name, text] of Object.entries(sections)) expect(text.trim(), name).not.toBe('');
  });

  it('moves every behaviour parameter but the switches and the cost of every enabled instrument, and only those', () => {
    const settings = robustnessSettings(scenario);
    const switches = ['litigation', 'lobbyAgainst'];
    const params = Object.keys(scenario.behaviour.parameters).filter((p) => !switches.includes(p));
    for (const p of switches) expect(Object.keys(scenario.behaviour.parameters), p).toContain(p);
    expect(new Set(settings.map((s) => s.parameter))).toEqual(new Set([...params, 'mou.cost']));
    const depositionHalf = settings.filter((s) => s.parameter === 'depositionHalf');
    expect(depositionHalf.map((s) => s.value)).toEqual([scenario.behaviour.parameters['depositionHalf']! * 0.9, scenario.behaviour.parameters['depositionHalf']! * 1.1].map((x) => Number(x.toPrecision(10))));
    expect(settings.filter((s) => s.parameter === 'gate').map((s) => s.value)).toEqual([-0.1, 0.1]);
  });

  it('lists, in the table of every pass rate, exactly those settings with the values the file now has', () => {
    const rows = [...sections['acid-rain-robustness']!.matchAll(/^\| ([\w.]+) \| (-?[\d.]+) \((.+?)\) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows).toEqual(robustnessSettings(scenario).map((s) => `${s.parameter} ${s.value} ${s.label}`));
  });

  it('has a row for every variant of the scenario, with its description', () => {
    const text = sections['acid-rain-counterfactuals']!;
    expect(scenario.variants.length).toBeGreaterThan(0);
    for (const v of scenario.variants) expect(text).toContain(`| \`${v.id}\` | ${v.description} |`);
    expect(text.match(/^\| `[a-z0-9-]+` \|/gm)).toHaveLength(scenario.variants.length);
  });
});
