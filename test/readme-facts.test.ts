/**
 * What the README states about the program is what the program says (issue 11, item 2): the usage blocks are
 * the commands' own `--help` usage (through the real binary), the list of event kinds is the engine's, the
 * rule-set table names exactly the shipped rule sets, and the scenario table gives each shipped scenario's
 * number of targets and its variants. After changing one of them, change the README with it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { EVENT_KINDS } from '../src/engine/events.ts';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The commands of a usage text: each starts with "paradip <command>"; continuation lines join the one above. */
function commands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*paradip /.test(line)) out.push(line);
    else if (line.trim() !== '' && out.length > 0) out[out.length - 1] += ` ${line}`;
  }
  return out.map(norm);
}

/** The usage section of `paradip <command> --help`, run through the real binary. */
function helpUsage(command: string): string[] {
  const r = spawnSync(process.execPath, ['bin/paradip.js', command, '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const at = r.stdout.indexOf('usage:\n');
  expect(at, `paradip ${command} --help prints no usage section`).toBeGreaterThanOrEqual(0);
  return commands(r.stdout.slice(at + 'usage:\n'.length).split('\n\n')[0]!);
}

describe('README: the usage blocks are the commands\' own', () => {
  const blocks = [...README.matchAll(/^```\n(paradip [\s\S]*?)^```$/gm)].map((m) => commands(m[1]!));
  const quoted = blocks.flat();

  it('quotes the usage of run, check, sweep, merge, sensitivity and report', () => {
    expect([...new Set(quoted.map((c) => c.split(' ')[1]))].sort()).toEqual(['check', 'merge', 'report', 'run', 'sensitivity', 'sweep']);
  });

  it.each(['run', 'check', 'sweep', 'merge', 'sensitivity', 'report'])('paradip %s', (command) => {
    expect(quoted.filter((c) => c.startsWith(`paradip ${command} `))).toEqual(helpUsage(command));
  });
});

describe('README: lists that name what the program has', () => {
  it('the event kinds are the engine\'s, every one', () => {
    const para = README.slice(README.indexOf('Event kinds: '), README.indexOf('`instrument.signed` carries'));
    const kinds = [...para.matchAll(/`([a-z]+\.[a-zA-Z]+)`/g)].map((m) => m[1]);
    expect(kinds.sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('the rule-set table names exactly the shipped rule sets', () => {
    const table = README.slice(README.indexOf('## Rule sets'), README.indexOf('Reading order:'));
    const ids = [...table.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([A-Z0-9-]+)`/g)].map((x) => x[1]!));
    const shipped = readdirSync(join(ROOT, 'scenarios/rule-sets')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(ids.sort()).toEqual(shipped.sort());
  });

  it('the scenario table gives the acid-rain scenario\'s number of targets and its variants', () => {
    const row = README.split('\n').find((l) => l.startsWith('| `scenarios/acid-rain-1980s.yaml` |'))!;
    const p = prepareRun({ scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT });
    if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
    const s = p.prepared.run.model.scenario;
    expect(row).toContain(`${s.targets.length} targets, counterfactual variants ${s.variants.map((v) => `\`${v.id}\``).join(', ')}.`);
  });

  it('the scenario table lists every shipped scenario', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
    const listed = [...README.matchAll(/^\| `(scenarios\/[^`]+\.yaml)` \|/gm)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(files.sort());
  });
});
