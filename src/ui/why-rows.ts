/**
 * The WHY panel's rows: an explanation (explain-event.ts) flattened into screen lines, wrapped to the width
 * (citations are long and must be read whole), with a bar before each line that carries a number (goal
 * contributions, scores, votes), scaled within its section.
 */
import type { Explanation, Tone } from '../experiment/explain-event.ts';
import { wrapText } from './text.ts';

export interface WhyRow {
  text: string;
  tone: Tone;
  /** The event's sentence, a section title, or a line of a section. */
  style: 'sentence' | 'title' | 'line';
  /** The bar drawn before the text ('' when the section has no numbers), and whether its number is negative. */
  bar: string;
  negative: boolean;
}

export const BAR_WIDTH = 12;

/** Whether a section's numbers go below 0: then its bars grow both ways from an axis. */
function hasNegative(lines: readonly { value?: number }[]): boolean {
  return lines.some((l) => l.value !== undefined && Number.isFinite(l.value) && l.value < 0);
}

/**
 * A bar of BAR_WIDTH columns for `v` within ±`scale`. Where a section has negative numbers, the bar grows left
 * of a middle axis for them and right of it for positive ones, so the sign reads without colour and a negative
 * score never looks larger than a positive one; otherwise it fills from the left.
 */
export function signedBar(v: number, scale: number, signed: boolean): string {
  if (!signed) {
    const filled = scale === 0 ? 0 : Math.max(v === 0 ? 0 : 1, Math.round((Math.abs(v) / scale) * BAR_WIDTH));
    return '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled);
  }
  const half = Math.floor((BAR_WIDTH - 1) / 2);
  const n = scale === 0 ? 0 : Math.min(half, Math.max(v === 0 ? 0 : 1, Math.round((Math.abs(v) / scale) * half)));
  const left = v < 0 ? '·'.repeat(half - n) + '█'.repeat(n) : '·'.repeat(half);
  const right = v > 0 ? '█'.repeat(n) + '·'.repeat(half - n) : '·'.repeat(half);
  return `${left}│${right}`.padEnd(BAR_WIDTH, ' ');
}

export function whyRows(x: Explanation, width: number): WhyRow[] {
  const rows: WhyRow[] = [];
  for (const line of wrapText(x.sentence, width)) rows.push({ text: line, tone: 'plain', style: 'sentence', bar: '', negative: false });
  for (const s of x.sections) {
    rows.push({ text: '', tone: 'plain', style: 'line', bar: '', negative: false });
    rows.push({ text: s.title, tone: 'plain', style: 'title', bar: '', negative: false });
    const scale = Math.max(0, ...s.lines.map((l) => (l.value !== undefined && Number.isFinite(l.value) ? Math.abs(l.value) : 0)));
    const barred = s.lines.some((l) => l.value !== undefined);
    const textWidth = Math.max(10, width - 2 - (barred ? BAR_WIDTH + 1 : 0));
    for (const l of s.lines) {
      const v = l.value !== undefined && Number.isFinite(l.value) ? l.value : null;
      const bar = barred ? (v === null ? ' '.repeat(BAR_WIDTH) : signedBar(v, scale, hasNegative(s.lines))) : '';
      wrapText(l.text, textWidth).forEach((text, i) => {
        rows.push({ text, tone: l.tone ?? 'plain', style: 'line', bar: i === 0 ? bar : barred ? ' '.repeat(BAR_WIDTH) : '', negative: v !== null && v < 0 });
      });
    }
  }
  return rows;
}
