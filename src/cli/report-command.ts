/**
 * `paradip report <result-dir>` or `paradip report <run-dir>...`: a self-contained HTML page of charts (no script,
 * no network needed to open it). For a sweep's result: each measure against each parameter with the spread over
 * seeds, sensitivity indices for a sobol or morris design, target pass rates. For one or more run directories
 * of one scenario: indicators over time (a band over runs) and events by year and kind. Written to
 * <dir>/report.html (or --out) atomically; bad input is a message and exit 2 with nothing written.
 */
import { resolve } from 'node:path';
import { DesignError } from '../experiment/design.ts';
import { SensitivityError } from '../experiment/sensitivity.ts';
import { reportPage, type Report } from '../report/report-page.ts';
import { runReport } from '../report/run-report.ts';
import { sweepReport } from '../report/sweep-report.ts';
import { targetJudge } from '../report/target-judge.ts';
import type { Recording } from '../ui/replay-session.ts';
import { parseArgs } from './args.ts';
import { writeAtomic } from './files.ts';
import { EXIT, errnoText, print, type Io } from './io.ts';
import { isResultDir, readResultDir } from './result-dir.ts';
import { readRunDir } from './run-dir.ts';

export const REPORT_USAGE = 'paradip report <result-dir> | <run-dir>... [--never <value>] [--first-order jansen|saltelli] [--out <file.html>]';

const FLAGS = { out: { type: 'string' }, never: { type: 'number' }, 'first-order': { type: 'string' } } as const;

export async function reportCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const dirs = parsed.args.positionals;
  if (dirs.length === 0) return usage(io, 'give a sweep result directory, or one or more run directories');
  const firstOrder = (parsed.args.flags['first-order'] as string | undefined) ?? 'jansen';
  if (firstOrder !== 'jansen' && firstOrder !== 'saltelli') return usage(io, `--first-order is jansen or saltelli, not "${firstOrder}"`);
  const never = parsed.args.flags['never'] as number | undefined;
  let report: Report;
  if (dirs.length === 1 && isResultDir(dirs[0]!, io.cwd)) {
    const read = readResultDir(dirs[0]!, io.cwd);
    if (!read.ok) return fail(io, read.error);
    try {
      report = await sweepReport(read.result, targetJudge(read.result, io.cwd), { never, firstOrder });
    } catch (e) {
      if (e instanceof SensitivityError || e instanceof DesignError) return fail(io, `${dirs[0]}: ${e.message}`);
      throw e;
    }
  } else {
    const runs: Recording[] = [];
    for (const dir of dirs) {
      if (isResultDir(dir, io.cwd)) return usage(io, `${dir} is a sweep result: report it alone`);
      if (never !== undefined || parsed.args.flags['first-order'] !== undefined) return usage(io, '--never and --first-order apply to a sweep result, not to run directories');
      const read = readRunDir(dir, io.cwd);
      if (!read.ok) return fail(io, read.error);
      runs.push(read.recording);
    }
    const ids = new Set(runs.map((r) => r.scenario.id));
    if (ids.size > 1) return fail(io, `these runs are of different scenarios (${[...ids].join(', ')}): report runs of one scenario together`);
    report = await runReport(runs);
  }
  const out = (parsed.args.flags['out'] as string | undefined) ?? `${dirs[0]!.replace(/\/+$/, '')}/report.html`;
  try {
    writeAtomic(resolve(io.cwd, out), reportPage(report));
  } catch (e) {
    print(io.stderr, `error: cannot write ${out}: ${errnoText(e)}`);
    return EXIT.cantCreate;
  }
  print(io.stdout, `written: ${out}`);
  return EXIT.ok;
}

function fail(io: Io, error: string): number {
  print(io.stderr, `error: ${error}`);
  return EXIT.badInput;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${REPORT_USAGE}`);
  return EXIT.badInput;
}
