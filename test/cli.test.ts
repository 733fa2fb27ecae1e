/**
 * The command line as a user meets it: the real `paradip` binary (the bundle `npm test` builds), real files.
 * Bad input gives file:line:column, what was expected, exit code 2, no stack trace and no output directory;
 * runs are byte-identical for the same seed and resumable from any checkpoint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { prepareRestart } from '../src/cli/ui-host.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const MINI = readFileSync(join(ROOT, 'test/fixtures/mini.yaml'), 'utf8');
let dir = '';

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes the mini scenario with one line replaced; returns the file and the 1-based line of the change. */
function broken(name: string, find: string, replace: string): { file: string; line: number } {
  const index = MINI.indexOf(find);
  if (index < 0) throw new Error(`fixture has no "${find}"`);
  const text = MINI.replace(find, replace);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return { file, line: text.slice(0, index).split('\n').length };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-cli-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});

describe('bad input: a positioned message, exit 2, no stack trace, nothing written', () => {
  const cases: [string, string, string, RegExp][] = [
    ['malformed YAML', 'goals: { economic: 0.8 }', 'goals: { economic: 0.8', /Flow map|flow|Missing|expected/i],
    ['a wrong type', 'capacity: 1', 'capacity: lots', /wrong type at subnationals\.0\.capacity \(expected number, found "lots"\)/],
    ['an unknown id', 'central: B\n', 'central: Z\n', /unknown central "Z" at subnationals\.1\.central/],
    ['a bad date', 'start: 2000-01', 'start: 2000-13', /not a real date at calendar\.start/],
    ['a bad formula', '"total - cost / capacity + noise"', '"total - cost.constructor"', /formula utility/],
    ['an unknown formula variable', '"total - cost / capacity + noise"', '"total - costs"', /unknown variable "costs"/],
    ['an unknown key', 'capacity: 1', 'capacitty: 1', /unknown key "capacitty"/],
    ['a prototype key', 'capacity: 1', '__proto__: 1', /"__proto__" is not allowed/],
    ['a timeline path that does not exist', 'centrals.A.executive.leader', 'centrals.A.executive.leaderr', /timeline input does not fit/],
  ];
  it.each(cases)('%s', (name, find, replace, message) => {
    const { file, line } = broken(name.replace(/\W+/g, '-'), find, replace);
    const out = join(dir, `out-${name.replace(/\W+/g, '-')}`);
    const r = paradip('run', file, '--seed', '1', '--out', out);
    expect(r.code).toBe(2);
    // YAML syntax errors are reported where the parser notices them: the line itself or the next one.
    const lines = name === 'malformed YAML' ? `(${line}|${line + 1})` : `${line}`;
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lines}:\\d+: `));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a formula problem points at the offending character', () => {
    const { file, line } = broken('formula-column', '"total - cost / capacity + noise"', '"total - cost.constructor"');
    const r = paradip('validate', file);
    const col = MINI.split('\n')[line - 1]!.indexOf('"total') + 2 + 'total - cost'.length;
    expect(r.stderr).toContain(`${file}:${line}:${col}:`);
    expect(r.code).toBe(2);
  });

  it('command-line mistakes are usage errors', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, MINI);
    expect(paradip('run', file).stderr).toMatch(/--seed is required/);
    expect(paradip('run', file).code).toBe(2);
    expect(paradip('run', file, '--seed', 'x').code).toBe(2);
    expect(paradip('run', file, '--seed', '1', '--variant', 'nope').stderr).toMatch(/unknown variant "nope" \(expected strict\)/);
    expect(paradip('run', file, '--seed', '1', '--set', 'centrals.Q.ruleSet=AT').stderr).toMatch(/no item "Q"/);
    expect(paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=XX').stderr).toMatch(/unknown rule set "XX"/);
    expect(paradip('run', join(dir, 'missing.yaml'), '--seed', '1').stderr).toMatch(/missing\.yaml: no such file/);
    expect(paradip('run', file, '--seed', '1', '--bogus').code).toBe(2);
    expect(paradip('frobnicate').code).toBe(2);
  });
});

describe('runs', () => {
  it('validate accepts the shipped scenarios and rule sets', () => {
    const r = paradip('validate', join(ROOT, 'scenarios/constitutional-comparison.yaml'), join(ROOT, 'scenarios/rule-sets/AT.yaml'), join(ROOT, 'test/fixtures/mini.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('writes run.json, events.jsonl, indicators.csv; the same seed gives byte-identical files', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, MINI);
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'a'), '--quiet').code).toBe(0);
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'b'), '--quiet').code).toBe(0);
    const a = readFileSync(join(dir, 'a/events.jsonl'), 'utf8');
    expect(a.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'b/events.jsonl'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'b/indicators.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a/indicators.csv'), 'utf8'));
    const lines = a.trim().split('\n').map((l) => JSON.parse(l));
    const run = JSON.parse(readFileSync(join(dir, 'a/run.json'), 'utf8'));
    expect(run).toMatchObject({ seed: 7, variant: null, interrupted: false, ruleSets: ['AT', 'OPEN'] });
    expect(run.runId).toMatch(/^[0-9a-f]{12}$/);
    // Every row of every table starts with the run id and seed of run.json.
    for (const e of lines) expect(Object.keys(e).slice(0, 6)).toEqual(['runId', 'seed', 'seq', 'tick', 'date', 'kind']);
    for (const e of lines) expect([e.runId, e.seed]).toEqual([run.runId, 7]);
    expect(lines.some((e) => e.kind === 'timeline.applied')).toBe(true);
    const csv = readFileSync(join(dir, 'a/indicators.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^runId,seed,tick,date,/);
    expect(csv).toHaveLength(1 + 36);
    csv.slice(1).forEach((row, i) => expect(row.startsWith(`${run.runId},7,${i},`), row).toBe(true));
    const flat = readFileSync(join(dir, 'a/events.csv'), 'utf8').trim().split('\n');
    expect(flat[0]).toMatch(/^runId,seed,seq,tick,date,kind,/);
    expect(flat).toHaveLength(1 + lines.length);
    flat.slice(1).forEach((row, i) => expect(row.startsWith(`${run.runId},7,${i + 1},`), row).toBe(true));
    expect(readFileSync(join(dir, 'b/events.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a/events.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'b/run.json'), 'utf8')).runId).toBe(run.runId);
    expect(paradip('run', file, '--seed', '8', '--out', join(dir, 'c'), '--quiet').code).toBe(0);
    expect(readFileSync(join(dir, 'c/events.jsonl'), 'utf8')).not.toBe(a);
    expect(JSON.parse(readFileSync(join(dir, 'c/run.json'), 'utf8')).runId).not.toBe(run.runId);
  });

  it('refuses to write into a directory that already holds a run', () => {
    const file = join(dir, 'ok.yaml');
    const r = paradip('run', file, '--seed', '7', '--out', join(dir, 'a'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty/);
  });

  it('a run resumed from a checkpoint writes exactly the events and rows the uninterrupted run has after that tick', () => {
    const file = join(dir, 'ok.yaml');
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'cp'), '--checkpoint-every', '5', '--quiet').code).toBe(0);
    const whole = readFileSync(join(dir, 'cp/events.jsonl'), 'utf8').trim().split('\n');
    const rows = readFileSync(join(dir, 'cp/indicators.csv'), 'utf8').trim().split('\n');
    for (const tick of [0, 10, 25]) {
      const out = join(dir, `resumed-${tick}`);
      const r = paradip('run', '--from', join(dir, `cp/checkpoints/${tick}.json`), '--out', out, '--quiet');
      expect(r.stderr).toBe('');
      const after = whole.filter((l) => JSON.parse(l).tick > tick);
      const got = readFileSync(join(out, 'events.jsonl'), 'utf8');
      expect(got).toBe(after.length ? `${after.join('\n')}\n` : '');
      expect(readFileSync(join(out, 'indicators.csv'), 'utf8').trim().split('\n')).toEqual([rows[0], ...rows.slice(tick + 2)]);
    }
  });

  it('a rule-set swap on the command line drops the options the new rule set does not know, and says so in run.json', () => {
    const file = join(dir, 'swap.yaml');
    writeFileSync(file, MINI.replace('    ruleSet: AT\n', '    ruleSet: US\n    ruleOptions: { mouIsCompact: true }\n').replaceAll('kind: land', 'kind: state'));
    expect(paradip('validate', file).code).toBe(0);
    const r = paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=AT', '--out', join(dir, 'swap'), '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'swap/run.json'), 'utf8'));
    expect(run.scenario.centrals[0].ruleOptions).toEqual({});
    expect(run.scenario.notes).toMatch(/dropped rule options A\.mouIsCompact/);
    // The US state takes the role of an Austrian Land (B-VG art. 16 speaks of Länder).
    expect(run.scenario.subnationals[0].kind).toBe('land');
    expect(run.scenario.notes).toMatch(/A-1 state -> land/);
    // An option set explicitly with the swap is still checked against the new rule set.
    const bad = paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=AT', '--set', 'centrals.A.ruleOptions.mouIsCompact=true');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rule set AT has no option "mouIsCompact"/);
  });

  it('without --out prints a readable summary', () => {
    const r = paradip('run', join(ROOT, 'scenarios/constitutional-comparison.yaml'), '--seed', '1', '--variant', 'united-states', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/signed by instrument: /);
    expect(r.stdout).toMatch(/signed by Duchacek type: /);
    expect(r.stdout).toMatch(/approvals: granted \d+, tacit \d+, refused \d+/);
    expect(r.stdout).toMatch(/relations at the end: /);
  });
});

describe('run --format json summary (issue 10, item 7)', () => {
  it('lists every count, zeros included, with the seed, variant and overrides', () => {
    const r = paradip('run', join(ROOT, 'test/fixtures/check-small.yaml'), '--seed', '2', '--format', 'json', '--quiet', '--variant', 'germany', '--set', 'behaviour.parameters.actThreshold=0.3');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, Record<string, unknown>>;
    expect(summary['type']).toBe('summary');
    expect(summary['seed']).toBe(2);
    expect(summary['variant']).toBe('germany');
    expect(summary['overrides']).toEqual([{ path: 'behaviour.parameters.actThreshold', value: 0.3 }]);
    expect(Object.keys(summary['signed']!)).toEqual(['visit', 'mou', 'agreement', 'treaty', 'office', 'forum', 'twinning', 'membership']);
    for (const v of Object.values(summary['signed']!)) expect(typeof v).toBe('number');
    expect(Object.keys(summary['signedByDuchacek']!).slice(0, 3)).toEqual(['cross-border', 'transregional', 'global']);
    expect(Object.keys(summary['approvals']!)).toEqual(['granted', 'tacit', 'refused']);
    expect(Object.keys(summary['approvalsByStep']!)).toEqual(['consent', 'vote', 'notify', 'ratify', 'sign']);
    expect(summary['approvalsByStep']!['ratify']).toEqual({ granted: 0, tacit: 0, refused: 0 });
    // A treaty is never signed in this small scenario: its zero is listed, not left out.
    expect(summary['signed']!['treaty']).toBe(0);
  });
});

describe('overrides, rule sets and the timeline (issue 7)', () => {
  beforeAll(() => writeFileSync(join(dir, 'ok.yaml'), MINI));
  const TIMELINE = '  - { id: change, date: 2001-01, set: { centrals.A.executive.leader: New leader } }\n';
  /** Writes the mini scenario with `find` replaced; returns the file, the changed line and the text. */
  function variantOf(name: string, find: string, replace: string): { file: string; line: number; text: string } {
    const index = MINI.indexOf(find);
    if (index < 0) throw new Error(`fixture has no "${find}"`);
    const text = MINI.replace(find, replace);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, text);
    return { file, line: text.slice(0, index).split('\n').length, text };
  }
  const events = (out: string): Record<string, unknown>[] => readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const monthsApart = (from: string, to: string): number => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

  it('a misspelt --set path is an error naming the closest valid path, and nothing is written', () => {
    const file = join(dir, 'ok.yaml');
    const out = join(dir, 'out-misspelt');
    const r = paradip('run', file, '--seed', '1', '--set', 'behaviour.parameters.actThreshhold=0.4', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: command line: --set behaviour.parameters.actThreshhold=0.4: no key "actThreshhold" in behaviour.parameters; did you mean behaviour.parameters.actThreshold\? \(expected actThreshold, /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a bad --set value names the command line and the path as written, not a line of the file', () => {
    const file = join(dir, 'ok.yaml');
    const r = paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=XX');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: command line: --set centrals.A.ruleSet=XX: unknown rule set "XX" (expected one of AR, AT, BA, BE, CA, CH, CN, DE, DK, JP, OPEN, RU, SU, UK, US)\n');
    const typed = paradip('run', file, '--seed', '1', '--set', 'subnationals.B-1.capacity=lots');
    expect(typed.stderr).toBe('error: command line: --set subnationals.B-1.capacity=lots: wrong type (expected number, found "lots")\n');
    expect(typed.code).toBe(2);
  });

  it("--set reaches a rule set's approval step: Austria's eight weeks become twelve, recorded in run.json and in checkpoints", () => {
    const file = join(dir, 'ok.yaml');
    const set = 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=12w';
    const r = paradip('run', file, '--seed', '7', '--set', set, '--out', join(dir, 'twelve'), '--checkpoint-every', '10', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'twelve/run.json'), 'utf8'));
    expect(run.overrides).toEqual([{ path: 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within', value: '12w' }]);
    // Monthly ticks: a consent opened on the 1st is due 84 days later, so on the tick three months on (eight weeks: two).
    const due = (out: string): number[] => [...new Set(events(out).filter((e) => e['kind'] === 'approval.requested' && e['step'] === 'consent').map((e) => monthsApart(e['date'] as string, e['deadline'] as string)))];
    expect(due(join(dir, 'twelve'))).toEqual([3]);
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'eight'), '--quiet').code).toBe(0);
    expect(due(join(dir, 'eight'))).toEqual([2]);
    const resumed = paradip('run', '--from', join(dir, 'twelve/checkpoints/10.json'), '--out', join(dir, 'twelve-resumed'), '--quiet');
    expect(resumed.code).toBe(0);
    const tail = readFileSync(join(dir, 'twelve/events.jsonl'), 'utf8').trim().split('\n').filter((l) => JSON.parse(l).tick > 10);
    expect(readFileSync(join(dir, 'twelve-resumed/events.jsonl'), 'utf8')).toBe(`${tail.join('\n')}\n`);
  });

  it('an unknown rule, step or option in a rule-set override names the closest one', () => {
    const file = join(dir, 'ok.yaml');
    const rule = paradip('run', file, '--seed', '1', '--set', 'ruleSets.AT.rules.treaty-neighbor.approvals.consent.within=12w');
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/^error: command line: --set ruleSets.AT.rules.treaty-neighbor.approvals.consent.within=12w: no item "treaty-neighbor" in ruleSets.AT.rules; did you mean ruleSets.AT.rules.treaty-neighbour.approvals.consent.within\?/);
    const option = paradip('run', file, '--seed', '1', '--set', 'ruleSets.AT.options.consentTimng=before-conclusion');
    expect(option.stderr).toMatch(/did you mean ruleSets.AT.options.consentTiming\?/);
    expect(option.code).toBe(2);
  });

  it('a timeline switch to a rule set no central starts with loads it: the run is under its rules, not under none', () => {
    const { file } = variantOf('switch-de', TIMELINE, `${TIMELINE}  - { id: to-de, date: 2001-06, set: { centrals.A.ruleSet: DE } }\n`);
    const out = join(dir, 'switch-de-out');
    const r = paradip('run', file, '--seed', '1', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).ruleSets).toEqual(['AT', 'DE', 'OPEN']);
    const text = readFileSync(join(out, 'events.jsonl'), 'utf8');
    expect(text).not.toMatch(/No DE rule set is in force/);
    expect(text).toMatch(/art\. 32\(3\)/);
  });

  it('validate: a timeline switch to a code no rule set has, at its value', () => {
    const { file, line, text } = variantOf('switch-xy', TIMELINE, `${TIMELINE}  - { id: to-xy, date: 2001-06, set: { centrals.A.ruleSet: XY } }\n`);
    const r = paradip('validate', file);
    expect(r.code).toBe(2);
    const column = text.split('\n')[line]!.indexOf('XY') + 1;
    expect(r.stderr).toBe(`error: ${file}:${line + 1}:${column}: unknown rule set "XY" at timeline.1.set.centrals.A.ruleSet (expected one of AR, AT, BA, BE, CA, CH, CN, DE, DK, JP, OPEN, RU, SU, UK, US)\n`);
  });

  it("validate: a variant's misspelt path, at the variant's line, whether or not the variant is run", () => {
    const { file, line } = variantOf('variant-typo', 'set: { behaviour.parameters.actThreshold: 0.6 }', 'set: { behaviour.parameters.actThreshhold: 0.6 }');
    const r = paradip('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: variant strict sets behaviour.parameters.actThreshhold: no key "actThreshhold" in behaviour.parameters; did you mean behaviour.parameters.actThreshold\\?`));
    expect(paradip('run', file, '--seed', '1').code).toBe(2);
  });

  it('validate: two timeline entries on one tick setting one input differently, with both positions', () => {
    const { file, text } = variantOf('conflict', TIMELINE, `${TIMELINE}  - { id: rival, date: 2000-12-15, set: { centrals.A.executive.leader: Rival } }\n`);
    const r = paradip('validate', file);
    expect(r.code).toBe(2);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('id: change'));
    const second = lines.findIndex((l) => l.includes('id: rival'));
    expect(r.stderr).toContain(`${file}:${second + 1}:${lines[second]!.indexOf('Rival') + 1}: timeline entries change (${file}:${first + 1}:${lines[first]!.indexOf('New leader') + 1}, 2001-01) and rival (2000-12-15) fall on the same tick`);
  });

  it('validate: a parameter named like a formula variable, at its key', () => {
    const { file, line, text } = variantOf('shadow', 'acceptThreshold: -0.5 }', 'acceptThreshold: -0.5, weight: 0 }');
    const r = paradip('validate', file);
    expect(r.code).toBe(2);
    const column = text.split('\n')[line - 1]!.indexOf('weight') + 1;
    expect(r.stderr).toMatch(new RegExp(`:${line}:${column}: parameter "weight" has the name of a formula variable \\(read by lobby, localLaw, resolve, litigate\\)`));
  });

  it('validate: checks timeline paths against the world, as run does', () => {
    const { file, line } = variantOf('validate-timeline', 'centrals.A.executive.leader', 'centrals.A.executive.leaderr');
    const r = paradip('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${line}:`);
    expect(r.stderr).toMatch(/timeline input does not fit the world/);
  });

  it('a fractional approvalTimeout makes a deadline, and silent approvals lapse at it', () => {
    const own = join(dir, 'own');
    mkdirSync(join(own, 'rule-sets'), { recursive: true });
    writeFileSync(join(own, 'rule-sets', 'TT.yaml'), [
      'id: TT', 'country: TT', 'name: Test rules (consent with no stated deadline)', 'valid: {}', 'legalBasis: "none: a test"', 'sources: [test]',
      'subnationalKinds: [land, region]', 'rules:', '  - id: consent-all', '    effect: allow',
      '    instruments: [visit, mou, agreement, treaty, office, forum, twinning, membership]', '    approvals:',
      '      - { step: consent, by: executive, citation: "test: consent, no deadline stated" }', '    citation: test rule',
      'powers: []', 'silence: { binding: allow, nonBinding: allow, citation: test }', 'silent: []', 'options: {}', '',
    ].join('\n'));
    const file = join(own, 'tt.yaml');
    writeFileSync(file, MINI.replace('ruleSet: AT', 'ruleSet: TT').replace('acceptThreshold: -0.5 }', 'acceptThreshold: -0.5, responsiveness: 0, approvalTimeout: 3.5 }'));
    const out = join(own, 'out');
    const r = paradip('run', file, '--seed', '1', '--out', out, '--quiet');
    expect(r.stderr).toBe('');
    const ev = events(out);
    const requested = ev.filter((e) => e['kind'] === 'approval.requested');
    expect(requested.length).toBeGreaterThan(0);
    // 3.5 months from the 1st: three months, then half of the next month's days, so due on the tick four months on.
    expect([...new Set(requested.map((e) => monthsApart(e['date'] as string, e['deadline'] as string)))]).toEqual([4]);
    const lapsed = ev.filter((e) => e['kind'] === 'approval.refused');
    expect(lapsed.length).toBeGreaterThan(0);
    expect(lapsed.every((e) => (e['why'] as Record<string, unknown>)['silentUntilDeadline'] === true)).toBe(true);
  });

  it('validate: a rule-set file may give within in decimals; an unreadable duration is positioned, with what was found', () => {
    const at = readFileSync(join(ROOT, 'scenarios/rule-sets/AT.yaml'), 'utf8');
    const good = join(dir, 'AT-decimal.yaml');
    writeFileSync(good, at.replace('within: 8 weeks', 'within: 3.5 months'));
    expect(paradip('validate', good).code).toBe(0);
    const bad = join(dir, 'AT-fortnights.yaml');
    const text = at.replace('within: 8 weeks', 'within: 4 fortnights');
    writeFileSync(bad, text);
    const r = paradip('validate', bad);
    expect(r.code).toBe(2);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('4 fortnights'));
    expect(r.stderr).toContain(`${bad}:${line + 1}:${lines[line]!.indexOf('4 fortnights') + 1}: a duration such as "8 weeks", "3.5 months" or "12w"`);
    expect(r.stderr).toContain('found "4 fortnights"');
  });

  it("a UI restart that swaps the rule set away keeps the command line's rule-set override idle instead of failing", () => {
    const scenario = join(dir, 'ok.yaml');
    const req = { scenario, seed: 1, variant: null, sets: ['ruleSets.AT.silence.binding=allow'], until: null, from: null, cwd: dir };
    expect(prepareRun(req).ok).toBe(true);
    const direct = prepareRun({ ...req, sets: [...req.sets, 'centrals.A.ruleSet=DE'] });
    expect(direct.ok ? [] : direct.problems.map((p) => p.message)).toEqual(['--set ruleSets.AT.silence.binding=allow: rule set AT is not used by this run, so the override would change nothing']);
    const swapped = prepareRestart(req, { seed: 1, variant: null, ruleSets: { A: 'DE' } });
    expect(swapped.ok ? swapped.prepared.run.model.ruleSets.map((r) => r.id) : swapped.problems).toEqual(['DE', 'OPEN']);
    expect(swapped.ok ? swapped.prepared.run.meta.overrides.map((o) => o.path) : []).toEqual(['ruleSets.AT.silence.binding', 'centrals.A.ruleSet']);
  });
});
