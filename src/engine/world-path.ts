/**
 * Dotted paths into the world, used by timeline inputs (set) and indicators (get). Lists of records with ids
 * are indexed by id: `centrals.US.executive.stance.acid-rain`, `centrals.US.legislature.chambers.senate.gatekeepers.leader.name`.
 * A path must already exist and keep its type: a timeline changes inputs, it does not invent state.
 */
import type { World } from '../model/world.ts';

type Container = Record<string, unknown> | unknown[];
/** `parent[key]` is the value; `parent` is `holder[holderKey]` (the world itself has no holder). */
type Found =
  | { ok: true; parent: Container; key: string | number; value: unknown; holder: Container | null; holderKey: string | number }
  | { ok: false; error: string };

export function resolvePath(world: World, path: string): Found {
  const segments = path.split('.');
  let node: unknown = world;
  let parent: Container | null = null;
  let key: string | number = '';
  let holder: Container | null = null;
  let holderKey: string | number = '';
  for (const seg of segments) {
    holder = parent;
    holderKey = key;
    if (Array.isArray(node)) {
      const i = node.findIndex((item) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === seg);
      if (i < 0) return { ok: false, error: `no "${seg}" in ${path}` };
      parent = node;
      key = i;
      node = node[i];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, seg)) {
      parent = node as Record<string, unknown>;
      key = seg;
      node = (node as Record<string, unknown>)[seg];
    } else {
      return { ok: false, error: `no "${seg}" in ${path}` };
    }
  }
  if (parent === null) return { ok: false, error: 'empty path' };
  return { ok: true, parent, key, value: node, holder, holderKey };
}

/**
 * Sets a value; positions and other number maps (stance, attitude, support, position) may gain a key for a
 * declared issue or country, since "no stance yet" and "stance 0" mean the same.
 */
export function setPath(world: World, path: string, value: unknown): { ok: true } | { ok: false; error: string } {
  const found = resolvePath(world, path);
  if (!found.ok) {
    const dot = path.lastIndexOf('.');
    const parent = dot > 0 ? resolvePath(world, path.slice(0, dot)) : null;
    const isNumberMap = parent?.ok && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value) &&
      Object.values(parent.value).every((v) => typeof v === 'number');
    if (!parent?.ok || !isNumberMap || typeof value !== 'number') return found;
    const map = sharedRecord(path.slice(0, dot)) ? { ...(parent.value as Record<string, number>) } : (parent.value as Record<string, number>);
    map[path.slice(dot + 1)] = value;
    (parent.parent as Record<string | number, unknown>)[parent.key] = map;
    return { ok: true };
  }
  if (typeof found.value !== typeof value || (typeof found.value === 'object' && found.value !== null)) {
    return { ok: false, error: `${path} holds ${describe(found.value)}, not ${describe(value)}` };
  }
  let record = found.parent as Record<string | number, unknown>;
  if (found.holder !== null && sharedRecord(path.slice(0, path.lastIndexOf('.')))) {
    record = { ...record };
    (found.holder as Record<string | number, unknown>)[found.holderKey] = record;
  }
  record[found.key] = value;
  return { ok: true };
}

/**
 * Whether the record at `path` is one of a subnational's own records (`subnationals.<id>.goals`, `.attributes`,
 * `.tradeTies`, ...), which the world shares with the scenario (initial-world.ts): a timeline writes into a copy
 * put in its place, so it changes this world and not the scenario every run starts from. Every other record is
 * written in place: the engine's indexes hold them by identity (the issue phase holds each unit's issue state).
 */
function sharedRecord(path: string): boolean {
  const segments = path.split('.');
  return segments.length === 3 && segments[0] === 'subnationals';
}

export function getNumber(world: World, path: string): number | null {
  const found = resolvePath(world, path);
  return found.ok && typeof found.value === 'number' ? found.value : null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}
