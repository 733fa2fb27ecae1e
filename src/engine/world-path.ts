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
    const map = { ...(parent.value as Record<string, number>) };
    map[path.slice(dot + 1)] = value;
    (parent.parent as Record<string | number, unknown>)[parent.key] = map;
    return { ok: true };
  }
  if (typeof found.value !== typeof value || (typeof found.value === 'object' && found.value !== null)) {
    return { ok: false, error: `${path} holds ${describe(found.value)}, not ${describe(value)}` };
  }
  ownCopy(found)[found.key] = value;
  return { ok: true };
}

/**
 * The record a value is written into. A record held under a name (goals, attributes, trade ties, an executive)
 * is written as a copy put in its place: the world shares the records the engine only reads with the scenario
 * (initial-world.ts), and a timeline input must change this world, not the scenario every run starts from. A
 * government or other record found by id in a list is written in place (indexes hold it by identity).
 */
function ownCopy(found: Extract<Found, { ok: true }>): Record<string | number, unknown> {
  if (found.holder === null || Array.isArray(found.holder) || Array.isArray(found.parent)) return found.parent as Record<string | number, unknown>;
  const copy = { ...found.parent };
  found.holder[found.holderKey as string] = copy;
  return copy;
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
