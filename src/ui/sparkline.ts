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

/**
 * The whole of `series` in at most `width` values: each column the value at the end of its stretch of ticks
 * (the state then), so a line shows the run from its start however long it is; a short series as it is.
 */
export function wholeRun(series: readonly number[], width: number): number[] {
  if (width <= 0) return [];
  if (series.length <= width) return [...series];
  const out: number[] = [];
  for (let c = 0; c < width; c++) out.push(series[Math.min(series.length - 1, Math.floor(((c + 1) * series.length) / width) - 1)]!);
  return out;
}

/** The sparkline's scale, which always includes 0: "lo..hi" in compact numbers, or '' with no finite value. */
export function range(series: readonly number[]): string {
  const finite = series.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '';
  return `${compact(Math.min(0, ...finite))}..${compact(Math.max(0, ...finite))}`;
}

/** A number in at most six characters: integers plain, others to three significant digits. */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1e6) return x.toExponential(1);
  if (Number.isInteger(x)) return String(x);
  const t = String(Number(x.toPrecision(3)));
  return t.length <= 6 ? t : x.toExponential(1);
}
