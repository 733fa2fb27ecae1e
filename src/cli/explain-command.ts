/**
 * `paradip explain <run-dir> <seq>`: the why of one recorded event as plain text, the same explanation the
 * UI's WHY panel shows (goal contributions and alternatives; rules, citations and the approval path).
 */
import { EventNames } from '../experiment/describe-event.ts';
import { explainEvent, formatExplanation } from '../experiment/explain-event.ts';
import { EXIT, print, type Io } from './io.ts';
import { readRunDir } from './run-dir.ts';

export const EXPLAIN_USAGE = 'paradip explain <run-dir> <seq>';

export function explainCommand(io: Io, argv: string[]): number {
  const [dir, seqText, ...extra] = argv;
  if (dir === undefined || seqText === undefined || extra.length > 0) return usage(io, 'give a run directory and an event number (seq)');
  if (!/^\d+$/.test(seqText)) return usage(io, `the event number must be a whole number (the "seq" of events.jsonl), found "${seqText}"`);
  const read = readRunDir(dir, io.cwd, { indicators: false });
  if (!read.ok) {
    print(io.stderr, `error: ${read.error}`);
    return EXIT.badInput;
  }
  const { events, scenario } = read.recording;
  const seq = Number(seqText);
  const e = events.find((x) => x.seq === seq);
  if (!e) {
    const range = events.length === 0 ? 'it has no events' : `its events are #${events[0]!.seq} to #${events[events.length - 1]!.seq}`;
    print(io.stderr, `error: no event #${seq} in ${dir} (${range})`);
    return EXIT.badInput;
  }
  const names = new EventNames(scenario);
  for (const x of events) names.learn(x);
  const related = typeof e['id'] === 'string' ? events.filter((x) => x['id'] === e['id']) : [];
  print(io.stdout, formatExplanation(explainEvent(e, names, related)));
  return EXIT.ok;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${EXPLAIN_USAGE}`);
  return EXIT.badInput;
}
