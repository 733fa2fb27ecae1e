/**
 * The screen's own state (what is open, what is selected, the log filter) and what each key does to it: a
 * pure reducer, so every key is tested without a terminal. Keys that act on the run come back as a command
 * for the session (pause, step, speed, restart, quit).
 */
import type { LogFilter } from './log-filter.ts';
import { ALL } from './log-filter.ts';
import type { Change, Choices, Frame } from './session.ts';

export type PickerKind = 'filter' | 'variant' | 'central' | 'ruleSet';

export type Overlay =
  | { type: 'why'; seq: number; scroll: number }
  | { type: 'help' }
  /** `query`: letters typed in the picker; the selection jumps to the first item that starts with them. */
  | { type: 'picker'; picker: PickerKind; index: number; central?: string; query?: string };

export interface ScreenState {
  overlay: Overlay | null;
  focus: 'log' | 'governments';
  /** The selected event's seq; null follows the newest event. */
  selected: number | null;
  govScroll: number;
  filter: LogFilter;
  /** The notice the user has seen (dismissed by the next key). */
  noticeSeen: string | null;
}

export const INITIAL: ScreenState = { overlay: null, focus: 'log', selected: null, govScroll: 0, filter: ALL, noticeSeen: null };

export type Command =
  | { type: 'togglePause' }
  | { type: 'stepForward' }
  | { type: 'stepBack' }
  | { type: 'faster' }
  | { type: 'slower' }
  | { type: 'restart'; change: Change }
  | { type: 'quit'; reason: 'quit' | 'interrupt' };

/** The subset of Ink's key flags the screen reads. */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export interface PickerItem {
  label: string;
  value: unknown;
}

export interface KeyContext {
  frame: Frame;
  choices: Choices | null;
  /** Seqs of the events the log shows (filtered), oldest first. */
  logSeqs: readonly number[];
  logHeight: number;
  govRows: number;
  govHeight: number;
  whyLines: number;
  bodyHeight: number;
  pickerItems: readonly PickerItem[];
}

export interface KeyResult {
  state: ScreenState;
  command?: Command;
}

export function onKey(s0: ScreenState, k: KeyPress, ctx: KeyContext): KeyResult {
  const s: ScreenState = { ...s0, noticeSeen: ctx.frame.notice };
  if (k.ctrl && k.input === 'c') return { state: s, command: { type: 'quit', reason: 'interrupt' } };
  // In a picker, letters, digits and - . _ find an item (type "AT", "strict"): they are not keys there.
  if (s.overlay?.type === 'picker' && !k.ctrl && (/^[\p{L}\p{N}._-]$/u.test(k.input) || k.backspace || k.delete)) return { state: findKey(s, s.overlay, k, ctx) };
  if (k.input === 'q' && !k.ctrl) return { state: s, command: { type: 'quit', reason: 'quit' } };
  // Keys that drive the run work everywhere, so a WHY panel can stay open while stepping.
  if (k.input === ' ') return { state: s, command: { type: 'togglePause' } };
  if (k.rightArrow || k.input === 's') return { state: s, command: { type: 'stepForward' } };
  if (k.leftArrow || k.input === 'b') return { state: s, command: { type: 'stepBack' } };
  if (k.input === '+' || k.input === '=') return { state: s, command: { type: 'faster' } };
  if (k.input === '-' || k.input === '_') return { state: s, command: { type: 'slower' } };
  const o = s.overlay;
  if (o?.type === 'help') return { state: k.escape || k.return || k.input === '?' ? { ...s, overlay: null } : s };
  if (o?.type === 'why') return { state: whyKey(s, o, k, ctx) };
  if (o?.type === 'picker') return pickerKey(s, o, k, ctx);
  return mainKey(s, k, ctx);
}

function whyKey(s: ScreenState, o: Extract<Overlay, { type: 'why' }>, k: KeyPress, ctx: KeyContext): ScreenState {
  if (k.escape || k.return) return { ...s, overlay: null };
  const max = Math.max(0, ctx.whyLines - ctx.bodyHeight + 1);
  const page = Math.max(1, ctx.bodyHeight - 2);
  const move = k.upArrow ? -1 : k.downArrow ? 1 : k.pageUp ? -page : k.pageDown ? page : 0;
  if (move === 0) return s;
  return { ...s, overlay: { ...o, scroll: Math.max(0, Math.min(max, o.scroll + move)) } };
}

/**
 * Type-to-find in a picker: the first item whose label starts with the query, else the first with a word that
 * does ("law.b" finds "kind: law.blocked (1)"), else the first containing it.
 */
function findKey(s: ScreenState, o: Extract<Overlay, { type: 'picker' }>, k: KeyPress, ctx: KeyContext): ScreenState {
  const query = k.backspace || k.delete ? (o.query ?? '').slice(0, -1) : `${o.query ?? ''}${k.input}`;
  const q = query.toLowerCase();
  const labels = ctx.pickerItems.map((i) => i.label.toLowerCase());
  let index = labels.findIndex((l) => l.startsWith(q));
  if (index < 0) index = labels.findIndex((l) => l.split(/[\s:(,]+/).some((w) => w.startsWith(q)));
  if (index < 0) index = labels.findIndex((l) => l.includes(q));
  return { ...s, overlay: { ...o, query, index: q === '' || index < 0 ? o.index : index } };
}

function pickerKey(s: ScreenState, o: Extract<Overlay, { type: 'picker' }>, k: KeyPress, ctx: KeyContext): KeyResult {
  const n = ctx.pickerItems.length;
  if (k.escape) return { state: { ...s, overlay: null } };
  if (k.upArrow || k.downArrow || k.pageUp || k.pageDown) {
    const page = Math.max(1, ctx.bodyHeight - 3);
    const move = k.upArrow ? -1 : k.downArrow ? 1 : k.pageUp ? -page : page;
    return { state: { ...s, overlay: { ...o, query: '', index: Math.max(0, Math.min(n - 1, o.index + move)) } } };
  }
  if (!k.return || n === 0) return { state: s };
  const value = ctx.pickerItems[Math.min(o.index, n - 1)]!.value;
  switch (o.picker) {
    case 'filter':
      return { state: { ...s, overlay: null, filter: value as LogFilter, selected: null } };
    case 'variant':
      return { state: { ...s, overlay: null, selected: null }, command: { type: 'restart', change: { variant: value as string | null } } };
    case 'central': {
      // Opens at the top, like every picker, so the same keys pick the same rule set whatever ran before.
      return { state: { ...s, overlay: { type: 'picker', picker: 'ruleSet', index: 0, central: value as string } } };
    }
    case 'ruleSet':
      return { state: { ...s, overlay: null, selected: null }, command: { type: 'restart', change: { ruleSet: { central: o.central ?? '', country: value as string } } } };
  }
}

function mainKey(s: ScreenState, k: KeyPress, ctx: KeyContext): KeyResult {
  const seqs = ctx.logSeqs;
  if (k.tab) return { state: { ...s, focus: s.focus === 'log' ? 'governments' : 'log' } };
  if (k.input === '?') return { state: { ...s, overlay: { type: 'help' } } };
  if (k.input === 'f') return { state: { ...s, overlay: { type: 'picker', picker: 'filter', index: 0 } } };
  if (k.input === 'v' || k.input === 'g' || k.input === 'r') {
    // Replays and resumed runs cannot restart: the session says why.
    if (!ctx.choices) return { state: s, command: { type: 'restart', change: { seed: ctx.frame.seed + 1 } } };
    if (k.input === 'r') return { state: { ...s, selected: null }, command: { type: 'restart', change: { seed: ctx.frame.seed + 1 } } };
    // The variant picker opens at the top (the current variant is marked "now"), so the keys a class plan
    // writes down (v, type "strict", Enter) do the same whatever ran before.
    if (k.input === 'v') return { state: { ...s, overlay: { type: 'picker', picker: 'variant', index: 0 } } };
    return { state: { ...s, overlay: { type: 'picker', picker: 'central', index: 0 } } };
  }
  if (k.return) {
    const seq = s.selected ?? seqs[seqs.length - 1];
    return { state: seq === undefined ? s : { ...s, overlay: { type: 'why', seq, scroll: 0 } } };
  }
  if (k.escape) return { state: { ...s, selected: null } };
  const page = k.pageUp || k.pageDown;
  const move = k.upArrow ? -1 : k.downArrow ? 1 : k.pageUp ? -1 : k.pageDown ? 1 : 0;
  if (move === 0 && !k.home && !k.end) return { state: s };
  if (s.focus === 'governments') {
    const height = ctx.govHeight;
    const max = Math.max(0, ctx.govRows - height);
    const next = k.home ? 0 : k.end ? max : s.govScroll + move * (page ? Math.max(1, height - 1) : 1);
    return { state: { ...s, govScroll: Math.max(0, Math.min(max, next)) } };
  }
  if (seqs.length === 0) return { state: s };
  if (k.end) return { state: { ...s, selected: null } };
  if (k.home) return { state: { ...s, selected: seqs[0]! } };
  const current = s.selected === null ? seqs.length - 1 : Math.max(0, indexOfSeq(seqs, s.selected));
  const next = current + move * (page ? Math.max(1, ctx.logHeight - 2) : 1);
  if (next >= seqs.length - 1) return { state: { ...s, selected: null } };
  return { state: { ...s, selected: seqs[Math.max(0, next)]! } };
}

/** Position of `seq` in the ascending list, or of the last seq before it (events are filtered or rewound). */
export function indexOfSeq(seqs: readonly number[], seq: number): number {
  let lo = 0;
  let hi = seqs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid]! <= seq) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The items of the open picker: what the screen lists and what Enter picks. */
export function pickerItems(o: Overlay | null, frame: Frame, choices: Choices | null, filterItems: () => PickerItem[]): PickerItem[] {
  if (o?.type !== 'picker') return [];
  switch (o.picker) {
    case 'filter':
      return filterItems();
    case 'variant':
      return [
        { label: `(no variant: the scenario as written)${frame.variant === null ? ' (now)' : ''}`, value: null },
        ...(choices?.variants ?? []).map((v) => ({ label: `${v.id}${v.id === frame.variant ? ' (now)' : ''}: ${v.description}`, value: v.id })),
      ];
    case 'central':
      return (choices?.centrals ?? []).map((c) => ({ label: `${c.name} (now under ${c.ruleSet} rules)`, value: c.id }));
    case 'ruleSet': {
      const now = choices?.centrals.find((c) => c.id === o.central)?.ruleSet;
      return (choices?.ruleSets ?? []).map((r) => ({ label: `${r.country}: ${r.name}${r.country === now ? ' (now)' : ''}`, value: r.country }));
    }
  }
}

export function pickerTitle(o: Extract<Overlay, { type: 'picker' }>, frame: Frame): string {
  switch (o.picker) {
    case 'filter':
      return 'Filter the event log (type to find, Enter picks, Esc cancels)';
    case 'variant':
      return `Pick a variant and restart (type to find; now: ${frame.variant ?? 'none'})`;
    case 'central':
      return 'Give which central another country\'s rules?';
    case 'ruleSet':
      return `Rule set for ${frame.view.centrals.find((c) => c.id === o.central)?.name ?? o.central}: restart under it`;
  }
}
