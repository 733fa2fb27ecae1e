/**
 * The names formulas read, from the behaviour catalog (src/rules/catalog.ts): every formula variable with the
 * formulas that read it, and the attributes the catalog documents (variables whose meaning starts with
 * "attribute:"), which a scenario gives each subnational. A parameter or another attribute must not take one
 * of these names, or one formula would read the parameter and the next the variable.
 */
import { FORMULAS, FORMULA_NAMES } from '../rules/catalog.ts';

/** Variable name -> the formulas that read it, in catalog order. */
export const FORMULA_VARIABLES: ReadonlyMap<string, readonly string[]> = (() => {
  const readers = new Map<string, string[]>();
  for (const name of FORMULA_NAMES) {
    for (const v of Object.keys(FORMULAS[name].variables)) readers.set(v, [...(readers.get(v) ?? []), name]);
  }
  return readers;
})();

/** Attributes the catalog documents (identityStrength, autonomyAspiration): variables a unit's attributes fill. */
export const CATALOG_ATTRIBUTES: readonly string[] = [
  ...new Set(FORMULA_NAMES.flatMap((name) => Object.entries(FORMULAS[name].variables as Record<string, string>).filter(([, doc]) => doc.startsWith('attribute:')).map(([v]) => v))),
].sort();
