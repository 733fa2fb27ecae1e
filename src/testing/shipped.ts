/**
 * The scenarios shipped with paradip (scenarios/*.yaml) and each of their variants, loaded as a property test
 * needs them: the resolved scenario (variant applied) with the rule sets it reaches, the same shape the
 * arbitraries generate, so one law can be checked over generated and real scenarios alike:
 *
 *   for (const s of shippedScenarios()) expect(checkInvariants(simulate(s.scenario, s.ruleSets, 1).run)).toEqual([]);
 *   fc.assert(fc.property(fc.constantFrom(...shippedScenarios()), fc.nat(1000), (s, seed) => ...));
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadRuleSets, packageRoot } from '../cli/files.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { formatProblem } from '../scenario/problem.ts';
import type { GeneratedScenario } from './arbitraries.ts';

export interface ShippedScenario extends GeneratedScenario {
  /** `acid-rain-1980s` or `acid-rain-1980s --variant no-paradiplomacy`. */
  name: string;
  /** The absolute path of the scenario file. */
  file: string;
  variant: string | null;
}

/**
 * Every shipped scenario, without and with each of its variants (`variants: false`: without only). Throws if a
 * shipped file does not load: that is a bug in paradip, not in the caller's test.
 */
export function shippedScenarios(options: { variants?: boolean } = {}): ShippedScenario[] {
  const out: ShippedScenario[] = [];
  // As `paradip list` lists them (list-command.ts), without loading the command line's modules.
  const dir = join(packageRoot(), 'scenarios');
  const files = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lib = loadRuleSets(file);
    if (!lib.ok) throw new Error(`shipped rule sets do not load: ${lib.problems.map(formatProblem).join('; ')}`);
    const load = (variant: string | null) => {
      const loaded = loadScenario(text, file, { ruleSets: lib.ruleSets, variant, overrides: [], idleRuleSetOverrides: 'error' });
      if (!loaded.ok) throw new Error(`shipped scenario does not load: ${loaded.problems.map(formatProblem).join('; ')}`);
      return loaded;
    };
    const base = load(null);
    const name = basename(file).replace(/\.ya?ml$/, '');
    out.push({ name, file, variant: null, scenario: base.scenario, ruleSets: base.ruleSets });
    if (options.variants === false) continue;
    for (const v of base.scenario.variants) {
      const loaded = load(v.id);
      out.push({ name: `${name} --variant ${v.id}`, file, variant: v.id, scenario: loaded.scenario, ruleSets: loaded.ruleSets });
    }
  }
  return out;
}
