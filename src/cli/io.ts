/** The streams and environment a command runs with; passed in so tests drive the CLI whole. */
export interface Io {
  argv: string[];
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
