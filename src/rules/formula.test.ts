import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { compileFormula, FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH, type FormulaProblem } from './formula.ts';

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
    expect(value('min(1, NaN)')).toBeNaN();
    expect(value('exp(0) + log(e) + log(8, 2) + sqrt(16) + pow(2, 10)')).toBe(1 + 1 + 3 + 4 + 1024);
    expect(value('floor(-1.5) + ceil(1.2) + round(2.5) + round(-2.5) + round(1.4)')).toBe(-2 + 2 + 3 - 3 + 1);
    expect(value('tanh(0) + clamp(5, 0, 1) + clamp(-5, 0, 1) + clamp(0.3, 0, 1)')).toBeCloseTo(1.3, 12);
    expect(value('logistic(0) + logistic(1)')).toBeCloseTo(0.5 + 1 / (1 + Math.exp(-1)), 12);
    expect(value('step(0) + step(-0.1) + step(2)')).toBe(2);
    expect(value('sqrt(-1)')).toBeNaN();
    expect(value('1 / 0')).toBe(Infinity);
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
      expect(r.ok).toBe(true);
      const ours = r.ok ? r.formula.evaluate({ a, b, c }) : NaN;
      const theirs = math.evaluate(src, { a, b, c }) as number;
      expect(typeof theirs).toBe('number');
      if (Number.isNaN(theirs)) expect(ours).toBeNaN();
      else if (!Number.isFinite(theirs)) expect(ours).toBe(theirs);
      else expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(theirs)));
    }), { numRuns: 500 });
  });
});
