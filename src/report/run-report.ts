/**
 * The report of one run directory, or of several runs of one scenario (seeds): indicators over time (with the
 * band over runs when there are several) and events by year and kind.
 */
import { dateOf } from '../model/calendar.ts';
import type { Recording } from '../ui/replay-session.ts';
import { eventsChart, indicatorChart, type EventCount, type SeriesRow } from './charts.ts';
import { renderSvg } from './render-svg.ts';
import type { Report } from './report-page.ts';

/** Median, min and max of each indicator at each tick, over the runs that recorded that tick. */
export function indicatorSeries(runs: readonly Recording[]): SeriesRow[] {
  const first = runs[0]!;
  const calendar = { unit: first.scenario.calendar.tick, start: first.scenario.calendar.start, end: first.scenario.calendar.end };
  const rows: SeriesRow[] = [];
  for (const indicator of first.indicatorNames) {
    const ticks = Math.max(...runs.map((r) => r.indicators.length));
    for (let t = 0; t < ticks; t++) {
      const values = runs.map((r) => r.indicators[t]?.[r.indicatorNames.indexOf(indicator)]).filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
      if (values.length === 0) continue;
      const median = values.length % 2 ? values[(values.length - 1) / 2]! : (values[values.length / 2 - 1]! + values[values.length / 2]!) / 2;
      rows.push({ indicator, date: dateOf(calendar, first.firstTick + t), median, lo: values[0]!, hi: values[values.length - 1]! });
    }
  }
  return rows;
}

/** Events per year and kind, as the mean over runs. */
export function eventCounts(runs: readonly Recording[]): EventCount[] {
  const counts = new Map<string, number>();
  for (const r of runs) for (const e of r.events) {
    const key = `${e.date.slice(0, 4)}\u0000${e.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, n]) => {
      const [year, kind] = key.split('\u0000') as [string, string];
      return { year: Number(year), kind, count: n / runs.length };
    })
    .sort((a, b) => a.year - b.year || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export async function runReport(runs: readonly Recording[]): Promise<Report> {
  const first = runs[0]!;
  const facts: [string, string][] = [
    [runs.length > 1 ? 'runs' : 'run', runs.map((r) => r.dir).join(', ')],
    ['scenario', `${first.scenario.title ?? first.scenario.id} (${first.scenario.id})`],
    [runs.length > 1 ? 'seeds' : 'seed', runs.map((r) => String(r.seed)).join(', ')],
  ];
  if (first.variant) facts.push(['variant', first.variant]);
  if (first.ruleSets.length) facts.push(['rule sets', first.ruleSets.join('; ')]);
  facts.push(['events', runs.map((r) => String(r.events.length)).join(', ')]);
  if (runs.some((r) => r.interrupted)) facts.push(['note', 'interrupted: a run stopped before the end of its calendar']);
  const series = indicatorSeries(runs);
  const counts = eventCounts(runs);
  return {
    title: `paradip run: ${first.scenario.id}`,
    facts,
    sections: [
      {
        title: 'Indicators over time',
        text: [runs.length > 1 ? `The line is the median over the ${runs.length} runs at each tick, the band runs from the lowest to the highest.` : 'Every indicator the run recorded, one value per tick.'],
        charts: series.length ? [await renderSvg(indicatorChart(series, runs.length > 1))] : [],
      },
      {
        title: 'Events by year and kind',
        text: ['How many events of each kind happened each year.'],
        charts: counts.length ? [await renderSvg(eventsChart(counts, runs.length))] : [],
      },
    ],
  };
}
