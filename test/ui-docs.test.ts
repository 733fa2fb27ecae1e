/**
 * The screen the docs show is the program's (issue 11, item 2): docs/ui-screen.txt is regenerated from a real
 * run (scripts/ui-screen-doc.tsx) and must equal the committed copy; the README quotes it whole, and
 * docs/teaching.md quotes it in part ("..." for lines left out): every quoted line must be a line of it, in order.
 * After a change to the UI or the scenario: `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotedScreens, uiScreen } from '../scripts/ui-screen-doc.tsx';

const ROOT = join(import.meta.dirname, '..');
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

describe('the screen in the docs is generated from a real run', async () => {
  const screen = await uiScreen(ROOT);
  const title = screen.split('\n')[0]!;

  it('docs/ui-screen.txt (npm run docs writes it)', () => {
    expect(read('docs/ui-screen.txt')).toBe(screen);
  });

  it('the README quotes it whole', () => {
    const quoted = quotedScreens(read('README.md'), title);
    expect(quoted).toHaveLength(1);
    expect(quoted[0]).toBe(screen);
  });

  it('docs/teaching.md quotes lines of it, in order', () => {
    const quoted = quotedScreens(read('docs/teaching.md'), title);
    expect(quoted).toHaveLength(1);
    const lines = screen.split('\n');
    let at = 0;
    for (const line of quoted[0]!.trimEnd().split('\n')) {
      if (line.trim() === '...') continue;
      const found = lines.indexOf(line.trimEnd(), at);
      expect(found, `docs/teaching.md quotes a line the screen does not have (or not in this order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
