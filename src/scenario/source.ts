/**
 * Positioned, bounded YAML: parses untrusted text into plain data while keeping a map from data paths to
 * line and column, so every later problem (schema, ids, formulas) points at the file. Guards: size bound,
 * alias bound, duplicate keys and prototype-polluting keys rejected (DESIGN.md section 8).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem, ProblemCode } from './problem.ts';

export const MAX_SOURCE_BYTES = 5_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Source {
  file: string;
  text: string;
  /** Line and column (1-based) of the value at `path`, or of the nearest enclosing value that exists. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
  /** Line and column of the key of the last segment of `path` in its mapping; where `locate` points otherwise. */
  locateKey(path: readonly (string | number)[]): { line: number; column: number };
  /** Offset (0-based) of the first character of a scalar's content at `path` (inside its quotes), if any. */
  scalarStart(path: readonly (string | number)[]): number | null;
  lineCol(offset: number): { line: number; column: number };
}

export type Parsed = { ok: true; data: unknown; source: Source } | { ok: false; problems: Problem[] };

export function parseYaml(text: string, file: string): Parsed {
  if (text.length > MAX_SOURCE_BYTES) {
    return { ok: false, problems: [at(file, 1, 1, 'too-large', `file is larger than ${MAX_SOURCE_BYTES} bytes`)] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const lineCol = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, column } = lineCol(e.pos[0]);
    problems.push(at(file, line, column, 'yaml-syntax', e.message.split('\n')[0] ?? e.message));
  }
  if (problems.length === 0) problems.push(...unsafeKeys(doc, file, lineCol));
  if (problems.length > 0) return { ok: false, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The yaml library throws on alias bombs (maxAliasCount); anything else here would be a bug of ours.
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message))) {
      return { ok: false, problems: [at(file, 1, 1, 'unsafe-yaml', `too many or bad aliases: ${e.message}`)] };
    }
    throw e;
  }
  const nodeAt = (path: readonly (string | number)[]): Node | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return node;
    }
    return null;
  };
  const source: Source = {
    file,
    text,
    lineCol,
    locate(path) {
      const node = nodeAt(path);
      return node?.range ? lineCol(node.range[0]) : { line: 1, column: 1 };
    },
    locateKey(path) {
      const parent = path.length > 0 ? doc.getIn(path.slice(0, -1) as (string | number)[], true) : null;
      const last = String(path[path.length - 1]);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last) : undefined;
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? lineCol(range[0]) : source.locate(path);
    },
    scalarStart(path) {
      const node = doc.getIn(path as (string | number)[], true);
      if (!isScalar(node) || !node.range) return null;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return node.range[0] + (quoted ? 1 : 0);
    },
  };
  return { ok: true, data, source };
}

/** Converts zod issues into positioned problems. */
export function zodProblems(error: z.ZodError, source: Source): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const { line, column } = source.locate(path);
    let code: ProblemCode = 'invalid-value';
    let expected: string | undefined;
    let found: string | undefined;
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      const input = (issue as { input?: unknown }).input;
      code = input === undefined ? 'missing' : 'invalid-type';
      expected = String(issue.expected);
      found = input === undefined ? 'nothing' : describe(input);
      message = input === undefined ? 'required field is missing' : 'wrong type';
    } else if (issue.code === 'unrecognized_keys') {
      code = 'unknown-key';
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      const keyPath = [...path, issue.keys[0] ?? ''];
      const pos = source.locate(keyPath);
      return { code, file: source.file, line: pos.line, column: pos.column, path, message };
    } else if (issue.code === 'invalid_value') {
      expected = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      found = describe((issue as { input?: unknown }).input);
      message = 'value not allowed';
    } else if (issue.code === 'custom' || issue.code === 'invalid_format') {
      // A refinement of one value (a duration, a pattern) says what it found; one of a whole mapping does not.
      const input = (issue as { input?: unknown }).input;
      if (input !== undefined && (typeof input !== 'object' || input === null)) found = describe(input);
    }
    const problem: Problem = { code, file: source.file, line, column, path, message };
    if (expected !== undefined) problem.expected = expected;
    if (found !== undefined) problem.found = found;
    return problem;
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function at(file: string, line: number, column: number, code: ProblemCode, message: string): Problem {
  return { code, file, line, column, path: [], message };
}

function unsafeKeys(doc: Document, file: string, lineCol: (o: number) => { line: number; column: number }): Problem[] {
  const out: Problem[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
          const { line, column } = lineCol(key.range?.[0] ?? 0);
          out.push({ code: 'unsafe-yaml', file, line, column, path: [], message: `key "${String(key.value)}" is not allowed` });
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  return out;
}
