/**
 * `paradip <command> --help`: what each subcommand does, its options and an example, printed on stdout (exit 0).
 * The usage lines are the commands' own (their *_USAGE, also printed after a usage error), so the two never
 * disagree; test/cli-help.test.ts checks through the real binary that every option of a usage line is explained
 * here and that the examples use only the options explained (the cheap ones are run).
 */
import { CHECK_USAGE } from './check-command.ts';
import { EXPLAIN_USAGE } from './explain-command.ts';
import { LIST_USAGE } from './list-command.ts';
import { MERGE_USAGE } from './merge-command.ts';
import { REPLAY_USAGE } from './replay-command.ts';
import { REPORT_USAGE } from './report-command.ts';
import { RUN_USAGE } from './run-command.ts';
import { SENSITIVITY_USAGE } from './sensitivity-command.ts';
import { SWEEP_USAGE } from './sweep-command.ts';

export const VALIDATE_USAGE = 'paradip validate <file>...';

export interface CommandHelp {
  /** One line for the top-level help. */
  summary: string;
  usage: string;
  /** [option as typed, what it does]. */
  options: [string, string][];
  examples: string[];
}

const SET: [string, string] = ['--set <path>=<value>', 'override any scenario value (repeatable), e.g. behaviour.parameters.actThreshold=0.4 or centrals.US.ruleSet=AT'];

export const COMMANDS: Record<string, CommandHelp> = {
  run: {
    summary: 'run one seeded simulation: a summary, the live UI in a terminal, or a run directory with --out',
    usage: RUN_USAGE,
    options: [
      ['--seed <n>', 'the seed (a whole number >= 0); required, never chosen silently'],
      ['--out <dir>', 'write the run directory (run.json, events.jsonl, events.csv, indicators.csv); must be new or empty'],
      ['--until <date>', 'stop at this date (YYYY-MM or YYYY-MM-DD); default the calendar\'s end'],
      ['--variant <name>', 'apply a named variant (counterfactual) declared in the scenario'],
      SET,
      ['--checkpoint-every <k>', 'write checkpoints/<tick>.json after every tick divisible by k (needs --out)'],
      ['--from <checkpoint.json>', 'resume a checkpoint (it carries scenario, variant, overrides and seed)'],
      ['--resume <dir>', 'continue a killed or interrupted run in place from its last complete checkpoint'],
      ['--format text|json', 'progress and summary as text (default) or JSON Lines'],
      ['--quiet', 'no progress lines'],
      ['--no-ui', 'plain output even in a terminal'],
      ['--paused', 'open the terminal UI paused (space runs it), e.g. to prepare a class'],
    ],
    examples: ['paradip run scenarios/acid-rain-1980s.yaml --seed 1 --out runs/ar-1 --no-ui'],
  },
  check: {
    summary: 'run a scenario over many seeds and check its targets (exit 1 if one fails)',
    usage: CHECK_USAGE,
    options: [
      ['--seeds <n>', 'number of seeds (default 100)'],
      ['--first-seed <s>', 'first seed (default 1)'],
      ['--variant <name>', 'apply a named variant declared in the scenario'],
      SET,
      ['--workers <n>', 'threads, this one included (default: one per core, fewer for a short check; results do not depend on it)'],
      ['--json', 'print one JSON object with every seed\'s value instead of the table'],
    ],
    examples: ['paradip check scenarios/acid-rain-1980s.yaml --seeds 20'],
  },
  list: {
    summary: 'list the shipped scenarios (with --check: whether their targets pass)',
    usage: LIST_USAGE,
    options: [
      ['--check', 'check every shipped scenario\'s targets'],
      ['--seeds <n>', 'seeds per scenario with --check (default 10)'],
      ['--workers <n>', 'worker threads with --check'],
    ],
    examples: ['paradip list'],
  },
  replay: {
    summary: 'show a recorded run in the UI, stepping forward and back (in a pipe: the log as sentences)',
    usage: REPLAY_USAGE,
    options: [['--no-ui', 'print the log as numbered sentences even in a terminal']],
    examples: ['paradip replay runs/ar-1 --no-ui'],
  },
  explain: {
    summary: 'explain one event of a run directory: the decision, rules, citations and approval path',
    usage: EXPLAIN_USAGE,
    options: [],
    examples: ['paradip explain runs/ar-1 42'],
  },
  validate: {
    summary: 'check scenario and rule-set files without running them',
    usage: VALIDATE_USAGE,
    options: [],
    examples: ['paradip validate scenarios/acid-rain-1980s.yaml'],
  },
  sweep: {
    summary: 'run an experiment (or a scenario with --vary) over design points and seeds on a worker pool',
    usage: SWEEP_USAGE,
    options: [
      ['--out <dir>', 'the result directory (runs.csv, runs.parquet, experiment.json)'],
      ['--workers <n>', 'threads, this one included (default: one per core, fewer for a short sweep; results do not depend on it)'],
      ['--shard <i>/<n>', 'run one deterministic slice (0-based) of the runs, for a job array; join with merge'],
      ['--seeds <n>', 'seeds per design point'],
      ['--first-seed <s>', 'first seed'],
      ['--vary <path>=<a>,<b>,...|<min>:<max>', 'a parameter to vary, by any --set path (repeatable; scenario form)'],
      ['--design grid|lhs|sobol|morris', 'how points are chosen (scenario form; default grid)'],
      ['--samples <n>', 'levels of a range (grid), points (lhs), base rows (sobol) or trajectories (morris)'],
      ['--levels <n>', 'grid levels of a morris design (default 4)'],
      ['--variant <name>', 'apply a named variant declared in the scenario'],
      SET,
      ['--quiet', 'no progress'],
    ],
    examples: ['paradip sweep experiments/tacit-consent-deadline.yaml --out results/tacit --seeds 2'],
  },
  merge: {
    summary: 'combine the shards of a sweep (--shard i/n) into the files one machine would write',
    usage: MERGE_USAGE,
    options: [['--out <dir>', 'the merged result directory (required)']],
    examples: ['paradip merge results/shard-0 results/shard-1 --out results/all'],
  },
  sensitivity: {
    summary: 'Sobol\' indices or Morris effects of a sobol or morris sweep\'s measures',
    usage: SENSITIVITY_USAGE,
    options: [
      ['--measure <name>', 'a measure to analyse (repeatable; default all)'],
      ['--never <value>', 'the value of a measure that never happened (default: leave the point out)'],
      ['--first-order jansen|saltelli', 'the first-order estimator (default jansen)'],
      ['--resamples <n>', 'bootstrap resamples for the intervals (default 1000)'],
      ['--confidence <level>', 'confidence level of the intervals (default 0.95)'],
      ['--seed <n>', 'seed of the bootstrap (default 1)'],
      ['--out <file.csv>', 'where to write the table (default <result-dir>/sensitivity.csv)'],
      ['--json', 'print one JSON object instead of the table'],
    ],
    examples: ['paradip sensitivity results/sobol --measure firstMou'],
  },
  report: {
    summary: 'write a self-contained HTML report of a sweep\'s result or of run directories',
    usage: REPORT_USAGE,
    options: [
      ['--never <value>', 'the value of a measure that never happened (sweep results)'],
      ['--first-order jansen|saltelli', 'the first-order estimator of Sobol\' indices'],
      ['--out <file.html>', 'where to write it (default report.html in the first directory)'],
    ],
    examples: ['paradip report runs/ar-1 --out ar-1.html'],
  },
};

/** The help of one subcommand, as printed by `paradip <command> --help`. */
export function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  const width = Math.max(0, ...c.options.map(([o]) => o.length));
  const lines = [`paradip ${name}: ${c.summary}`, '', 'usage:', `  ${c.usage}`];
  if (c.options.length > 0) lines.push('', 'options:', ...c.options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`));
  lines.push('', c.examples.length > 1 ? 'examples:' : 'example:', ...c.examples.map((e) => `  ${e}`));
  lines.push('', 'See README.md, "Command reference", for every detail.');
  return lines.join('\n');
}

/** The top-level help: every subcommand with one line. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'paradip: agent-based simulation of paradiplomacy',
    '',
    'usage: paradip <command> [options]      paradip <command> --help      paradip --version',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`),
    '',
    'example:',
    '  paradip run scenarios/acid-rain-1980s.yaml --seed 1',
    '',
    'See README.md for the scenario format and every option.',
  ].join('\n');
}

/** Whether argv asks for help (`--help` or `-h` anywhere before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
