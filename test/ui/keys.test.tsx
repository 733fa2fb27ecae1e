/**
 * Every key, on the whole screen (ink-testing-library): what it asks of the session and what it opens.
 * Input is asynchronous in Ink, so each check polls (vi.waitFor).
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { CHOICES, EVENTS, FakeController, frame } from './fake.ts';

afterEach(() => cleanup());

const SIZE = { columns: 80, rows: 24 };
const KEY = { up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', esc: '\u001B', tab: '\t', ctrlC: '\u0003' };

function screen(c = new FakeController(), size = SIZE) {
  const r = render(<App controller={c} size={size} />);
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      r.stdin.write(k);
      // Escape alone is told apart from an escape sequence after a short wait.
      await new Promise((res) => setTimeout(res, k === KEY.esc ? 60 : 5));
    }
  };
  return { ...r, c, press };
}

describe('the whole screen at 80x24', () => {
  it('shows header, governments, instruments, indicators, events and keys within 80x24', () => {
    const { lastFrame } = screen();
    const out = lastFrame()!;
    for (const s of ['Acid rain test', 'Governments', 'Instruments', 'Indicators', 'Events', 'q:quit']) expect(out).toContain(s);
    const lines = out.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });
});

describe('keys that drive the run', () => {
  it.each([
    [' ', 'togglePause'],
    ['s', 'stepForward'],
    [KEY.right, 'stepForward'],
    [KEY.left, 'stepBack'],
    ['+', 'faster'],
    ['-', 'slower'],
  ])('%j asks the session to %s', async (key, call) => {
    const { c, press } = screen();
    await press(key);
    await vi.waitFor(() => expect(c.calls).toEqual([call]));
  });

  it('q quits and Ctrl-C interrupts (both finish the outputs in the session)', async () => {
    const a = screen();
    await a.press('q');
    await vi.waitFor(() => expect(a.c.calls).toEqual(['quit:quit']));
    const b = screen();
    await b.press(KEY.ctrlC);
    await vi.waitFor(() => expect(b.c.calls).toEqual(['quit:interrupt']));
  });
});

describe('the WHY panel', () => {
  it('Enter explains the newest event; up selects older ones; Esc closes', async () => {
    const { press, lastFrame } = screen();
    await press(KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('WHY #9'));
    expect(lastFrame()).toMatch(/senate: 40% yes \(needs 50%\)/);
    await press(KEY.esc);
    await vi.waitFor(() => expect(lastFrame()).toContain('Governments'));
    await press(KEY.up, KEY.up, KEY.up, KEY.up);
    await vi.waitFor(() => expect(lastFrame()).toContain('#5 · 9 events'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('WHY #5'));
    expect(lastFrame()).toContain('Approval path');
    expect(lastFrame()).toContain("Canada's executive stayed silent until the deadline");
  });

  it('scrolls with the arrows while open', async () => {
    const { press, lastFrame } = screen();
    await press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('WHY #2'));
    expect(lastFrame()).toMatch(/ 1-\d+ of \d+ ↑↓/);
    await press(KEY.down);
    await vi.waitFor(() => expect(lastFrame()).toMatch(/ 2-\d+ of \d+ ↑↓/));
  });
});

describe('filter, variant, rule set, seed, help', () => {
  it('f filters the log by event kind', async () => {
    const { press, lastFrame } = screen();
    await press('f');
    await vi.waitFor(() => expect(lastFrame()).toContain('Filter the event log'));
    expect(lastFrame()).toContain('kind: approval.tacit (1)');
    expect(lastFrame()).toContain('government: New York');
    // all, action.forbidden, action.proposed, approval.refused, approval.requested, approval.tacit
    await press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('filter: approval.tacit'));
    expect(lastFrame()).toContain('1 events');
    expect(lastFrame()).toContain("Quebec's MOU with New York approved tacitly: Canada's executive silent");
  });

  it('a restart clears the filter, so the new run\'s events show', async () => {
    const { c, press, lastFrame } = screen();
    await press('f');
    await vi.waitFor(() => expect(lastFrame()).toContain('Filter the event log'));
    await press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('filter: approval.tacit'));
    // The new run: a fresh event list with no approval.tacit yet.
    c.set(frame({ events: EVENTS.slice(0, 2), eventCount: 2 }));
    await vi.waitFor(() => expect(lastFrame()).toContain('filter: all events'));
    expect(lastFrame()).toContain('2 events');
  });

  it('f filters the log by government', async () => {
    const { press, lastFrame } = screen();
    await press('f');
    await vi.waitFor(() => expect(lastFrame()).toContain('government: Quebec'));
    // all events, 8 kinds, then the governments
    for (let i = 0; i < 9; i++) await press(KEY.down);
    await vi.waitFor(() => expect(lastFrame()).toContain('› central: United States'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('filter: United States'));
    expect(lastFrame()).toContain('3 events');
  });

  it('v picks a variant and restarts', async () => {
    const { c, press, lastFrame } = screen();
    await press('v');
    await vi.waitFor(() => expect(lastFrame()).toContain('strict: strict compact clause'));
    await press(KEY.down, KEY.down, KEY.enter);
    await vi.waitFor(() => expect(c.restarts).toEqual([{ variant: 'strict' }]));
  });

  it('v opens at the top even on a variant, marking the current one "now"', async () => {
    const { c, press, lastFrame } = screen(new FakeController(frame({ variant: 'strict' }), CHOICES));
    await press('v');
    await vi.waitFor(() => expect(lastFrame()).toContain('› (no variant: the scenario as written)'));
    expect(lastFrame()).toContain('strict (now): strict compact clause');
    await press(KEY.enter);
    await vi.waitFor(() => expect(c.restarts).toEqual([{ variant: null }]));
  });

  it('a variant description longer than the line is shown whole below the list when selected', async () => {
    const long = 'An MOU with a province is an Agreement with a foreign Power and needs the consent of Congress (Virginia v. Tennessee read strictly)';
    const c = new FakeController(frame(), { ...CHOICES, variants: [{ id: 'strict', description: long }] });
    const { press, lastFrame } = screen(c);
    await press('v', KEY.down);
    await vi.waitFor(() => expect(lastFrame()).toContain('› strict: An MOU'));
    const text = lastFrame()!.replace(/\s+/g, ' ');
    expect(text).toContain('(Virginia v. Tennessee read strictly)');
  });

  it('letters typed in a picker find an item (s, b, q, - are not keys there)', async () => {
    const { c, press, lastFrame } = screen();
    await press('v');
    await vi.waitFor(() => expect(lastFrame()).toContain('Pick a variant'));
    await press('s', 't');
    await vi.waitFor(() => expect(lastFrame()).toContain('› strict: strict compact clause'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(c.restarts).toEqual([{ variant: 'strict' }]));
    expect(c.calls).toEqual(['restart']);
  });

  it('g, Enter, type AT, Enter: the United States under Austria', async () => {
    const { c, press, lastFrame } = screen();
    await press('g');
    await vi.waitFor(() => expect(lastFrame()).toContain('United States (now under US rules)'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('US: United States (now)'));
    await press('A', 'T');
    await vi.waitFor(() => expect(lastFrame()).toContain('› AT: Austria'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(c.restarts).toEqual([{ ruleSet: { central: 'US', country: 'AT' } }]));
  });

  it("g gives a central another country's rule set and restarts", async () => {
    const { c, press, lastFrame } = screen();
    await press('g');
    await vi.waitFor(() => expect(lastFrame()).toContain('United States (now under US rules)'));
    await press(KEY.enter);
    await vi.waitFor(() => expect(lastFrame()).toContain('Rule set for United States'));
    expect(lastFrame()).toContain('› AT: Austria');
    await press(KEY.enter);
    await vi.waitFor(() => expect(c.restarts).toEqual([{ ruleSet: { central: 'US', country: 'AT' } }]));
  });

  it('r restarts with the next seed', async () => {
    const { c, press } = screen();
    await press('r');
    await vi.waitFor(() => expect(c.restarts).toEqual([{ seed: 8 }]));
  });

  it('v, g and r on a replay ask the session, which explains why it cannot', async () => {
    const { c, press } = screen(new FakeController(frame({ mode: 'replay' }), null));
    await press('v');
    await vi.waitFor(() => expect(c.calls).toEqual(['restart']));
  });

  it("a replay's help leaves out v, g and r, which only restart a live run", async () => {
    const { press, lastFrame } = screen(new FakeController(frame({ mode: 'replay' }), null));
    await press('?');
    await vi.waitFor(() => expect(lastFrame()).toContain('WHY panel for the selected event'));
    expect(lastFrame()).toContain('one tick back');
    expect(lastFrame()).not.toContain('pick a variant and restart');
    expect(lastFrame()).not.toContain('restart with the next seed');
  });

  it('? shows help and closes again', async () => {
    const { press, lastFrame } = screen();
    await press('?');
    await vi.waitFor(() => expect(lastFrame()).toContain('WHY panel for the selected event'));
    await press('?');
    await vi.waitFor(() => expect(lastFrame()).toContain('Governments'));
  });

  it('Tab gives the arrows to the governments panel, which scrolls', async () => {
    const c = new FakeController(frame({ view: (await import('./fake.ts')).view(30) }), CHOICES);
    const { press, lastFrame } = screen(c);
    await vi.waitFor(() => expect(lastFrame()).toContain('32 governments · Tab: all'));
    await press(KEY.tab, KEY.down, KEY.down);
    await vi.waitFor(() => expect(lastFrame()).toMatch(/3-14 of 37 ↑↓/));
  });
});

describe('notices and terminal size', () => {
  it('shows a notice until the next key', async () => {
    const c = new FakeController(frame({ notice: 'restarted: new outputs in out-2' }));
    const { press, lastFrame } = screen(c);
    expect(lastFrame()).toContain('restarted: new outputs in out-2');
    await press('+');
    await vi.waitFor(() => expect(lastFrame()).toContain('q:quit'));
  });

  it('says the terminal is too small below 80x24, and still takes q', async () => {
    const { c, press, lastFrame } = screen(new FakeController(), { columns: 70, rows: 20 });
    expect(lastFrame()).toContain('Terminal too small: 70x20');
    await press('q');
    await vi.waitFor(() => expect(c.calls).toEqual(['quit:quit']));
  });

  it('re-lays the screen when the terminal is resized', async () => {
    const c = new FakeController();
    const r = render(<App controller={c} />);
    Object.defineProperty(r.stdout, 'rows', { value: 24, configurable: true });
    Object.defineProperty(r.stdout, 'columns', { value: 60, configurable: true });
    r.stdout.emit('resize');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('Terminal too small: 60x24'));
    Object.defineProperty(r.stdout, 'columns', { value: 120, configurable: true });
    Object.defineProperty(r.stdout, 'rows', { value: 30, configurable: true });
    r.stdout.emit('resize');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('Governments'));
    expect(Math.max(...r.lastFrame()!.split('\n').map((l) => [...l].length))).toBeGreaterThan(100);
  });
});

describe('keys typed quickly', () => {
  it('arrive as one string and still count one by one', async () => {
    const { c, press } = screen();
    await press('+++-');
    await vi.waitFor(() => expect(c.calls).toEqual(['faster', 'faster', 'faster', 'slower']));
  });

  it('a word and Enter arriving together in a picker: the word finds, the Enter picks', async () => {
    const { press, lastFrame } = screen();
    await press('f');
    await vi.waitFor(() => expect(lastFrame()).toContain('Filter the event log'));
    await press('approval.t\r');
    await vi.waitFor(() => expect(lastFrame()).toContain('filter: approval.tacit'));
  });
});
