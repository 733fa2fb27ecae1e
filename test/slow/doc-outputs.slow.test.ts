/**
 * Outputs the docs quote as "(real output)" are real (issue 11, item 2): every fenced block that follows a line
 * "`node bin/paradip.js <args>` (real output):" must equal what that command prints now. Slow: the check
 * outputs of docs/scenarios/acid-rain.md run 100 seeds each (`npm run test:slow`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = ['docs/scenarios/acid-rain.md'];

/** Each quoted command (its arguments) with the block quoted after it. */
export function realOutputs(markdown: string): { args: string[]; quoted: string }[] {
  return [...markdown.matchAll(/^`node bin\/paradip\.js ([^`]+)` \(real output\):\n\n```\n([\s\S]*?)^```$/gm)].map((m) => ({ args: m[1]!.split(/\s+/), quoted: m[2]! }));
}

describe.each(DOCS)('%s: the outputs it quotes', (doc) => {
  const outputs = realOutputs(readFileSync(join(ROOT, doc), 'utf8'));
  it('quotes at least one', () => expect(outputs.length).toBeGreaterThan(0));
  it.each(outputs.map((o) => [o.args.join(' '), o] as const))('paradip %s prints what the doc quotes', (_, o) => {
    const r = spawnSync(process.execPath, ['bin/paradip.js', ...o.args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(o.quoted);
  });
});
