/** The header: scenario title, date and tick of total, seed, variant, speed, running or paused, and what v/g/r changed. */
import { Box, Text } from 'ink';
import { shortDate } from '../experiment/describe-event.ts';
import { speedLabel, type Frame } from './session.ts';
import { fit } from './text.ts';

export interface HeaderProps {
  frame: Frame;
  width: number;
}

const STATUS = { running: '▶ running', paused: '❚❚ paused', finished: '■ finished' } as const;
const STATUS_COLOR = { running: 'green', paused: 'yellow', finished: 'cyan' } as const;

export function Header({ frame, width }: HeaderProps) {
  // The tick as events.jsonl numbers it (from 0), of the last one, so an event's `tick` reads the same here.
  const when = `${shortDate(frame.date, frame.unit)}  tick ${frame.tick < 0 ? '-' : frame.tick}/${frame.lastTick}`;
  const title = fit(`${frame.mode === 'replay' ? 'REPLAY ' : ''}${frame.title}`, Math.max(10, width - when.length - 2));
  const status = STATUS[frame.status];
  const c = frame.changed;
  // What v, g and r changed is marked in magenta with a star, so a class sees at once which run this is.
  const parts: { text: string; changed: boolean }[] = [
    { text: `seed ${frame.seed}${c.seed ? '*' : ''}`, changed: c.seed },
    { text: `variant ${frame.variant ?? 'none'}${c.variant ? '*' : ''}`, changed: c.variant },
    ...(c.ruleSets.length > 0 ? [{ text: `rules* ${c.ruleSets.join(', ')}`, changed: true }] : []),
    { text: speedLabel(frame.speed), changed: false },
    // Last, as the line may cut it: a --set changes the scenario, so it is marked like a key's change.
    ...(c.sets.length > 0 ? [{ text: `set* ${c.sets.join(' ')}`, changed: true }] : []),
  ];
  let room = width - status.length;
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between" width={width}>
        <Text bold>{title}</Text>
        <Text bold>{when}</Text>
      </Box>
      <Text wrap="truncate-end">
        <Text color={STATUS_COLOR[frame.status]}>{status}</Text>
        {parts.map((p, i) => {
          const text = fit(` · ${p.text}`, Math.max(0, room));
          room -= text.length;
          return (
            <Text key={i} color={p.changed ? 'magenta' : undefined} dimColor={!p.changed}>
              {text}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}
