/**
 * Positioned, bounded YAML: parses untrusted text into plain data while keeping a map from data paths to
 * line and column, so every later problem (schema, ids, formulas) points at the file. Guards: size bound,
 * alias bound, duplicate keys and prototype-polluting keys rejected (DESIGN.md section 8).
 */
import { isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem, ProblemCode } from './problem.ts';

export const MAX_SOURCE_BYTES = 5_000_000;
/** Deepest nesting of mappings, lists and brackets accepted (a scenario needs about 8). */
export const MAX_YAML_DEPTH = 64;
/**
 * Most values (scalars, aliases and flow collections) accepted in one file. Building the document costs about
 * 6 microseconds and 700 bytes per value; a 5 MB file of 2.4 million values took 37 s and 3 GB before this bound.
 */
export const MAX_YAML_VALUES = 500_000;
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

/**
 * `maxAliases`: YAML aliases allowed (100 in a scenario; rule sets, small and hand-written, need none).
 * `maxDepth`: nesting allowed (MAX_YAML_DEPTH; the checkpoint reader, which bounds depth itself, locates deeper).
 */
export function parseYaml(text: string, file: string, options: { maxAliases?: number; maxDepth?: number } = {}): Parsed {
  if (text.length > MAX_SOURCE_BYTES) {
    return { ok: false, problems: [at(file, 1, 1, 'too-large', `file is larger than ${MAX_SOURCE_BYTES} bytes`)] };
  }
  const scan = preScanYaml(text, options.maxDepth);
  if (scan !== null) {
    const { line, column } = lineColOf(text, scan.offset);
    return { ok: false, problems: [at(file, line, column, 'unsafe-yaml', scan.message)] };
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
    problems.push(at(file, line, column, 'yaml-syntax', excerpt(e.message.split('\n')[0] ?? e.message, 200)));
  }
  if (problems.length === 0) problems.push(...unsafeKeys(doc, file, lineCol));
  if (problems.length > 0) return { ok: false, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: options.maxAliases ?? 100 });
  } catch (e) {
    // The yaml library throws on alias bombs (maxAliasCount); anything else here would be a bug of ours.
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message))) {
      let first = 0;
      visit(doc, {
        Alias(_, node) {
          first = node.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      const { line, column } = lineCol(first);
      const allowed = options.maxAliases ?? 100;
      return { ok: false, problems: [at(file, line, column, 'unsafe-yaml', `${allowed === 0 ? 'aliases are not allowed here' : `too many or bad aliases (at most ${allowed})`}: ${excerpt(e.message, 200)}`)] };
    }
    throw e;
  }
  // The document (about 700 bytes per value: 140 MB for a file of 5,000 units) is needed again only to point at
  // a problem. Held weakly, so a run does not keep it; parsed again from the same text, with the same positions,
  // if it was collected by then.
  let held = new WeakRef(doc);
  const docNow = (): Document => {
    let d = held.deref();
    if (d === undefined) held = new WeakRef((d = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true })));
    return d;
  };
  const nodeAt = (path: readonly (string | number)[]): Node | null => {
    const doc = docNow();
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
      const parent = path.length > 0 ? docNow().getIn(path.slice(0, -1) as (string | number)[], true) : null;
      const last = String(path[path.length - 1]);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last) : undefined;
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? lineCol(range[0]) : source.locate(path);
    },
    scalarStart(path) {
      const node = docNow().getIn(path as (string | number)[], true);
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
      // The whole file as one value (a text file, /etc/passwd) is named by its type only, never shown.
      found = input === undefined ? 'nothing' : path.length === 0 ? kindOf(input) : describe(input);
      message = input === undefined ? 'required field is missing' : path.length === 0 ? 'not a paradip file: its top level is not a mapping' : 'wrong type';
    } else if (issue.code === 'unrecognized_keys') {
      code = 'unknown-key';
      const keys = issue.keys.slice(0, 5).map((k) => excerpt(JSON.stringify(k), 60)).join(', ');
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${issue.keys.length > 5 ? `, ... (${issue.keys.length} in all)` : ''}`;
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
  if (typeof value === 'string') {
    // A short excerpt of the first line, escaped: never a file's contents, never a terminal escape sequence.
    const first = value.split(/\r?\n/, 1)[0] ?? '';
    const cut = first.length > 40 || first.length < value.length;
    return excerpt(JSON.stringify(first.length > 40 ? first.slice(0, 40) : first), 60) + (cut ? '…' : '');
  }
  return kindOf(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  return String(value);
}

/**
 * Text from an untrusted file made safe to print: control and format characters (escape sequences, bidi
 * overrides) written as \u escapes, and at most `max` characters.
 */
export function excerpt(text: string, max: number): string {
  const safe = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}

/** Line and column (1-based) of an offset, without a LineCounter (for problems found before parsing). */
function lineColOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Bounds the cost of a YAML text before any document is built: the yaml library parses nesting recursively
 * (2.4 million brackets took 20 s and 2.7 GB to fail with a stack overflow) and spends about 700 bytes per
 * value. One pass of yaml's own lexer (strings, comments and block scalars are single tokens, so brackets in
 * them do not count) measures the nesting and counts the values; it stops at the first excess. The depth is
 * an upper bound: block levels (a stack of indentations), plus "-", "?" and ":" indicators on one line, plus
 * open brackets. Returns null if the text is within both bounds, else where and why it is not.
 */
export function preScanYaml(text: string, maxDepth = MAX_YAML_DEPTH): { offset: number; message: string } | null {
  let offset = 0;
  let flow = 0;
  let values = 0;
  let inline = 0;
  let lineStart = true;
  let indent = 0;
  let blocks = 0;
  const indents: number[] = [];
  for (const token of new Lexer().lex(text)) {
    const here = offset;
    // yaml's lexer marks modes with control characters that are not part of the text.
    if (token === '\x1f') {
      if (++values > MAX_YAML_VALUES) return { offset: here, message: `more than ${MAX_YAML_VALUES.toLocaleString('en-US')} values: not a file paradip reads` };
      continue;
    }
    if (token === '\x02' || token === '\x18') continue;
    offset += token.length;
    if (token === '\ufeff') continue;
    const c = token[0];
    if (token === '\n' || token === '\r\n' || token === '') {
      lineStart = true;
      indent = 0;
      inline = 0;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (lineStart) indent = token.length;
      continue;
    }
    if (c === '#') continue;
    if (token === '---' || token === '...') {
      indents.length = 0;
      flow = 0;
      lineStart = false;
      continue;
    }
    if (lineStart && flow === 0) {
      // The first content of a line: its indentation opens or closes block levels.
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      blocks = indents.length;
    }
    lineStart = false;
    if (token === '[' || token === '{') {
      flow++;
      if (++values > MAX_YAML_VALUES) return { offset: here, message: `more than ${MAX_YAML_VALUES.toLocaleString('en-US')} values: not a file paradip reads` };
    } else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if ((token === '-' || token === '?' || token === ':') && flow === 0) inline++;
    else if (c === '"' || c === "'" || c === '*') {
      if (++values > MAX_YAML_VALUES) return { offset: here, message: `more than ${MAX_YAML_VALUES.toLocaleString('en-US')} values: not a file paradip reads` };
    }
    if (blocks + inline + flow > maxDepth) return { offset: here, message: `nested more than ${maxDepth} levels deep: not a file paradip reads` };
    // A token ending a line (a block scalar's content) ends it as a newline token would.
    if (token.endsWith('\n')) {
      lineStart = true;
      indent = 0;
      inline = 0;
    }
  }
  return null;
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
