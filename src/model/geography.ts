/**
 * Where two parties stand to each other: Duchacek's typology of a tie (seed-catalog 1.5) and the partner
 * categories constitutions use. Pure functions over the world's adjacency data.
 */
import type { Central, Id, Subnational } from './world.ts';
import type { DuchacekType, PartnerCategory } from './vocabulary.ts';

/** Lookups the functions here need; the engine's index provides them. */
export interface Geography {
  subnational(id: Id): Subnational | undefined;
  central(id: Id): Central | undefined;
  isNetwork(id: Id): boolean;
  /** An international organisation (issue 12): a partner of no country. */
  isOrganisation?(id: Id): boolean;
}

/** The country (central id) a party belongs to; a central is its own country; a network has none. */
export function countryOf(geo: Geography, id: Id): Id | null {
  const u = geo.subnational(id);
  if (u) return u.central;
  return geo.central(id) ? id : null;
}

export function countriesBorder(geo: Geography, a: Id, b: Id): boolean {
  return a !== b && (geo.central(a)?.neighbours.includes(b) === true || geo.central(b)?.neighbours.includes(a) === true);
}

function unitsBorder(a: Subnational, b: Subnational): boolean {
  return a.neighbours.includes(b.id) || b.neighbours.includes(a.id);
}

/** A subnational borders a foreign state when one of its neighbours belongs to that state. */
function unitBordersState(geo: Geography, u: Subnational, state: Id): boolean {
  return u.neighbours.some((n) => geo.subnational(n)?.central === state);
}

/**
 * Duchacek type of a tie between a subnational and a foreign partner; null for domestic ties, ties between
 * centrals and network memberships (multilateral, a separate axis in the seed).
 */
export function duchacek(geo: Geography, actor: Subnational, partner: Id): DuchacekType | null {
  // Ties to an organisation are multilateral, like network memberships: a separate axis.
  if (geo.isNetwork(partner) || geo.isOrganisation?.(partner) === true) return null;
  const country = countryOf(geo, partner);
  if (country === null || country === actor.central) return null;
  const pu = geo.subnational(partner);
  const crossBorder = pu ? unitsBorder(actor, pu) : unitBordersState(geo, actor, partner);
  if (crossBorder) return 'cross-border';
  return countriesBorder(geo, actor.central, country) ? 'transregional' : 'global';
}

/** The categories a counterpart falls in, seen from a subnational party (rule sets match on any of them). */
export function partnerCategories(geo: Geography, party: Subnational, counterpart: Id): PartnerCategory[] {
  if (geo.isNetwork(counterpart)) return ['network'];
  if (geo.isOrganisation?.(counterpart) === true) return ['organisation'];
  const country = countryOf(geo, counterpart);
  if (country === null) return [];
  const out: PartnerCategory[] = [];
  const pu = geo.subnational(counterpart);
  const neighbourCountry = countriesBorder(geo, party.central, country);
  // The own central as a partner: an office in the own capital (Faroe in Copenhagen, Scotland in London).
  if (country === party.central) return pu ? ['domestic-subnational'] : ['own-state'];
  if (pu) {
    if (unitsBorder(party, pu)) out.push('neighbour-subnational');
    if (neighbourCountry) out.push('neighbour-state-unit');
    out.push('foreign-subnational');
  } else {
    if (neighbourCountry) out.push('neighbour-state');
    out.push('foreign-state');
  }
  return out;
}
