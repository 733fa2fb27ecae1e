/** The footer: the keys, or a notice from the session (a restart, an error) until the next key. */
import { Text } from 'ink';
import { fit } from './text.ts';

export interface FooterProps {
  width: number;
  notice: string | null;
  mode: 'live' | 'replay';
}

const KEYS = {
  live: ['Space:pause →/s:step +/-:speed ↑↓ Enter:why f:filter v/g/r:restart ?:help q:quit', 'Space pause  →/s step  +/- speed  ↑↓ select  Enter why  f filter  v variant  g rules  r seed  ? help  q quit'],
  replay: ['Space:play →/s ←/b:step +/-:speed ↑↓ Enter:why f:filter ?:help q:quit', 'Space play  →/s forward  ←/b back  +/- speed  ↑↓ select  Enter why  f filter  Tab focus  ? help  q quit'],
} as const;

export function Footer({ width, notice, mode }: FooterProps) {
  if (notice) {
    return (
      <Text color="yellow" wrap="truncate-end">
        {fit(notice, width)}
      </Text>
    );
  }
  const [short, long] = KEYS[mode];
  return (
    <Text dimColor wrap="truncate-end">
      {fit(long.length <= width ? long : short, width)}
    </Text>
  );
}
