/** The streams and environment a command runs with; passed in so tests drive the CLI whole. */
export interface Io {
  argv: string[];
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * Exit codes (README, "Command reference"): 0 ok, 1 a check failed, 2 bad input or usage, 73 an output (the
 * run directory or a file in it) cannot be created, 74 a write failed while running (disk full, file too large,
 * standard output unwritable), 130 interrupted. 70 is reserved for bugs in paradip.
 */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70, cantCreate: 73, ioError: 74, interrupted: 130 } as const;

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A failure to create or write an output, with the exit code it ends the command with (73 or 74). */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (a file size limit, e.g. ulimit -f, or the file system\'s)',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  EIO: 'input/output error',
  ENOENT: 'no such file or directory',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EPIPE: 'the reader closed the pipe',
};

/** "no space left on device (ENOSPC)" for a Node.js file-system error. */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && ERRNO_TEXT[code]) return `${ERRNO_TEXT[code]} (${code})`;
  if (code) return `${(e as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${code})`;
  return String((e as Error)?.message ?? e);
}

/**
 * Standard output and error can fail too: a reader that stops early closes the pipe (EPIPE), `> /dev/full` or a
 * full disk gives ENOSPC. Neither may crash paradip with a stack trace. While a command writes a run directory
 * (`holdOutputs`), a broken stdout or stderr does not stop it: the run completes its files, and the command
 * then exits 74 (EPIPE is not an error: the reader went away on purpose). Otherwise the command stops at once.
 */
export const streams = {
  /** Commands writing files that must be completed before exiting. */
  holders: 0,
  /** The first write failure of stdout or stderr other than EPIPE. */
  failed: null as null | { stream: 'stdout' | 'stderr'; error: unknown },
};

export function holdOutputs(): () => void {
  streams.holders++;
  let released = false;
  return () => {
    if (!released) streams.holders--;
    released = true;
  };
}

export interface ProcessLike {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  exitCode?: number | string | undefined;
  exit(code?: number): never;
}

/** Installs the error handlers on the process's stdout and stderr (bin/paradip.js calls this first thing). */
export function guardStreams(proc: ProcessLike): void {
  const onError = (name: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && streams.failed === null) {
      streams.failed = { stream: name, error: e };
      if (name === 'stdout') {
        try {
          const goesOn = streams.holders > 0 ? ' The run goes on and completes its files; its progress and summary are lost.' : '';
          proc.stderr.write(`error: cannot write to standard output: ${errnoText(e)}.${goesOn}\n`);
        } catch {
          // stderr is gone too: the exit code still says it.
        }
      }
    }
    if (streams.holders === 0) proc.exit(finalExitCode(Number(proc.exitCode ?? 0)));
  };
  proc.stdout.on('error', onError('stdout'));
  proc.stderr.on('error', onError('stderr'));
}

/** A command's exit code, made 74 when stdout or stderr failed (other than EPIPE) and it would otherwise say success or a failed check. */
export function finalExitCode(code: number): number {
  if (streams.failed !== null && (code === EXIT.ok || code === EXIT.failed)) return EXIT.ioError;
  return code;
}

/** Outputs being written that a signal must not leave half-written (run directories register here). */
export const openOutputs = new Set<{ abandon(): void }>();

export interface SignalProcess {
  on(signal: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  listenerCount(signal: string): number;
  exit(code?: number): never;
}

/**
 * Ctrl-C or SIGTERM at any moment exits 130 with no partial output. A running command that installs its own
 * handler (a run stops at the next tick boundary and completes its files) takes over; at any other moment
 * (loading, parsing, before the first tick) this one removes whatever outputs are open and exits. bin/paradip.js
 * holds a simpler handler of its own until this bundle is loaded.
 */
export function exitOnSignal(proc: SignalProcess): void {
  const handler = (signal: NodeJS.Signals): void => {
    if (proc.listenerCount(signal) > 1) return;
    for (const o of [...openOutputs]) {
      try {
        o.abandon();
      } catch {
        // Best effort: the exit code still says the run was interrupted.
      }
    }
    proc.exit(EXIT.interrupted);
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
}
