/**
 * Untrusted input never crashes, hangs or loses data (issue 8): fast-check mutates the shipped scenarios
 * (deleted keys, wrong types, extreme numbers, duplicate ids, dangling references, bad dates, nesting, huge
 * durations, prototype keys, formulas giving NaN, broken lines) and drives the command line with each file:
 *
 *  - `validate` and `run` exit 0 or 2, never 70, never a stack trace;
 *  - exit 2 comes with a positioned message (file:line:column) first;
 *  - `validate` ok implies `run` starts: it exits 0, or 2 only for what validate cannot know (a formula that
 *    gives NaN or Infinity on some tick), and says so at the formula;
 *  - each case takes bounded time, and memory stays bounded.
 *
 * The cases run in-process (src/cli/main.ts with fake streams) to stay within npm test's budget; a sample goes
 * through the real binary under a heap limit and a timeout, and must exit as the in-process run did.
 * `npm run fuzz` runs 10,000 cases (FUZZ_RUNS) and prints the figures (FUZZ_SEED picks another sequence).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { parseDate } from '../src/model/calendar.ts';
import { FORMULA_NAMES } from '../src/rules/catalog.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/paradip.js');
const SEEDS = ['scenarios/acid-rain-1980s.yaml', 'test/fixtures/mini.yaml', 'scenarios/constitutional-comparison.yaml'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_801);
/** One case in this many also runs through the real binary. */
const BINARY_EVERY = RUNS > 1000 ? 100 : 24;
/** Bounds: a case far beyond these is a hang or a leak, not a slow machine. */
const CASE_SECONDS = 30;
const HEAP_MB = 512;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'paradip-fuzz-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Path = (string | number)[];
type Op = 'delete' | 'type' | 'number' | 'dup' | 'dangle' | 'date' | 'nest' | 'duration' | 'proto' | 'formula' | 'calendar' | 'line';
const OPS: Op[] = ['delete', 'type', 'number', 'dup', 'dangle', 'date', 'nest', 'duration', 'proto', 'formula', 'calendar', 'line'];
interface Mutation {
  op: Op;
  /** Which node, as a fraction of the candidates. */
  at: number;
  /** Which value. */
  v: number;
}

const WRONG: unknown[] = ['x', 42, true, null, [], {}, [1, 2], { a: 1 }, '', -1];
const NUMBERS = [1e308, -1e308, 1e-320, 0, -0, -1, 2 ** 53 + 2, 1e21, 0.5, 123456789, 1.7976931348623157e308];
const DATES = ['0000-01', '0001-01', '0099-06-15', '9999-12', '9999-12-31', '2000-02-30', '1999-13', '1900-01', '2100-01-01', '1977-01-01', '10000-01', '2000-1-1'];
const DURATIONS: [Path, unknown][] = [
  [['behaviour', 'parameters', 'approvalTimeout'], 1e20],
  [['behaviour', 'parameters', 'approvalTimeout'], 120_001],
  [['behaviour', 'parameters', 'approvalTimeout'], 120_000],
  [['behaviour', 'parameters', 'consultMonths'], 1e20],
  [['behaviour', 'parameters', 'consultMonths'], 0.5],
  [['behaviour', 'parameters', 'partnersPerTick'], 1e9],
  [['behaviour', 'parameters', 'deliberationRate'], 1e9],
  [['behaviour', 'parameters', 'positionStep'], 0],
  [['behaviour', 'instruments', 'mou'], { cost: 0.1, term: 12_000, review: 1 }],
  [['behaviour', 'instruments', 'office'], { cost: 0.1, review: 12_001 }],
  [['behaviour', 'parameters', 'approvalTimeout'], '99999999999999999999 days'],
];
const KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
const FORMULAS = ['0/0', 'log(noise)', '1 / (noise - noise)', '10 ^ 400', 'sqrt(-1) + total', 'pow(10, 400) - pow(10, 400)', 'total', 'cost.constructor', 'x = 1', 'exp(exp(exp(10)))', 'log(0)', 'step(noise) / 0', '"a"', 'f(x)'];
const LINES = ['  - [', 'key: : value', '\t- tab', '"unclosed', '? complex', '&a x: *a', '*undefined', '--- ', 'a: !!binary x', '%YAML 1.1', '  ]]]', '{'];

/** Every node path of the document, with the node. */
function paths(doc: Document): { path: Path; node: unknown }[] {
  const out: { path: Path; node: unknown }[] = [];
  const walk = (node: unknown, path: Path): void => {
    out.push({ path, node });
    if (isMap(node)) for (const p of node.items) walk(p.value, [...path, isScalar(p.key) ? String(p.key.value) : String(p.key)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.min(items.length - 1, Math.floor(at * items.length))];
}

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

/** Applies one mutation; returns the text (line mutations work on text, the others on the document). */
function mutate(text: string, m: Mutation): string {
  if (m.op === 'line') {
    const lines = text.split('\n');
    const i = Math.floor(m.at * lines.length);
    lines[i] = LINES[m.v % LINES.length]!;
    return lines.join('\n');
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return text;
  const all = paths(doc).filter((p) => p.path.length > 0);
  const scalars = all.filter((p) => isScalar(p.node));
  const set = (path: Path, value: unknown): void => {
    try {
      doc.setIn(path, doc.createNode(value));
    } catch {
      // A path through a scalar: leave the document as it is.
    }
  };
  switch (m.op) {
    case 'delete': {
      const p = pick(all, m.at);
      if (p) doc.deleteIn(p.path);
      break;
    }
    case 'type': {
      const p = pick(all, m.at);
      if (p) set(p.path, WRONG[m.v % WRONG.length]);
      break;
    }
    case 'number': {
      const p = pick(scalars.filter((s) => typeof (s.node as { value: unknown }).value === 'number'), m.at) ?? pick(scalars, m.at);
      if (p) set(p.path, NUMBERS[m.v % NUMBERS.length]);
      break;
    }
    case 'dup': {
      // A list of records gets a copy of one of its items: a duplicate id.
      const p = pick(all.filter((s) => isSeq(s.node) && s.node.items.length > 0), m.at);
      if (p && isSeq(p.node)) p.node.items.push((p.node.items[m.v % p.node.items.length] as Node).clone());
      break;
    }
    case 'dangle': {
      const p = pick(scalars.filter((s) => typeof (s.node as { value: unknown }).value === 'string'), m.at);
      if (p) set(p.path, ['NO-SUCH-ID', 'A', 'US', 'acid-rain', 'senate', 'x y', ''][m.v % 7]);
      break;
    }
    case 'date': {
      const dates = scalars.filter((s) => /^\d{4}-\d{2}/.test(String((s.node as { value: unknown }).value)));
      const p = pick(dates, m.at);
      if (p) set(p.path, DATES[m.v % DATES.length]);
      break;
    }
    case 'nest': {
      const p = pick(all, m.at);
      if (p) set(p.path, nested([3, 20, 40, 70, 300][m.v % 5]!));
      break;
    }
    case 'duration': {
      const [path, value] = DURATIONS[m.v % DURATIONS.length]!;
      set(path, value);
      break;
    }
    case 'proto': {
      const p = pick(all.filter((s) => isMap(s.node)), m.at);
      if (p && isMap(p.node)) p.node.items.push(doc.createPair(KEYS[m.v % KEYS.length]!, m.v % 2 ? 1 : { polluted: true }));
      break;
    }
    case 'formula': {
      const name = FORMULA_NAMES[Math.floor(m.at * FORMULA_NAMES.length)] ?? 'utility';
      set(['behaviour', 'formulas', name], FORMULAS[m.v % FORMULAS.length]);
      break;
    }
    case 'calendar': {
      const edits: [Path, unknown][] = [
        [['calendar', 'tick'], 'day'],
        [['calendar', 'tick'], 'year'],
        [['calendar', 'end'], '9999-12-31'],
        [['calendar', 'end'], '9999-12'],
        [['calendar', 'start'], '0001-01'],
        [['calendar', 'start'], '0050-06-15'],
        [['calendar', 'tick'], 'fortnight'],
        [['calendar', 'end'], '1900-01'],
      ];
      const [path, value] = edits[m.v % edits.length]!;
      set(path, value);
      break;
    }
  }
  try {
    return doc.toString({ lineWidth: 0 });
  } catch {
    return text;
  }
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  at: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000),
  v: fc.nat({ max: 1000 }),
});
const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  /** Which variant `run` applies when validate is ok (0: none), modulo the variants declared. */
  variant: fc.nat({ max: 6 }),
});

/** The variant ids of a text, if it parses. */
function variantsOf(text: string): string[] {
  try {
    const data = parseDocument(text).toJS({ maxAliasCount: 100 }) as { variants?: { id?: unknown }[] } | null;
    return (Array.isArray(data?.variants) ? data.variants : []).map((v) => v?.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

interface Result {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[]): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main({ argv, stdout, stderr, stdin: new PassThrough(), env: { CI: 'true' }, cwd: dir });
  return { code, out, err };
}

/** The real binary, under a heap limit and a timeout. */
function binary(argv: string[]): Result & { signal: string | null; ms: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: CASE_SECONDS * 1000, killSignal: 'SIGKILL' });
  return { code: r.status ?? -1, signal: r.signal, out: r.stdout ?? '', err: r.stderr ?? '', ms: Date.now() - t };
}

/** Two years after the calendar's start (each case stays short), or a date for a calendar that does not parse. */
function untilOf(text: string): string {
  const m = /start: ['"]?(\d{4}-\d{2}(?:-\d{2})?)/.exec(text);
  const start = m ? parseDate(m[1]!) : null;
  if (start === null) return '2000-01';
  return `${String(Math.min(9999, Number(start.slice(0, 4)) + 2)).padStart(4, '0')}${start.slice(4, 7)}`;
}

/** What every exit must look like: 0 or 2, no stack trace, and 2 with a positioned first message. */
function expectClean(r: Result, file: string, what: string): void {
  expect([0, 2], `${what} exit code; stderr:\n${r.err}`).toContain(r.code);
  expect(r.err, what).not.toMatch(/\n\s+at |internal error/);
  if (r.code === 2) expect(r.err.split('\n')[0], what).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
}

interface Figures {
  cases: number;
  validate: Record<number, number>;
  run: Record<number, number>;
  runtimeFormula: number;
  binary: number;
  slowest: { ms: number; mutations: string };
  peakHeapMb: number;
}

describe('fuzz: mutated scenarios through the command line', () => {
  it(`${RUNS} cases: exit 0 or 2 with a position, validate ok implies run starts, bounded time and memory`, async () => {
    const figures: Figures = { cases: 0, validate: {}, run: {}, runtimeFormula: 0, binary: 0, slowest: { ms: 0, mutations: '' }, peakHeapMb: 0 };
    const file = 'case.yaml';
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ seed, mutations, variant }) => {
        let text = SEEDS[seed]!;
        for (const m of mutations) text = mutate(text, m);
        writeFileSync(join(dir, file), text);
        writeFileSync(join(dir, 'last-case.json'), JSON.stringify({ seed, mutations, variant }));
        const started = Date.now();
        const v = await cli(['validate', file]);
        expectClean(v, file, 'validate');
        figures.validate[v.code] = (figures.validate[v.code] ?? 0) + 1;
        const until = untilOf(text);
        let r: Result | null = null;
        // validate checks every variant, so run may apply any of them.
        const variants = v.code === 0 ? variantsOf(text) : [];
        const chosen = variant === 0 || variants.length === 0 ? [] : ['--variant', variants[variant % variants.length]!];
        if (v.code === 0) {
          r = await cli(['run', file, '--seed', '1', '--until', until, '--quiet', ...chosen]);
          expectClean(r, file, 'run after validate ok');
          figures.run[r.code] = (figures.run[r.code] ?? 0) + 1;
          // What validate cannot know: a formula that gives NaN or Infinity on some tick, shown at the formula.
          if (r.code === 2) {
            expect(r.err, 'run failed after validate said ok').toMatch(/gave (-?Infinity|NaN) for .* on \d{4}-\d{2}-\d{2} \(tick \d+\)/);
            figures.runtimeFormula++;
          }
        }
        const ms = Date.now() - started;
        if (ms > figures.slowest.ms) figures.slowest = { ms, mutations: `seed ${seed}: ${JSON.stringify(mutations)}` };
        expect(ms, 'seconds for one case').toBeLessThan(CASE_SECONDS * 1000);
        figures.peakHeapMb = Math.max(figures.peakHeapMb, process.memoryUsage().heapUsed / 2 ** 20);
        expect(figures.peakHeapMb, 'heap MB').toBeLessThan(1500);
        figures.cases++;
        if (figures.cases % BINARY_EVERY === 0) {
          // The real binary under a heap limit gives the same exits, in bounded time.
          figures.binary++;
          const bv = binary(['validate', file]);
          expect(bv.signal, 'binary validate killed (timeout or out of memory)').toBeNull();
          expect(bv.code).toBe(v.code);
          expectClean(bv, file, 'binary validate');
          if (r) {
            const br = binary(['run', file, '--seed', '1', '--until', until, '--quiet', ...chosen]);
            expect(br.signal, 'binary run killed (timeout or out of memory)').toBeNull();
            expect(br.code).toBe(r.code);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: RUNS > 1000 },
    );
    const { maxRSS } = process.resourceUsage();
    console.log(
      `fuzz: ${figures.cases} cases (seed ${SEED}); validate exits ${JSON.stringify(figures.validate)}; run exits ${JSON.stringify(figures.run)} ` +
        `(${figures.runtimeFormula} a formula giving NaN/Infinity while running); ${figures.binary} through the binary; ` +
        `slowest case ${figures.slowest.ms} ms (${figures.slowest.mutations}); peak heap ${figures.peakHeapMb.toFixed(0)} MB, peak RSS ${(maxRSS / 1024).toFixed(0)} MB`,
    );
    expect(figures.cases).toBe(RUNS);
  }, Math.max(120_000, RUNS * 3_000));
});
