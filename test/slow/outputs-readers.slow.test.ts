/**
 * The pandas and R one-liners of the README (and docs/outputs.md, which must say the same) run as printed on a
 * real run of the real binary, and give one row per event with the run id and seed of run.json and the column
 * types docs/outputs.md promises. Needs Debian's python3-pandas, r-base-core and r-cran-readr (and
 * r-cran-jsonlite for the check): run by `npm run test:slow`, which .ci/run calls after installing them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
// Debian's python3 (with python3-pandas), not whatever python3 comes first on PATH.
const PYTHON = process.env['PARADIP_PYTHON'] ?? '/usr/bin/python3';
let dir = '';
let events: Record<string, unknown>[] = [];
let runId = '';

/** The code block of a language in a markdown file: the one-liner a user copies. */
function block(file: string, lang: string): string {
  const m = new RegExp('```' + lang + '\\n([^`]+)```').exec(readFileSync(join(ROOT, file), 'utf8'));
  if (!m) throw new Error(`${file} has no ${lang} block`);
  return m[1]!;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-readers-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
  // The README's own command, from a directory of the user's: runs/ar-3 relative to it.
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'run', join(ROOT, 'scenarios/acid-rain-1980s.yaml'), '--seed', '3', '--out', 'runs/ar-3', '--quiet'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(r.stderr);
  events = readFileSync(join(dir, 'runs/ar-3/events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  runId = (JSON.parse(readFileSync(join(dir, 'runs/ar-3/run.json'), 'utf8')) as { runId: string }).runId;
});

describe('the README one-liners on a real run', () => {
  it('README.md and docs/outputs.md show the same one-liners', () => {
    expect(block('README.md', 'python')).toBe(block('docs/outputs.md', 'python'));
    expect(block('README.md', 'r')).toBe(block('docs/outputs.md', 'r'));
  });

  it('pandas', () => {
    const check = `
import json
print(json.dumps({"rows": len(events), "cols": list(events.columns), "runIds": events["runId"].unique().tolist(),
  "seeds": [int(s) for s in events["seed"].unique()], "dtypes": {c: str(t) for c, t in events.dtypes.items()}}))`;
    const r = spawnSync(PYTHON, ['-c', block('README.md', 'python') + check], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as { rows: number; cols: string[]; runIds: string[]; seeds: number[]; dtypes: Record<string, string> };
    expect(got.rows).toBe(events.length);
    expect(got.cols.slice(0, 6)).toEqual(['runId', 'seed', 'seq', 'tick', 'date', 'kind']);
    expect(got.runIds).toEqual([runId]);
    expect(got.seeds).toEqual([3]);
    expect(got.dtypes['seq']).toBe('int64');
    expect(got.dtypes['date']).toBe('datetime64[ns]');
    expect(got.dtypes['fromPosition']).toBe('float64');
    expect(got.dtypes['from']).toBe('object');
  });

  it('R (readr)', () => {
    const check = `
cat(jsonlite::toJSON(list(rows = nrow(events), cols = names(events), runIds = unique(events$runId), seeds = unique(events$seed),
  classes = lapply(events, function(c) class(c)[1])), auto_unbox = TRUE))`;
    const r = spawnSync('Rscript', ['-e', block('README.md', 'r') + check], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { rows: number; cols: string[]; runIds: string[] | string; seeds: number[] | number; classes: Record<string, string> };
    expect(got.rows).toBe(events.length);
    expect(got.cols.slice(0, 6)).toEqual(['runId', 'seed', 'seq', 'tick', 'date', 'kind']);
    expect(got.runIds).toEqual(runId);
    expect(got.seeds).toEqual(3);
    expect(got.classes['date']).toBe('Date');
    expect(got.classes['seq']).toBe('numeric');
    expect(got.classes['protodiplomacy']).toBe('logical');
    expect(got.classes['fromPosition']).toBe('numeric');
    expect(got.classes['from']).toBe('character');
  });
});
