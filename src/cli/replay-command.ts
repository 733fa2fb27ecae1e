/**
 * `paradip replay <run-dir>`: the UI over a recorded run (events.jsonl, indicators.csv, run.json), stepping
 * forward and back. Without a terminal (a pipe, CI, --no-ui) it prints the recorded events as sentences.
 */
import { EventNames, describeEvent, shortDate } from '../experiment/describe-event.ts';
import { parseArgs } from './args.ts';
import { EXIT, print, type Io } from './io.ts';
import { readRunDir } from './run-dir.ts';
import { wantsUi } from './ui-host.ts';

export const REPLAY_USAGE = 'paradip replay <run-dir> [--no-ui]';

export async function replayCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { ui: { type: 'boolean' } });
  if (!parsed.ok) return usage(io, parsed.error);
  const [dir, ...extra] = parsed.args.positionals;
  if (dir === undefined || extra.length > 0) return usage(io, 'give one run directory (the --out of a run)');
  const read = readRunDir(dir, io.cwd);
  if (!read.ok) {
    print(io.stderr, `error: ${read.error}`);
    return EXIT.badInput;
  }
  const rec = read.recording;
  if (!wantsUi(io, parsed.args.flags['ui'] !== false)) {
    const names = new EventNames(rec.scenario);
    const unit = rec.scenario.calendar.tick;
    print(io.stdout, `${rec.scenario.title}: seed ${rec.seed}, variant ${rec.variant ?? 'none'}, ${rec.events.length} events${rec.interrupted ? ' (interrupted run)' : ''}`);
    for (const e of rec.events) {
      names.learn(e);
      print(io.stdout, `#${e.seq} ${shortDate(e.date, unit)} ${describeEvent(e, names)}`);
    }
    return EXIT.ok;
  }
  const [{ ReplaySession }, { openUi }] = await Promise.all([import('../ui/replay-session.ts'), import('../ui/open-ui.tsx')]);
  const session = new ReplaySession(rec);
  const onSignal = (): void => session.quit('interrupt');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  try {
    const how = await openUi(session, { stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream, stderr: io.stderr as NodeJS.WriteStream });
    return how === 'interrupt' ? 130 : EXIT.ok;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${REPLAY_USAGE}`);
  return EXIT.badInput;
}
