/**
 * The class plan of docs/teaching.md, typed as written: every ```class block, in order, in a real terminal
 * (tmux, 100x30 as the guide suggests for a projector), from `npx paradip run ...` to `q`. `$` lines are
 * typed as commands, `keys:` are pressed one by one (a quoted word typed as it stands), `until:` lets the run
 * go on until the header shows that month, `see:` waits for the text on the screen. If the program or the
 * guide changes so that a step no longer shows what the guide says, this test fails at that step.
 * Slow (the plan runs four simulations on screen): `npm run test:slow`. Needs tmux (apt-get install tmux).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const GUIDE = join(ROOT, 'docs/teaching.md');
const socket = `paradip-class-${process.pid}`;
const PROMPT = 'ready$ ';
/** The run directories the plan writes (runs/class, then one per restart). */
const OUTS = ['runs/class', 'runs/class-2', 'runs/class-3', 'runs/class-4'];

export type Step = { type: 'command'; text: string } | { type: 'keys'; keys: string[] } | { type: 'until'; month: string } | { type: 'see'; text: string };

/** The steps of every ```class block of the guide, in order. */
export function classSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const block of markdown.matchAll(/^```class\n([\s\S]*?)^```$/gm)) {
    for (const line of block[1]!.split('\n')) {
      if (line.trim() === '') continue;
      const m = /^(\$|keys:|until:|see:)\s*(.*)$/.exec(line);
      if (!m) throw new Error(`docs/teaching.md: a class block line is not "$", "keys:", "until:" or "see:": ${line}`);
      const [, head, rest] = m as unknown as [string, string, string];
      if (head === '$') steps.push({ type: 'command', text: rest });
      else if (head === 'until:') steps.push({ type: 'until', month: rest.trim() });
      else if (head === 'see:') steps.push({ type: 'see', text: rest });
      else steps.push({ type: 'keys', keys: rest.match(/"[^"]*"|\S+/g) ?? [] });
    }
  }
  return steps;
}

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', 'class');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, test: (text: string) => boolean, timeout = 90_000): Promise<string> {
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = screen();
    if (test(text)) return text;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} on the screen:\n${text}`);
}

/** tmux's names for the keys the guide names. */
const NAMED: Record<string, string> = { Space: 'Space', Enter: 'Enter', Esc: 'Escape', Home: 'Home', End: 'End', Up: 'Up', Down: 'Down', Tab: 'Tab' };

async function press(key: string): Promise<void> {
  if (key.startsWith('"')) tmux('send-keys', '-t', 'class', '-l', key.slice(1, -1));
  else if (NAMED[key]) tmux('send-keys', '-t', 'class', NAMED[key]!);
  else tmux('send-keys', '-t', 'class', '-l', key);
  // Ink tells a lone Esc from an escape sequence by a pause after it.
  await sleep(key === 'Esc' ? 150 : 60);
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const existed = OUTS.filter((d) => existsSync(join(ROOT, d)));

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  for (const d of OUTS) if (!existed.includes(d)) rmSync(join(ROOT, d), { recursive: true, force: true });
});

describe('docs/teaching.md: the class plan', () => {
  it('has class blocks from the command to q', () => {
    const steps = classSteps(readFileSync(GUIDE, 'utf8'));
    expect(steps[0]).toEqual({ type: 'command', text: 'npx paradip run scenarios/acid-rain-1980s.yaml --seed 1 --out runs/class --paused' });
    expect(steps.filter((s) => s.type === 'see').length).toBeGreaterThan(15);
    expect(steps.some((s) => s.type === 'keys' && s.keys.at(-1) === 'q')).toBe(true);
  });

  it.runIf(hasTmux)('runs in a real terminal exactly as written', async () => {
    expect(existed, `remove ${existed.join(', ')} first: the plan writes there`).toEqual([]);
    tmux('new-session', '-d', '-s', 'class', '-x', '100', '-y', '30', '-c', ROOT, `env -u CI PS1='${PROMPT}' sh`);
    await waitFor('the prompt', (t) => t.includes(PROMPT.trim()));
    const steps = classSteps(readFileSync(GUIDE, 'utf8'));
    for (const [i, step] of steps.entries()) {
      const where = `step ${i + 1} (${JSON.stringify(step)})`;
      if (step.type === 'command') {
        tmux('send-keys', '-t', 'class', '-l', step.text);
        tmux('send-keys', '-t', 'class', 'Enter');
        await waitFor(`the screen after ${where}`, (t) => /Governments[\s\S]*Events/.test(t));
      } else if (step.type === 'keys') {
        for (const k of step.keys) await press(k);
      } else if (step.type === 'until') {
        await waitFor(`${step.month} in the header, ${where}`, (t) => {
          const month = /(\d{4}-\d{2}) {2}tick /.exec(t)?.[1];
          return month !== undefined && month >= step.month;
        });
      } else {
        await waitFor(`"${step.text}", ${where}`, (t) => t.includes(step.text));
      }
    }
    // q gave the shell back, and every run of the class wrote complete outputs.
    await waitFor('the prompt after q', (t) => t.trimEnd().endsWith(PROMPT.trim()));
    for (const d of OUTS) expect(existsSync(join(ROOT, d, 'run.json')), d).toBe(true);
  });
});
