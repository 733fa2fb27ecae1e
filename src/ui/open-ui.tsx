/**
 * Opens the screen on a terminal: the alternate screen (so quitting gives the shell its screen back), Ink
 * with the streams passed in, and closes it all when the session is done, whatever ended it (q, Ctrl-C, a
 * signal, an error). Only called when stdin and stdout are terminals; nothing here writes to a pipe.
 */
import { render } from 'ink';
import { App } from './App.tsx';
import type { Controller } from './session.ts';

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Enter the alternate screen and home the cursor; leave it and show the cursor. */
const ENTER = '\u001b[?1049h\u001b[H';
const LEAVE = '\u001b[?25h\u001b[?1049l';

/** Runs the screen until the session ends; resolves with how it ended, rejects with an engine error. */
export async function openUi(controller: Controller, t: Terminal): Promise<'quit' | 'interrupt'> {
  // A terminal that goes away (SIGHUP) fails the last writes; the outputs are finished before those.
  const ignore = (): void => undefined;
  t.stdout.on('error', ignore);
  t.stdout.write(ENTER);
  const ink = render(<App controller={controller} />, {
    stdout: t.stdout,
    stdin: t.stdin,
    stderr: t.stderr,
    // Ctrl-C is a key like q: the session finishes the outputs first (screen-state.ts).
    exitOnCtrlC: false,
    // The engine never logs; leaving the console alone keeps stack traces of bugs visible.
    patchConsole: false,
    maxFps: 30,
  });
  // Ink creates its exit promise on the first call; asked only after unmounting, it would never settle.
  const exited = ink.waitUntilExit().catch(() => undefined);
  try {
    return await controller.done;
  } finally {
    ink.unmount();
    await exited;
    t.stdout.write(LEAVE);
    t.stdout.off('error', ignore);
  }
}
