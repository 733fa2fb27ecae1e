/** Sparklines: a series as block characters, on a scale that always includes 0 (so -0.49 to -0.45 stays flat). */
const BLOCKS = '▁▂▃▄▅▆▇█';

/** The last `width` values of `series` as a sparkline; missing values (NaN) as spaces. */
export function sparkline(series: readonly number[], width: number): string {
  if (width <= 0) return '';
  const values = series.slice(Math.max(0, series.length - width));
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return ' '.repeat(values.length);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const span = hi - lo;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (span === 0) return hi === 0 ? BLOCKS[0] : BLOCKS[BLOCKS.length - 1];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.round(((v - lo) / span) * (BLOCKS.length - 1)))];
    })
    .join('');
}

/** A number in at most six characters: integers plain, others to three significant digits. */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1e6) return x.toExponential(1);
  if (Number.isInteger(x)) return String(x);
  const t = String(Number(x.toPrecision(3)));
  return t.length <= 6 ? t : x.toExponential(1);
}
