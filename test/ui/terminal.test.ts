/**
 * End to end in a real terminal: tmux runs `paradip run` on an 80x24 screen; the test reads the screen
 * (capture-pane), presses keys, opens a WHY panel, resizes, quits, and checks the shell came back (alternate
 * screen left, prompt shown) and the outputs are complete: byte-identical to a headless run when the UI ran
 * to the end, marked interrupted (and still complete) when it was quit early.
 * Needs tmux (Debian package `tmux`): skipped with a message only when tmux is absent and CI is unset.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = 'scenarios/constitutional-comparison.yaml';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const inCi = Boolean(process.env['CI']) && process.env['CI'] !== 'false' && process.env['CI'] !== '0';
if (!hasTmux && !inCi) console.warn('terminal.test.ts: tmux is not installed (apt-get install tmux), so the end-to-end terminal test is skipped');

const socket = `paradip-e2e-${process.pid}`;
const scratch = mkdtempSync(join(tmpdir(), 'paradip-e2e-'));
const PROMPT = 'ready$ ';
/** The prompt as capture-pane shows it (trailing spaces trimmed). */
const READY = PROMPT.trimEnd();

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}
const screen = (s: string): string => tmux('capture-pane', '-p', '-t', s);
const alternate = (s: string): string => tmux('display-message', '-p', '-t', s, '#{alternate_on}').trim();
const keys = (s: string, ...k: string[]): void => void tmux('send-keys', '-t', s, ...k);

async function waitFor(s: string, what: RegExp | ((text: string) => boolean), timeout = 30_000): Promise<string> {
  const test = typeof what === 'function' ? what : (t: string) => what.test(t);
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = screen(s);
    if (test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${String(what)} on the screen:\n${text}`);
}

/** A shell in an 80x24 tmux window, CI unset so paradip opens its UI. */
function shell(name: string): void {
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', ROOT, `env -u CI PS1='${PROMPT}' sh`);
}

const tickOf = (text: string): number => Number(/tick (-|\d+)\/\d+/.exec(text)?.[1] ?? NaN);

function headless(out: string): void {
  const r = spawnSync(process.execPath, ['bin/paradip.js', 'run', SCENARIO, '--seed', '1', '--out', out, '--no-ui', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});
afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasTmux && !inCi)('paradip run in a real terminal (tmux)', () => {
  it('shows the screen, takes keys, explains an event, runs to the end, quits and gives the shell back; outputs equal a headless run', async () => {
    const out = join(scratch, 'ui');
    shell('full');
    await waitFor('full', (t) => t.includes(READY));
    keys('full', `node bin/paradip.js run ${SCENARIO} --seed 1 --out ${out}`, 'Enter');
    let text = await waitFor('full', /tick [\d-]+\/119[\s\S]*Governments[\s\S]*Events/);
    expect(alternate('full')).toBe('1');
    for (const s of ['Constitutional comparison (synthetic regions)', 'seed 1', 'variant none', 'Instruments', 'Indicators', 'q:quit']) expect(text).toContain(s);
    expect(text.split('\n').every((l) => [...l].length <= 80)).toBe(true);

    keys('full', 'Space');
    text = await waitFor('full', /paused/);
    const t = tickOf(text);
    keys('full', 's');
    await waitFor('full', (x) => tickOf(x) === t + 1);
    keys('full', 'Right');
    await waitFor('full', (x) => tickOf(x) === t + 2);

    keys('full', 'Enter');
    text = await waitFor('full', /WHY #\d+/);
    keys('full', 'Escape');
    await waitFor('full', /Governments/);

    tmux('resize-window', '-t', 'full', '-x', '70', '-y', '20');
    await waitFor('full', /Terminal too small: 70x20/);
    tmux('resize-window', '-t', 'full', '-x', '80', '-y', '24');
    await waitFor('full', /Governments[\s\S]*Events/);

    for (let i = 0; i < 7; i++) keys('full', '+');
    await waitFor('full', /· max/);
    keys('full', 'Space');
    await waitFor('full', /finished/, 60_000);
    keys('full', 'q');
    text = await waitFor('full', (x) => x.includes(`outputs in ${out}`) && x.trimEnd().endsWith(READY));
    expect(alternate('full')).toBe('0');
    expect(text).toContain('Constitutional comparison (synthetic regions): 120 ticks');

    headless(join(scratch, 'headless'));
    for (const f of ['events.jsonl', 'events.csv', 'indicators.csv']) expect(readFileSync(join(out, f)).equals(readFileSync(join(scratch, 'headless', f))), f).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).interrupted).toBe(false);
  });

  it('--paused opens paused before the first tick, takes keys typed before the first frame, and Ctrl-C after the end exits 0', async () => {
    const out = join(scratch, 'paused');
    shell('paused');
    await waitFor('paused', (t) => t.includes(READY));
    keys('paused', `node bin/paradip.js run ${SCENARIO} --seed 1 --out ${out} --paused`, 'Enter');
    // A plain line at once, then the screen; "+" typed before the screen is there still counts.
    await waitFor('paused', /paradip: opening scenarios\/constitutional-comparison\.yaml \(seed 1\)/, 10_000);
    keys('paused', '+');
    let text = await waitFor('paused', /tick -\/119[\s\S]*Governments/);
    text = await waitFor('paused', /paused · seed 1 · variant none · 8 ticks\/s/);
    expect(text).toContain('tick -/119');
    for (let i = 0; i < 7; i++) keys('paused', '+');
    await waitFor('paused', /· max/);
    keys('paused', 'Space');
    await waitFor('paused', /finished/, 60_000);
    keys('paused', 'C-c');
    await waitFor('paused', (x) => x.includes(`outputs in ${out}`) && x.trimEnd().endsWith(READY));
    keys('paused', 'echo "exit=$?"', 'Enter');
    await waitFor('paused', /exit=0/);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).interrupted).toBe(false);
  });

  it('quit early: terminal restored, run.json says interrupted, every file complete', async () => {
    const out = join(scratch, 'quit');
    shell('quit');
    await waitFor('quit', (t) => t.includes(READY));
    keys('quit', `node bin/paradip.js run ${SCENARIO} --seed 1 --out ${out}`, 'Enter');
    await waitFor('quit', /tick [\d-]+\/119[\s\S]*Governments/);
    keys('quit', 'Space');
    await waitFor('quit', /paused/);
    keys('quit', 'q');
    await waitFor('quit', (x) => x.includes(`outputs in ${out} (interrupted`) && x.trimEnd().endsWith(READY));
    expect(alternate('quit')).toBe('0');
    expect(readdirSync(out).sort()).toEqual(['events.csv', 'events.jsonl', 'indicators.csv', 'run.json']);
    const runJson = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { interrupted: boolean; ticks: { from: number; to: number } };
    expect(runJson.interrupted).toBe(true);
    const rows = readFileSync(join(out, 'indicators.csv'), 'utf8').trim().split('\n');
    expect(rows.length - 1).toBe(runJson.ticks.to - runJson.ticks.from + 1);
    if (!existsSync(join(scratch, 'headless'))) headless(join(scratch, 'headless'));
    const full = readFileSync(join(scratch, 'headless', 'events.jsonl'), 'utf8');
    expect(full.startsWith(readFileSync(join(out, 'events.jsonl'), 'utf8'))).toBe(true);
  });
});
