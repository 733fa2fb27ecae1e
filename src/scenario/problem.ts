/**
 * Problems with input are values: a closed code, where it is (file, line, column, path), what was expected
 * and what was found. Detection and wording live apart: loaders collect problems, `formatProblem` prints them.
 */
export type ProblemCode =
  | 'yaml-syntax'
  | 'unsafe-yaml'
  | 'too-large'
  | 'invalid-type'
  | 'invalid-value'
  | 'missing'
  | 'unknown-key'
  | 'unknown-id'
  | 'duplicate-id'
  | 'bad-date'
  | 'bad-formula'
  | 'bad-duration'
  | 'name-clash'
  | 'timeline-conflict'
  | 'bad-override'
  | 'bad-argument';

export interface Problem {
  code: ProblemCode;
  file: string;
  /** 1-based; 0 when the problem has no position (e.g. a command-line argument). */
  line: number;
  column: number;
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: string;
}

/** Longest problem line printed: messages quote untrusted text (keys, ids, values), which must not flood a terminal. */
const MAX_LINE = 1000;

/** "file:line:column: message (expected ..., found ...)" — the one way problems are printed. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const at = p.path.length > 0 ? ` at ${p.path.join('.')}` : '';
  const detail = [p.expected !== undefined ? `expected ${p.expected}` : '', p.found !== undefined ? `found ${p.found}` : '']
    .filter(Boolean)
    .join(', ');
  // Control and format characters (terminal escapes, bidi overrides, line breaks) never reach the terminal raw.
  const line = `${where}: ${p.message}${at}${detail ? ` (${detail})` : ''}`.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

/** Most problems printed for one command: the first ones, then a count (one mutated file once gave 2,077). */
export const MAX_PROBLEMS_SHOWN = 20;

/** The lines "error: <problem>" of at most MAX_PROBLEMS_SHOWN problems, then "error: ... and N more problems". */
export function problemLines(problems: readonly Problem[], max = MAX_PROBLEMS_SHOWN): string[] {
  const lines = problems.slice(0, max).map((p) => `error: ${formatProblem(p)}`);
  const more = problems.length - max;
  if (more > 0) lines.push(`error: ... and ${more} more problem${more === 1 ? '' : 's'} (fix these first; validate shows the next ones)`);
  return lines;
}
