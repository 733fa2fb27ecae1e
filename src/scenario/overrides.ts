/**
 * Overrides: `--set path=value` and a variant's `set:` both change scenario data before it is validated, so a
 * wrong type or unknown key in an override is caught by the same schema, with the same messages. Paths are
 * dotted; a list of records with ids is indexed by id (centrals.US.ruleSet), any list by position.
 */
export interface Override {
  path: string;
  value: string | number | boolean;
}

/** Parses "a.b.c=value": numbers and true/false become typed values, anything else stays text. */
export function parseOverride(text: string): Override | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (!path || path.split('.').some((s) => s === '')) return null;
  return { path, value: parseValue(raw) };
}

export function parseValue(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return Number(raw);
  return raw;
}

export type ResolvedPath = (string | number)[];

/**
 * Sets `value` at `path` in `data` (mutating it), creating a missing last key in a mapping. Returns the
 * resolved path (ids turned into list positions), or an error saying which segment did not resolve.
 */
export function applyOverride(data: unknown, path: string, value: unknown): { ok: true; resolved: ResolvedPath } | { ok: false; error: string } {
  const segments = path.split('.');
  const resolved: ResolvedPath = [];
  let node: unknown = data;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === '__proto__' || seg === 'constructor' || seg === 'prototype') return { ok: false, error: `"${seg}" is not allowed in a path` };
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : node.findIndex((item) => isRecord(item) && item['id'] === seg);
      if (index < 0 || index >= node.length) return { ok: false, error: `no item "${seg}" in ${resolved.join('.') || 'the scenario'}` };
      resolved.push(index);
      if (last) node[index] = value;
      else node = node[index];
    } else if (isRecord(node)) {
      resolved.push(seg);
      if (last) node[seg] = value;
      else {
        if (node[seg] === undefined || node[seg] === null) node[seg] = {};
        node = node[seg];
      }
    } else {
      return { ok: false, error: `"${resolved.join('.')}" holds a value, not a mapping or list` };
    }
  }
  return { ok: true, resolved };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
