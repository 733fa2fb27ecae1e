/**
 * The s. 115 litigation of the acid-rain scenario over seeds (issue 13): in how many runs a state files, which
 * state, when; how the first ruling and the appeal go, and when. Usage: npx tsx scripts/acid-rain-litigation.ts
 * [seeds] [--set path=value]...
 */
import { join } from 'node:path';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { runTicks } from '../src/engine/run.ts';
import type { SimEvent } from '../src/engine/events.ts';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const seeds = Number(args.find((a) => /^\d+$/.test(a)) ?? 100);
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
const count = new Map<string, number>();
const years = new Map<string, number[]>();
const add = (key: string, year?: number) => {
  count.set(key, (count.get(key) ?? 0) + 1);
  if (year !== undefined) (years.get(key) ?? years.set(key, []).get(key)!).push(year);
};
for (let seed = 1; seed <= seeds; seed++) {
  const r = prepareRun({ scenario: join(ROOT, 'scenarios/acid-rain-1980s.yaml'), seed, variant: null, sets, until: null, from: null, cwd: ROOT });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const events: SimEvent[] = [];
  for (const t of runTicks(r.prepared.run, r.prepared.last)) events.push(...t.events);
  const year = (e: SimEvent) => Number(e.date.slice(0, 4)) + (Number(e.date.slice(5, 7)) - 1) / 12;
  const filed = events.filter((e) => e.kind === 'action.litigated');
  if (filed.length > 0) add('filed', year(filed[0]!));
  for (const e of filed) add(`filed by ${String(e['by'])}`, year(e));
  const ruled = events.filter((e) => e.kind === 'action.ruled');
  const first = ruled.find((e) => e['court'] === 'first instance');
  if (first) add(`first ruling ${String(first['outcome'])}`, year(first));
  const appeal = ruled.find((e) => e['court'] === 'appeal');
  if (events.some((e) => e.kind === 'action.appealed')) add('appealed');
  if (appeal) add(`appeal ${String(appeal['outcome'])}`, year(appeal));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
console.log(`seeds 1..${seeds}${sets.length ? `, ${sets.join(' ')}` : ''}`);
for (const [k, n] of [...count].sort()) {
  const ys = years.get(k);
  console.log(`  ${k}: ${n} of ${seeds} runs${ys ? `, median ${median(ys).toFixed(2)} (${Math.min(...ys).toFixed(2)}..${Math.max(...ys).toFixed(2)})` : ''}`);
}
