/**
 * The UI's commands from outside a terminal: piped output never carries escape codes (a real spawned
 * process with pipes, CI unset), the UI stays closed under CI even on terminals, `paradip explain` prints
 * the why of one event and says clearly what is wrong (exit 2), `paradip replay` on a pipe prints the log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { prepareRun } from '../../src/cli/prepare-run.ts';
import { prepareRestart, wantsUi } from '../../src/cli/ui-host.ts';
import type { Io } from '../../src/cli/io.ts';
import { loadRuleSets } from '../../src/cli/files.ts';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = 'scenarios/constitutional-comparison.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'paradip-ui-cli-'));
const run = join(scratch, 'run');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(argv: string[], tty = false, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 80, rows: 24 } : {});
  const stderr = new PassThrough();
  const stdin = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main({ argv, stdout, stderr, stdin, env, cwd: ROOT });
  return { code, out, err };
}

beforeAll(async () => {
  // The spawned command runs the bundle `npm test` builds first; build it here if it is missing.
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  const r = await cli(['run', SCENARIO, '--seed', '1', '--until', '1997-12', '--out', run, '--no-ui', '--quiet']);
  expect(r.code).toBe(0);
});

describe('when the UI opens', () => {
  const io = (stdout: boolean, stdin: boolean, env: Record<string, string> = {}): Io =>
    ({ argv: [], stdout: { isTTY: stdout }, stderr: {}, stdin: { isTTY: stdin }, env, cwd: '/' }) as unknown as Io;
  it('only with both streams on a terminal, CI unset, and not asked for plain output', () => {
    expect(wantsUi(io(true, true), true)).toBe(true);
    expect(wantsUi(io(true, true), false)).toBe(false);
    expect(wantsUi(io(false, true), true)).toBe(false);
    expect(wantsUi(io(true, false), true)).toBe(false);
    expect(wantsUi(io(true, true, { CI: 'true' }), true)).toBe(false);
    expect(wantsUi(io(true, true, { CI: '1' }), true)).toBe(false);
    expect(wantsUi(io(true, true, { CI: 'false' }), true)).toBe(true);
  });

  it('stays closed under CI even on terminals: plain progress lines and the summary', async () => {
    const r = await cli(['run', SCENARIO, '--seed', '1', '--until', '1995-12'], true, { CI: 'true' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1995-12 {2}tick 12\/12/m);
    expect(r.out).not.toContain('\u001b');
  });
});

describe('piped output', () => {
  it('has no escape codes (a spawned process with pipes, CI unset)', () => {
    const env = { ...process.env };
    delete env['CI'];
    for (const argv of [['run', SCENARIO, '--seed', '1', '--until', '1996-06'], ['replay', run], ['explain', run, '5']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...argv], { cwd: ROOT, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout + r.stderr).not.toContain('\u001b');
    }
  });
});

describe('paradip explain', () => {
  it('prints the why of one event as plain text', async () => {
    const events = readFileSync(join(run, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; kind: string });
    const seq = String(events.find((e) => e.kind === 'instrument.signed')!.seq);
    const r = await cli(['explain', run, seq]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`#${seq} `);
    expect(r.out).toContain('Rules and citations applied:');
    expect(r.out).toContain('Approval path:');
  });

  it('explains a decision with goal contributions and alternatives', async () => {
    const r = await cli(['explain', run, '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Decision of .+:\n {2}chose .+: score [\d.]+ >= threshold/);
    expect(r.out).toContain('Goal contributions:');
    expect(r.out).toContain('Alternatives weighed (best first):');
  });

  it.each([
    [['explain', join(scratch, 'missing'), '1'], /error: no run directory .*missing/],
    [['explain', run, '999999'], /error: no event #999999 in .* \(its events are #1 to #\d+\)/],
    [['explain', run, 'x'], /must be a whole number/],
    [['explain', run], /give a run directory and an event number/],
    [['replay', join(scratch, 'missing')], /error: no run directory/],
    [['replay', scratch], /has no run.json/],
  ])('%j: exit 2 and a clear message', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});

describe('paradip replay without a terminal', () => {
  it('prints the recorded events as sentences, numbered by seq', async () => {
    const r = await cli(['replay', run]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Constitutional comparison \(synthetic regions\): seed 1, variant none, \d+ events/);
    expect(r.out).toMatch(/^#1 1995-01 /m);
    expect(existsSync(join(run, 'events.jsonl'))).toBe(true);
  });
});

describe('a rule-set swap (key g)', () => {
  const req = { scenario: 'test/ui/fixtures/swap.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT };
  it("drops the options the new country's rules do not know, and keeps the others", () => {
    // The command line and the restart key agree: mouIsCompact is an option of the US rules only.
    expect(prepareRun({ ...req, sets: ['centrals.A.ruleSet=AT'] }).ok).toBe(true);
    const r = prepareRestart(req, { seed: 1, variant: null, ruleSets: { A: 'AT' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.prepared.run.model.scenario.centrals.find((c) => c.id === 'A')!;
    expect(a.ruleSet).toBe('AT');
    expect(a.ruleOptions).toEqual({ silenceNonBinding: 'allow' });
    expect(r.prepared.run.model.ruleSets.map((x) => x.id)).toContain('AT');
  });
});

describe('a rule-set swap after a variant (the class plan: v strict-compact-clause, then g United States AT)', () => {
  const req = { scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT };
  it('restarts: the option the variant set and AT cannot take is dropped, with a notice', () => {
    const r = prepareRestart(req, { seed: 1, variant: 'strict-compact-clause', ruleSets: { US: 'AT' } });
    expect(r.ok, r.ok ? '' : r.problems.map((p) => p.message).join('; ')).toBe(true);
    if (!r.ok) return;
    const us = r.prepared.run.model.scenario.centrals.find((c) => c.id === 'US')!;
    expect(us.ruleSet).toBe('AT');
    expect(us.ruleOptions).not.toHaveProperty('mouIsCompact');
    expect(r.prepared.swapNotes).toEqual(['US under AT rules: dropped mouIsCompact']);
    expect(r.prepared.run.model.scenario.notes).toContain('dropped rule options US.mouIsCompact');
  });

  it('keeps an option the new rule set can take (US back under US rules keeps mouIsCompact)', () => {
    const r = prepareRestart(req, { seed: 1, variant: 'strict-compact-clause', ruleSets: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.prepared.run.model.scenario.centrals.find((c) => c.id === 'US')!.ruleOptions['mouIsCompact']).toBe(true);
    expect(r.prepared.swapNotes).toEqual([]);
  });

  it('the same request on the command line is still an error (the user wrote both), exit 2 with the variant line', async () => {
    const r = await cli(['run', 'scenarios/acid-rain-1980s.yaml', '--seed', '1', '--variant', 'strict-compact-clause', '--set', 'centrals.US.ruleSet=AT', '--no-ui']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/acid-rain-1980s\.yaml:\d+:\d+: variant strict-compact-clause sets centrals\.US\.ruleOptions\.mouIsCompact: rule set AT has no option "mouIsCompact"/);
  });

  it('every variant with every central under every country of the library restarts (both shipped scenarios)', () => {
    const lib = loadRuleSets(join(ROOT, 'scenarios/acid-rain-1980s.yaml'));
    if (!lib.ok) throw new Error('the shipped rule sets do not load');
    const countries = [...new Set(lib.ruleSets.map((r) => r.country))].sort();
    expect(countries.length).toBeGreaterThan(10);
    let tried = 0;
    for (const scenario of ['scenarios/acid-rain-1980s.yaml', 'scenarios/constitutional-comparison.yaml']) {
      const base = prepareRun({ ...req, scenario });
      expect(base.ok).toBe(true);
      if (!base.ok) continue;
      const s = base.prepared.run.model.scenario;
      for (const variant of [null, ...s.variants.map((v) => v.id)]) {
        for (const c of s.centrals) {
          for (const country of countries) {
            const r = prepareRestart({ ...req, scenario }, { seed: 1, variant, ruleSets: { [c.id]: country } });
            expect(r.ok, `${scenario} ${variant} ${c.id}=${country}: ${r.ok ? '' : r.problems.map((p) => p.message).join('; ')}`).toBe(true);
            tried++;
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });
});
