/**
 * Keys to screen state and session commands: Ink's useInput feeds the pure reducer (screen-state.ts); the
 * commands it returns go to the session. Input is only read from a terminal that supports raw mode.
 */
import { useApp, useInput, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { ALL } from './log-filter.ts';
import { INITIAL, onKey, type Command, type KeyContext, type ScreenState } from './screen-state.ts';
import type { Controller } from './session.ts';

/**
 * `run` identifies the run on screen (its event list): a restart closes panels, clears the selection and the
 * log filter (a kind the new run has not produced yet would hide every event).
 */
export function useScreen(controller: Controller, context: (state: ScreenState) => KeyContext, run: unknown): ScreenState {
  const [state, setState] = useState<ScreenState>(INITIAL);
  const current = useRef(state);
  const contextOf = useRef(context);
  contextOf.current = context;
  const lastRun = useRef(run);
  useEffect(() => {
    if (lastRun.current === run) return;
    lastRun.current = run;
    const next: ScreenState = { ...current.current, overlay: current.current.overlay?.type === 'why' ? null : current.current.overlay, selected: null, govScroll: 0, filter: ALL };
    current.current = next;
    setState(next);
  }, [run]);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      // Keys typed quickly arrive as one string ("+++"): take them one at a time. Several keys can also
      // arrive before React renders: chain them through the ref, not the stale state.
      const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && input.length > 1;
      for (const ch of plain ? [...input] : [input]) {
        // Within such a string, Enter, Tab and Backspace are characters: read them as the keys they are.
        const named = !plain ? {} : ch === '\r' || ch === '\n' ? { return: true } : ch === '\t' ? { tab: true } : ch === '\x7f' || ch === '\b' ? { backspace: true } : {};
        const r = onKey(current.current, { ...key, ...named, input: plain && 'return' in named ? '' : ch }, contextOf.current(current.current));
        current.current = r.state;
        if (r.command) perform(controller, r.command, exit);
      }
      setState(current.current);
    },
    // isRawModeSupported is undefined (not false) on a pipe; useInput only skips raw mode on false.
    { isActive: isRawModeSupported === true },
  );
  return state;
}

function perform(c: Controller, command: Command, exit: () => void): void {
  switch (command.type) {
    case 'togglePause':
      return c.togglePause();
    case 'stepForward':
      return c.stepForward();
    case 'stepBack':
      return c.stepBack();
    case 'faster':
      return c.faster();
    case 'slower':
      return c.slower();
    case 'restart':
      return c.restart(command.change);
    case 'quit':
      c.quit(command.reason);
      return exit();
  }
}
