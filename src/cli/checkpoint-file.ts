/**
 * Checkpoint files: written with the hash of their scenario and never with a number JSON cannot hold; read as
 * untrusted input (size bound, then engine/checkpoint-check.ts), with every problem positioned in the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { checkCheckpoint, findNonFinite, scenarioHash, type HashedCheckpoint, type JsonPath } from '../engine/checkpoint-check.ts';
import { checkpoint, type Run } from '../engine/run.ts';
import type { Problem } from '../scenario/problem.ts';
import { MAX_SOURCE_BYTES, parseYaml, type Source } from '../scenario/source.ts';

/** Largest checkpoint file read (a world of 100,000 subnationals is about 60 MB). */
export const MAX_CHECKPOINT_BYTES = 256 * 1024 * 1024;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A world holding NaN or Infinity: JSON would write null, and the resumed run would differ. */
export class NonFiniteError extends Error {
  constructor(
    readonly path: JsonPath,
    readonly value: number,
  ) {
    super(`the world holds ${value} at ${path.join('.')}, which a checkpoint cannot store`);
  }
}

/** The checkpoint of a run as the text of its file; throws NonFiniteError rather than write null for NaN. */
export function checkpointText(run: Run): string {
  const cp = checkpoint(run);
  const bad = findNonFinite(cp);
  if (bad) throw new NonFiniteError(bad.path, bad.value);
  const hashed: HashedCheckpoint = { ...cp, scenarioHash: hashOf(cp.scenario) };
  return JSON.stringify(hashed);
}

/** A run's scenario never changes: hash it once, not at every checkpoint. */
const hashes = new WeakMap<object, string>();
function hashOf(scenario: object): string {
  let h = hashes.get(scenario);
  if (h === undefined) hashes.set(scenario, (h = scenarioHash(scenario, sha256)));
  return h;
}

export type ReadCheckpoint = { ok: true; checkpoint: HashedCheckpoint; text: string } | { ok: false; problems: Problem[] };

/** Reads and checks a checkpoint file; `shown` is the name problems print (as the user gave it). */
export function readCheckpointFile(file: string, shown: string): ReadCheckpoint {
  const problem = (message: string, line = 0, column = 0, path: JsonPath = []): ReadCheckpoint => ({
    ok: false,
    problems: [{ code: 'bad-argument', file: shown, line, column, path, message }],
  });
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return problem('is a directory, not a checkpoint file');
    // A device or pipe has no size to check first (/dev/zero would be read forever).
    if (!st.isFile()) return problem('is not a regular file: give a checkpoint file (checkpoints/<tick>.json of a run directory)');
    if (st.size > MAX_CHECKPOINT_BYTES) return problem(`is larger than ${MAX_CHECKPOINT_BYTES} bytes: not a checkpoint paradip reads`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`);
  }
  if (text.length > MAX_CHECKPOINT_BYTES) return problem(`is larger than ${MAX_CHECKPOINT_BYTES} bytes: not a checkpoint paradip reads`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const pos = at ? lineCol(text, Number(at[1])) : { line: 0, column: 0 };
    return text.trim() === ''
      ? problem('is empty: not a complete checkpoint (was the run killed while writing it?)')
      : problem(`not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, pos.line, pos.column);
  }
  const checked = checkCheckpoint(data, { sha256 });
  if (checked.ok) return { ok: true, checkpoint: checked.checkpoint, text };
  const source = positions(text, shown);
  return {
    ok: false,
    problems: checked.problems.map((p) => {
      const { line, column } = source ? source.locate(p.path) : { line: 0, column: 0 };
      return { ...p, file: shown, line, column };
    }),
  };
}

/** The positioned parser of scenario files reads JSON too; beyond its size bound, problems carry paths only. */
function positions(text: string, file: string): Source | null {
  if (text.length > MAX_SOURCE_BYTES) return null;
  try {
    // Depth is checked (and reported) by checkCheckpoint; up to 1,000 levels the problem is still located.
    const parsed = parseYaml(text, file, { maxDepth: 1000 });
    return parsed.ok ? parsed.source : null;
  } catch {
    return null;
  }
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
