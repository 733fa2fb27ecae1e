/**
 * `paradip list`: the scenarios shipped with paradip (scenarios/*.yaml), so a class or a researcher sees what
 * there is to run: id, title, one line of description and the number of targets; with `--check`, whether the
 * targets pass over a few seeds (10 by default, to stay quick). Exit 1 when a shipped scenario does not load
 * or, with --check, misses a target.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem } from '../scenario/problem.ts';
import { parseArgs } from './args.ts';
import { checkTargets } from './check-command.ts';
import { packageRoot } from './files.ts';
import { EXIT, print, type Io } from './io.ts';
import { prepareRun } from './prepare-run.ts';

export const LIST_USAGE = 'paradip list [--check [--seeds <n>] [--workers <n>]]';

const FLAGS = {
  check: { type: 'boolean' },
  seeds: { type: 'number', integer: true },
  workers: { type: 'number', integer: true },
} as const;

/** The shipped scenario files, sorted by name. */
export function shippedScenarios(): string[] {
  const dir = join(packageRoot(), 'scenarios');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
    .map((n) => join(dir, n));
}

export async function listCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const { flags, positionals } = parsed.args;
  if (positionals.length > 0) return usage(io, `list takes no file, found "${positionals[0]}"`);
  const check = flags['check'] === true;
  const seeds = (flags['seeds'] as number | undefined) ?? 10;
  if (!check && (flags['seeds'] !== undefined || flags['workers'] !== undefined)) return usage(io, '--seeds and --workers go with --check');
  if (seeds < 1 || seeds > 1_000_000) return usage(io, `--seeds needs a whole number from 1 to 1000000, found ${seeds}`);
  const workers = (flags['workers'] as number | undefined) ?? null;
  if (workers !== null && (workers < 1 || workers > 256)) return usage(io, `--workers needs a whole number from 1 to 256, found ${workers}`);

  const root = packageRoot();
  let bad = 0;
  for (const file of shippedScenarios()) {
    const shown = relative(io.cwd, file) || file;
    const prep = prepareRun({ scenario: file, seed: 1, variant: null, sets: [], until: null, from: null, cwd: root });
    if (!prep.ok) {
      bad++;
      print(io.stdout, `${shown}\n  invalid: ${formatProblem(prep.problems[0]!)}`);
      continue;
    }
    const s = prep.prepared.run.model.scenario;
    const n = s.targets.length;
    let status = n === 0 ? 'no targets' : `${n} target${n === 1 ? '' : 's'}`;
    if (check && n > 0) {
      const checked = await checkTargets({ scenario: file, seeds, firstSeed: 1, variant: null, sets: [], workers, cwd: root });
      if (!checked.ok) {
        bad++;
        status += `, cannot check: ${formatProblem(checked.problems[0]!)}`;
      } else {
        const failed = checked.report.targets.filter((t) => !t.pass).map((t) => t.target.id);
        if (failed.length > 0) bad++;
        status += failed.length === 0 ? `, all pass over ${seeds} seeds` : `, ${n - failed.length} pass over ${seeds} seeds (failed: ${failed.join(', ')})`;
      }
    }
    print(io.stdout, `${s.id}  ${s.title}  (${status})\n  ${oneLine(s.description)}\n  paradip run ${shown} --seed 1`);
  }
  return bad > 0 ? EXIT.failed : EXIT.ok;
}

/** The description on one line of at most 110 characters. */
function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim() || '(no description)';
  return t.length <= 110 ? t : `${t.slice(0, 109).trimEnd()}…`;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${LIST_USAGE}`);
  return EXIT.badInput;
}
