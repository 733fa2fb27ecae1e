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

/** "file:line:column: message (expected ..., found ...)" — the one way problems are printed. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const at = p.path.length > 0 ? ` at ${p.path.join('.')}` : '';
  const detail = [p.expected !== undefined ? `expected ${p.expected}` : '', p.found !== undefined ? `found ${p.found}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}${at}${detail ? ` (${detail})` : ''}`;
}
