/**
 * Behaviour formulas from scenario files: parsed and checked once at load, compiled to closures, evaluated millions
 * of times. Scenario files are shared and therefore untrusted, so the defences are layered (toolchain-notes §1):
 *  1. mathjs >= 15.2 (older versions have parser RCEs) is used ONLY to parse, through a private parse-only instance
 *     (`create({ parseDependencies })`, number entry) that has no evaluate/compile/createUnit and is never exported.
 *  2. The source length and the nesting depth are bounded.
 *  3. The tree is checked against an allowlist of node types, operators, variables and functions. Every known mathjs
 *     sandbox escape needed property/index access, assignment, arrays or objects; all of these are rejected.
 *  4. Evaluation never touches mathjs: the checked tree becomes plain closures over Math.* (no eval, no new Function).
 * Semantics: numbers only; true/false and comparison results are 1/0; a value is "true" when nonzero and not NaN.
 * Unlike mathjs (which applies a tolerance), comparisons, min/max, floor/ceil/round and mod are exact IEEE-754, and a
 * negative base to a fractional power is NaN (mathjs may return a real root).
 */
import { create, parseDependencies } from 'mathjs/number';

export interface CompiledFormula {
  /** The source text as written. */
  source: string;
  /** Variable names the formula reads, sorted, unique. */
  variables: string[];
  /**
   * Evaluates against a scope of plain numbers. Missing variables are a bug in the caller: throw. Returns a finite
   * number; NaN or Infinity (0/0, log(0), an overflow) throws a NonFiniteFormulaError naming `who` (the agent).
   */
  evaluate(scope: Readonly<Record<string, number>>, who?: string): number;
  /**
   * The same formula over a frame of numbered slots (a Float64Array), for the engine's hot loops: every
   * variable is resolved to its slot once, here, so an evaluation reads array elements instead of looking up
   * names. Compiled from the same checked tree, so it computes exactly what `evaluate` computes. With a
   * `result` slot the generated code stores its value there instead of returning it: a double returned from a
   * call V8 does not inline is a new heap object, and the decide loop makes 135 evaluations per agent and tick.
   */
  bind(slots: ReadonlyMap<string, number>, result?: number): SlotFormula;
  /**
   * The formula as a JavaScript expression, for a caller that fuses several formulas into one generated
   * function: each variable becomes access(name) (text the caller controls, never the formula's), each
   * constant k[i] with i its place in `constants` (appended to). Operators and functions as in `bind`.
   */
  emit(access: (name: string) => string, constants: number[]): string;
}

/** A formula bound to slot numbers; see CompiledFormula.bind. */
export interface SlotFormula {
  readonly source: string;
  readonly variables: readonly string[];
  /** Evaluates over `frame` (variables at their slots); NaN or Infinity throws a NonFiniteFormulaError. */
  evaluate(frame: Float64Array, who?: string): number;
  /**
   * `evaluate` for a formula bound with a result slot, its value left in that slot and not returned: a double
   * returned from a call V8 does not inline is a new heap object, one per unit and tick in the engine's loops.
   */
  evaluateInto(frame: Float64Array, who?: string): void;
}

/** A formula whose result is not a finite number: the run cannot go on with it (docs/security.md). */
export class NonFiniteFormulaError extends Error {
  /** Set by the engine: the tick and date of the evaluation. */
  tick: number | null = null;
  date: string | null = null;
  constructor(
    /** The formula's name (utility, goal.acid-rain), or null when compiled without one. */
    readonly formula: string | null,
    readonly source: string,
    readonly value: number,
    /** The variables the formula read, with their values. */
    readonly inputs: Readonly<Record<string, number>>,
    /** The agent it was evaluated for (an id), if the caller said. */
    readonly who: string | null,
  ) {
    super(`formula ${formula ?? source} gave ${value}${who === null ? '' : ` for ${who}`}`);
  }
}
/** Why a formula was rejected. */
export type FormulaProblemCode =
  | 'syntax' | 'forbidden-syntax' | 'unknown-variable' | 'unknown-function' | 'wrong-arity' | 'too-long' | 'not-finite';
/** One rejection reason, located in the source so a scenario loader can underline it. */
export interface FormulaProblem {
  code: FormulaProblemCode;
  message: string;
  /** 0-based character index in the source where the problem starts. */
  offset: number;
  /** Characters to underline (>= 1). */
  length: number;
}
export type CompileResult = { ok: true; formula: CompiledFormula } | { ok: false; problems: FormulaProblem[] };

type Scope = Readonly<Record<string, number>>;
/** A compiled node: reads a scope by name, or (bound to slots) a Float64Array by index. */
type Fn = (scope: any) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The subset of mathjs node fields the checker reads (mathjs node typings are too generic to narrow usefully). */
interface AstNode {
  type: string; value?: unknown; name?: string; op?: string; fn?: AstNode | string; args?: AstNode[];
  content?: AstNode; condition?: AstNode; trueExpr?: AstNode; falseExpr?: AstNode;
  traverse(callback: (node: AstNode) => void): void;
}

/** Longest accepted source, in characters. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest accepted bracket nesting; bounds the recursion of the mathjs parser and of the checker. */
const MAX_NESTING = 64;
const parse = create({ parseDependencies: parseDependencies! }, { predictable: true }).parse as unknown as (src: string) => AstNode;

const round = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x)); // half away from zero, like mathjs
const FUNCS: Record<string, { arity: [number, number]; doc: string; f: (...x: number[]) => number }> = {
  abs: { arity: [1, 1], doc: 'abs(x): absolute value', f: Math.abs },
  min: { arity: [2, Infinity], doc: 'min(a, b, ...): smallest argument (NaN if any is NaN)', f: Math.min },
  max: { arity: [2, Infinity], doc: 'max(a, b, ...): largest argument (NaN if any is NaN)', f: Math.max },
  exp: { arity: [1, 1], doc: 'exp(x): e to the power x', f: Math.exp },
  log: { arity: [1, 2], doc: 'log(x) natural logarithm; log(x, base)', f: (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)) },
  sqrt: { arity: [1, 1], doc: 'sqrt(x): square root (NaN for x < 0)', f: Math.sqrt },
  pow: { arity: [2, 2], doc: 'pow(x, y): x to the power y, same as x ^ y', f: Math.pow },
  floor: { arity: [1, 1], doc: 'floor(x): round down', f: Math.floor },
  ceil: { arity: [1, 1], doc: 'ceil(x): round up', f: Math.ceil },
  round: { arity: [1, 1], doc: 'round(x): nearest integer, halves away from zero', f: round },
  sign: { arity: [1, 1], doc: 'sign(x): -1, 0 or 1', f: Math.sign },
  tanh: { arity: [1, 1], doc: 'tanh(x): hyperbolic tangent, in (-1, 1)', f: Math.tanh },
  clamp: { arity: [3, 3], doc: 'clamp(x, lo, hi): x limited to [lo, hi]', f: (x, lo, hi) => Math.min(Math.max(x, lo as number), hi as number) },
  logistic: { arity: [1, 1], doc: 'logistic(x) = 1 / (1 + exp(-x)), in (0, 1)', f: (x) => 1 / (1 + Math.exp(-(x as number))) },
  step: { arity: [1, 1], doc: 'step(x) = x >= 0 ? 1 : 0', f: (x) => ((x as number) >= 0 ? 1 : 0) },
};
/** Names and arities of the functions formulas may call, for documentation. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, { arity: [number, number]; doc: string }>> = Object.freeze(
  Object.fromEntries(Object.entries(FUNCS).map(([name, { arity, doc }]) => [name, Object.freeze({ arity, doc })])),
);
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };
type Make = (a: Fn, b: Fn) => Fn;
/** mathjs operator function name -> closure factory; one factory per operator keeps each closure's call sites monomorphic. */
const UNARY: Record<string, Make> = { unaryMinus: (a) => (s) => -a(s), unaryPlus: (a) => a, not: (a) => (s) => (a(s) ? 0 : 1) };
const BINARY: Record<string, Make> = {
  add: (a, b) => (s) => a(s) + b(s), subtract: (a, b) => (s) => a(s) - b(s),
  multiply: (a, b) => (s) => a(s) * b(s), divide: (a, b) => (s) => a(s) / b(s), pow: (a, b) => (s) => a(s) ** b(s),
  mod: (a, b) => (s) => { const x = a(s), y = b(s); return y === 0 ? x : x - y * Math.floor(x / y); }, // as mathjs
  smaller: (a, b) => (s) => (a(s) < b(s) ? 1 : 0), larger: (a, b) => (s) => (a(s) > b(s) ? 1 : 0),
  smallerEq: (a, b) => (s) => (a(s) <= b(s) ? 1 : 0), largerEq: (a, b) => (s) => (a(s) >= b(s) ? 1 : 0),
  equal: (a, b) => (s) => (a(s) === b(s) ? 1 : 0), unequal: (a, b) => (s) => (a(s) !== b(s) ? 1 : 0),
  and: (a, b) => (s) => (a(s) && b(s) ? 1 : 0), or: (a, b) => (s) => (a(s) || b(s) ? 1 : 0),
  xor: (a, b) => (s) => (!a(s) !== !b(s) ? 1 : 0),
};

/** The JavaScript text of each operator, for formulas bound to slots (`generate`); the same semantics as UNARY/BINARY. */
const OPERATOR_CODE: Record<string, (a: string, b: string) => string> = {
  unaryMinus: (a) => `(-${a})`, not: (a) => `(${a} ? 0 : 1)`,
  add: (a, b) => `(${a} + ${b})`, subtract: (a, b) => `(${a} - ${b})`, multiply: (a, b) => `(${a} * ${b})`,
  divide: (a, b) => `(${a} / ${b})`, pow: (a, b) => `(${a} ** ${b})`, mod: (a, b) => `F[${Object.keys(FUNCS).length}](${a}, ${b})`,
  smaller: (a, b) => `(${a} < ${b} ? 1 : 0)`, larger: (a, b) => `(${a} > ${b} ? 1 : 0)`,
  smallerEq: (a, b) => `(${a} <= ${b} ? 1 : 0)`, largerEq: (a, b) => `(${a} >= ${b} ? 1 : 0)`,
  equal: (a, b) => `(${a} === ${b} ? 1 : 0)`, unequal: (a, b) => `(${a} !== ${b} ? 1 : 0)`,
  and: (a, b) => `(${a} && ${b} ? 1 : 0)`, or: (a, b) => `(${a} || ${b} ? 1 : 0)`, xor: (a, b) => `(!${a} !== !${b} ? 1 : 0)`,
};
const FUNCTION_NAMES = Object.keys(FUNCS);
/** What generated code may call: the formula functions by number, then mod (as BINARY.mod). */
const HELPERS: readonly ((...x: number[]) => number)[] = Object.freeze([...FUNCTION_NAMES.map((n) => FUNCS[n]!.f), (x: number, y: number) => (y === 0 ? x : x - y * Math.floor(x / y))]);

/** Words generated functions may contain besides their parameters and locals. */
const GENERATED_WORDS = new Set(['k', 'F', 'let', 'if', 'return', 'Infinity']);

/**
 * Compiles generated code: one formula bound to slots (`bind`), or several fused by a caller (the engine's
 * candidate scorer) from their `emit` texts. The code is made only of fixed operator templates, slot and
 * constant references (`s[3]`, `k[0]`, never a literal as written) and helper calls (`F[2](`), so no text of a
 * formula reaches the JavaScript compiler; and it is checked again here: every word must be one of `params`,
 * `locals` (chosen by the caller) or k, F, let, if, return, Infinity, with no quote or dot. About 5x faster
 * than the closures, which is what the decide loop's 135 evaluations per agent and tick need.
 */
export function generateFunction<T>(params: readonly string[], locals: readonly string[], body: string, constants: readonly number[]): T {
  const names = new Set([...params, ...locals, ...GENERATED_WORDS]);
  for (const word of body.match(/[A-Za-z_$][\w$]*/g) ?? []) if (!names.has(word)) throw new Error(`generated code has an unexpected word: ${word}`);
  if (!/^[\w$[\](){}+\-*/<>=!&|?:,; \n]*$/.test(body)) throw new Error('generated code has unexpected characters');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('k', 'F', `"use strict"; return function fused(${params.join(', ')}) { ${body} };`)(Object.freeze([...constants]), HELPERS) as T;
}

/**
 * A formula bound to slots. One class for every formula, so the engine's call sites of `evaluate` see one
 * function and V8 can inline it (its result then stays an unboxed double).
 */
class BoundFormula implements SlotFormula {
  constructor(
    private readonly name: string | null,
    readonly source: string,
    readonly variables: readonly string[],
    private readonly inputs: readonly number[],
    private readonly run: (frame: Float64Array) => number,
    private readonly result: number,
  ) {}

  evaluate(frame: Float64Array, who?: string): number {
    let v: number;
    if (this.result >= 0) {
      this.run(frame);
      v = frame[this.result]!;
    } else v = this.run(frame);
    if (v - v === 0) return v; // finite: NaN - NaN and Infinity - Infinity are NaN
    throw this.nonFinite(frame, v, who);
  }

  evaluateInto(frame: Float64Array, who?: string): void {
    if (this.result < 0) throw new Error(`formula ${this.name ?? this.source} has no result slot`);
    this.run(frame);
    const v = frame[this.result]!;
    if (!(v - v === 0)) throw this.nonFinite(frame, v, who);
  }

  private nonFinite(frame: Float64Array, v: number, who: string | undefined): NonFiniteFormulaError {
    return new NonFiniteFormulaError(this.name, this.source, v, Object.fromEntries(this.variables.map((k, i) => [k, frame[this.inputs[i]!]!])), who ?? null);
  }
}

const EQUALS = /(?<![<>=!])=(?!=)/g;
const BRACKET = /\[/g;
/** Per forbidden node type: the token to underline and the message. */
const FORBIDDEN: Record<string, [RegExp, string]> = {
  AssignmentNode: [EQUALS, 'assignment ("=") is not allowed; use "==" to compare'],
  FunctionAssignmentNode: [EQUALS, 'defining functions is not allowed'],
  BlockNode: [/[;\n]/g, 'a formula is a single expression (no ";" or line breaks)'],
  AccessorNode: [/\.(?!\d)|\[/g, 'property and index access is not allowed'],
  IndexNode: [BRACKET, 'indexing is not allowed'],
  ArrayNode: [BRACKET, 'arrays and matrices are not allowed'],
  ObjectNode: [/\{/g, 'objects are not allowed'],
  RangeNode: [/:/g, 'ranges are not allowed'],
  RelationalNode: [/[<>=!]=|[<>]/g, 'chained comparisons are not allowed; write (a < b) and (b < c)'],
  ConstantNode: [/"(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?|\bnull\b|\bundefined\b/g, 'only numbers and true/false are allowed as constants (no strings)'],
};
const opRules = new Map<string, [RegExp, string]>();
function opRule(op: string): [RegExp, string] {
  const escaped = op.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), re = /^\w+$/.test(op) ? `\\b${escaped}\\b` : escaped;
  return opRules.get(op) ?? (opRules.set(op, [new RegExp(re, 'g'), `operator "${op}" is not allowed`]).get(op) as [RegExp, string]);
}

const konstants = new WeakMap<Fn, number>();
const konst = (v: number): Fn => { const f: Fn = () => v; konstants.set(f, v); return f; };
/** Folds `f` to a constant when all its inputs are constants (it then reads no variables). */
const fold = (f: Fn, inputs: Fn[]): Fn => (inputs.every((g) => konstants.has(g)) ? konst(f({})) : f);
const variable = (name: string): Fn => (s) => {
  const v = s[name];
  if (typeof v !== 'number') throw new Error(`formula variable "${name}" is missing from the scope`);
  return v;
};
function call(f: (...x: number[]) => number, args: Fn[]): Fn {
  const [a, b, c] = args as [Fn, Fn, Fn];
  if (args.length === 1) return (s) => f(a(s));
  if (args.length === 2) return (s) => f(a(s), b(s));
  if (args.length === 3) return (s) => f(a(s), b(s), c(s));
  return (s) => { let r = a(s); for (let i = 1; i < args.length; i++) r = f(r, (args[i] as Fn)(s)); return r; }; // min/max
}

/** Up to 12 candidates, nearest (Levenshtein) first. */
function nearest(name: string, candidates: Iterable<string>): string {
  const dist = (x: string, y: string): number => {
    let prev = [...Array(y.length + 1).keys()];
    for (let i = 1; i <= x.length; i++) prev = [...y].reduce((row, ch, j) => [...row, Math.min(prev[j + 1]! + 1, row[j]! + 1, prev[j]! + (x[i - 1] === ch ? 0 : 1))], [i]);
    return prev[y.length]!;
  };
  const all = [...candidates].map((c) => [dist(name, c), c] as const).sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1));
  return all.length === 0 ? '(none)' : all.slice(0, 12).map((p) => p[1]).join(', ') + (all.length > 12 ? ', ...' : '');
}

/** Offsets of every identifier not preceded by "." (skipping numbers, strings and # comments), per name, in order. */
function scanIdentifiers(src: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const token = /(0[xbo][0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)|("(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?|#.*)|([\p{L}_$][\p{L}\p{N}_$]*)/giu;
  for (const m of src.matchAll(token)) {
    if (m[3] === undefined || /\.\s*$/.test(src.slice(Math.max(0, m.index - 8), m.index))) continue;
    found.set(m[3], [...(found.get(m[3]) ?? []), m.index]);
  }
  return found;
}

/** Walks the tree, collecting problems and building closures; a subtree with a problem yields undefined. */
class Checker {
  readonly problems: FormulaProblem[] = [];
  readonly variables = new Set<string>();
  private readonly idents: Map<string, number[]>;
  private readonly seen = new Map<string, number>();
  private readonly cursors = new Map<RegExp, number>();
  /** Offsets of tokens already reported, so that two rules matching the same token (AccessorNode's "[" and ArrayNode's) do not both underline it. */
  private readonly consumed = new Set<number>();
  private readonly reported = new Set<string>();
  /** With slots: the JavaScript text of each node built (see `generate`), and the constants it refers to. */
  readonly codes = new WeakMap<Fn, string>();
  /**
   * With `access` (code generation): each variable's text is access(name), and constants are appended to
   * `constants` (shared by the formulas of one generated function) and read as k[i].
   */
  constructor(
    private readonly src: string,
    private readonly allowed: ReadonlySet<string>,
    private readonly access: ((name: string) => string) | null = null,
    readonly constants: number[] = [],
  ) {
    this.idents = scanIdentifiers(src);
  }
  /** A variable: read by name (the closures); with code generation its text is what `access` says. */
  private resolve(name: string): Fn {
    const f = variable(name);
    return this.access === null ? f : this.tag(f, this.access(name));
  }
  private tag(f: Fn, code: string): Fn {
    if (this.access !== null && !konstants.has(f)) this.codes.set(f, code);
    return f;
  }
  /** The text of a built node: a folded constant is a reference into the constants (never a literal). */
  code(f: Fn): string {
    const v = konstants.get(f);
    if (v === undefined) return this.codes.get(f)!;
    let i = this.constants.indexOf(v);
    if (i < 0 || Object.is(v, -0) !== Object.is(this.constants[i], -0)) i = this.constants.push(v) - 1;
    return `k[${i}]`;
  }
  add(code: FormulaProblemCode, message: string, offset = 0, length = this.src.length): undefined {
    this.problems.push({ code, message, offset, length: Math.max(1, length) });
  }
  /** Offset of the next not-yet-consumed occurrence of identifier `name`. */
  private identAt(name: string): number {
    const k = this.seen.get(name) ?? 0, offsets = this.idents.get(name) ?? [];
    this.seen.set(name, k + 1);
    return offsets[k] ?? offsets[0] ?? 0;
  }
  /** Reports `node` (or, with `rule`, an operator whose operands were already walked) at its next matching token. */
  private forbid(node: AstNode, rule?: [RegExp, string]): undefined {
    const [re, message] = rule ?? FORBIDDEN[node.type] ?? [/$^/g, `${node.type} is not allowed`];
    re.lastIndex = this.cursors.get(re) ?? 0;
    let m = re.exec(this.src);
    while (m && this.consumed.has(m.index)) m = re.exec(this.src); // every rule's match is at least one character long
    m ??= ((re.lastIndex = 0), re.exec(this.src));
    if (m) this.cursors.set(re, m.index + m[0].length), this.consumed.add(m.index);
    if (!rule) node.traverse((n) => { if (n.type === 'SymbolNode') this.identAt(n.name as string); }); // keep occurrences aligned
    return this.add('forbidden-syntax', message, m?.index, m?.[0].length);
  }
  walk(node: AstNode): Fn | undefined {
    const walkAll = (nodes: AstNode[]): Fn[] | undefined => {
      const fns = nodes.map((n) => this.walk(n));
      return fns.every((f) => f !== undefined) ? (fns as Fn[]) : undefined;
    };
    switch (node.type) {
      case 'ConstantNode':
        return typeof node.value === 'number' || typeof node.value === 'boolean' ? konst(Number(node.value)) : this.forbid(node);
      case 'ParenthesisNode':
        return this.walk(node.content as AstNode);
      case 'SymbolNode': {
        const name = node.name as string;
        const offset = this.identAt(name);
        if (this.allowed.has(name)) return this.variables.add(name), this.resolve(name);
        if (Object.hasOwn(CONSTANTS, name)) return konst(CONSTANTS[name] as number);
        if (this.reported.has(name)) return undefined;
        this.reported.add(name);
        return this.add('unknown-variable', Object.hasOwn(FUNCS, name) ? `"${name}" is a function; call it like ${name}(x)`
          : `unknown variable "${name}"; known variables: ${nearest(name, this.allowed)}`, offset, name.length);
      }
      case 'OperatorNode': {
        const fn = node.fn as string;
        const table = node.args?.length === 1 ? UNARY : node.args?.length === 2 ? BINARY : {};
        const args = walkAll(node.args ?? []);
        if (!Object.hasOwn(table, fn)) return this.forbid(node, opRule(node.op as string));
        if (!args) return undefined;
        const built = fold((table[fn] as Make)(args[0] as Fn, args[1] as Fn), args);
        if (this.access === null || konstants.has(built) || built === args[0]) return built; // unaryPlus is its operand
        const [a, b] = args.map((g) => this.code(g)) as [string, string];
        return this.tag(built, (OPERATOR_CODE[fn] as (a: string, b: string) => string)(a, b));
      }
      case 'ConditionalNode': {
        const parts = walkAll([node.condition, node.trueExpr, node.falseExpr] as AstNode[]);
        if (!parts) return undefined;
        const [c, t, e] = parts as [Fn, Fn, Fn];
        const k = konstants.get(c);
        return k === undefined ? this.tag((s) => (c(s) ? t(s) : e(s)), `(${this.code(c)} ? ${this.code(t)} : ${this.code(e)})`) : k ? t : e;
      }
      case 'FunctionNode': {
        const callee = node.fn as AstNode;
        if (callee.type !== 'SymbolNode') return this.forbid(callee), walkAll(node.args ?? []), undefined;
        const name = callee.name as string;
        const offset = this.identAt(name);
        const args = walkAll(node.args ?? []);
        const spec = Object.hasOwn(FUNCS, name) ? FUNCS[name] : undefined;
        if (!spec) {
          return this.add('unknown-function', this.allowed.has(name) ? `"${name}" is a variable, not a function`
            : `unknown function "${name}"; known functions: ${nearest(name, Object.keys(FUNCS))}`, offset, name.length);
        }
        const [lo, hi] = spec.arity;
        const n = node.args?.length ?? 0;
        if (n < lo || n > hi) {
          const want = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
          return this.add('wrong-arity', `${name}() takes ${want} argument${want === '1' ? '' : 's'}, got ${n}`, offset, name.length);
        }
        if (!args) return undefined;
        const built = fold(call(spec.f, args), args);
        if (this.access === null || konstants.has(built)) return built;
        // As `call` does: up to three arguments in one call, more (min, max) folded pairwise from the left.
        const f = `F[${FUNCTION_NAMES.indexOf(name)}]`;
        const codes = args.map((g) => this.code(g));
        return this.tag(built, codes.length <= 3 ? `${f}(${codes.join(', ')})` : codes.slice(1).reduce((acc, c) => `${f}(${acc}, ${c})`, codes[0]!));
      }
      default:
        return this.forbid(node);
    }
  }
}

/**
 * Parses, checks and compiles `source`, whose free variables must all be in `allowedVariables` (`pi` and `e` are
 * constants unless shadowed by a variable). Never throws on bad input: all problems found are returned, in source order.
 */
export function compileFormula(source: string, allowedVariables: ReadonlySet<string>, name: string | null = null): CompileResult {
  const checker = new Checker(source, allowedVariables);
  const built = build(source, checker);
  if (!built.ok) return built;
  const { fn: f, variables } = built;
  // The one check of every result, in the closure itself: cheaper than at each of the engine's call sites.
  const evaluate = (scope: Scope, who?: string): number => {
    const v = f(scope);
    if (Number.isFinite(v)) return v;
    throw new NonFiniteFormulaError(name, source, v, Object.fromEntries(variables.map((k) => [k, scope[k] as number])), who ?? null);
  };
  const bind = (slots: ReadonlyMap<string, number>, result = -1): SlotFormula => {
    const at = (k: string): number => {
      const i = slots.get(k);
      if (i === undefined) throw new Error(`formula variable "${k}" has no slot`);
      return i;
    };
    for (const k of variables) at(k);
    const constants: number[] = [];
    const code = emit((k) => `s[${at(k)}]`, constants);
    // One formula's function: `s` its frame; its value returned, or left in the result slot.
    const run = generateFunction<(frame: Float64Array) => number>(['s'], [], result >= 0 ? `s[${Math.floor(result)}] = ${code};` : `return ${code};`, constants);
    return new BoundFormula(name, source, variables, variables.map(at), run, result);
  };
  const emit = (access: (name: string) => string, constants: number[]): string => {
    const checker = new Checker(source, allowedVariables, access, constants);
    const rebuilt = build(source, checker);
    // The same source passed the same checks when it was compiled; a failure here is a bug in this file.
    if (!rebuilt.ok) throw new Error(`formula ${name ?? source} does not generate code`);
    return checker.code(rebuilt.fn);
  };
  return { ok: true, formula: { source, variables, evaluate, bind, emit } };
}

/** Parses, checks and compiles `source` with `checker`; every problem found, in source order, if any. */
function build(source: string, checker: Checker): { ok: true; fn: Fn; variables: string[] } | { ok: false; problems: FormulaProblem[] } {
  const fail = (): { ok: false; problems: FormulaProblem[] } => ({ ok: false, problems: checker.problems.sort((p, q) => p.offset - q.offset) });
  if (source.length > MAX_FORMULA_LENGTH) {
    return checker.add('too-long', `formula has ${source.length} characters; the limit is ${MAX_FORMULA_LENGTH}`, MAX_FORMULA_LENGTH, source.length - MAX_FORMULA_LENGTH) ?? fail();
  }
  let level = 0;
  for (let i = 0; i < source.length; i++) {
    level += '([{'.includes(source[i] as string) ? 1 : ')]}'.includes(source[i] as string) ? -1 : 0;
    if (level > MAX_NESTING) return checker.add('too-long', `brackets are nested more than ${MAX_NESTING} deep`, i, 1) ?? fail();
  }
  let fn: Fn | undefined;
  try {
    const root = parse(source.trimEnd()); // a trailing newline (YAML block scalars) would otherwise make a BlockNode
    // An empty or comment-only source parses to an undefined constant, like the word "undefined" (outside a comment).
    if (root.type === 'ConstantNode' && root.value === undefined && !/\bundefined\b/.test(source.replace(/#.*/g, ''))) checker.add('syntax', 'formula is empty', 0, 1);
    else fn = checker.walk(root);
  } catch (e) {
    const char = (e as { char?: unknown }).char; // mathjs SyntaxErrors carry a 1-based "char"
    const offset = typeof char === 'number' ? Math.min(Math.max(char - 1, 0), source.length) : 0;
    if (e instanceof RangeError) checker.add('too-long', 'formula is nested too deeply'); // stack exhausted
    else checker.add('syntax', String((e as Error).message).replace(/\s*\(char \d+\)$/, ''), offset, 1);
  }
  if (!fn || checker.problems.length > 0) return fail();
  const constant = konstants.get(fn);
  if (constant !== undefined && !Number.isFinite(constant)) return checker.add('not-finite', `the formula always gives ${constant}; it must give a finite number`) ?? fail();
  return { ok: true, fn, variables: [...checker.variables].sort() };
}
