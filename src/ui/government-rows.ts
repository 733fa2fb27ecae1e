/**
 * The governments panel as a list of rows: a central, its legislature, its pending approvals, then its
 * subnationals, the most active first (instruments in force or pending), then in the scenario's order.
 * Two ways to fit a long list (the acid-rain scenario has ~30 subnationals): an overview that gives every
 * central a share of the rows and says how many more it has, and the full list, scrolled row by row.
 */
import type { CentralView, SubnationalView, WorldView } from './world-view.ts';

export type GovernmentRow =
  | { type: 'central'; central: CentralView }
  | { type: 'chamber'; central: CentralView; issue: string }
  /** The national law's state on an issue and the gatekeepers' positions: their own row, so none is cut at 80 columns. */
  | { type: 'gates'; central: CentralView; issue: string }
  | { type: 'pending'; central: CentralView }
  | { type: 'subnational'; unit: SubnationalView }
  | { type: 'more'; central: CentralView; count: number };

/** A central's own rows (name, legislature per issue, pending approvals). */
function heading(view: WorldView, c: CentralView): GovernmentRow[] {
  const rows: GovernmentRow[] = [{ type: 'central', central: c }];
  if (c.chambers.length > 0) {
    // One legislature row per issue the chambers have a view on (at most two).
    for (const issue of view.issues.filter((x) => c.chambers.some((ch) => ch.support[x.id] !== undefined || ch.gatekeepers.length > 0)).slice(0, 2)) {
      rows.push({ type: 'chamber', central: c, issue: issue.id });
      if (c.chambers.some((ch) => ch.gatekeepers.length > 0) || c.lawStatus[issue.id] !== undefined) rows.push({ type: 'gates', central: c, issue: issue.id });
    }
  }
  if (c.pending.length > 0) rows.push({ type: 'pending', central: c });
  return rows;
}

/** Subnationals with instruments in force or pending first (stable: otherwise the scenario's order). */
function byActivity(units: readonly SubnationalView[]): SubnationalView[] {
  return units.map((u, i) => ({ u, i })).sort((a, b) => b.u.inForce + b.u.pending - (a.u.inForce + a.u.pending) || a.i - b.i).map((x) => x.u);
}

/** Every row, for scrolling. */
export function governmentRows(view: WorldView): GovernmentRow[] {
  return view.centrals.flatMap((c) => [...heading(view, c), ...byActivity(c.subnationals).map((unit): GovernmentRow => ({ type: 'subnational', unit }))]);
}

/**
 * At most `height` rows: each central's heading, then its most active subnationals in a share of the rest
 * proportional to how many it has, ending in "+N more" where some do not fit. Equals governmentRows when
 * everything fits.
 */
export function overviewRows(view: WorldView, height: number): GovernmentRow[] {
  const all = governmentRows(view);
  if (all.length <= height) return all;
  const heads = view.centrals.map((c) => heading(view, c));
  let room = height - heads.reduce((s, h) => s + h.length, 0);
  const total = view.centrals.reduce((s, c) => s + c.subnationals.length, 0);
  // Shares by size, at least three rows each (a small country's active units stay visible), corrected to the room.
  const least = (c: CentralView): number => Math.min(c.subnationals.length, 3);
  const share = view.centrals.map((c) => (c.subnationals.length === 0 ? 0 : Math.max(least(c), Math.floor((room * c.subnationals.length) / Math.max(1, total)))));
  for (let i = 0; room > 0 && share.reduce((a, b) => a + b, 0) < room && i < share.length * 4; i++) {
    const k = i % share.length;
    if (share[k]! < view.centrals[k]!.subnationals.length) share[k]!++;
  }
  while (share.reduce((a, b) => a + b, 0) > room && Math.max(...share) > 0) {
    const k = share.indexOf(Math.max(...share));
    share[k]!--;
  }
  const rows: GovernmentRow[] = [];
  view.centrals.forEach((c, k) => {
    rows.push(...heads[k]!);
    const units = byActivity(c.subnationals);
    const n = Math.max(0, share[k]!);
    if (units.length <= n) rows.push(...units.map((unit): GovernmentRow => ({ type: 'subnational', unit })));
    else if (n > 0) {
      rows.push(...units.slice(0, n - 1).map((unit): GovernmentRow => ({ type: 'subnational', unit })));
      rows.push({ type: 'more', central: c, count: units.length - (n - 1) });
    }
    room -= n;
  });
  return rows.slice(0, height);
}

/** The first row to show so the panel never scrolls past its end. */
export function clampScroll(scroll: number, rows: number, height: number): number {
  return Math.max(0, Math.min(scroll, rows - height));
}
