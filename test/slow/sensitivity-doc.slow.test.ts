/**
 * The Sobol' analysis of docs/experiments-sensitivity.md is the program's (issue 11, item 2): the sweep it
 * describes (experiments/acid-rain-federal-law.yaml, 4096 runs) is rerun through the real binary, and every
 * `$ paradip sensitivity ...` block must be what that command prints now: a block that starts with the output's
 * first line whole, a block of table rows as lines of the output in order. The sweep's summary line is compared
 * too. Wall times and file sizes in the doc are measurements of one machine and date, not compared.
 * Slow (4096 runs: 13 to 20 minutes on two shared cores): `npm run test:slow`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/experiments-sensitivity.md'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'paradip-sensitivity-doc-'));
let sweepOut = '';

const paradip = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, CI: 'true' } });

/** Each `$ paradip sensitivity ...` block: its arguments and the lines quoted under it. */
const quoted = [...DOC.matchAll(/^```\n\$ paradip (sensitivity [^\n]+)\n([\s\S]*?)^```$/gm)].map((m) => ({ args: m[1]!.split(/\s+/), lines: m[2]!.trimEnd().split('\n') }));

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  // The experiment names its scenario relative to itself; the output goes where the doc says, under scratch.
  const r = paradip(['sweep', join(ROOT, 'experiments/acid-rain-federal-law.yaml'), '--out', 'runs/federal-law', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  sweepOut = r.stdout;
}, 3_600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs/experiments-sensitivity.md: the outputs it quotes', () => {
  it('quotes two sensitivity outputs', () => expect(quoted).toHaveLength(2));

  it('the sweep\'s summary line', () => {
    const line = /The sweep printed `([^`]+)`/.exec(DOC.replace(/\n/g, ' '))?.[1];
    expect(line).toBeDefined();
    expect(sweepOut.trimEnd()).toBe(line);
  });

  it.each(quoted.map((q) => [q.args.join(' '), q] as const))('paradip %s', (_, q) => {
    const r = paradip(q.args);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    if (q.lines[0] === lines[0]) {
      expect(q.lines.join('\n')).toBe(lines.join('\n'));
      return;
    }
    let at = 0;
    for (const line of q.lines) {
      const found = lines.indexOf(line, at);
      expect(found, `the doc quotes a line the output does not have (or not in this order): ${line}\n\noutput:\n${r.stdout}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
