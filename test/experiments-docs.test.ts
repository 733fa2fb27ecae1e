/**
 * The walk-through of docs/experiments.md is the program's (issue 11, item 2): the experiment file it shows is
 * the shipped one, and the sweep it runs, rerun here through the real binary, prints the summary line it
 * quotes, writes the head of `runs.csv` it quotes, and gives the table of means by point it quotes (computed
 * here from runs.csv as the DuckDB query does: mean per point, rounded to 2 decimals). The rate in the
 * progress line is a measurement of the machine, so only its form is compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs/experiments.md'), 'utf8');
const EXPERIMENT = 'experiments/tacit-consent-deadline.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'paradip-experiments-docs-'));
let run: { stdout: string; stderr: string; status: number | null };

/** The fenced block right after the first line of the doc that contains `marker`. */
function blockAfter(marker: string): string {
  const at = DOC.indexOf(marker);
  expect(at, `docs/experiments.md no longer has "${marker}"`).toBeGreaterThanOrEqual(0);
  const m = /```[a-z]*\n([\s\S]*?)^```$/m.exec(DOC.slice(at));
  return m![1]!;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  // From a scratch directory, so the output path prints as the doc's `results/tacit`.
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'sweep', join(ROOT, EXPERIMENT), '--out', 'results/tacit'], { cwd: scratch, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  run = { stdout: r.stdout, stderr: r.stderr, status: r.status };
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs/experiments.md: the tacit-consent walk-through', () => {
  it('shows the shipped experiment file (from its first key)', () => {
    const quoted = blockAfter('```yaml\n# experiments/tacit-consent-deadline.yaml');
    const file = readFileSync(join(ROOT, EXPERIMENT), 'utf8');
    expect(quoted.split('\n').slice(1).join('\n')).toBe(file.slice(file.indexOf('experiment: 1')));
  });

  it('prints what the doc quotes (the rate excepted)', () => {
    expect(run.status, run.stderr).toBe(0);
    const [command, progress, summary] = blockAfter('## One command').trimEnd().split('\n');
    expect(command).toBe(`$ npx paradip sweep ${EXPERIMENT} --out results/tacit`);
    const pattern = new RegExp(`^${progress!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace('9\\.4', '[\\d.]+')}$`);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(pattern);
    expect(run.stdout).toBe(`${summary}\n`);
  });

  it('quotes the head of runs.csv', () => {
    const csv = readFileSync(join(scratch, 'results/tacit/runs.csv'), 'utf8');
    expect(blockAfter('The head of `results/tacit/runs.csv`')).toBe(`${csv.split('\n').slice(0, 6).join('\n')}\n`);
  });

  it('quotes the means by point of runs.csv', () => {
    const [header, ...lines] = readFileSync(join(scratch, 'results/tacit/runs.csv'), 'utf8').trimEnd().split('\n');
    const cols = header!.split(',');
    const col = (name: string): number => cols.indexOf(name);
    const points = new Map<string, string[][]>();
    for (const l of lines) {
      const c = l.split(',');
      points.set(c[col('point')]!, [...(points.get(c[col('point')]!) ?? []), c]);
    }
    // As SQL's avg: empty cells (never happened) are left out.
    const mean = (rows: string[][], name: string): string => {
      const xs = rows.map((r) => r[col(name)]!).filter((x) => x !== '').map(Number);
      return (Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100).toFixed(2);
    };
    const table = [...points.values()].map((rows) => `| ${rows[0]![col('ruleSets.AT.rules.treaty-neighbour.approvals.consent.within')]} | ${rows.length} | ${['binding', 'tacit', 'granted', 'latency_months'].map((m) => mean(rows, m)).join(' | ')} |`);
    const quoted = DOC.slice(DOC.indexOf('| deadline | runs |')).split('\n\n')[0]!.split('\n').slice(2);
    expect(quoted).toEqual(table);
  });
});
