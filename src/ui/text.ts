/** Fixed-width text for a terminal cell grid: truncate with an ellipsis, pad to a width. */

export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

export function pad(text: string, width: number): string {
  const t = fit(text, width);
  return t + ' '.repeat(Math.max(0, width - t.length));
}

export function signed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(digits)}`;
}

export function percent(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : 'n/a';
}

/** Words (separated by `sep`) into at most `lines` lines of `width`; the last line ends in … if cut. */
export function wrapList(items: readonly string[], width: number, lines: number, sep = ' · '): string[] {
  const out: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}${sep}${item}` : item;
    if (next.length <= width || !line) {
      line = next;
      continue;
    }
    out.push(line);
    line = item;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = fit(`${kept[lines - 1]}${sep}…`, width);
  return kept;
}

/** Words into lines of at most `width` (a word longer than the width is cut into pieces). */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line = `${line} ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}
