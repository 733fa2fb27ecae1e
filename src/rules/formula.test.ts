import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { compileFormula, FORMULA_FUNCTIONS, generateFunction, MAX_FORMULA_LENGTH, NonFiniteFormulaError, type FormulaProblem } from './formula.ts';

const VARS = new Set(['a', 'b', 'c', 'fit', 'salience', 'partnerSalience', 'cost', 'capacity', 'noise']);
const SCOPE = { a: 2, b: 3, c: 4, fit: 0.5, salience: 0.8, partnerSalience: 0.5, cost: 1, capacity: 4, noise: 0.1 };

function value(src: string, scope: Record<string, number> = SCOPE): number {
  const r = compileFormula(src, VARS);
  if (!r.ok) throw new Error(`${src}: ${JSON.stringify(r.problems)}`);
  return r.formula.evaluate(scope);
}
function problems(src: string, vars: ReadonlySet<string> = VARS): FormulaProblem[] {
  const r = compileFormula(src, vars);
  if (r.ok) throw new Error(`${src} should not compile`);
  return r.problems;
}
/** The single problem `src` has, as [code, offset, length]. */
function only(src: string): [string, number, number] {
  const ps = problems(src);
  expect(ps).toHaveLength(1);
  const p = ps[0]!;
  return [p.code, p.offset, p.length];
}

describe('compileFormula: evaluation', () => {
  it('does arithmetic with the usual precedence', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('a - b - c')).toBe(-5);
    expect(value('c / a / a')).toBe(1);
    expect(value('+a - -b')).toBe(5);
    expect(value('2a + 3 b')).toBe(13); // implicit multiplication
    expect(value('7 mod 3')).toBe(1);
    expect(value('-7 mod 3')).toBe(2);
    expect(value('7 mod 0')).toBe(7);
    expect(value('50%')).toBe(0.5);
    expect(value('1e3 + 0x10 + .5')).toBe(1016.5);
  });
  it('evaluates the scenario example and reports sorted unique variables', () => {
    const r = compileFormula('fit * salience * partnerSalience - cost / capacity + noise + fit', VARS);
    expect(r.ok && r.formula.variables).toEqual(['capacity', 'cost', 'fit', 'noise', 'partnerSalience', 'salience']);
    expect(r.ok && r.formula.evaluate(SCOPE)).toBeCloseTo(0.5 * 0.8 * 0.5 - 0.25 + 0.1 + 0.5, 12);
    expect(r.ok && r.formula.source).toBe('fit * salience * partnerSalience - cost / capacity + noise + fit');
  });
  it('knows pi and e, unless a variable shadows them', () => {
    expect(value('2 pi')).toBe(2 * Math.PI);
    expect(value('e')).toBe(Math.E);
    const r = compileFormula('e + 1', new Set(['e']));
    expect(r.ok && r.formula.evaluate({ e: 1 })).toBe(2);
  });
  it('calls the allowed functions', () => {
    expect(value('abs(-a) + sign(-3) + sign(0)')).toBe(1);
    expect(value('min(a, b) + max(a, b, c, 1)')).toBe(6);
    // A formula that can only give NaN or Infinity is refused at load (one rule for non-finite results).
    expect(compileFormula('min(1, NaN)', VARS).ok).toBe(false);
    expect(value('exp(0) + log(e) + log(8, 2) + sqrt(16) + pow(2, 10)')).toBe(1 + 1 + 3 + 4 + 1024);
    expect(value('floor(-1.5) + ceil(1.2) + round(2.5) + round(-2.5) + round(1.4)')).toBe(-2 + 2 + 3 - 3 + 1);
    expect(value('tanh(0) + clamp(5, 0, 1) + clamp(-5, 0, 1) + clamp(0.3, 0, 1)')).toBeCloseTo(1.3, 12);
    expect(value('logistic(0) + logistic(1)')).toBeCloseTo(0.5 + 1 / (1 + Math.exp(-1)), 12);
    expect(value('step(0) + step(-0.1) + step(2)')).toBe(2);
    expect(compileFormula('sqrt(-1)', VARS).ok).toBe(false);
    expect(compileFormula('1 / 0', VARS).ok).toBe(false);
  });
  it('documents every function', () => {
    expect(Object.keys(FORMULA_FUNCTIONS).sort()).toEqual(
      ['abs', 'ceil', 'clamp', 'exp', 'floor', 'log', 'logistic', 'max', 'min', 'pow', 'round', 'sign', 'sqrt', 'step', 'tanh']);
    expect(FORMULA_FUNCTIONS.log!.arity).toEqual([1, 2]);
    expect(FORMULA_FUNCTIONS.max!.arity).toEqual([2, Infinity]);
    expect(Object.isFrozen(FORMULA_FUNCTIONS)).toBe(true);
  });
  it('has conditionals, comparisons and booleans as 1/0', () => {
    expect(value('a < b ? 10 : 20')).toBe(10);
    expect(value('a > b ? 10 : c > 3 ? 30 : 40')).toBe(30);
    expect(value('(a < b) + (a <= 2) + (a > b) + (a >= 3) + (a == 2) + (a != 2)')).toBe(3);
    expect(value('true + false')).toBe(1);
    expect(value('(a and 0) + (a and b) + (0 or 0) + (0 or c) + not 0 + not a + (a xor 0)')).toBe(4);
    expect(value('NaN ? 1 : 2')).toBe(2);
    expect(value('0 ? a : b')).toBe(3);
    expect(value('0.1 + 0.2 == 0.3')).toBe(0); // exact, unlike mathjs
  });
  it('throws on a missing variable at evaluation time', () => {
    const r = compileFormula('a + b', VARS);
    expect(() => r.ok && r.formula.evaluate({ a: 1 })).toThrow(/"b" is missing/);
  });
  it('ignores trailing newlines and # comments', () => {
    expect(value('a + b\n')).toBe(5);
    expect(value('a + b # the sum')).toBe(5);
  });
});

describe('compileFormula: rejection', () => {
  it('rejects mathjs built-ins and escape routes as unknown functions', () => {
    for (const [src, len] of [['import({}, {override: true})', 6], ['parse("1")', 5], ['evaluate("1")', 8], ['createUnit("x")', 10]] as const) {
      const ps = problems(src);
      expect(ps[0]).toMatchObject({ code: 'unknown-function', offset: 0, length: len });
      expect(ps.slice(1).every((p) => p.code === 'forbidden-syntax')).toBe(true); // the object/string arguments
    }
    expect(problems('import({}, {})').map((p) => p.offset)).toEqual([0, 7, 11]);
  });
  it('rejects property access', () => {
    expect(only('a.constructor')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('(1).constructor')).toEqual(['forbidden-syntax', 3, 1]);
    expect(only('cos.constructor')).toEqual(['forbidden-syntax', 3, 1]);
    expect(only('a["x"]')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('a.b(1)')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('1 + a.b.c')).toEqual(['forbidden-syntax', 5, 1]);
  });
  it('rejects assignment, definitions, blocks, arrays, objects, ranges and strings', () => {
    expect(only('x = 1')).toEqual(['forbidden-syntax', 2, 1]);
    expect(only('a <= 1 ? 2 : 3 + (b = 2)')).toEqual(['forbidden-syntax', 20, 1]);
    expect(only('f(x) = x')).toEqual(['forbidden-syntax', 5, 1]);
    expect(only('a; b')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('a\nb')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('[1,2]')).toEqual(['forbidden-syntax', 0, 1]);
    expect(only('a + [1]')).toEqual(['forbidden-syntax', 4, 1]);
    expect(only('{a: 1}')).toEqual(['forbidden-syntax', 0, 1]);
    expect(only('1:3')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('"str"')).toEqual(['forbidden-syntax', 0, 5]);
    expect(only("a + 'x'")).toEqual(['forbidden-syntax', 4, 3]);
    expect(only('null')).toEqual(['forbidden-syntax', 0, 4]);
  });
  it('rejects operators outside the allowlist and chained comparisons', () => {
    expect(only('3!')).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('a & b')).toEqual(['forbidden-syntax', 2, 1]);
    expect(only('a to b')).toEqual(['forbidden-syntax', 2, 2]);
    expect(only("a'")).toEqual(['forbidden-syntax', 1, 1]);
    expect(only('a .* b')).toEqual(['forbidden-syntax', 2, 2]);
    expect(only('a < b < c')).toEqual(['forbidden-syntax', 2, 1]);
  });
  it('rejects unknown variables with suggestions, each name once, at its first use', () => {
    const ps = problems('fit * salince + cost / capacty + salince');
    expect(ps.map((p) => [p.code, p.offset, p.length])).toEqual([['unknown-variable', 6, 7], ['unknown-variable', 23, 7]]);
    expect(ps[0]!.message).toMatch(/^unknown variable "salince"; known variables: salience, /);
    expect(ps[1]!.message).toMatch(/known variables: capacity, /);
    expect(problems('a.y + y').map((p) => [p.code, p.offset])).toEqual([['forbidden-syntax', 1], ['unknown-variable', 6]]); // not ".y"
    expect(problems('max + 1')[0]).toMatchObject({ code: 'unknown-variable', offset: 0, message: expect.stringMatching(/is a function/) });
    expect(problems('2 cm')[0]).toMatchObject({ code: 'unknown-variable', offset: 2, length: 2 }); // no units
  });
  it('lists at most 12 known variables', () => {
    const many = new Set(Array.from({ length: 30 }, (_, i) => `v${i}`));
    const msg = problems('w', many)[0]!.message;
    expect(msg.split(':')[1]!.split(',').length).toBe(13); // 12 names and "..."
  });
  it('rejects unknown functions and wrong arities at the right call', () => {
    expect(only('foo(1)')).toEqual(['unknown-function', 0, 3]);
    expect(problems('mx(a, b)')[0]!.message).toMatch(/known functions: max, /);
    expect(problems('a(1)')[0]!.message).toMatch(/"a" is a variable/);
    expect(only('max(1, 2) + max(3)')).toEqual(['wrong-arity', 12, 3]);
    expect(only('clamp(a, 0)')).toEqual(['wrong-arity', 0, 5]);
    expect(only('log(1, 2, 3)')).toEqual(['wrong-arity', 0, 3]);
    expect(only('abs()')).toEqual(['wrong-arity', 0, 3]);
    expect(problems('clamp(a, 0)')[0]!.message).toBe('clamp() takes 3 arguments, got 2');
  });
  it('reports syntax errors with 0-based offsets', () => {
    expect(problems('1 +')[0]).toMatchObject({ code: 'syntax', offset: 3, length: 1, message: 'Unexpected end of expression' });
    expect(only('1 +* 2')).toEqual(['syntax', 3, 1]);
    expect(only('a ? b')).toEqual(['syntax', 5, 1]);
    expect(only('')).toEqual(['syntax', 0, 1]);
    expect(only('   # nothing')).toEqual(['syntax', 0, 1]);
  });
  it('bounds the length and the nesting', () => {
    expect(only('1+'.repeat(1000) + '1')).toEqual(['too-long', MAX_FORMULA_LENGTH, 1]);
    expect(value('1+'.repeat(999) + '1')).toBe(1000);
    expect(only('a + ' + '('.repeat(65) + '1' + ')'.repeat(65))).toEqual(['too-long', 68, 1]);
    expect(value('('.repeat(64) + 'a' + ')'.repeat(64))).toBe(2);
    expect(value('-'.repeat(400) + 'a')).toBe(2); // long unary and binary chains are fine
    const deep = compileFormula('-'.repeat(1999) + 'a', VARS); // may exhaust the stack: a problem, never a throw
    expect(deep.ok || deep.problems[0]!.code === 'too-long').toBe(true);
    expect(value('1^'.repeat(600) + 'a')).toBe(1);
  });
  it('collects several problems of different kinds, in source order', () => {
    const ps = problems('foo(a) + salince * max(1) + b.c + "s"');
    expect(ps.map((p) => [p.code, p.offset])).toEqual(
      [['unknown-function', 0], ['unknown-variable', 9], ['wrong-arity', 19], ['forbidden-syntax', 29], ['forbidden-syntax', 34]]);
  });
});

describe('compileFormula: agrees with mathjs', () => {
  const math = create(all!, { predictable: true });
  const leaf = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 9 }).map(String), fc.constantFrom('0.5', '2.25', '1e-3'));
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('expr'), fc.constantFrom(' + ', ' - ', ' * ', ' / ', '*'), tie('expr')).map(([x, op, y]) => x + op + y),
      tie('expr').map((x) => `(${x})`),
      tie('expr').map((x) => `-${x}`),
      fc.tuple(tie('expr'), fc.integer({ min: 0, max: 3 })).map(([x, k]) => `(${x})^${k}`),
      fc.tuple(fc.constantFrom('abs', 'sqrt', 'exp', 'tanh', 'log'), tie('expr')).map(([f, x]) => `${f}(${x})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([x, y, z]) => `(${x}) ? (${y}) : (${z})`),
    ),
  }));
  const num = fc.double({ min: -100, max: 100, noNaN: true });

  it('evaluates random arithmetic like mathjs.evaluate', () => {
    fc.assert(fc.property(expr, num, num, num, (src, a, b, c) => {
      const r = compileFormula(src, new Set(['a', 'b', 'c']));
      if (!r.ok) {
        // Refused at load only when it can give nothing but NaN or Infinity.
        expect(r.problems.every((p) => p.code === 'not-finite')).toBe(true);
        expect(Number.isFinite(math.evaluate(src, { a, b, c }) as number)).toBe(false);
        return;
      }
      const theirs = math.evaluate(src, { a, b, c }) as number;
      expect(typeof theirs).toBe('number');
      // A non-finite result stops the run with NonFiniteFormulaError, never a NaN passed on.
      if (!Number.isFinite(theirs)) expect(() => r.formula.evaluate({ a, b, c })).toThrow(NonFiniteFormulaError);
      else expect(Math.abs(r.formula.evaluate({ a, b, c }) - theirs)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(theirs)));
    }), { numRuns: 500 });
  });
});

describe('compileFormula: bound to slots (generated code)', () => {
  // Every operator and function, nested: the slot-bound formula must give the closures' result bit for bit
  // (NaN for NaN), since the engine's outputs must not change with the way a formula is run.
  const leaf = fc.oneof(fc.constantFrom('a', 'b', 'c', 'pi', 'e', 'true', 'false'), fc.integer({ min: 0, max: 9 }).map(String), fc.constantFrom('0.5', '-2.25', '1e-3', '0'));
  const OPS = [' + ', ' - ', ' * ', ' / ', ' ^ ', ' mod ', ' < ', ' > ', ' <= ', ' >= ', ' == ', ' != ', ' and ', ' or ', ' xor '];
  const F1 = ['abs', 'exp', 'log', 'sqrt', 'floor', 'ceil', 'round', 'sign', 'tanh', 'logistic', 'step'];
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('expr'), fc.constantFrom(...OPS), tie('expr')).map(([x, op, y]) => `(${x})${op}(${y})`),
      tie('expr').map((x) => `-(${x})`),
      tie('expr').map((x) => `not (${x})`),
      fc.tuple(fc.constantFrom(...F1), tie('expr')).map(([f, x]) => `${f}(${x})`),
      fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('expr'), { minLength: 2, maxLength: 5 })).map(([f, xs]) => `${f}(${xs.join(', ')})`),
      fc.tuple(fc.constantFrom('pow', 'log'), tie('expr'), tie('expr')).map(([f, x, y]) => `${f}(${x}, ${y})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([x, y, z]) => `clamp(${x}, ${y}, ${z})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([x, y, z]) => `(${x}) ? (${y}) : (${z})`),
    ),
  }));
  const num = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1, 0.5));
  const slots = new Map([['a', 3], ['b', 0], ['c', 7]]);
  const outcome = (f: () => number): number | string => {
    try {
      return f();
    } catch (e) {
      return e instanceof NonFiniteFormulaError ? `non-finite ${e.value}` : String(e);
    }
  };

  it('gives exactly what the closures give, for every operator and function', () => {
    fc.assert(fc.property(expr, num, num, num, (src, a, b, c) => {
      const r = compileFormula(src, new Set(['a', 'b', 'c']));
      if (!r.ok) return;
      const frame = new Float64Array(8);
      frame[3] = a;
      frame[0] = b;
      frame[7] = c;
      expect(outcome(() => r.formula.bind(slots).evaluate(frame))).toStrictEqual(outcome(() => r.formula.evaluate({ a, b, c })));
    }), { numRuns: 2000 });
  });

  it('reads each variable from its slot and names the inputs of a non-finite result', () => {
    const r = compileFormula('a / (b - c)', new Set(['a', 'b', 'c']), 'f');
    if (!r.ok) throw new Error('compiles');
    const bound = r.formula.bind(slots);
    expect(bound.evaluate(Float64Array.from([1, 0, 0, 6, 0, 0, 0, 3]))).toBe(-3);
    expect(bound.evaluate(Float64Array.from([5, 0, 0, 10, 0, 0, 0, 3]))).toBe(5);
    try {
      bound.evaluate(Float64Array.from([2, 0, 0, 1, 0, 0, 0, 2]), 'U1');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NonFiniteFormulaError);
      expect((e as NonFiniteFormulaError).inputs).toEqual({ a: 1, b: 2, c: 2 });
      expect((e as NonFiniteFormulaError).who).toBe('U1');
      expect((e as NonFiniteFormulaError).formula).toBe('f');
    }
  });

  it('evaluateInto leaves the value in the result slot, returns nothing, and throws on a non-finite value', () => {
    const r = compileFormula('a / (b - c)', new Set(['a', 'b', 'c']), 'f');
    if (!r.ok) throw new Error('compiles');
    const bound = r.formula.bind(slots, 5);
    const frame = Float64Array.from([1, 0, 0, 6, 0, 0, 0, 3]);
    expect(bound.evaluateInto(frame)).toBeUndefined();
    expect(frame[5]).toBe(-3);
    frame.set([2, 0, 0, 1, 0, 9, 0, 2]);
    expect(() => bound.evaluateInto(frame, 'U1')).toThrow(NonFiniteFormulaError);
    expect(() => r.formula.bind(slots).evaluateInto(frame)).toThrow(/has no result slot/);
  });

  it('generated code is compiled only from declared words, without quotes or dots', () => {
    const f = generateFunction<(s: Float64Array, w: Float64Array) => number>(['s', 'w'], ['x'], 'let x = s[0] * w[1] + k[0]; return F[0](x);', [0.5]);
    expect(f(Float64Array.from([2]), Float64Array.from([0, -3]))).toBe(5.5); // abs(2 * -3 + 0.5)
    expect(() => generateFunction(['s'], [], 'return process;', [])).toThrow(/unexpected word: process/);
    expect(() => generateFunction(['s'], [], 'return s.constructor;', [])).toThrow(/unexpected word: constructor/);
    expect(() => generateFunction(['s'], [], "return s['0'];", [])).toThrow(/unexpected characters/);
    expect(() => generateFunction(['s'], [], 'return 1.5;', [])).toThrow(/unexpected characters/);
  });

  it('refuses a variable without a slot', () => {
    const r = compileFormula('a + b', new Set(['a', 'b']));
    if (!r.ok) throw new Error('compiles');
    expect(() => r.formula.bind(new Map([['a', 0]]))).toThrow(/"b" has no slot/);
  });
});

/** The single problem of `src` (variables `vars`), whole. */
function problemOf(src: string, vars: ReadonlySet<string> = VARS): FormulaProblem {
  const ps = problems(src, vars);
  expect(ps).toHaveLength(1);
  return ps[0]!;
}

describe('compileFormula: each operator on its own', () => {
  // One value per assertion, so that two wrong operators cannot cancel out in a sum.
  it.each([
    ['a + b', 5], ['a - b', -1], ['a * b', 6], ['b / a', 1.5], ['a ^ b', 8], ['-a', -2], ['+a', 2], ['--a', 2],
    ['7 mod 2', 1], ['-7 mod 2', 1], ['7 mod -2', -1], ['7.5 mod 2', 1.5], ['0 mod 3', 0],
  ])('%s = %d', (src, expected) => {
    expect(value(src)).toBe(expected);
  });

  // Boundaries: each comparison below, at and above the other operand (a >= b is not a > b).
  it.each([
    ['<', [1, 0, 0]], ['<=', [1, 1, 0]], ['>', [0, 0, 1]], ['>=', [0, 1, 1]], ['==', [0, 1, 0]], ['!=', [1, 0, 1]],
  ] as const)('a %s b is 1/0 for a below, equal to and above b', (op, [below, equal, above]) => {
    const f = compileFormula(`a ${op} b`, VARS);
    if (!f.ok) throw new Error('should compile');
    expect(f.formula.evaluate({ a: 1, b: 2 })).toBe(below);
    expect(f.formula.evaluate({ a: 2, b: 2 })).toBe(equal);
    expect(f.formula.evaluate({ a: 3, b: 2 })).toBe(above);
  });

  it.each([
    ['and', [0, 0, 0, 1]], ['or', [0, 1, 1, 1]], ['xor', [0, 1, 1, 0]],
  ] as const)('a %s b over the truth table (0 0, 0 1, 1 0, 1 1)', (op, table) => {
    const f = compileFormula(`a ${op} b`, VARS);
    if (!f.ok) throw new Error('should compile');
    expect([[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => f.formula.evaluate({ a: a!, b: b! }))).toEqual(table);
  });

  it('truth is nonzero and not NaN; results are 1 or 0, not the operands', () => {
    expect(value('2 and 3')).toBe(1);
    expect(value('0 or 3')).toBe(1);
    expect(value('NaN and 1')).toBe(0);
    expect(value('NaN or 0')).toBe(0);
    expect(value('NaN xor 1')).toBe(1);
    expect(value('2 xor 3')).toBe(0);
    expect(value('not 0')).toBe(1);
    expect(value('not 5')).toBe(0);
    expect(value('not NaN')).toBe(1);
    expect(value('a < b ? 10 : 20', { ...SCOPE, a: 5 })).toBe(20);
  });

  it('the same operators on variables, where nothing is folded at compile time', () => {
    const f = compileFormula('(a < b) * 100 + (not c) * 10 + -c', VARS);
    if (!f.ok) throw new Error('should compile');
    expect(f.formula.evaluate({ a: 1, b: 2, c: 0 })).toBe(110);
    expect(f.formula.evaluate({ a: 2, b: 1, c: 3 })).toBe(-3);
  });

  it('a condition that is constant picks its branch; one that is not is evaluated each time', () => {
    expect(value('1 < 2 ? a : b')).toBe(2);
    expect(value('2 < 1 ? a : b')).toBe(3);
    const f = compileFormula('a > 0 ? b : c', VARS);
    if (!f.ok) throw new Error('should compile');
    expect(f.formula.evaluate({ a: 1, b: 7, c: 9 })).toBe(7);
    expect(f.formula.evaluate({ a: 0, b: 7, c: 9 })).toBe(9);
  });
});

describe('compileFormula: each function on its own', () => {
  it.each([
    ['abs(-2.5)', 2.5], ['abs(3)', 3],
    ['min(4, 3)', 3], ['min(3, 4)', 3], ['min(5, 4, 3, 6)', 3], ['max(3, 4)', 4], ['max(4, 3)', 4], ['max(1, 5, 2, 3)', 5], ['max(1, 2, 3, 9, 4)', 9],
    ['exp(0)', 1], ['exp(1)', Math.E], ['log(1)', 0], ['log(e)', 1], ['log(8, 2)', 3], ['log(100, 10)', 2],
    ['sqrt(16)', 4], ['pow(2, 10)', 1024], ['pow(10, 2)', 100],
    ['floor(1.5)', 1], ['floor(-1.5)', -2], ['ceil(1.2)', 2], ['ceil(-1.2)', -1],
    ['round(2.5)', 3], ['round(-2.5)', -3], ['round(1.4)', 1], ['round(-1.4)', -1], ['round(-1.6)', -2], ['round(0.5)', 1],
    ['sign(-3)', -1], ['sign(0)', 0], ['sign(2)', 1], ['tanh(0)', 0],
    ['clamp(5, 0, 1)', 1], ['clamp(-5, 0, 1)', 0], ['clamp(0.3, 0, 1)', 0.3],
    ['logistic(0)', 0.5], ['step(0)', 1], ['step(-0.1)', 0], ['step(2)', 1],
  ])('%s = %d', (src, expected) => {
    expect(value(src)).toBe(expected);
  });

  it('functions whose results are not exact', () => {
    expect(value('tanh(1)')).toBeCloseTo(Math.tanh(1), 15);
    expect(value('logistic(2)')).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(value('logistic(-2)')).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
  });

  it('functions on variables (not folded) get their arguments in order', () => {
    const f = compileFormula('clamp(a, b, c) + 10 * log(c, b) + 100 * min(c, b, a) + 1000 * max(a, b)', VARS);
    if (!f.ok) throw new Error('should compile');
    expect(f.formula.evaluate({ a: 5, b: 2, c: 4 })).toBe(4 + 10 * 2 + 100 * 2 + 1000 * 5);
    const g = compileFormula('pow(a, b)', VARS);
    expect(g.ok && g.formula.evaluate({ a: 2, b: 3 })).toBe(8);
    const h = compileFormula('max(a, b, c)', VARS);
    expect(h.ok && h.formula.evaluate({ a: 1, b: 9, c: 3 })).toBe(9);
    expect(h.ok && h.formula.evaluate({ a: 1, b: 3, c: 9 })).toBe(9);
  });

  it('documents each function with its arity and a description, and nothing else', () => {
    expect(FORMULA_FUNCTIONS.abs).toStrictEqual({ arity: [1, 1], doc: 'abs(x): absolute value' });
    expect(FORMULA_FUNCTIONS.clamp).toStrictEqual({ arity: [3, 3], doc: 'clamp(x, lo, hi): x limited to [lo, hi]' });
    expect(FORMULA_FUNCTIONS.min!.arity).toEqual([2, Infinity]);
    expect(FORMULA_FUNCTIONS.pow!.arity).toEqual([2, 2]);
    for (const [name, spec] of Object.entries(FORMULA_FUNCTIONS)) {
      expect(Object.isFrozen(spec), name).toBe(true);
      expect(spec.doc.startsWith(name), name).toBe(true);
    }
  });

  it('knows pi as a constant', () => {
    expect(value('pi')).toBe(Math.PI);
    expect(compileFormula('pi', VARS)).toMatchObject({ ok: true, formula: { variables: [] } });
  });
});

describe('compileFormula: arity checks', () => {
  it.each([
    ['abs()', 'abs() takes 1 argument, got 0'],
    ['abs(1, 2)', 'abs() takes 1 argument, got 2'],
    ['step()', 'step() takes 1 argument, got 0'],
    ['max(1)', 'max() takes at least 2 arguments, got 1'],
    ['min(a)', 'min() takes at least 2 arguments, got 1'],
    ['log()', 'log() takes 1 to 2 arguments, got 0'],
    ['log(1, 2, 3)', 'log() takes 1 to 2 arguments, got 3'],
    ['pow(2)', 'pow() takes 2 arguments, got 1'],
    ['pow(1, 2, 3)', 'pow() takes 2 arguments, got 3'],
    ['clamp(1, 2, 3, 4)', 'clamp() takes 3 arguments, got 4'],
  ])('%s: %s', (src, message) => {
    expect(problemOf(src)).toStrictEqual({ code: 'wrong-arity', message, offset: 0, length: src.indexOf('(') });
  });

  it('accepts the boundaries of each range', () => {
    expect(value('log(e)')).toBe(1);
    expect(value('log(8, 2)')).toBe(3);
    expect(value('abs(-1)')).toBe(1);
    expect(value('max(1, 2)')).toBe(2);
    expect(value('clamp(2, 0, 1)')).toBe(1);
  });
});

describe('compileFormula: messages and positions', () => {
  it.each([
    ['x = 1', 2, 1, 'assignment ("=") is not allowed; use "==" to compare'],
    ['f(x) = x', 5, 1, 'defining functions is not allowed'],
    ['a; b', 1, 1, 'a formula is a single expression (no ";" or line breaks)'],
    ['a.b', 1, 1, 'property and index access is not allowed'],
    ['[1,2]', 0, 1, 'arrays and matrices are not allowed'],
    ['{a: 1}', 0, 1, 'objects are not allowed'],
    ['1:3', 1, 1, 'ranges are not allowed'],
    ['a < b < c', 2, 1, 'chained comparisons are not allowed; write (a < b) and (b < c)'],
    ['a == b == c', 2, 2, 'chained comparisons are not allowed; write (a < b) and (b < c)'],
    ['"s"', 0, 3, 'only numbers and true/false are allowed as constants (no strings)'],
    ['undefined', 0, 9, 'only numbers and true/false are allowed as constants (no strings)'],
    ['a & b', 2, 1, 'operator "&" is not allowed'],
    ['a .* b', 2, 2, 'operator ".*" is not allowed'],
    ['3!', 1, 1, 'operator "!" is not allowed'],
    ['max', 0, 3, '"max" is a function; call it like max(x)'],
    ['a(1)', 0, 1, '"a" is a variable, not a function'],
    ['abx', 0, 3, 'unknown variable "abx"; known variables: a, b, c, fit, cost, noise, capacity, salience, partnerSalience'],
  ])('%s: at %d, %d long: %s', (src, offset, length, message) => {
    expect(problemOf(src)).toMatchObject({ offset, length, message });
  });

  it('each occurrence of a forbidden token is underlined where it is', () => {
    expect(problems('a to b to c').map((p) => p.offset)).toEqual([2, 7]);
    expect(problems('"s" + "t"').map((p) => [p.offset, p.length])).toEqual([[0, 3], [6, 3]]);
    expect(problems('x.y + x.z', new Set(['x'])).map((p) => p.offset)).toEqual([1, 7]);
    expect(problems('a = b = 1').map((p) => p.offset)).toEqual([2]);
  });

  it('a word operator is found as a word, not inside a name', () => {
    expect(problems('tot to b', new Set(['tot', 'b'])).map((p) => [p.code, p.offset, p.length])).toEqual([['forbidden-syntax', 4, 2]]);
  });

  it('a token underlined by one rule is not underlined again by another', () => {
    // The index access takes the first "["; the array is the second one.
    expect(problems('a[1] + [2]').map((p) => [p.message, p.offset])).toEqual([
      ['property and index access is not allowed', 1], ['arrays and matrices are not allowed', 7],
    ]);
  });

  it('a name inside a forbidden part does not shift where later uses of the name are reported', () => {
    expect(problems('[zz] + zz').map((p) => [p.code, p.offset])).toEqual([['forbidden-syntax', 0], ['unknown-variable', 7]]);
    expect(problems('a. zz + zz').map((p) => [p.code, p.offset])).toEqual([['forbidden-syntax', 1], ['unknown-variable', 8]]);
  });

  it('names are found after numbers in every notation, and not inside strings', () => {
    expect(problemOf('0x1f + zz').offset).toBe(7);
    expect(problemOf('1e3zz').offset).toBe(3);
    expect(problemOf('2.5e-3 * zz').offset).toBe(9);
    expect(problems('"zz" + zz').map((p) => [p.code, p.offset])).toEqual([['forbidden-syntax', 0], ['unknown-variable', 7]]);
    expect(problems("'zz' + zz").map((p) => [p.code, p.offset])).toEqual([['forbidden-syntax', 0], ['unknown-variable', 7]]);
  });

  it('problems are returned in source order, though found in tree order', () => {
    // The arguments of foo are checked before foo itself.
    expect(problems('foo(zz)').map((p) => [p.code, p.offset])).toEqual([['unknown-function', 0], ['unknown-variable', 4]]);
  });

  it('an unknown name used twice is reported once, at its first use', () => {
    expect(problems('zz + zz + yy').map((p) => [p.offset, p.length])).toEqual([[0, 2], [10, 2]]);
  });
});

describe('compileFormula: suggestions', () => {
  /** The suggestion list of an unknown-variable message. */
  const suggested = (name: string, known: string[]): string => problemOf(name, new Set(known)).message.split('; known variables: ')[1]!;

  it('nearest first (edit distance), then by name', () => {
    expect(suggested('abx', ['xyz', 'abd', 'ab', 'abc'])).toBe('ab, abc, abd, xyz');
    expect(suggested('kitten', ['sitting', 'kitchen', 'mitten'])).toBe('mitten, kitchen, sitting');
    expect(suggested('flaw', ['lawn', 'flow', 'fl'])).toBe('flow, fl, lawn');
    expect(suggested('zz', ['zzzz', 'zzz'])).toBe('zzz, zzzz');
    expect(suggested('abcd', ['dcba', 'abdc', 'bcd'])).toBe('bcd, abdc, dcba');
  });

  it('at most 12, then "..."; exactly 12 without it; none as "(none)"', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `v${String(i).padStart(2, '0')}`);
    expect(suggested('w', names(12))).toBe(names(12).join(', '));
    expect(suggested('w', names(13))).toBe(`${names(12).join(', ')}, ...`);
    expect(suggested('w', [])).toBe('(none)');
  });

  it('unknown functions are told the nearest known functions', () => {
    expect(problemOf('mx(a, b)').message).toBe('unknown function "mx"; known functions: max, exp, min, abs, log, pow, ceil, clamp, sign, sqrt, step, tanh, ...');
  });

  it('property: the suggestions are all candidates ordered by Levenshtein distance, then name', () => {
    const lev = (x: string, y: string): number => {
      const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= x.length; i++) {
        for (let j = 1; j <= y.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      }
      return d[x.length]![y.length]!;
    };
    const word = fc.stringMatching(/^[a-c]{1,5}$/);
    fc.assert(fc.property(fc.stringMatching(/^q[a-c]{0,4}$/), fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), (name, known) => {
      const expected = [...known].sort((p, q) => lev(name, p) - lev(name, q) || (p < q ? -1 : 1));
      expect(suggested(name, known)).toBe(expected.join(', '));
    }));
  });
});

describe('compileFormula: limits', () => {
  it('exactly the maximum length is accepted; one more is rejected with both numbers', () => {
    const ok = '1+'.repeat(999) + '11';
    expect(ok).toHaveLength(MAX_FORMULA_LENGTH);
    expect(value(ok)).toBe(1010);
    expect(problemOf(ok + '1')).toStrictEqual({ code: 'too-long', message: 'formula has 2001 characters; the limit is 2000', offset: 2000, length: 1 });
    expect(problemOf(ok + '11').length).toBe(2);
  });

  it('counts every kind of bracket, and closing brackets close', () => {
    expect(problemOf('['.repeat(65) + ']'.repeat(65))).toStrictEqual({ code: 'too-long', message: 'brackets are nested more than 64 deep', offset: 64, length: 1 });
    expect(problemOf('{'.repeat(65) + '}'.repeat(65)).code).toBe('too-long');
    expect(value(Array.from({ length: 70 }, () => '(a)').join('+'))).toBe(140);
    expect(problems(Array.from({ length: 70 }, () => '[1]').join('+')).every((p) => p.code === 'forbidden-syntax')).toBe(true);
    expect(problems(Array.from({ length: 70 }, () => '{a: 1}').join('+')).every((p) => p.code === 'forbidden-syntax')).toBe(true);
  });

  it('an empty or comment-only formula is empty, even when the comment says "undefined"', () => {
    for (const src of ['', '   ', '# nothing', '# undefined', '  # was: undefined\n']) {
      expect(problemOf(src), JSON.stringify(src)).toStrictEqual({ code: 'syntax', message: 'formula is empty', offset: 0, length: 1 });
    }
  });

  it('a syntax error is located at mathjs\'s character, 0-based, within the source', () => {
    expect(problemOf(')')).toStrictEqual({ code: 'syntax', message: 'Value expected', offset: 0, length: 1 });
    expect(problemOf('1 ? 2')).toStrictEqual({ code: 'syntax', message: 'False part of conditional expression expected', offset: 5, length: 1 });
    expect(problemOf('fit * (')).toMatchObject({ offset: 7, message: 'Unexpected end of expression' });
  });
});

describe('compileFormula: evaluation errors', () => {
  it('names the missing variable', () => {
    const r = compileFormula('a * 2', VARS);
    expect(() => r.ok && r.formula.evaluate({})).toThrow('formula variable "a" is missing from the scope');
  });
  it('a variable that is not a number is missing too', () => {
    const r = compileFormula('a', VARS);
    expect(() => r.ok && r.formula.evaluate({ a: '1' as unknown as number })).toThrow('formula variable "a" is missing from the scope');
  });
  it('never throws at compile time, even when a constant part has no value', () => {
    expect(compileFormula('0 / 0 + a', VARS).ok).toBe(true);
    expect(() => value('0 / 0 + a')).toThrow(NonFiniteFormulaError);
    expect(compileFormula('1 + a', VARS).ok).toBe(true);
  });
});
