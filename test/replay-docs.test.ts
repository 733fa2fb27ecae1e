/**
 * What the README shows of `paradip replay` is what it shows (issue 11, item 3): the README records seed 3 of
 * the acid-rain scenario with the real binary, then quotes the top of the replay screen (its header tag
 * `REPLAY`) and the head of the plain log. The screen is read from a real 80x24 terminal (tmux), the plain
 * log from a pipe; each quoted block must equal what the binary prints now.
 * Needs tmux for the screen (Debian package `tmux`): skipped with a message only when tmux is absent and CI is unset.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const RECORD = ['run', 'scenarios/acid-rain-1980s.yaml', '--seed', '3', '--out', 'runs/ar-3'];
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const inCi = Boolean(process.env['CI']) && process.env['CI'] !== 'false' && process.env['CI'] !== '0';
if (!hasTmux && !inCi) console.warn('replay-docs.test.ts: tmux is not installed (apt-get install tmux), so the replay screen is not compared');

const scratch = mkdtempSync(join(tmpdir(), 'paradip-replay-docs-'));
const dir = join(scratch, 'ar-3');
const socket = `paradip-replay-docs-${process.pid}`;

/** The README's section on replay, and its fenced blocks. */
const section = README.slice(README.indexOf('### `paradip replay'), README.indexOf('### `paradip validate'));
const blocks = [...section.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  const r = spawnSync(process.execPath, ['bin/paradip.js', ...RECORD.slice(0, -1), dir, '--no-ui', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(scratch, { recursive: true, force: true });
});

describe('README: paradip replay', () => {
  it('names the commands it quotes', () => {
    expect(section).toContain(`\`paradip ${RECORD.join(' ')}\``);
    expect(section).toContain('`paradip replay runs/ar-3`');
    expect(section).toContain('`paradip replay runs/ar-3 | head -4`');
    expect(blocks).toHaveLength(2);
  });

  it('the plain log: its header line and first sentences, as a pipe gets them', () => {
    const r = spawnSync(process.execPath, ['bin/paradip.js', 'replay', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    expect(blocks[1]).toBe(`${r.stdout.split('\n').slice(0, 4).join('\n')}\n`);
  });

  it.skipIf(!hasTmux && !inCi)('the screen: the REPLAY tag before the title, in a real terminal', async () => {
    execFileSync('tmux', ['-L', socket, 'new-session', '-d', '-s', 'r', '-x', '80', '-y', '24', '-c', ROOT, `env -u CI ${process.execPath} bin/paradip.js replay ${dir}`]);
    const want = blocks[0]!;
    let screen = '';
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      screen = execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'r'], { encoding: 'utf8' });
      if (screen.includes('Governments')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const top = screen.split('\n').slice(0, want.trimEnd().split('\n').length).map((l) => l.trimEnd()).join('\n');
    expect(top.startsWith('REPLAY ')).toBe(true);
    expect(`${top}\n`).toBe(want);
    execFileSync('tmux', ['-L', socket, 'send-keys', '-t', 'r', 'q']);
  });
});
