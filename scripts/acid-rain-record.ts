/**
 * The acid-rain scenario against the record over many seeds, pooled (issue 13): MOUs per year and the earth
 * mover's distance of their mean per year from Smith's, dyad precision and recall (means per run) and each
 * dyad's share of runs, state laws (precision, share of runs and median year per state, the three record
 * states within a year), the federal law and the agreement within six months of their dates, and the order
 * MOU -> law -> agreement. `check` judges each run; this pools them.
 *   npx tsx scripts/acid-rain-record.ts [seeds=100] [--variant id] [path=value ...]
 */
import { join } from 'node:path';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { runTicks } from '../src/engine/run.ts';
import { yearDistance } from '../src/experiment/targets.ts';

const root = join(import.meta.dirname, '..');
const seeds = Number(process.argv[2] ?? 100);
const rest = process.argv.slice(3);
const at = rest.indexOf('--variant');
const variant = at >= 0 ? (rest[at + 1] ?? null) : null;
const sets = at >= 0 ? [...rest.slice(0, at), ...rest.slice(at + 2)] : rest;
const MOU_RECORD: Record<number, number> = { 1982: 1, 1983: 2, 1984: 1, 1985: 3, 1986: 1 };
const DYADS = ['CA-QC+US-NY', 'CA-ON+US-NY', 'CA-ON+US-MN', 'CA-ON+US-MI', 'CA-QC+US-WI', 'CA-BC+US-WA'];
/** Each record state's law, and the window "within a year" of it the scenario's targets use (from, before). */
const LAWS: Record<string, [string, string]> = { 'US-MN': ['1981-01', '1984-01'], 'US-NY': ['1983-08', '1985-09'], 'US-WI': ['1985-01', '1988-01'] };
const years = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / (365.25 * 864e5);

const perYear = new Map<number, number>();
const dyadRuns = new Map<string, number>();
const lawRuns = new Map<string, string[]>();
let precision = 0, recall = 0, precisionRuns = 0, lawPrecision = 0, lawPrecisionRuns = 0;
let fedOk = 0, agrOk = 0, order = 0, perRunEmd = 0;
const fed: string[] = [], agr: string[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const r = prepareRun({ scenario: 'scenarios/acid-rain-1980s.yaml', seed, variant, sets, until: null, from: null, cwd: root });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  const mous: { date: string; dyad: string }[] = [];
  const laws = new Map<string, string>();
  let law: string | null = null, treaty: string | null = null;
  for (const t of runTicks(r.prepared.run, r.prepared.last)) {
    for (const e of t.events as unknown as Record<string, unknown>[]) {
      if (e['kind'] === 'instrument.signed' && e['issue'] === 'acid-rain' && e['instrument'] === 'mou') mous.push({ date: e['date'] as string, dyad: [...(e['parties'] as string[])].sort().join('+') });
      if (e['kind'] === 'instrument.signed' && e['issue'] === 'acid-rain' && e['instrument'] === 'treaty' && treaty === null) treaty = e['date'] as string;
      if (e['kind'] === 'law.enacted' && e['issue'] === 'acid-rain') {
        const by = e['by'] as string;
        if (by === 'US') law ??= e['date'] as string;
        else if (by.startsWith('US-') && !laws.has(by)) laws.set(by, e['date'] as string);
      }
    }
  }
  for (const m of mous) perYear.set(Number(m.date.slice(0, 4)), (perYear.get(Number(m.date.slice(0, 4))) ?? 0) + 1);
  if (mous.length > 0) perRunEmd += yearDistance(mous.map((m) => [Number(m.date.slice(0, 4)), 1] as const), Object.entries(MOU_RECORD).map(([y, n]) => [Number(y), n] as const));
  const dyads = [...new Set(mous.map((m) => m.dyad))];
  for (const d of dyads) dyadRuns.set(d, (dyadRuns.get(d) ?? 0) + 1);
  if (dyads.length > 0) (precision += dyads.filter((d) => DYADS.includes(d)).length / dyads.length), precisionRuns++;
  recall += DYADS.filter((d) => dyads.includes(d)).length / DYADS.length;
  const early = [...laws].filter(([, d]) => law === null || d < law);
  if (early.length > 0) (lawPrecision += early.filter(([s]) => s in LAWS).length / early.length), lawPrecisionRuns++;
  for (const [s, d] of laws) lawRuns.set(s, [...(lawRuns.get(s) ?? []), d]);
  if (law) fed.push(law);
  if (treaty) agr.push(treaty);
  if (law && Math.abs(years('1990-11-15', law)) <= 0.5) fedOk++;
  if (treaty && Math.abs(years('1991-03-13', treaty)) <= 0.5) agrOk++;
  const first = mous.map((m) => m.date).sort()[0];
  if (first && law && treaty && first < law && law < treaty) order++;
}
const pct = (n: number): string => `${Math.round((100 * n) / seeds)}%`;
const median = (xs: string[]): string => [...xs].sort()[Math.floor((xs.length - 1) / 2)]?.slice(0, 7) ?? 'none';
const ys = [...perYear.keys()].sort();
console.log(`seeds 1..${seeds}${variant ? ` --variant ${variant}` : ''}${sets.length ? ` with ${sets.join(' ')}` : ''}`);
console.log(`MOUs per run by year: ${ys.map((y) => `${y} ${(perYear.get(y)! / seeds).toFixed(2)}`).join(', ')}`);
const mean = (pairs: [number, number][]): number => pairs.reduce((s, [y, n]) => s + y * n, 0) / pairs.reduce((s, [, n]) => s + n, 0);
console.log(`  mean year ${mean(ys.map((y) => [y, perYear.get(y)!])).toFixed(2)} (record ${mean(Object.entries(MOU_RECORD).map(([y, n]) => [Number(y), n])).toFixed(2)}); pooled EMD ${yearDistance(ys.map((y) => [y, perYear.get(y)!] as const), Object.entries(MOU_RECORD).map(([y, n]) => [Number(y), n] as const)).toFixed(2)} years; mean per-run EMD ${(perRunEmd / seeds).toFixed(2)}`);
console.log(`dyads: precision ${(precision / Math.max(1, precisionRuns)).toFixed(2)}, recall ${(recall / seeds).toFixed(2)} (means per run)`);
console.log(`  ${[...dyadRuns].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d}${DYADS.includes(d) ? '*' : ''} ${pct(n)}`).join(', ')}`);
console.log(`state laws before the federal law: precision ${(lawPrecision / Math.max(1, lawPrecisionRuns)).toFixed(2)} (mean per run)`);
console.log(`  ${[...lawRuns].sort((a, b) => b[1].length - a[1].length).map(([s, ds]) => `${s}${s in LAWS ? '*' : ''} ${pct(ds.length)} median ${median(ds)}${s in LAWS ? `, within a year ${pct(ds.filter((d) => d >= LAWS[s]![0] && d < LAWS[s]![1]).length)}` : ''}`).join('; ')}`);
console.log(`federal law median ${median(fed)}, within six months of 1990-11-15 in ${pct(fedOk)}; agreement median ${median(agr)}, within six months of 1991-03-13 in ${pct(agrOk)}; order MOU < law < agreement in ${pct(order)}`);
