/**
 * Scenario text to a validated, resolved Scenario and the rule sets its run can reach: parse positioned YAML,
 * apply the variant's and the command line's overrides (to the scenario, or to this run's copies of rule sets),
 * validate with the schemas, check references and formulas. Either a scenario or the full list of positioned
 * problems; never an exception for bad input.
 *
 * A problem caused by an override is reported where the override was written: a variant's `set:` entry in the
 * file, or `command line: --set <path>=<value>` with the user's own path (ids, not list positions). Every
 * variant is checked, not only the one applied, so a broken counterfactual is found before anyone runs it.
 */
import { SILENCE_OPTIONS } from '../rules/assess.ts';
import type { NonFiniteFormulaError } from '../rules/formula.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { checkScenario, RULE_SET_INPUT } from './check-scenario.ts';
import { applyOverride, applyRuleSetOverride, isRuleSetPath, type Override, type ResolvedPath } from './overrides.ts';
import { formatProblem, type Problem, type ProblemCode } from './problem.ts';
import { ruleSetSchema } from './rule-set-schema.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { excerpt, parseYaml, zodProblems, type Source } from './source.ts';

export interface LoadOptions {
  /** The rule-set library the scenario may refer to. */
  ruleSets: readonly RuleSet[];
  variant?: string | null;
  overrides?: readonly Override[];
  /**
   * An override of a rule set the run cannot reach changes nothing, so it is an error; a restart in the UI
   * that swaps a rule set or variant keeps the session's command line and lets such an override lie idle.
   */
  idleRuleSetOverrides?: 'error' | 'allow';
  /** Receives each other variant that loads, resolved as `run --variant <id>` would load it (validate starts each). */
  onVariant?: (variant: string, loaded: Extract<Loaded, { ok: true }>) => void;
}

export type Loaded =
  | {
      ok: true;
      scenario: Scenario;
      /** Locates paths of `scenario` in the file (timeline positions are those of the file, before a variant removed entries). */
      source: Source;
      /**
       * The rule sets the run can reach, by id: every period of the countries its centrals start with or its
       * timeline switches them to; copies, with the rule-set overrides applied.
       */
      ruleSets: RuleSet[];
      /** The options a rule-set swap dropped, a short sentence per central (the scenario's notes say it in full): a restart shows them. */
      swapNotes: string[];
    }
  | { ok: false; problems: Problem[] };

/** The file name command-line problems carry (formatProblem prints it in place of file:line:column). */
export const COMMAND_LINE = 'command line';


export function loadScenario(text: string, file: string, options: LoadOptions): Loaded {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const main = loadOnce(structuredClone(parsed.data), parsed.source, options.ruleSets, options.variant ?? null, options.overrides ?? [], options.idleRuleSetOverrides ?? 'error');
  const problems = main.ok ? [] : main.problems.map((t) => t.problem);
  // The other variants, each on its own copy: only the problems their own entries cause are new.
  for (const id of variantIds(parsed.data)) {
    if (id === options.variant) continue;
    const other = loadOnce(structuredClone(parsed.data), parsed.source, options.ruleSets, id, [], 'error');
    if (!other.ok) problems.push(...other.problems.filter((t) => t.variant === id).map((t) => t.problem));
    else options.onVariant?.(id, other);
  }
  if (problems.length === 0 && main.ok) {
    lastLoaded = { source: main.source, formulas: main.scenario.behaviour.formulas };
    return main;
  }
  const seen = new Set<string>();
  return { ok: false, problems: problems.filter((p) => !seen.has(formatProblem(p)) && seen.add(formatProblem(p))) };
}

/** The scenario this process loaded last: where a formula that fails while running is shown (`nonFiniteProblem`). */
let lastLoaded: { source: Source; formulas: Readonly<Record<string, string>> } | null = null;

/** Whom each formula is evaluated for (the engine passes that agent's id). */
const SUBJECT: Record<string, string> = {
  partnerState: 'central', veto: 'central', consent: 'central', vote: 'central', centralPosition: 'central', chamberSupport: 'central', gatekeeperPosition: 'central',
};

/**
 * A formula that gave NaN or Infinity while running (the engine's NonFiniteFormulaError), as a problem at the
 * formula in the scenario file: which formula, for whom, when, and the values it read.
 */
export function nonFiniteProblem(e: NonFiniteFormulaError): Problem {
  const name = e.formula ?? e.source;
  const path = ['behaviour', 'formulas', name];
  const written = lastLoaded !== null && Object.hasOwn(lastLoaded.formulas, name) && lastLoaded.formulas[name] === e.source;
  const pos = lastLoaded === null ? { line: 0, column: 0 } : lastLoaded.source.locate(written ? path : ['behaviour', 'formulas']);
  const who = e.who === null ? '' : ` for ${SUBJECT[name] ?? 'subnational'} ${e.who}`;
  const when = e.date === null ? '' : ` on ${e.date} (tick ${e.tick ?? '?'})`;
  const inputs = Object.entries(e.inputs).map(([k, v]) => `${k} = ${v}`).join(', ');
  return {
    code: 'bad-formula',
    file: lastLoaded?.source.file ?? 'the scenario',
    line: pos.line,
    column: pos.column,
    path,
    message: `${written ? 'formula' : 'the default formula'} ${name} gave ${e.value}${who}${when}: a formula must give a finite number (look for a division by zero, the log of 0, a root of a negative number or an overflow)`,
    expected: 'a finite number',
    found: `${e.value} from ${excerpt(e.source, 200)}${inputs ? ` with ${excerpt(inputs, 400)}` : ''}`,
  };
}

/** Where an override was written. */
type Where = { value: unknown } & ({ kind: 'command line'; path: string } | { kind: 'variant'; variant: string; index: number; key: string });
/** An override applied, with the path (in the file's list positions) it set or created. */
type Origin = Where & { anchor: ResolvedPath };

/** A problem and the variant whose entries caused it (null: the file itself or the command line). */
interface Tagged {
  problem: Problem;
  variant: string | null;
}

type Once = { ok: true; scenario: Scenario; source: Source; ruleSets: RuleSet[]; swapNotes: string[] } | { ok: false; problems: Tagged[] };

function loadOnce(data: unknown, source: Source, library: readonly RuleSet[], variant: string | null, overrides: readonly Override[], idle: 'error' | 'allow'): Once {
  const file = source.file;
  const problems: Tagged[] = [];
  const origins: Origin[] = [];
  // This run's own rule sets: overrides change the copies, never the library.
  const ruleSets = library.map((r) => structuredClone(r));
  /** Every scenario path overridden, by the variant or the command line, in order. */
  const applied: string[] = [];
  const touched = new Set<string>();

  const fromOrigin = (o: Where, code: ProblemCode, message: string, rest: readonly (string | number)[] = [], detail: { expected?: string; found?: string } = {}): Tagged => {
    const anchorLength = 'anchor' in o ? (o as Origin).anchor.length : 0;
    const more = { ...(detail.expected !== undefined ? { expected: detail.expected } : {}), ...(detail.found !== undefined ? { found: detail.found } : {}) };
    // Below the node an override set or created, the user's own words, then the schema's keys.
    const shown = (userPath: string): (string | number)[] => (rest.length > 0 ? [[...userPath.split('.').slice(0, anchorLength), ...rest].join('.')] : []);
    if (o.kind === 'command line') {
      const path = shown(o.path);
      return { problem: { code, file: COMMAND_LINE, line: 0, column: 0, path, message: `--set ${o.path}=${String(o.value)}: ${message}`, ...more }, variant: null };
    }
    const at = ['variants', o.index, 'set', o.key];
    const { line, column } = source.locate(at);
    const path = shown(o.key);
    return { problem: { code, file, line, column, path, message: `variant ${o.variant} sets ${o.key}: ${message}`, ...more }, variant: o.variant };
  };
  const apply = (path: string, value: unknown, o: Where): void => {
    if (isRuleSetPath(path)) {
      const r = applyRuleSetOverride(ruleSets, path, value);
      if (!r.ok) return void problems.push(fromOrigin(o, 'bad-override', r.error, [], r.expected !== undefined ? { expected: r.expected } : {}));
      touched.add(r.id);
      origins.push({ ...o, anchor: ['ruleSets', r.id, ...r.resolved] });
      return;
    }
    applied.push(path);
    const r = applyOverride(data, path, value, ruleSets);
    if (!r.ok) return void problems.push(fromOrigin(o, 'bad-override', r.error, [], r.expected !== undefined ? { expected: r.expected } : {}));
    origins.push({ ...o, anchor: r.created ?? r.resolved });
  };

  const variants = isRecord(data) && Array.isArray(data['variants']) ? data['variants'] : [];
  let remove = new Set<unknown>();
  if (variant !== null) {
    const index = variants.findIndex((v) => isRecord(v) && v['id'] === variant);
    if (index < 0) {
      const known = variantIds(data).join(', ') || 'none declared';
      const p: Problem = { code: 'bad-argument', file: COMMAND_LINE, line: 0, column: 0, path: [], message: `--variant ${variant}: unknown variant "${variant}"`, expected: known };
      return { ok: false, problems: [{ problem: p, variant: null }] };
    }
    const v = variants[index] as Record<string, unknown>;
    for (const [key, value] of Object.entries(isRecord(v['set']) ? v['set'] : {})) apply(key, value, { kind: 'variant', variant, index, key, value });
    remove = new Set(Array.isArray(v['removeTimeline']) ? v['removeTimeline'] : []);
  }
  for (const o of overrides) apply(o.path, o.value, { kind: 'command line', path: o.path, value: o.value });
  if (problems.length > 0) return { ok: false, problems };

  // Timeline entries a variant removes go last, so every override resolved list positions of the file as written.
  const removedTimeline: string[] = [];
  const kept: number[] = [];
  if (isRecord(data) && Array.isArray(data['timeline'])) {
    const timeline = data['timeline'];
    timeline.forEach((t, i) => {
      const removed = isRecord(t) && remove.has(t['id']);
      if (removed && typeof t['id'] === 'string') removedTimeline.push(t['id']);
      if (!removed) kept.push(i);
    });
    data['timeline'] = kept.map((i) => timeline[i]);
  }
  const inFile = (path: readonly (string | number)[]): (string | number)[] =>
    path[0] === 'timeline' && typeof path[1] === 'number' ? ['timeline', kept[path[1]] ?? path[1], ...path.slice(2)] : [...path];
  const located: Source = {
    ...source,
    locate: (path) => source.locate(inFile(path)),
    locateKey: (path) => source.locateKey(inFile(path)),
    scalarStart: (path) => source.scalarStart(inFile(path)),
  };
  /** A problem of the resolved scenario, moved to the override that caused it, if one did. */
  const remap = (p: Problem): Tagged => {
    const path = inFile(p.path);
    const o = findLast(origins, (x) => isPrefix(x.anchor, path));
    if (!o) return { problem: { ...p, path }, variant: null };
    return fromOrigin(o, p.code, p.message, path.slice(o.anchor.length), p);
  };

  // A restart (idle === 'allow') never fails over an option the new rules cannot take, even one a variant or the
  // command line set: the user asked for the swap, so the option goes, and the notes say so.
  const swapNotes = dropStaleRuleOptions(data, applied, ruleSets, idle === 'allow');
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { ok: false, problems: zodProblems(result.error, located).map(remap) };
  const scenario = normalise(result.data);
  problems.push(...checkScenario(scenario, located, ruleSets, removedTimeline).map(remap));
  problems.push(...checkRuleSets(ruleSets, touched, origins, fromOrigin));

  const countries = reachableCountries(scenario);
  for (const id of [...touched].sort()) {
    const rs = ruleSets.find((r) => r.id === id)!;
    if (countries.has(rs.country) || idle === 'allow') continue;
    const o = findLast(origins, (x) => x.anchor[0] === 'ruleSets' && x.anchor[1] === id)!;
    problems.push(fromOrigin(o, 'unknown-id', `rule set ${id} is not used by this run, so the override would change nothing`, [], { expected: `a rule set of ${[...countries].sort().join(', ')} (or also set a central's ruleSet to ${rs.country})` }));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario, source: located, ruleSets: ruleSets.filter((r) => countries.has(r.country)), swapNotes };
}

/** Countries whose rule sets a run of `s` can put in force: its centrals' and those its timeline switches to. */
export function reachableCountries(s: Scenario): Set<string> {
  const countries = new Set(s.centrals.map((c) => c.ruleSet));
  for (const t of s.timeline) for (const [path, value] of Object.entries(t.set)) if (RULE_SET_INPUT.test(path)) countries.add(String(value));
  return countries;
}

/** The overridden rule sets, validated again; a problem is reported at the override that set its path. */
function checkRuleSets(
  ruleSets: readonly RuleSet[],
  touched: ReadonlySet<string>,
  origins: readonly Origin[],
  fromOrigin: (o: Where, code: ProblemCode, message: string, rest: readonly (string | number)[], detail: { expected?: string; found?: string }) => Tagged,
): Tagged[] {
  const out: Tagged[] = [];
  for (const id of [...touched].sort()) {
    const rs = ruleSets.find((r) => r.id === id)!;
    const r = ruleSetSchema.safeParse(rs, { reportInput: true });
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const path = ['ruleSets', id, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
      const exact = findLast(origins, (x) => isPrefix(x.anchor, path));
      const o = exact ?? findLast(origins, (x) => x.anchor[0] === 'ruleSets' && x.anchor[1] === id)!;
      const input = (issue as { input?: unknown }).input;
      const found = input !== undefined && (typeof input !== 'object' || input === null) ? JSON.stringify(input) : undefined;
      const where = exact ? path.slice(exact.anchor.length) : [];
      const message = exact ? issue.message : `${issue.message} at ${readable(rs, path.slice(2))}`;
      out.push(fromOrigin(o, 'invalid-value', message, where, found !== undefined ? { found } : {}));
    }
  }
  return out;
}

/** A rule-set path with rule ids for list positions: ruleSets.AT.rules.treaty-neighbour.approvals.1.within. */
function readable(rs: RuleSet, path: readonly (string | number)[]): string {
  const named = path.map((seg, i) => (i === 1 && path[0] === 'rules' && typeof seg === 'number' ? (rs.rules[seg]?.id ?? seg) : seg));
  return ['ruleSets', rs.id, ...named].join('.');
}

function variantIds(data: unknown): string[] {
  const variants = isRecord(data) && Array.isArray(data['variants']) ? data['variants'] : [];
  return variants.flatMap((v) => (isRecord(v) && typeof v['id'] === 'string' ? [v['id']] : []));
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}

function findLast<T>(items: readonly T[], pred: (x: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i]!)) return items[i];
  return undefined;
}

/**
 * A rule-set swap (`--set centrals.US.ruleSet=AT`, a variant, the UI's key g) gives a central another country's
 * rules: its options for the old rule set mean nothing under the new one, so they are dropped (and the drop is
 * written into the scenario's notes, which run.json keeps, and returned). Options the same overrides set
 * explicitly stay, so a wrong one is still an error, unless `dropExplicit` (a restart from the UI: a variant
 * such as strict-compact-clause sets a US option, and key g then gives the US Austria's rules).
 */
function dropStaleRuleOptions(data: unknown, applied: readonly string[], ruleSets: readonly RuleSet[], dropExplicit: boolean): string[] {
  const swapped = new Set(applied.map((path) => /^centrals\.([^.]+)\.ruleSet$/.exec(path)?.[1]).filter((c): c is string => c !== undefined));
  if (swapped.size === 0 || !isRecord(data) || !Array.isArray(data['centrals'])) return [];
  const dropped: string[] = [];
  /** One short sentence per central, for the screen's footer (80 columns). */
  const short: string[] = [];
  for (const central of data['centrals']) {
    if (!isRecord(central) || !swapped.has(String(central['id'])) || !isRecord(central['ruleOptions'])) continue;
    const known = new Set([...Object.keys(SILENCE_OPTIONS), ...ruleSets.filter((r) => r.country === central['ruleSet']).flatMap((r) => Object.keys(r.options))]);
    const mine: string[] = [];
    for (const key of Object.keys(central['ruleOptions'])) {
      const explicit = applied.includes(`centrals.${String(central['id'])}.ruleOptions.${key}`);
      if (known.has(key) || (explicit && !dropExplicit)) continue;
      delete central['ruleOptions'][key];
      dropped.push(`${String(central['id'])}.${key}`);
      mine.push(key);
    }
    if (mine.length > 0) short.push(`${String(central['id'])} under ${String(central['ruleSet'])} rules: dropped ${mine.join(', ')}`);
  }
  // A swapped-in constitution speaks of its own kinds of unit (Austria's Länder, Switzerland's cantons): the
  // central's units take the role of its first-named kind, unless they already are of a kind it names.
  const roles: string[] = [];
  const centralsById = new Map(data['centrals'].filter(isRecord).map((c) => [String(c['id']), c]));
  for (const unit of Array.isArray(data['subnationals']) ? data['subnationals'] : []) {
    if (!isRecord(unit) || !swapped.has(String(unit['central']))) continue;
    const country = centralsById.get(String(unit['central']))?.['ruleSet'];
    const kinds = [...new Set(ruleSets.filter((r) => r.country === country).flatMap((r) => r.subnationalKinds))];
    const explicit = applied.some((p) => p.endsWith(`.${String(unit['id'])}.kind`) || p === `subnationals.${String(unit['id'])}.kind`);
    if (kinds.length === 0 || kinds.includes(String(unit['kind'])) || explicit) continue;
    roles.push(`${String(unit['id'])} ${String(unit['kind'])} -> ${kinds[0]!}`);
    unit['kind'] = kinds[0]!;
  }
  const notes: string[] = [];
  if (dropped.length > 0) notes.push(`Rule-set swap: dropped rule options ${dropped.join(', ')} (not options of the new rule sets).`);
  if (roles.length > 0) notes.push(`Rule-set swap: units take the role of the new rule set's constituent units: ${roles.join(', ')}.`);
  for (const note of notes) data['notes'] = typeof data['notes'] === 'string' && data['notes'] ? `${data['notes']}\n${note}` : note;
  return short;
}

/** Every subnational has the three core goals (weight 0 when the file is silent). */
function normalise(s: Scenario): Scenario {
  for (const u of s.subnationals) {
    u.goals = { economic: 0, identity: 0, protodiplomatic: 0, ...u.goals };
  }
  return s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
