/**
 * A checkpoint written by the paradip before issue 12 (no organisations, holdings, successions, third parties
 * or kin support: test/fixtures/checkpoint-before-issue-12.json, acid rain, seed 1, tick 84) still resumes
 * through the real binary, gives exactly the rest of the run today's paradip gives of that checkpoint's scenario,
 * and keeps the run id the older paradip gave it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/checkpoint-before-issue-12.json');
const dir = mkdtempSync(join(tmpdir(), 'paradip-old-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function paradip(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a checkpoint from before issue 12', () => {
  it('lacks the parts added since (so the test means something)', () => {
    const cp = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { scenario: Record<string, unknown>; world: Record<string, unknown> };
    for (const k of ['organisations', 'holdings', 'successions', 'thirdParties']) expect(cp.scenario).not.toHaveProperty(k);
    for (const k of ['organisations', 'successions', 'thirdParties']) expect(cp.world).not.toHaveProperty(k);
    expect((cp.scenario['centrals'] as object[])[0]).not.toHaveProperty('kinSupport');
  });

  it('resumes with --from into the same events and run id as a whole run today', () => {
    const resumed = paradip('run', '--from', FIXTURE, '--out', 'resumed', '--quiet');
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    // The whole run of the checkpoint's own scenario (the acid-rain file as it was then), written out as JSON.
    const cp = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { scenario: unknown };
    writeFileSync(join(dir, 'then.json'), JSON.stringify(cp.scenario));
    const whole = paradip('run', 'then.json', '--seed', '1', '--out', 'whole', '--quiet');
    expect(whole.stderr).toBe('');
    expect(whole.status).toBe(0);
    const tail = readFileSync(join(dir, 'resumed/events.jsonl'), 'utf8').trimEnd().split('\n');
    const all = readFileSync(join(dir, 'whole/events.jsonl'), 'utf8').trimEnd().split('\n');
    expect(tail.length).toBeGreaterThan(100);
    expect(tail).toEqual(all.slice(all.length - tail.length));
    const id = (run: string): string => (JSON.parse(readFileSync(join(dir, run, 'run.json'), 'utf8')) as { runId: string }).runId;
    // The id the paradip of the fixture gave this run (its events' first field), kept by today's paradip.
    expect(id('whole')).toBe('49ecc34d114a');
    expect(id('resumed')).toBe('49ecc34d114a');
  }, 60_000);
});
