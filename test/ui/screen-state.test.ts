/** The key reducer on its own: selection follows the newest event until the user moves it. */
import { describe, expect, it } from 'vitest';
import { INITIAL, indexOfSeq, onKey, type KeyContext } from '../../src/ui/screen-state.ts';
import { CHOICES, frame } from './fake.ts';

const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({
  frame: frame(),
  choices: CHOICES,
  logSeqs: [2, 5, 7, 9],
  logHeight: 6,
  govRows: 40,
  govHeight: 12,
  whyLines: 30,
  bodyHeight: 20,
  pickerItems: [],
  ...over,
});

describe('the key reducer', () => {
  it('selects older events with up and follows the newest again at the bottom', () => {
    let s = onKey(INITIAL, { input: '', upArrow: true }, ctx()).state;
    expect(s.selected).toBe(7);
    s = onKey(s, { input: '', upArrow: true }, ctx()).state;
    expect(s.selected).toBe(5);
    s = onKey(s, { input: '', downArrow: true }, ctx()).state;
    s = onKey(s, { input: '', downArrow: true }, ctx()).state;
    expect(s.selected).toBeNull();
    expect(onKey({ ...s, selected: 2 }, { input: '', end: true }, ctx()).state.selected).toBeNull();
  });

  it('opens the WHY panel on the selected event, or the newest', () => {
    expect(onKey(INITIAL, { input: '', return: true }, ctx()).state.overlay).toEqual({ type: 'why', seq: 9, scroll: 0 });
    expect(onKey({ ...INITIAL, selected: 5 }, { input: '', return: true }, ctx()).state.overlay).toEqual({ type: 'why', seq: 5, scroll: 0 });
    expect(onKey(INITIAL, { input: '', return: true }, ctx({ logSeqs: [] })).state.overlay).toBeNull();
  });

  it('scrolls the governments within bounds once they have the focus', () => {
    let s = onKey(INITIAL, { input: '', tab: true }, ctx()).state;
    expect(s.focus).toBe('governments');
    s = onKey(s, { input: '', pageDown: true }, ctx()).state;
    expect(s.govScroll).toBe(11);
    s = onKey(s, { input: '', end: true }, ctx()).state;
    expect(s.govScroll).toBe(28);
    s = onKey(s, { input: '', downArrow: true }, ctx()).state;
    expect(s.govScroll).toBe(28);
  });

  it('keeps the run keys working under an open panel', () => {
    const open = { ...INITIAL, overlay: { type: 'why' as const, seq: 9, scroll: 0 } };
    expect(onKey(open, { input: 's' }, ctx()).command).toEqual({ type: 'stepForward' });
    expect(onKey(open, { input: ' ' }, ctx()).command).toEqual({ type: 'togglePause' });
  });

  it('dismisses the notice shown when a key is pressed', () => {
    expect(onKey(INITIAL, { input: 'x' }, ctx({ frame: frame({ notice: 'hello' }) })).state.noticeSeen).toBe('hello');
  });

  it('finds the position of a seq, or of the last one before it', () => {
    expect(indexOfSeq([2, 5, 7], 5)).toBe(1);
    expect(indexOfSeq([2, 5, 7], 6)).toBe(1);
    expect(indexOfSeq([2, 5, 7], 1)).toBe(-1);
  });
});
