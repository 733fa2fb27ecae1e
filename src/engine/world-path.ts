/**
 * Dotted paths into the world, used by timeline inputs (set) and indicators (get). Lists of records with ids
 * are indexed by id: `centrals.US.executive.stance.acid-rain`, `centrals.US.legislature.chambers.senate.gatekeepers.leader.name`.
 * A path must already exist and keep its type: a timeline changes inputs, it does not invent state.
 */
import type { World } from '../model/world.ts';

type Found = { ok: true; parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown } | { ok: false; error: string };

export function resolvePath(world: World, path: string): Found {
  const segments = path.split('.');
  let node: unknown = world;
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number = '';
  for (const seg of segments) {
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
  return { ok: true, parent, key, value: node };
}

/**
 * Sets a value; positions and other number maps (stance, attitude, support, position) may gain a key for a
 * declared issue or country, since "no stance yet" and "stance 0" mean the same.
 */
export function setPath(world: World, path: string, value: unknown): { ok: true } | { ok: false; error: string } {
  let found = resolvePath(world, path);
  if (!found.ok) {
    const dot = path.lastIndexOf('.');
    const parent = dot > 0 ? resolvePath(world, path.slice(0, dot)) : null;
    const isNumberMap = parent?.ok && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value) &&
      Object.values(parent.value).every((v) => typeof v === 'number');
    if (!parent?.ok || !isNumberMap || typeof value !== 'number') return found;
    (parent.value as Record<string, number>)[path.slice(dot + 1)] = value;
    return { ok: true };
  }
  if (typeof found.value !== typeof value || (typeof found.value === 'object' && found.value !== null)) {
    return { ok: false, error: `${path} holds ${describe(found.value)}, not ${describe(value)}` };
  }
  (found.parent as Record<string | number, unknown>)[found.key] = value;
  found = resolvePath(world, path);
  return { ok: true };
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
