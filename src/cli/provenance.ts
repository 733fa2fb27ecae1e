/** What produced a run, for run.json: scenario, overrides, seed, versions, git commit. No wall-clock time, so run.json is reproducible too. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from '../engine/run.ts';
import { packageRoot } from './files.ts';
import type { Prepared } from './prepare-run.ts';
import { runIdOf } from './run-id.ts';

export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export function provenance(run: Run, prepared: Prepared): Record<string, unknown> & { runId: string; seed: number } {
  return {
    paradip: version(),
    gitCommit: gitCommit(),
    node: process.version,
    v8: process.versions.v8,
    rng: 'seedrandom alea, one stream per phase, state saved in checkpoints',
    scenarioFile: prepared.scenarioFile,
    resumedFrom: prepared.resumedFrom,
    runId: runIdOf(run),
    seed: run.meta.seed,
    variant: run.meta.variant,
    overrides: run.meta.overrides,
    ruleSets: run.model.ruleSets.map((r) => r.id),
    scenario: run.model.scenario,
  };
}
