/**
 * The `paradip` command: dispatches to the subcommands. The only effectful layer: it owns argv, files, streams
 * and exit codes (0 ok, 1 a check failed, 2 bad input or usage, 73 an output cannot be created, 74 a write
 * failed, 130 interrupted; 70 only for a bug in paradip).
 */
import { EXIT, OutputError, print, type Io } from './io.ts';
import { version } from './provenance.ts';
import { COMMANDS, commandHelp, mainHelp, wantsHelp } from './command-help.ts';
import { checkCommand } from './check-command.ts';
import { listCommand } from './list-command.ts';
import { runCommand } from './run-command.ts';
import { replayCommand } from './replay-command.ts';
import { explainCommand } from './explain-command.ts';
import { validateCommand } from './validate-command.ts';
import { sweepCommand } from './sweep-command.ts';
import { mergeCommand } from './merge-command.ts';
import { sensitivityCommand } from './sensitivity-command.ts';
import { reportCommand } from './report-command.ts';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import { nonFiniteProblem } from '../scenario/load-scenario.ts';
import { problemLines } from '../scenario/problem.ts';

/** The top-level help; every subcommand also answers `--help` (command-help.ts). */
export const USAGE = mainHelp();

export async function main(io: Io): Promise<number> {
  const [command, ...rest] = io.argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command) && wantsHelp(rest)) {
    print(io.stdout, commandHelp(command));
    return EXIT.ok;
  }
  try {
    switch (command) {
      case 'run':
        return await runCommand(io, rest);
      case 'check':
        return await checkCommand(io, rest);
      case 'list':
        return await listCommand(io, rest);
      case 'replay':
        return await replayCommand(io, rest);
      case 'explain':
        return explainCommand(io, rest);
      case 'validate':
        return validateCommand(io, rest);
      case 'sweep':
        return await sweepCommand(io, rest);
      case 'merge':
        return await mergeCommand(io, rest);
      case 'sensitivity':
        return sensitivityCommand(io, rest);
      case 'report':
        return await reportCommand(io, rest);
      case '--version':
      case 'version':
        print(io.stdout, version());
        return EXIT.ok;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        print(command === undefined ? io.stderr : io.stdout, USAGE);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      default:
        print(io.stderr, `error: unknown command "${command}"\n\n${USAGE}`);
        return EXIT.badInput;
    }
  } catch (e) {
    // A file-system fault a command did not report itself: still a message and its exit code, never a stack trace.
    if (e instanceof OutputError) {
      print(io.stderr, `error: ${e.message}`);
      return e.exitCode;
    }
    // A scenario formula that gave NaN or Infinity while running: bad input, shown at the formula.
    if (e instanceof NonFiniteFormulaError) {
      for (const line of problemLines([nonFiniteProblem(e)])) print(io.stderr, line);
      return EXIT.badInput;
    }
    // Bad input never gets here (it is reported as problems); this is a bug in paradip.
    print(io.stderr, `internal error (a bug in paradip, please report it with the command you ran): ${(e as Error).message}`);
    if (io.env['PARADIP_DEBUG']) print(io.stderr, String((e as Error).stack));
    return EXIT.internal;
  }
}

/** What bin/paradip.js installs on the process before running a command (see io.ts). */
export { exitOnSignal, finalExitCode, guardStreams } from './io.ts';
