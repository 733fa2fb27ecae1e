/**
 * Checks that need more than the schema: ids and references, dates, rule-set references and options, and
 * every formula (parsed, checked against its variables, compiled). All problems are collected, positioned.
 */
import { calendarProblem, parseDate, parseDuration, tickOf, type Calendar } from '../model/calendar.ts';
import { CORE_GOALS, INSTRUMENTS } from '../model/vocabulary.ts';
import { DEFAULT_PARAMETERS, FORMULAS, formulaScopeNames, type FormulaName } from '../rules/catalog.ts';
import { compileFormula } from '../rules/formula.ts';
import { targetProblems } from '../experiment/targets.ts';
import { SILENCE_OPTIONS } from '../rules/assess.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { CATALOG_ATTRIBUTES, FORMULA_VARIABLES } from './formula-names.ts';
import type { Problem, ProblemCode } from './problem.ts';
import type { EventFilter, Scenario } from './schema.ts';
import type { Source } from './source.ts';

type Path = (string | number)[];

/** A timeline input or override that switches a central's rule set: its value is a country code. */
export const RULE_SET_INPUT = /^centrals\.[^.]+\.ruleSet$/;

/** `removedTimeline`: ids of timeline entries the applied variant removed (still valid in removeTimeline lists). */
export function checkScenario(s: Scenario, source: Source, ruleSets: readonly RuleSet[], removedTimeline: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  const report = (code: ProblemCode, path: Path, message: string, expected?: string, found?: string): void => {
    const { line, column } = source.locate(path);
    const p: Problem = { code, file: source.file, line, column, path, message };
    if (expected !== undefined) p.expected = expected;
    if (found !== undefined) p.found = found;
    problems.push(p);
  };

  // Every list of records with ids: an id names one record, reported at the second occurrence, naming the first.
  const where = (path: Path): string => {
    const { line, column } = source.locate(path);
    return `${path.slice(0, -1).join('.')} (${source.file}:${line}:${column})`;
  };
  const uniqueIds = (): ((id: string | undefined, path: Path) => void) => {
    const seen = new Map<string, Path>();
    return (id, path) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first) report('duplicate-id', path, `id "${id}" is already used by ${where(first)}`);
      else seen.set(id, path);
    };
  };
  // One namespace for agents and issues, so an id in a goal, tie or filter is never ambiguous.
  const declare = uniqueIds();
  s.centrals.forEach((c, i) => declare(c.id, ['centrals', i, 'id']));
  s.subnationals.forEach((u, i) => declare(u.id, ['subnationals', i, 'id']));
  s.networks.forEach((n, i) => declare(n.id, ['networks', i, 'id']));
  s.organisations.forEach((o, i) => declare(o.id, ['organisations', i, 'id']));
  s.issues.forEach((x, i) => declare(x.id, ['issues', i, 'id']));
  s.centrals.forEach((c, i) => {
    const chamberId = uniqueIds();
    c.legislature?.chambers.forEach((ch, j) => {
      chamberId(ch.id, ['centrals', i, 'legislature', 'chambers', j, 'id']);
      const gatekeeperId = uniqueIds();
      ch.gatekeepers.forEach((g, k) => gatekeeperId(g.id, ['centrals', i, 'legislature', 'chambers', j, 'gatekeepers', k, 'id']));
    });
  });
  const timelineId = uniqueIds();
  s.timeline.forEach((t, i) => timelineId(t.id, ['timeline', i, 'id']));
  // Indicators share indicators.csv with the built-in columns, so those names are taken too.
  const indicatorId = uniqueIds();
  const builtIn = ['in_force', 'awaiting_approval', 'laws', ...s.issues.map((x) => `salience_${x.id}`)];
  s.indicators.forEach((ind, i) => {
    if (builtIn.includes(ind.id)) report('duplicate-id', ['indicators', i, 'id'], `id "${ind.id}" is the name of a built-in indicator (a column of indicators.csv)`, `an id other than ${builtIn.join(', ')}`, JSON.stringify(ind.id));
    else indicatorId(ind.id, ['indicators', i, 'id']);
  });
  const targetId = uniqueIds();
  s.targets.forEach((t, i) => targetId(t.id, ['targets', i, 'id']));
  const variantId = uniqueIds();
  s.variants.forEach((v, i) => variantId(v.id, ['variants', i, 'id']));

  const centrals = new Set(s.centrals.map((c) => c.id));
  const units = new Set(s.subnationals.map((u) => u.id));
  const issues = new Set(s.issues.map((x) => x.id));
  const organisations = new Set(s.organisations.map((o) => o.id));
  const agents = new Set([...centrals, ...units, ...s.networks.map((n) => n.id), ...organisations]);
  const need = (ids: Set<string>, what: string, id: string, path: Path): void => {
    if (!ids.has(id)) report('unknown-id', path, `unknown ${what} "${id}"`, `one of ${[...ids].slice(0, 8).join(', ')}${ids.size > 8 ? ', ...' : ''}`);
  };

  const countries = new Set(ruleSets.map((r) => r.country));
  s.centrals.forEach((c, i) => {
    c.neighbours.forEach((n, j) => need(centrals, 'central', n, ['centrals', i, 'neighbours', j]));
    Object.keys(c.attitude).forEach((n) => need(centrals, 'central', n, ['centrals', i, 'attitude', n]));
    // Issue 12 part B: a kin state supports foreign subnationals (its own units have their central already).
    Object.keys(c.kinSupport).forEach((n) => need(units, 'subnational', n, ['centrals', i, 'kinSupport', n]));
    if (!countries.has(c.ruleSet)) {
      report('unknown-id', ['centrals', i, 'ruleSet'], `unknown rule set "${c.ruleSet}"`, `one of ${[...countries].sort().join(', ')}`);
    } else {
      const options = new Map<string, RuleSet['options'][string]>(Object.entries(SILENCE_OPTIONS));
      for (const r of ruleSets) if (r.country === c.ruleSet) for (const [k, v] of Object.entries(r.options)) options.set(k, v);
      for (const [k, v] of Object.entries(c.ruleOptions)) {
        const opt = options.get(k);
        if (!opt) report('unknown-key', ['centrals', i, 'ruleOptions', k], `rule set ${c.ruleSet} has no option "${k}"`, [...options.keys()].join(', ') || 'no options');
        else if (!opt.values.includes(v)) report('invalid-value', ['centrals', i, 'ruleOptions', k], `value not allowed for option "${k}"`, opt.values.map(String).join(' | '), String(v));
      }
    }
    for (const [ci, ch] of (c.legislature?.chambers ?? []).entries()) {
      Object.keys(ch.support).forEach((x) => need(issues, 'issue', x, ['centrals', i, 'legislature', 'chambers', ci, 'support', x]));
    }
  });

  const centralById = new Map(s.centrals.map((c) => [c.id, c]));
  s.subnationals.forEach((u, i) => {
    need(centrals, 'central', u.central, ['subnationals', i, 'central']);
    // A unit must be of a kind its country's rule sets govern, or none of their rules would ever apply to it; the
    // country's rule sets are those of every country the timeline gives its central (issue 12: the USSR's units
    // that only Russia's 1993 rules name).
    const country = centralById.get(u.central)?.ruleSet;
    const countries = new Set([country, ...s.timeline.flatMap((t) => Object.entries(t.set).filter(([path]) => path === `centrals.${u.central}.ruleSet`).map(([, v]) => String(v)))]);
    const kinds = [...new Set(ruleSets.filter((r) => countries.has(r.country)).flatMap((r) => r.subnationalKinds))];
    if (kinds.length > 0 && !kinds.includes(u.kind)) {
      report('invalid-value', ['subnationals', i, 'kind'], `rule set ${String(country)} governs no ${u.kind}`, `one of ${kinds.join(', ')}`, u.kind);
    }
    u.neighbours.forEach((n, j) => need(units, 'subnational', n, ['subnationals', i, 'neighbours', j]));
    Object.keys(u.tradeTies).forEach((n) => need(agents, 'subnational or central', n, ['subnationals', i, 'tradeTies', n]));
    u.kin.forEach((n, j) => need(agents, 'subnational or central', n, ['subnationals', i, 'kin', j]));
    for (const g of Object.keys(u.goals)) {
      if (!(CORE_GOALS as readonly string[]).includes(g) && !issues.has(g)) {
        report('unknown-id', ['subnationals', i, 'goals', g], `goal "${g}" is neither a core goal nor an issue`, [...CORE_GOALS, ...issues].join(', '));
      }
    }
  });

  // Issue 13: a forum's members are subnationals, its issues the scenario's, its first meeting a date.
  s.networks.forEach((n, i) => {
    n.members?.forEach((m, j) => need(units, 'subnational', m, ['networks', i, 'members', j]));
    n.forum?.issues?.forEach((x, j) => need(issues, 'issue', x, ['networks', i, 'forum', 'issues', j]));
    if (n.forum) checkDate(n.forum.from, ['networks', i, 'forum', 'from']);
    if (n.forum && (n.members ?? []).length === 0) report('invalid-value', ['networks', i, 'forum'], `network "${n.id}" is a forum without members`, 'a list of members (subnational ids)', 'none');
  });

  s.issues.forEach((x, i) => {
    Object.keys(x.units).forEach((n) => need(units, 'subnational', n, ['issues', i, 'units', n]));
    for (const [c, series] of Object.entries(x.emissionSeries)) {
      need(centrals, 'central', c, ['issues', i, 'emissionSeries', c]);
      Object.keys(series).forEach((d) => checkDate(d, ['issues', i, 'emissionSeries', c, d]));
    }
    x.law?.centrals.forEach((c, j) => need(centrals, 'central', c, ['issues', i, 'law', 'centrals', j]));
    x.agreement?.between.forEach((c, j) => need(centrals, 'central', c, ['issues', i, 'agreement', 'between', j]));
    x.agreement?.requiresLaw.forEach((c, j) => need(centrals, 'central', c, ['issues', i, 'agreement', 'requiresLaw', j]));
  });

  function checkDate(text: string, path: Path): string | null {
    const d = parseDate(text);
    if (d === null) report('bad-date', path, `not a real date`, 'YYYY-MM or YYYY-MM-DD, years 0001 to 9999', JSON.stringify(text));
    return d;
  }
  const start = checkDate(s.calendar.start, ['calendar', 'start']);
  const end = checkDate(s.calendar.end, ['calendar', 'end']);
  const calendarBad = start && end ? calendarProblem({ unit: s.calendar.tick, start, end }) : null;
  if (calendarBad) report('bad-date', ['calendar', 'end'], calendarBad, end! < start! ? `a date after ${start!}` : `an end nearer the start, or a longer tick than ${s.calendar.tick}`, end!);
  s.timeline.forEach((t, i) => checkDate(t.date, ['timeline', i, 'date']));
  // A timeline switch to a rule set nobody loaded would leave the central under no rules at all.
  s.timeline.forEach((t, i) => {
    for (const [path, value] of Object.entries(t.set)) {
      if (RULE_SET_INPUT.test(path) && !countries.has(String(value))) {
        report('unknown-id', ['timeline', i, 'set', path], `unknown rule set "${String(value)}"`, `one of ${[...countries].sort().join(', ')}`);
      }
    }
  });
  if (start && end && !calendarBad) {
    checkTimelineOrder({ unit: s.calendar.tick, start, end });
  }
  s.targets.forEach((t, i) => {
    const m = t.measure;
    const filters: [EventFilter | undefined, Path][] = [
      [m.count, ['count']],
      [m.first, ['first']],
      [m.parties, ['parties']],
      ...(m.order ?? []).map((f, j): [EventFilter, Path] => [f, ['order', j]]),
      [m.lag?.from, ['lag', 'from']],
      [m.lag?.to, ['lag', 'to']],
      [m.dyads, ['dyads']],
      [m.match, ['match']],
      [m.years, ['years']],
    ];
    filters.forEach(([f, at]) => {
      if (f?.from) checkDate(f.from, ['targets', i, 'measure', ...at, 'from']);
      if (f?.to) checkDate(f.to, ['targets', i, 'measure', ...at, 'to']);
    });
    if (m.indicator) {
      checkDate(m.indicator.at, ['targets', i, 'measure', 'indicator', 'at']);
      // Built-in indicators (engine/phases/observe.ts) come first in indicators.csv and may be targets too.
      const known = ['in_force', 'awaiting_approval', 'laws', ...s.issues.map((x) => `salience_${x.id}`), ...s.indicators.map((ind) => ind.id)];
      if (!known.includes(m.indicator.id)) report('unknown-id', ['targets', i, 'measure', 'indicator', 'id'], `unknown indicator "${m.indicator.id}"`, known.join(', '));
    }
    if (m.years && !Object.values(m.years.record).some((n) => n > 0)) report('invalid-value', ['targets', i, 'measure', 'years', 'record'], 'the record counts no event', 'a positive count in at least one year');
    const kinds = Object.keys(m).filter((k) => m[k as keyof typeof m] !== undefined);
    if (kinds.length !== 1) report('invalid-value', ['targets', i, 'measure'], 'a measure has exactly one of count, first, parties, order, lag, indicator, dyads, match, years', 'one measure', kinds.join(', ') || 'none');
    // What `check` refuses: an expectation that states nothing or does not apply to its measure.
    else for (const p of targetProblems(t)) report('invalid-value', ['targets', i, ...p.path], p.message, p.expected);
  });
  s.indicators.forEach((ind, i) => {
    const kinds = [ind.count, ind.mean, ind.value, ind.spending, ind.budget, ind.ratio, ind.spendingRank, ind.attribute, ind.relation].filter((k) => k !== undefined).length;
    if (kinds !== 1) report('invalid-value', ['indicators', i], 'an indicator has exactly one of count, mean, value, spending, budget, ratio, spendingRank, attribute, relation');
    if (ind.attribute?.central !== undefined) need(centrals, 'central', ind.attribute.central, ['indicators', i, 'attribute', 'central']);
    if (ind.count?.byCentral !== undefined) need(centrals, 'central', ind.count.byCentral, ['indicators', i, 'count', 'byCentral']);
    if (ind.spendingRank) need(units, 'subnational', ind.spendingRank.subnational, ['indicators', i, 'spendingRank', 'subnational']);
    // A ratio reads indicators declared before it (their values this tick).
    const earlier = new Set(s.indicators.slice(0, i).map((x) => x.id));
    if (ind.ratio) for (const k of ['numerator', 'denominator'] as const) need(earlier, 'indicator declared before this one', ind.ratio[k], ['indicators', i, 'ratio', k]);
    if (ind.mean) need(issues, 'issue', ind.mean.issue, ['indicators', i, 'mean', 'issue']);
    ind.relation?.units?.forEach((id, j) => need(units, 'subnational', id, ['indicators', i, 'relation', 'units', j]));
    if (ind.relation?.central !== undefined) need(centrals, 'central', ind.relation.central, ['indicators', i, 'relation', 'central']);
    if (ind.count?.by !== undefined) need(units, 'subnational', ind.count.by, ['indicators', i, 'count', 'by']);
    if (ind.count?.party !== undefined) need(agents, 'party', ind.count.party, ['indicators', i, 'count', 'party']);
    for (const key of ['spending', 'budget'] as const) {
      const spec = ind[key];
      if (spec?.central !== undefined) need(centrals, 'central', spec.central, ['indicators', i, key, 'central']);
      if (spec?.subnational !== undefined) need(units, 'subnational', spec.subnational, ['indicators', i, key, 'subnational']);
    }
  });

  // Issue 12 part B: successions (a central or a unit succeeded by a central, on a real date, once) and third parties.
  const succeeded = new Map<string, number>();
  s.successions.forEach((x, i) => {
    need(new Set([...centrals, ...units]), 'central or subnational', x.predecessor, ['successions', i, 'predecessor']);
    need(centrals, 'central', x.successor, ['successions', i, 'successor']);
    if (x.predecessor === x.successor) report('invalid-value', ['successions', i, 'successor'], 'a state cannot succeed itself', 'another central than the predecessor', x.successor);
    checkDate(x.date, ['successions', i, 'date']);
    const first = succeeded.get(x.predecessor);
    if (first !== undefined) report('duplicate-id', ['successions', i, 'predecessor'], `${x.predecessor} is already succeeded (successions[${first}])`, 'one succession per predecessor', x.predecessor);
    else succeeded.set(x.predecessor, i);
  });
  const thirdPartyIds = uniqueIds();
  s.thirdParties.forEach((t, i) => {
    thirdPartyIds(t.id, ['thirdParties', i, 'id']);
    need(centrals, 'central', t.central, ['thirdParties', i, 'central']);
    t.watches.forEach((u, j) => need(units, 'subnational', u, ['thirdParties', i, 'watches', j]));
  });

  // issue 12, part A: organisations' member states, and instruments in force at the start between known parties.
  s.organisations.forEach((o, i) => o.members.forEach((m, j) => need(centrals, 'central', m, ['organisations', i, 'members', j])));
  const held = new Map<string, number>();
  s.holdings.forEach((h, i) => {
    need(units, 'subnational', h.parties[0], ['holdings', i, 'parties', 0]);
    need(agents, 'party', h.parties[1], ['holdings', i, 'parties', 1]);
    if (h.parties[0] === h.parties[1]) report('invalid-value', ['holdings', i, 'parties', 1], 'an instrument needs two parties', 'another party than the holder', h.parties[1]);
    if (h.issue !== null) need(issues, 'issue', h.issue, ['holdings', i, 'issue']);
    // At most one office per host (the rule decide keeps).
    if (h.kind === 'office') {
      const key = `${h.parties[0]}>${h.parties[1]}`;
      const first = held.get(key);
      if (first !== undefined) report('duplicate-id', ['holdings', i], `a second office of ${h.parties[0]} in ${h.parties[1]} (the first is holdings[${first}]); a holder keeps at most one office per host`);
      else held.set(key, i);
    }
  });
  const timelineIds = new Set([...s.timeline.map((t) => t.id).filter(Boolean), ...removedTimeline]);
  s.variants.forEach((v, i) => v.removeTimeline.forEach((id, j) => need(timelineIds as Set<string>, 'timeline entry', id, ['variants', i, 'removeTimeline', j])));

  Object.keys(s.behaviour.instruments).forEach((k) => {
    if (!(INSTRUMENTS as readonly string[]).includes(k)) report('unknown-key', ['behaviour', 'instruments', k], `unknown instrument "${k}"`, INSTRUMENTS.join(', '));
  });

  // Formulas: name known, variables known, syntax allowed; offsets become line:column inside the scalar.
  const parameters = new Set([...Object.keys(DEFAULT_PARAMETERS), ...Object.keys(s.behaviour.parameters)]);
  // As the engine compiles them (src/engine/model.ts): the documented attributes always exist (0 where unset).
  const attributes = new Set(['identityStrength', 'autonomyAspiration', ...s.subnationals.flatMap((u) => Object.keys(u.attributes))]);
  checkNames();
  checkDurations();
  for (const [name, text] of Object.entries(s.behaviour.formulas)) {
    const path: Path = ['behaviour', 'formulas', name];
    const specName = (name.startsWith('goal.') && issues.has(name.slice(5)) ? 'goal.issue' : name) as FormulaName;
    const spec = FORMULAS[specName];
    if (!spec) {
      report('unknown-key', path, `unknown formula "${name}"`, `one of ${Object.keys(FORMULAS).join(', ')} or goal.<issue id>`);
      continue;
    }
    const allowed = formulaScopeNames(specName, [...parameters], [...attributes]);
    const result = compileFormula(text, allowed);
    if (!result.ok) {
      const base = source.scalarStart(path);
      for (const fp of result.problems) {
        const pos = base === null ? source.locate(path) : source.lineCol(base + fp.offset);
        problems.push({ code: 'bad-formula', file: source.file, line: pos.line, column: pos.column, path, message: `formula ${name}: ${fp.message}` });
      }
    }
  }
  return problems;

  /**
   * Entries applied on the same tick run in file order, so two of them setting one input to different values
   * would make the outcome depend on that order (and change with the tick length). Entries on different
   * ticks are a history, and fine.
   */
  function checkTimelineOrder(calendar: Calendar): void {
    const first = new Map<string, { index: number; value: unknown }>();
    s.timeline.forEach((t, i) => {
      const date = parseDate(t.date);
      if (date === null) return;
      const tick = tickOf(calendar, date);
      for (const [path, value] of Object.entries(t.set)) {
        const key = `${tick}\u0000${path}`;
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, { index: i, value });
        else if (earlier.value !== value) {
          const e = s.timeline[earlier.index]!;
          const where = source.locate(['timeline', earlier.index, 'set', path]);
          report(
            'timeline-conflict',
            ['timeline', i, 'set', path],
            `timeline entries ${e.id ?? `#${earlier.index + 1}`} (${source.file}:${where.line}:${where.column}, ${e.date}) and ${t.id ?? `#${i + 1}`} (${t.date}) fall on the same tick and set ${path} to different values, so their order in the file would decide`,
            `one value for ${path} on that tick, or different dates`,
            `${JSON.stringify(earlier.value)} and ${JSON.stringify(value)}`,
          );
        }
      }
    });
  }

  /**
   * Formulas read parameters, attributes and their own variables from one scope. A parameter or attribute
   * named like a variable would be read as the variable by some formulas and as itself by others; a parameter
   * named like an attribute likewise. The catalog's own parameters (noise is both a parameter and a variable,
   * by design) and documented attributes are exempt.
   */
  function checkNames(): void {
    const readers = (name: string): string => (FORMULA_VARIABLES.get(name) ?? []).join(', ');
    for (const name of Object.keys(s.behaviour.parameters)) {
      const path: Path = ['behaviour', 'parameters', name];
      if (FORMULA_VARIABLES.has(name) && !Object.hasOwn(DEFAULT_PARAMETERS, name)) {
        clash(path, `parameter "${name}" has the name of a formula variable (read by ${readers(name)})`, 'a parameter name that is no formula variable');
      } else if (attributes.has(name)) {
        clash(path, `parameter "${name}" has the name of a subnational attribute`, 'a parameter name that is no attribute');
      }
    }
    s.subnationals.forEach((u, i) => {
      for (const name of Object.keys(u.attributes)) {
        const path: Path = ['subnationals', i, 'attributes', name];
        if (FORMULA_VARIABLES.has(name) && !CATALOG_ATTRIBUTES.includes(name)) {
          clash(path, `attribute "${name}" has the name of a formula variable (read by ${readers(name)})`, `an attribute name that is no formula variable (the catalog's attributes: ${CATALOG_ATTRIBUTES.join(', ')})`);
        } else if (Object.hasOwn(DEFAULT_PARAMETERS, name)) {
          clash(path, `attribute "${name}" has the name of a parameter`, 'an attribute name that is no parameter');
        }
      }
    });
  }

  function clash(path: Path, message: string, expected: string): void {
    const { line, column } = source.locateKey(path);
    problems.push({ code: 'name-clash', file: source.file, line, column, path, message, expected, found: String(path[path.length - 1]) });
  }

  /** The engine reads approvalTimeout and consultMonths as numbers of months: each must make a duration the calendar accepts. */
  function checkDurations(): void {
    for (const name of ['approvalTimeout', 'consultMonths']) {
      const months = s.behaviour.parameters[name];
      if (months !== undefined && parseDuration(`${months} months`) === null) {
        report('bad-duration', ['behaviour', 'parameters', name], `${name} is not a duration in months`, 'a number of months from 0 to 120000, in plain decimals (3.5)', String(months));
      }
    }
  }
}
