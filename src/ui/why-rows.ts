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
      const filled = v === null || scale === 0 ? 0 : Math.max(v === 0 ? 0 : 1, Math.round((Math.abs(v) / scale) * BAR_WIDTH));
      const bar = barred ? (v === null ? ' '.repeat(BAR_WIDTH) : '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled)) : '';
      wrapText(l.text, textWidth).forEach((text, i) => {
        rows.push({ text, tone: l.tone ?? 'plain', style: 'line', bar: i === 0 ? bar : barred ? ' '.repeat(BAR_WIDTH) : '', negative: v !== null && v < 0 });
      });
    }
  }
  return rows;
}
