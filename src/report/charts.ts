/**
 * The report's charts as Vega-Lite specs over inline data (pure functions; render-svg.ts draws them). One chart
 * per question a reader asks: how a measure moves with a parameter (and how much seeds scatter it), which
 * parameters matter (Sobol' indices or Morris effects with their intervals), how often targets pass, how
 * indicators move over time (with a band over runs) and which events happen when.
 */
import type { TopLevelSpec } from 'vega-lite';

const FONT = { font: 'Helvetica, Arial, sans-serif', labelFontSize: 11, titleFontSize: 12 };
// numberFormat ~g: 1990.5 rather than Vega's default 1,990.5 (measures are often dates as decimal years).
const CONFIG = { config: { numberFormat: '~g', axis: FONT, legend: FONT, header: FONT, title: { fontSize: 13, font: FONT.font }, view: { stroke: '#ddd' } } };

/** How a parameter is drawn on an x axis: its range (linear or log), or its values as categories. */
export type ParameterAxis = { kind: 'linear' | 'log'; domain: [number, number] } | { kind: 'nominal' };

function scaleOf(axis: ParameterAxis): object | undefined {
  if (axis.kind === 'nominal') return undefined;
  return { type: axis.kind, domain: axis.domain, nice: false, zero: false };
}

/** One design point of a measure: its parameter value and the measure over its seeds. */
export interface PointSpread {
  x: number | string | boolean;
  mean: number;
  min: number;
  max: number;
}

/** A measure against one parameter: each point's mean over seeds (dot), min to max over seeds (rule), a trend. */
export function measureChart(measure: string, parameter: string, points: readonly PointSpread[], axis: ParameterAxis): TopLevelSpec {
  const values = points.map((p) => ({ ...p, x: typeof p.x === 'boolean' ? String(p.x) : p.x }));
  const numeric = axis.kind !== 'nominal';
  const x = { field: 'x', type: numeric ? 'quantitative' : 'nominal', title: parameter, scale: scaleOf(axis) } as const;
  const y = { type: 'quantitative', scale: { zero: false } } as const;
  const layers: unknown[] = [
    { mark: { type: 'rule', opacity: 0.3, color: '#7f8c8d' }, encoding: { x, y: { ...y, field: 'min', title: measure }, y2: { field: 'max' } } },
    { mark: { type: 'circle', size: 18, opacity: 0.7, color: '#1f77b4' }, encoding: { x, y: { ...y, field: 'mean', title: measure } } },
  ];
  if (numeric && points.length >= 8) {
    layers.push({ transform: [{ loess: 'mean', on: 'x', bandwidth: 0.4 }], mark: { type: 'line', color: '#d62728', strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'mean' } } });
  } else if (!numeric) {
    layers.push({ mark: { type: 'tick', color: '#d62728', thickness: 3, size: 30 }, encoding: { x, y: { ...y, field: 'mean', aggregate: 'mean' } } });
  }
  return { ...CONFIG, width: 240, height: 180, title: `${measure} by ${parameter}`, data: { values }, layer: layers } as TopLevelSpec;
}

export interface IndexBar {
  parameter: string;
  index: string;
  value: number;
  lo: number;
  hi: number;
}

/** Sobol' S1 and ST per parameter, bars with their bootstrap intervals. */
export function sobolChart(measure: string, bars: readonly IndexBar[]): TopLevelSpec {
  const x = { field: 'parameter', type: 'nominal', title: null, sort: null, axis: { labelAngle: -30, labelLimit: 220 } } as const;
  return {
    ...CONFIG,
    width: { step: 46 },
    height: 200,
    title: `Sobol' indices of ${measure}`,
    data: { values: bars.map((b) => ({ ...b })) },
    encoding: { x, xOffset: { field: 'index' }, color: { field: 'index', title: 'index', scale: { range: ['#1f77b4', '#ff7f0e'] } } },
    layer: [
      { mark: 'bar', encoding: { y: { field: 'value', type: 'quantitative', title: 'index' } } },
      { mark: { type: 'rule', color: 'black' }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
    ],
  } as TopLevelSpec;
}

export interface MorrisDot {
  parameter: string;
  mu_star: number;
  sigma: number;
  lo: number;
  hi: number;
}

/** Morris mu* against sigma: far right matters, high up interacts or bends; mu* with its interval. */
export function morrisChart(measure: string, dots: readonly MorrisDot[]): TopLevelSpec {
  const x = { field: 'mu_star', type: 'quantitative', title: 'mu* (mean |elementary effect|)' } as const;
  const y = { field: 'sigma', type: 'quantitative', title: 'sigma' } as const;
  return {
    ...CONFIG,
    width: 320,
    height: 220,
    title: `Morris effects on ${measure}`,
    data: { values: dots.map((d) => ({ ...d })) },
    layer: [
      { mark: { type: 'rule', color: '#7f8c8d' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y } },
      { mark: { type: 'circle', size: 60, color: '#1f77b4' }, encoding: { x, y } },
      { mark: { type: 'text', dx: 6, align: 'left', fontSize: 10 }, encoding: { x, y, text: { field: 'parameter' } } },
    ],
  } as TopLevelSpec;
}

export interface PassRate {
  x: number | string | boolean;
  rate: number;
  target: string;
}

/** The share of runs in which a target passes against one parameter (binned), one line per target measure. */
export function passRateChart(parameter: string, rates: readonly PassRate[], axis: ParameterAxis): TopLevelSpec {
  const values = rates.map((r) => ({ ...r, x: typeof r.x === 'boolean' ? String(r.x) : r.x }));
  const x = { field: 'x', type: axis.kind === 'nominal' ? 'nominal' : 'quantitative', title: parameter, scale: scaleOf(axis) } as const;
  return {
    ...CONFIG,
    width: 240,
    height: 160,
    title: `target pass rate by ${parameter}`,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x,
      y: { field: 'rate', type: 'quantitative', title: 'share of runs passing', scale: { domain: [0, 1] }, axis: { format: '%' } },
      color: { field: 'target', type: 'nominal' },
    },
  } as TopLevelSpec;
}

export interface SeriesRow {
  indicator: string;
  date: string;
  median: number;
  lo: number;
  hi: number;
}

/** Indicators over time, one panel each; with several runs, the median line and the band from min to max. */
export function indicatorChart(rows: readonly SeriesRow[], band: boolean): TopLevelSpec {
  const x = { field: 'date', type: 'temporal', title: null } as const;
  const layer: unknown[] = [{ mark: { type: 'line', color: '#1f77b4', strokeWidth: 1.5 }, encoding: { x, y: { field: 'median', type: 'quantitative', title: null, scale: { zero: false } } } }];
  if (band) layer.unshift({ mark: { type: 'area', opacity: 0.25, color: '#1f77b4' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } });
  return {
    ...CONFIG,
    title: band ? 'Indicators over time: median over runs, band from min to max' : 'Indicators over time',
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { field: 'indicator', type: 'nominal', title: null, sort: null },
    columns: 3,
    spec: { width: 220, height: 110, layer },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

export interface EventCount {
  year: number;
  kind: string;
  count: number;
}

/** Events per year, stacked by kind (averaged over runs when there are several). */
export function eventsChart(counts: readonly EventCount[], runs: number): TopLevelSpec {
  return {
    ...CONFIG,
    width: 560,
    height: 240,
    title: runs > 1 ? `Events by year and kind (mean over ${runs} runs)` : 'Events by year and kind',
    data: { values: counts.map((c) => ({ ...c })) },
    mark: 'bar',
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      y: { field: 'count', type: 'quantitative', title: 'events', aggregate: 'sum' },
      color: { field: 'kind', type: 'nominal', title: 'kind', scale: { scheme: 'tableau20' } },
    },
  } as TopLevelSpec;
}
