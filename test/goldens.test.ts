/**
 * Golden outputs: the sha256 of `events.jsonl` and `indicators.csv` for every shipped scenario and variant, the
 * bench scenario and generated property-test scenarios, over several seeds. An engine optimisation must leave
 * them byte-identical; a deliberate change of the model re-establishes them in one commit that says why:
 *
 *   UPDATE_GOLDENS=1 npx vitest run test/goldens.test.ts
 *
 * One case also goes through the real binary, so the hashes are of the files a user gets, not of a rendering
 * of our own.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { benchScenario, BENCH_RULE_SETS } from '../bench/bench-scenario.ts';
import { loadRuleSets } from '../src/cli/files.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { formatNumber } from '../src/cli/run-writer.ts';
import { eventLine } from '../src/cli/event-record.ts';
import { runIdOf } from '../src/cli/run-id.ts';
import { continueRun, simulate } from '../src/testing/simulate.ts';
import { runArbitrary } from '../src/testing/arbitraries.ts';

const root = join(import.meta.dirname, '..');
const GOLDEN_FILE = join(import.meta.dirname, 'goldens.json');
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';
const SEEDS = [1, 2, 3];

interface Golden {
  events: string;
  indicators: string;
  /** Event count, so a failure says how far apart the runs are. */
  count: number;
}

const sha = (lines: readonly string[]): string => createHash('sha256').update(lines.map((l) => `${l}\n`).join('')).digest('hex');
const stored: Record<string, Golden> = existsSync(GOLDEN_FILE) ? JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) : {};
const fresh: Record<string, Golden> = {};

function check(name: string, events: readonly string[], indicators: readonly string[]): void {
  const got: Golden = { events: sha(events), indicators: sha(indicators), count: events.length };
  fresh[name] = got;
  if (UPDATE) return;
  expect(stored[name], `no golden for ${name}: run UPDATE_GOLDENS=1 npx vitest run test/goldens.test.ts`).toBeDefined();
  expect(got.count, `${name}: event count`).toBe(stored[name]!.count);
  expect(got.events, `${name}: events.jsonl`).toBe(stored[name]!.events);
  expect(got.indicators, `${name}: indicators.csv`).toBe(stored[name]!.indicators);
}

const SHIPPED: [string, (string | null)[]][] = [
  ['scenarios/acid-rain-1980s.yaml', [null, 'no-paradiplomacy', 'no-1989-window', 'strict-compact-clause']],
  ['scenarios/constitutional-comparison.yaml', [null, 'austria', 'germany', 'belgium', 'switzerland', 'united-states', 'argentina']],
  ['scenarios/quebec-1970s.yaml', [null, 'no-france-support', 'no-pq']],
  ['scenarios/republika-srpska.yaml', [null, 'flat-economy', 'moderate-government', 'dayton-forbids-offices', 'no-kin-support']],
  ['scenarios/soviet-union-russia.yaml', [null, 'charter-open', 'far-east-closed']],
  ['scenarios/faroe-greenland-offices.yaml', [null, 'central-reading', 'no-own-capital']],
  ['scenarios/provinces-states-spending.yaml', [null, 'central-reading', 'no-free-trade', 'no-quebec-nationalism']],
];

describe('golden outputs', () => {
  for (const [file, variants] of SHIPPED) {
    for (const variant of variants) {
      it(`${file}${variant ? ` --variant ${variant}` : ''}, seeds ${SEEDS.join(', ')}`, () => {
        for (const seed of variant === null ? SEEDS : [1]) {
          const r = prepareRun({ scenario: file, seed, variant, sets: [], until: null, from: null, cwd: root });
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          const out = continueRun(r.prepared.run);
          check(`${file}|${variant ?? '-'}|${seed}`, out.events, out.indicators);
        }
      });
    }
  }

  it('the bench scenario of 300 subnationals, seeds 1-2', () => {
    const lib = loadRuleSets(null);
    if (!lib.ok) throw new Error('rule sets do not load');
    const ruleSets = lib.ruleSets.filter((r) => BENCH_RULE_SETS.includes(r.country));
    for (const seed of [1, 2]) {
      const out = simulate(benchScenario(300, 36), ruleSets, seed);
      check(`bench-300|${seed}`, out.events, out.indicators);
    }
  });

  it('40 generated property-test scenarios', () => {
    const cases = fc.sample(runArbitrary({ maxSubnationals: 8 }), { seed: 20261130, numRuns: 40 });
    cases.forEach((g, i) => {
      const out = simulate(g.scenario, g.ruleSets, g.seed);
      check(`generated-${i}`, out.events, out.indicators);
    });
  });

  it('the real binary writes the same bytes (acid rain, seed 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paradip-golden-'));
    try {
      execFileSync(process.execPath, [join(root, 'bin/paradip.js'), 'run', 'scenarios/acid-rain-1980s.yaml', '--seed', '1', '--out', join(dir, 'run'), '--quiet'], { cwd: root, stdio: 'pipe' });
      const events = readFileSync(join(dir, 'run', 'events.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
      const indicators = readFileSync(join(dir, 'run', 'indicators.csv'), 'utf8').split('\n').filter((l) => l !== '').slice(1);
      const name = 'scenarios/acid-rain-1980s.yaml|-|1';
      const r = prepareRun({ scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: root });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      // Each line of the file is a golden line with the run id and seed in front, and nothing else.
      const runId = runIdOf(r.prepared.run);
      expect(runId).toMatch(/^[0-9a-f]{12}$/);
      const simulated = continueRun(r.prepared.run);
      if (!UPDATE) expect(sha(simulated.events), 'the golden of this run').toBe(stored[name]!.events);
      expect(sha(events), 'events.jsonl of paradip run').toBe(sha(simulated.events.map((l) => eventLine(l, runId, 1))));
      // The goldens hash indicators at full precision; the file has 8 significant digits (formatNumber).
      const rows = simulated.indicators.map((row) => `${runId},1,${row.split(',').map((v, i) => (i === 1 ? v : formatNumber(Number(v)))).join(',')}`);
      expect(sha(indicators), 'indicators.csv of paradip run').toBe(sha(rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

afterAll(() => {
  if (!UPDATE) return;
  const all: Record<string, Golden> = { ...stored, ...fresh };
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
});
