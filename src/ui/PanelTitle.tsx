/** A panel's title as a rule across its width ("Governments ───────"), bright when the panel has the keys. */
import { Text } from 'ink';
import { fit } from './text.ts';

export interface PanelTitleProps {
  title: string;
  width: number;
  focused?: boolean;
  /** Right-aligned detail ("12 of 30", "filter: all events"). */
  detail?: string;
}

export function PanelTitle({ title, width, focused = false, detail = '' }: PanelTitleProps) {
  const head = `${title} `;
  const tail = detail ? ` ${detail}` : '';
  const rule = '─'.repeat(Math.max(0, width - head.length - tail.length));
  return (
    <Text bold={focused} color={focused ? 'cyan' : 'blue'} wrap="truncate-end">
      {fit(head + rule + tail, width)}
    </Text>
  );
}
