/**
 * The governments panel as a list of rows: a central, its legislature, its pending approvals, then its
 * subnationals, the most active first (instruments in force or pending), then in the scenario's order.
 * Two ways to fit a long list (the acid-rain scenario has ~30 subnationals): an overview that gives every
 * central a share of the rows and says how many more it has, and the full list, scrolled row by row.
 */
import { signed } from './text.ts';
import type { CentralView, SubnationalView, WorldView } from './world-view.ts';

export type GovernmentRow =
  | { type: 'central'; central: CentralView }
  | { type: 'chamber'; central: CentralView; issue: string }
  /**
   * The national law's state on an issue (first row only) and the gatekeepers' positions, `items` of them
   * from `from`: as many rows as the panel's width needs, so none is cut at 80 columns.
   */
  | { type: 'gates'; central: CentralView; issue: string; from: number; items: number; law: boolean }
  | { type: 'pending'; central: CentralView }
  | { type: 'subnational'; unit: SubnationalView }
  | { type: 'more'; central: CentralView; count: number };

/** A chamber's first word ("House", "Senate") or a person's last name ("Byrd") when the panel is narrow. */
export function short(name: string, width: number, last = false): string {
  if (width >= 70) return name;
  const words = name.split(' ');
  return (last ? words[words.length - 1] : words[0]) ?? name;
}

/** Each gatekeeper on `issue` as the gates row shows it: "Byrd -0.9" (with "gate " and the whole name when wide). */
export function gateTexts(c: CentralView, issue: string, width: number): { text: string; position: number }[] {
  return c.chambers.flatMap((ch) => ch.gatekeepers).map((g) => ({ text: `${width >= 70 ? 'gate ' : ''}${short(g.name, width, true)} ${signed(g.position[issue] ?? 0, 1)}`, position: g.position[issue] ?? 0 }));
}

/** The gates rows of an issue: the law's state, then the gatekeepers, wrapped to `width`. */
function gatesRows(c: CentralView, issue: string, width: number): GovernmentRow[] {
  const law = c.lawStatus[issue];
  const texts = gateTexts(c, issue, width);
  const rows: GovernmentRow[] = [];
  let used = 2 + (law === undefined ? 0 : `law: ${law}`.length);
  let from = 0;
  let items = 0;
  texts.forEach((t, i) => {
    const add = (used > 2 ? 3 : 0) + t.text.length;
    if (used + add > width && (items > 0 || used > 2)) {
      rows.push({ type: 'gates', central: c, issue, from, items, law: rows.length === 0 && law !== undefined });
      from = i;
      items = 0;
      used = 2;
    }
    used += (used > 2 ? 3 : 0) + t.text.length;
    items++;
  });
  if (items > 0 || (rows.length === 0 && law !== undefined)) rows.push({ type: 'gates', central: c, issue, from, items, law: rows.length === 0 && law !== undefined });
  return rows;
}

/** A central's own rows (name, legislature per issue, pending approvals). */
function heading(view: WorldView, c: CentralView, width: number): GovernmentRow[] {
  const rows: GovernmentRow[] = [{ type: 'central', central: c }];
  if (c.chambers.length > 0) {
    // One legislature row per issue the chambers have a view on (at most two).
    for (const issue of view.issues.filter((x) => c.chambers.some((ch) => ch.support[x.id] !== undefined || ch.gatekeepers.length > 0)).slice(0, 2)) {
      rows.push({ type: 'chamber', central: c, issue: issue.id });
      rows.push(...gatesRows(c, issue.id, width - (view.issues.length > 1 ? issue.id.length + 1 : 0)));
    }
  }
  if (c.pending.length > 0) rows.push({ type: 'pending', central: c });
  return rows;
}

/** Subnationals with instruments in force or pending first (stable: otherwise the scenario's order). */
function byActivity(units: readonly SubnationalView[]): SubnationalView[] {
  return units.map((u, i) => ({ u, i })).sort((a, b) => b.u.inForce + b.u.pending - (a.u.inForce + a.u.pending) || a.i - b.i).map((x) => x.u);
}

/** Every row, for scrolling, for a panel `width` columns wide. */
export function governmentRows(view: WorldView, width = Number.POSITIVE_INFINITY): GovernmentRow[] {
  return view.centrals.flatMap((c) => [...heading(view, c, width), ...byActivity(c.subnationals).map((unit): GovernmentRow => ({ type: 'subnational', unit }))]);
}

/**
 * At most `height` rows: each central's heading, then its most active subnationals in a share of the rest
 * proportional to how many it has, ending in "+N more" where some do not fit. Equals governmentRows when
 * everything fits.
 */
export function overviewRows(view: WorldView, height: number, width = Number.POSITIVE_INFINITY): GovernmentRow[] {
  const all = governmentRows(view, width);
  if (all.length <= height) return all;
  const heads = view.centrals.map((c) => heading(view, c, width));
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
