/**
 * Dotted override paths checked against a zod schema while they are applied to data, so a misspelt path is
 * an error that names the nearest valid one instead of a key that silently does nothing. What a path may name:
 *
 * - a key of a fixed object: any key the schema declares, present in the data or not (a missing object on the
 *   way is created empty, so the schema's defaults fill it);
 * - an item of a list: by its `id` when the items have ids, by a policy field (a rule set's approval steps by
 *   `step`, powers by `power`) when it picks exactly one item, or by its 0-based position;
 * - a key of an open mapping (a zod record): a key the data already has, or one the policy allows it to gain
 *   (see PathPolicy). Mappings whose keys are themselves dotted (formula names such as `goal.economic`, the
 *   world paths of a timeline entry's `set`) take the rest of the path as one key.
 *
 * A path must end at a single value (a number, text, flag or choice), never at a mapping or a list.
 */
import type { z } from 'zod';
import { closest, listNearest } from './suggest.ts';
import { checkedInPlace } from './schema.ts';

export type ResolvedPath = (string | number)[];

export interface PathPolicy {
  /**
   * Keys the open mapping at `pattern` (its path with `*` for list items and mapping keys, e.g.
   * `centrals.*.ruleOptions`) may gain besides those the data has. `chain` holds the data nodes from the root
   * to the mapping, inclusive. A function accepts keys that cannot be listed (dates).
   */
  newKeys(pattern: string, chain: readonly unknown[]): { keys: readonly string[]; accepts?: (key: string) => boolean; describe?: string };
  /** Open mappings whose keys contain dots, so the rest of the path is one key. */
  dottedKeys(pattern: string): boolean;
  /** A field that picks a list item when its value is unique among the items (after `id`). */
  itemField(pattern: string): string | null;
}

export type Applied =
  | { ok: true; resolved: ResolvedPath; /** The first node the path created, if it created any. */ created: ResolvedPath | null }
  | { ok: false; error: string; expected?: string };

type Schema = z.ZodType;
type Def = { type: string; innerType?: Schema; shape?: Record<string, Schema>; valueType?: Schema; element?: Schema; items?: Schema[]; options?: Schema[] };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SCALARS = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'union']);

function def(s: Schema): Def {
  // A mapping checked in place is, in structure, the z.record it stands for.
  const shown = checkedInPlace.get(s) ?? s;
  return (shown as unknown as { def: Def }).def;
}

/** The schema under default, optional and nullable wrappers. */
export function unwrap(s: Schema): Schema {
  let t = s;
  while (def(t).innerType !== undefined) t = def(t).innerType!;
  return t;
}

function isNullable(s: Schema): boolean {
  for (let t = s; ; t = def(t).innerType!) {
    if (def(t).type === 'nullable') return true;
    if (def(t).innerType === undefined) return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sets `value` at the dotted `path` in `data` (mutating it) if the path is valid under `schema` and `policy`.
 * Numbers and flags become text where the schema wants text (`--set centrals.A.name=1848`).
 */
export function applyPath(schema: Schema, data: unknown, path: string, value: unknown, policy: PathPolicy, shownPrefix: readonly string[] = []): Applied {
  const segments = path.split('.');
  const resolved: ResolvedPath = [];
  const pattern: string[] = [];
  const chain: unknown[] = [data];
  let created: ResolvedPath | null = null;
  let s: Schema = schema;
  let node: unknown = data;
  // The user's words so far, for messages and suggestions (ids, not list positions).
  const said = (i: number): string => [...shownPrefix, ...segments.slice(0, i)].join('.') || 'the top level';
  const suggest = (i: number, word: string, candidates: readonly string[], rest: readonly string[], what = 'key'): { error: string; expected: string } => {
    const best = closest(word, candidates);
    const where = said(i);
    const hint = best === null ? '' : `; did you mean ${[...shownPrefix, ...segments.slice(0, i), best, ...rest].join('.')}?`;
    return { error: `no ${what} "${word}" in ${where}${hint}`, expected: listNearest(word, candidates) };
  };

  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i]!;
    let last = i === segments.length - 1;
    if (FORBIDDEN.has(seg)) return { ok: false, error: `"${seg}" is not allowed in a path` };
    const t = unwrap(s);
    const d = def(t);
    const wantsList = d.type === 'array' || d.type === 'tuple';
    if ((d.type === 'object' || d.type === 'record') && !isRecord(node)) return { ok: false, error: `${said(i)} should be a mapping but holds ${describe(node)}` };
    if (wantsList && !Array.isArray(node)) return { ok: false, error: `${said(i)} should be a list but holds ${describe(node)}` };
    let child: Schema;
    let key: string | number;
    if (d.type === 'object') {
      const shape = d.shape!;
      if (!Object.hasOwn(shape, seg)) return { ok: false, ...suggest(i, seg, Object.keys(shape), segments.slice(i + 1)) };
      child = shape[seg]!;
      key = seg;
      pattern.push(seg);
    } else if (d.type === 'record') {
      const p = pattern.join('.');
      if (policy.dottedKeys(p)) {
        seg = segments.slice(i).join('.');
        last = true;
      }
      const existing = Object.keys(node as Record<string, unknown>);
      const allowed = policy.newKeys(p, chain);
      if (!existing.includes(seg) && !allowed.keys.includes(seg) && !(allowed.accepts?.(seg) ?? false)) {
        const r = suggest(i, seg, [...new Set([...existing, ...allowed.keys])], last ? [] : segments.slice(i + 1));
        if (allowed.describe) r.expected = `${allowed.describe}${r.expected.startsWith('nothing') ? '' : `: ${r.expected}`}`;
        return { ok: false, ...r };
      }
      child = d.valueType!;
      key = seg;
      pattern.push('*');
    } else if (wantsList) {
      const list = node as unknown[];
      const item = d.type === 'array' ? d.element! : undefined;
      const itemDef = item ? def(unwrap(item)) : undefined;
      const hasId = itemDef?.type === 'object' && Object.hasOwn(itemDef.shape!, 'id');
      const field = policy.itemField(pattern.join('.'));
      let index = hasId ? list.findIndex((x) => isRecord(x) && x['id'] === seg) : -1;
      if (index < 0 && field !== null) {
        const matches = list.flatMap((x, j) => (isRecord(x) && x[field] === seg ? [j] : []));
        if (matches.length > 1) return { ok: false, error: `${said(i)} has ${matches.length} items with ${field} "${seg}": pick one by position`, expected: matches.join(', ') };
        if (matches.length === 1) index = matches[0]!;
      }
      const size = d.type === 'tuple' ? d.items!.length : list.length;
      if (index < 0 && /^\d+$/.test(seg) && Number(seg) < size) index = Number(seg);
      if (index < 0) {
        const names = [
          ...(hasId ? list.flatMap((x) => (isRecord(x) && typeof x['id'] === 'string' ? [x['id']] : [])) : []),
          ...(field !== null ? list.flatMap((x) => (isRecord(x) && typeof x[field] === 'string' ? [x[field] as string] : [])) : []),
        ];
        if (names.length === 0) {
          const what = size === 0 ? `${said(i)} is empty` : `${said(i)} has positions 0 to ${size - 1}`;
          return { ok: false, error: `no item "${seg}": ${what}` };
        }
        return { ok: false, ...suggest(i, seg, names, segments.slice(i + 1), 'item') };
      }
      child = d.type === 'tuple' ? d.items![index]! : item!;
      key = index;
      pattern.push('*');
    } else {
      return { ok: false, error: `${said(i)} is a single value, not a mapping or list` };
    }
    resolved.push(key);

    if (last) {
      const leaf = def(unwrap(child));
      if (!SCALARS.has(leaf.type) || (leaf.type === 'union' && !leaf.options!.every((o) => SCALARS.has(def(unwrap(o)).type)))) {
        const inner = leaf.type === 'object' ? Object.keys(leaf.shape!) : isRecord((node as Record<string | number, unknown>)[key]) ? Object.keys((node as Record<string, Record<string, unknown>>)[key as string]!) : [];
        const kind = leaf.type === 'array' || leaf.type === 'tuple' ? 'a list' : 'a mapping';
        return { ok: false, error: `${said(segments.length)} is ${kind}, not a single value: name one of its ${kind === 'a list' ? 'items' : 'keys'}`, ...(inner.length ? { expected: inner.join(', ') } : {}) };
      }
      const text = leaf.type === 'string' && (typeof value === 'number' || typeof value === 'boolean');
      (node as Record<string | number, unknown>)[key] = text ? String(value) : value;
      return { ok: true, resolved, created };
    }
    let next = (node as Record<string | number, unknown>)[key];
    if (next === undefined || next === null) {
      const kind = def(unwrap(child)).type;
      // A part the file leaves out on purpose (a legislature, an issue's law) has required keys: declare it there.
      if (isNullable(child)) return { ok: false, error: `${said(i + 1)} is not declared in the file, so it has no ${segments[i + 1]}` };
      if (kind !== 'object' && kind !== 'record') return { ok: false, error: `${said(i + 1)} is empty: it has no ${segments[i + 1]}` };
      next = {};
      (node as Record<string | number, unknown>)[key] = next;
      created ??= [...resolved];
    } else if (typeof next !== 'object') {
      return { ok: false, error: `${said(i + 1)} is a single value, not a mapping or list` };
    }
    node = next;
    chain.push(node);
    s = child;
  }
  return { ok: false, error: 'an empty path' };
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `the ${typeof v} ${JSON.stringify(v)}`;
}
