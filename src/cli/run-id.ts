/**
 * The run id: 12 hex digits of the SHA-256 of what determines a run's outputs: the canonical JSON of its
 * resolved scenario and rule sets (variant and overrides applied), its seed, and the variant and overrides as
 * given. Two runs with the same id write the same events.jsonl, events.csv and indicators.csv; a run continued
 * from a checkpoint (`--from`, `--resume`) keeps the id of the run it continues, since the checkpoint carries
 * all of these. Every row of those files carries it, and run.json records it, so rows of many runs can be
 * concatenated and still be told apart (48 bits: a collision among a million runs has odds below 1 in 500).
 * Parts of the model a scenario does not use, added in later versions, are left out (`stableForm`), so a run
 * keeps its id across versions of paradip.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, stableForm } from '../engine/checkpoint-check.ts';
import type { Run } from '../engine/run.ts';

export function runIdOf(run: Run): string {
  const what = { scenario: stableForm(run.model.scenario), ruleSets: run.model.ruleSets, seed: run.meta.seed, variant: run.meta.variant, overrides: run.meta.overrides };
  return createHash('sha256').update(canonicalJson(what)).digest('hex').slice(0, 12);
}
