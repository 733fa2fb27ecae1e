/**
 * The facts of seed 1 that docs/teaching.md states in its prose are the program's (issue 11, item 2): each
 * sentence below must be in the guide (whitespace aside) and hold for seed 1 of the acid-rain scenario, run
 * through the real binary. The screens the guide quotes are test/ui-docs.test.ts; the class plan's keys and
 * what they show, test/slow/class-plan.slow.test.ts. When the model changes one of these, change the guide.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const GUIDE = readFileSync(join(ROOT, 'docs/teaching.md'), 'utf8').replace(/\s+/g, ' ');
const scratch = mkdtempSync(join(tmpdir(), 'paradip-teaching-facts-'));
type Event = { date: string; kind: string; by?: string; instrument?: string; parties?: string[]; outcome?: string };
const runs: Record<string, Event[]> = {};

function record(name: string, variant: string[]): Event[] {
  const out = join(scratch, name);
  const r = spawnSync(process.execPath, ['bin/paradip.js', 'run', 'scenarios/acid-rain-1980s.yaml', '--seed', '1', ...variant, '--out', out, '--no-ui', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Event);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  runs['base'] = record('base', []);
  runs['no-1989-window'] = record('no-1989-window', ['--variant', 'no-1989-window']);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mous = (events: Event[]): string[] => events.filter((e) => e.kind === 'instrument.signed' && e.instrument === 'mou').map((e) => `${e.date.slice(0, 7)} ${[...e.parties!].sort().join('-')}`);
const laws = (events: Event[], pred: (by: string) => boolean): string[] => events.filter((e) => e.kind === 'law.enacted' && pred(e.by ?? '')).map((e) => `${e.date.slice(0, 7)} ${e.by}`);

describe('docs/teaching.md: what it says seed 1 does', () => {
  it.each([
    ['The acid-rain scenario has 25 states and provinces', () => expect(JSON.parse(readFileSync(join(scratch, 'base/run.json'), 'utf8')).scenario.subnationals).toHaveLength(25)],
    ['In March 1983 the first MOU is signed (seed 1: New York with Quebec; in July 1983 New York with Ontario)', () => expect(mous(runs['base']!).slice(0, 2)).toEqual(['1983-03 CA-QC-US-NY', '1983-07 CA-ON-US-NY'])],
    ['the states\' own laws (`f`, type `law.e`, `Enter`): Minnesota (February 1981), Wisconsin (April 1983) and New York (May 1984) with seed 1', () => {
      const states = laws(runs['base']!, (by) => by.startsWith('US-'));
      expect(states).toEqual(['1981-02 US-MN', '1983-04 US-WI', '1984-05 US-NY']);
    }],
    ['New York takes Washington to court under the Clean Air Act\'s s. 115 in April 1984, the court rules for it in August 1985 and Washington appeals; with seed 1 the appeal court upholds the ruling (October 1986)', () => {
      const court = runs['base']!.filter((e) => ['action.litigated', 'action.ruled', 'action.appealed'].includes(e.kind));
      expect(court.map((e) => `${e.date.slice(0, 7)} ${e.kind} ${String(e.outcome ?? e.by)}`)).toEqual(['1984-04 action.litigated US-NY', '1985-08 action.ruled for', '1985-08 action.appealed US', '1986-10 action.ruled upheld']);
    }],
    ['The New England governors and the eastern Canadian premiers adopt their conference\'s resolution in June 1983 with seed 1', () => {
      const resolved = runs['base']!.filter((e) => e.kind === 'forum.resolved');
      expect(resolved.map((e) => `${e.date.slice(0, 7)} ${String(e.by)}`)).toEqual(['1983-06 NEG-ECP']);
      // "no New England state passes a law of its own in this run"
      expect(laws(runs['base']!, (by) => ['US-VT', 'US-NH', 'US-ME', 'US-MA', 'US-CT', 'US-RI'].includes(by))).toEqual([]);
    }],
    ['The federal law passes in November 1990 (seed 1; the median over seeds is September 1990)', () => expect(laws(runs['base']!, (by) => by === 'US')[0]).toBe('1990-11 US')],
    ['Then the treaty between the United States and Canada (February 1991 with seed 1; the record: 13 March 1991)', () => expect(runs['base']!.find((e) => e.kind === 'instrument.signed' && e.instrument === 'treaty')?.date.slice(0, 7)).toBe('1991-02')],
    ['Is there a federal law by 1992? (Seed 1: no;', () => expect(laws(runs['no-1989-window']!, (by) => by === 'US')).toEqual([])],
  ] as const)('%s', (sentence, check) => {
    expect(GUIDE, 'the guide no longer says this').toContain(sentence);
    check();
  });
});
