/**
 * Untrusted input never crashes, hangs or loses data (issue 8, items 1-6, 12 and 13), through the real binary:
 * duplicate ids, prototype names in rule-set conditions, dates and calendars at the edges of the representable
 * range, deeply nested or huge YAML, special files and symbolic links, formulas giving NaN, and the number and
 * form of the messages. Each case exits 0 or 2 (never 70, never a stack trace) within a timeout, under a heap
 * limit, and an exit 2 comes with file:line:column.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/paradip.js');
const MINI = readFileSync(join(ROOT, 'test/fixtures/mini.yaml'), 'utf8');
const ACID = readFileSync(join(ROOT, 'scenarios/acid-rain-1980s.yaml'), 'utf8');
const OPEN = readFileSync(join(ROOT, 'scenarios/rule-sets/OPEN.yaml'), 'utf8');
let dir = '';

type Result = { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number };

/** The binary under a heap limit and a timeout: a hang or a memory blow-up fails the test instead of the machine. */
function paradip(args: string[], options: { heapMb?: number; timeout?: number } = {}): Result {
  const t = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb ?? 256}`, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: options.timeout ?? 30_000,
    // SIGKILL: a process blocked opening a FIFO never runs its SIGTERM handler.
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t };
}

/** Exit 0 or 2 and the message standards: no stack trace, no internal error. */
function clean(r: Result): void {
  expect(r.signal, `killed: ${r.stderr}`).toBeNull();
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect([0, 2], r.stderr).toContain(r.code);
}

/** Writes `text` as `name`; returns the name and a function giving the 1-based line of a snippet in it. */
function write(name: string, text: string): { file: string; lineOf: (snippet: string, from?: number) => number } {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
  return { file: name, lineOf: (snippet, from = 0) => text.slice(0, text.indexOf(snippet, from)).split('\n').length };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-limits-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('item 1: every list of records rejects a duplicate id, at the second occurrence, naming the first', () => {
  it('a duplicate chamber id: validate says so and run exits 2 (it crashed reading "position")', () => {
    const text = ACID.replace('        - id: house', '        - id: senate');
    const { file, lineOf } = write('dup-chamber.yaml', text);
    const second = lineOf('        - id: senate', text.indexOf('        - id: senate') + 1);
    const v = paradip(['validate', file]);
    clean(v);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(new RegExp(`^error: ${escape(file)}:${second}:\\d+: id "senate" is already used by centrals\\.0\\.legislature\\.chambers\\.0 \\(${escape(file)}:${lineOf('        - id: senate')}:\\d+\\)`));
    const r = paradip(['run', file, '--seed', '1', '--until', '1978-01', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
  });

  // Each edit duplicates one record of one list in the mini scenario (or acid rain for nested lists).
  const cases: [string, string, (t: string) => string, RegExp][] = [
    ['centrals', MINI, (t) => t.replace('  - id: B\n    name: Country B', '  - id: A\n    name: Country B'), /id "A" is already used by centrals\.0/],
    ['subnationals', MINI, (t) => t.replace('  - id: B-1\n', '  - id: A-1\n'), /id "A-1" is already used by subnationals\.0/],
    ['a subnational and a central', MINI, (t) => t.replace('  - id: B-1\n', '  - id: B\n'), /id "B" is already used by centrals\.1/],
    ['networks', MINI, (t) => `${t}networks:\n  - { id: N, name: One }\n  - { id: N, name: Two }\n`, /id "N" is already used by networks\.0/],
    ['issues', ACID, (t) => t.replace(/^issues:\n/m, 'issues:\n  - { id: acid-rain, name: Twice, domain: environment }\n'), /id "acid-rain" is already used by issues\.0/],
    ['gatekeepers', ACID, (t) => t.replace('            - id: energy-commerce', '            - id: energy-commerce\n              name: Twin\n            - id: energy-commerce'), /id "energy-commerce" is already used by centrals\.0\.legislature\.chambers\.1\.gatekeepers\.0/],
    ['timeline ids', MINI, (t) => t.replace('timeline:\n', 'timeline:\n  - { id: change, date: 2000-06, set: { centrals.B.executive.leader: X } }\n'), /id "change" is already used by timeline\.0/],
    ['indicators (duplicate CSV columns)', MINI, (t) => `${t}indicators:\n  - { id: n, count: {} }\n  - { id: n, count: {} }\n`, /id "n" is already used by indicators\.0/],
    ['an indicator named like a built-in column', MINI, (t) => `${t}indicators:\n  - { id: laws, count: {} }\n`, /id "laws" is the name of a built-in indicator/],
    ['targets', MINI, (t) => `${t}targets:\n  - { id: t, measure: { count: { kind: instrument.signed } }, expect: { atLeast: 0 } }\n  - { id: t, measure: { count: { kind: instrument.signed } }, expect: { atLeast: 1 } }\n`, /id "t" is already used by targets\.0/],
    ['variants', MINI, (t) => `${t}  - { id: strict, set: { behaviour.parameters.actThreshold: 0.7 } }\n`, /id "strict" is already used by variants\.0/],
  ];
  it('centrals, subnationals, networks, issues, chambers, gatekeepers, timeline, indicators, targets, variants', () => {
    const files = cases.map(([name, base, edit]) => write(`dup-${name.replace(/\W+/g, '-')}.yaml`, edit(base)).file);
    // One validate for all the files: each is reported under its own name.
    const v = paradip(['validate', ...files]);
    clean(v);
    expect(v.code).toBe(2);
    cases.forEach(([, , , message], i) => {
      const lines = v.stderr.split('\n').filter((l) => l.startsWith(`error: ${files[i]}:`));
      expect(lines.join('\n'), files[i]).toMatch(new RegExp(`^error: ${escape(files[i]!)}:\\d+:\\d+: ${message.source}`));
    });
  });

  it('rule ids within a rule set, and two rule-set files of one folder with the same id', () => {
    const rs = OPEN.replace(/^id: OPEN/m, 'id: OPEN2').replace(/^country: OPEN/m, 'country: OPEN2');
    const rules = rs.replace('rules:\n', 'rules:\n  - { id: open-all, effect: forbid, instruments: [visit], citation: "twice" }\n');
    write('dup-rules/rule-sets/a.yaml', rules);
    write('dup-rules/mini.yaml', MINI);
    let v = paradip(['validate', 'dup-rules/mini.yaml']);
    clean(v);
    expect(v.stderr).toMatch(/a\.yaml:\d+:\d+: duplicate rule id "open-all" \(already the id of rules\.0\)/);
    write('dup-files/rule-sets/a.yaml', rs);
    write('dup-files/rule-sets/b.yaml', rs);
    write('dup-files/mini.yaml', MINI);
    v = paradip(['validate', 'dup-files/mini.yaml']);
    clean(v);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/b\.yaml:\d+:\d+: rule set id "OPEN2" is already used by .*a\.yaml/);
  });
});

describe('item 2: a rule-set condition names one of its own options, never a property of every object', () => {
  it('when: { option: __proto__ | hasOwnProperty | toString | nosuch } is a positioned error, not a crash of validate', () => {
    const files: string[] = [];
    const lines: number[] = [];
    for (const option of ['__proto__', 'hasOwnProperty', 'toString', 'nosuch']) {
      const rs = OPEN.replace(/^id: OPEN/m, 'id: OPEN2')
        .replace(/^country: OPEN/m, 'country: OPEN2')
        .replace('    citation: "Control rule set: everything allowed (synthetic, no legal source)"', `    when: { option: ${option}, equals: 1 }\n    citation: "x"`);
      const { lineOf } = write(`when-${option}/rule-sets/OPEN2.yaml`, rs);
      write(`when-${option}/mini.yaml`, MINI);
      // The rule-set file itself, and the scenario beside it (which loads it).
      files.push(`when-${option}/rule-sets/OPEN2.yaml`, `when-${option}/mini.yaml`);
      lines.push(lineOf('when:'));
    }
    const v = paradip(['validate', ...files]);
    clean(v);
    expect(v.code).toBe(2);
    ['__proto__', 'hasOwnProperty', 'toString', 'nosuch'].forEach((option, i) => {
      const message = `when-${escape(option)}/rule-sets/OPEN2\\.yaml:${lines[i]}:\\d+: unknown option "${escape(option)}": the rule set declares no options at rules\\.0\\.when\\.option`;
      // Once for the rule-set file, once for the scenario that loads it.
      expect(v.stderr.match(new RegExp(message, 'g')), option).toHaveLength(2);
    });
  });
});

describe('item 3: dates and calendars within the representable range', () => {
  it('a calendar ending 9999-12-31 runs to --until at once (it looped, then "Invalid time value")', () => {
    const { file } = write('end-9999.yaml', MINI.replace('end: 2002-12', 'end: 9999-12-31'));
    const r = paradip(['run', file, '--seed', '1', '--until', '2000-06', '--quiet']);
    clean(r);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('a timeline date late in 9999 between two ticks is after the end, not an endless search', () => {
    const { file } = write('timeline-9999.yaml', MINI.replace('date: 2001-01', 'date: 9999-12-15'));
    const r = paradip(['run', file, '--seed', '1', '--quiet']);
    clean(r);
    expect(r.code).toBe(0);
  });

  it('at most 1,000,000 ticks; years 0001 to 9999; years 0001-0099 are real dates', () => {
    const long = write('days.yaml', MINI.replace('{ tick: month, start: 2000-01, end: 2002-12 }', '{ tick: day, start: 0001-01, end: 9999-12 }'));
    const zero = write('year0.yaml', MINI.replace('start: 2000-01', 'start: 0000-01'));
    const v = paradip(['validate', long.file, zero.file]);
    clean(v);
    expect(v.stderr).toMatch(new RegExp(`${escape(long.file)}:${long.lineOf('calendar:')}:\\d+: the calendar has 3,652,[0-9]{3} day ticks; at most 1,000,000 at calendar\\.end`));
    expect(v.stderr).toMatch(new RegExp(`${escape(zero.file)}:${zero.lineOf('calendar:')}:\\d+: not a real date at calendar\\.start \\(expected YYYY-MM or YYYY-MM-DD, years 0001 to 9999, found "0000-01"\\)`));
    const early = write('year50.yaml', MINI.replace('{ tick: month, start: 2000-01, end: 2002-12 }', '{ tick: month, start: 0050-01, end: 0052-12 }').replace('date: 2001-01', 'date: 0051-01'));
    const r = paradip(['run', early.file, '--seed', '1', '--out', 'year50', '--quiet']);
    clean(r);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'year50', 'indicators.csv'), 'utf8').split('\n');
    expect(csv[1]).toMatch(/^[0-9a-f]{12},1,0,0050-01-01,/);
    expect(csv[36]).toMatch(/^[0-9a-f]{12},1,35,0052-12-01,/);
  });

  it('durations whose deadline leaves the year 9999 and huge amounts are errors or exact, never a crash', () => {
    const big = write('timeout.yaml', MINI.replace('actThreshold: 0.1,', 'actThreshold: 0.1, approvalTimeout: 99999999999999999999, consultMonths: 1e30,'));
    const v = paradip(['validate', big.file]);
    clean(v);
    expect(v.stderr).toMatch(/approvalTimeout is not a duration in months/);
    expect(v.stderr).toMatch(/consultMonths is not a duration in months/);
    // Ten thousand years from 9999: a deadline in the year 19999, after the end, as it should be.
    const late = write('late.yaml', MINI.replace('{ tick: month, start: 2000-01, end: 2002-12 }', '{ tick: year, start: 9990-01, end: 9999-12 }').replace('date: 2001-01', 'date: 9991-01').replace('actThreshold: 0.1,', 'actThreshold: 0.1, approvalTimeout: 120000,'));
    const r = paradip(['run', late.file, '--seed', '1', '--quiet', '--set', 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=10000 years']);
    clean(r);
    expect(r.code).toBe(0);
  });
});

describe('item 4: validate checks what run checks', () => {
  it('a variant that breaks a timeline path fails validate, as run --variant fails (validate said ok)', () => {
    const text = ACID.replace(/^variants:\n/m, 'variants:\n  - { id: rename, set: { centrals.US.legislature.chambers.senate.id: upper } }\n');
    const { file } = write('variant-timeline.yaml', text);
    const v = paradip(['validate', file]);
    clean(v);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(new RegExp(`^error: ${escape(file)}:\\d+:\\d+: with variant rename: timeline input does not fit the world: no "senate"`));
  });
});

describe('item 4: validate checks what check checks', () => {
  it('a target whose expectation states nothing or cannot hold fails validate, not only check', () => {
    const targets = [
      '  - { id: a, measure: { count: { kind: instrument.signed } }, expect: {} }',
      '  - { id: b, measure: { lag: { from: { kind: x }, to: { kind: y } } }, expect: { between: [2, 1] } }',
      '  - { id: c, measure: { first: { kind: instrument.signed } }, expect: { before: 9999-13 } }',
    ];
    const { file } = write('targets.yaml', `${MINI}targets:\n${targets.join('\n')}\n`);
    const v = paradip(['validate', file]);
    clean(v);
    expect(v.stderr).toMatch(/the expectation states nothing at targets\.0\.expect/);
    expect(v.stderr).toMatch(/between \[2, 1\] is empty at targets\.1\.expect\.between/);
    expect(v.stderr).toMatch(/not a real date "9999-13" at targets\.2\.expect\.before/);
    for (const line of v.stderr.trim().split('\n')) expect(line).toMatch(new RegExp(`^error: ${escape(file)}:\\d+:\\d+: `));
  });
});

describe('item 5: nesting and size of YAML bounded before a document is built', () => {
  it('2.4 million brackets: a positioned message within seconds under a 256 MB heap (was 20-36 s and 2.66 GB)', () => {
    const n = 2_400_000;
    writeFileSync(join(dir, 'brackets.yaml'), `a: ${'['.repeat(n)}${']'.repeat(n)}\n`);
    const v = paradip(['validate', 'brackets.yaml']);
    clean(v);
    expect(v.stderr).toMatch(/^error: brackets\.yaml:1:66: nested more than 64 levels deep/);
    expect(v.ms).toBeLessThan(10_000);
  });

  it('indentation 3,000 levels deep, and "- - - -" on one line', () => {
    let text = '';
    for (let i = 0; i < 3000; i++) text += `${' '.repeat(i)}a:\n`;
    writeFileSync(join(dir, 'indent.yaml'), text);
    writeFileSync(join(dir, 'dashes.yaml'), `${'- '.repeat(100_000)}x\n`);
    const v = paradip(['validate', 'indent.yaml', 'dashes.yaml']);
    clean(v);
    expect(v.stderr).toMatch(/^error: indent\.yaml:\d+:\d+: nested more than 64 levels deep/m);
    expect(v.stderr).toMatch(/^error: dashes\.yaml:1:\d+: nested more than 64 levels deep/m);
  });

  it('2.4 million values in 4.8 MB: refused at the 500,001st within seconds (was 37 s and 3 GB)', () => {
    writeFileSync(join(dir, 'values.yaml'), `a: [${Array(2_400_000).fill('1').join(',')}]\n`);
    const v = paradip(['validate', 'values.yaml']);
    clean(v);
    expect(v.stderr).toMatch(/^error: values\.yaml:1:\d+: more than 500,000 values/);
    expect(v.ms).toBeLessThan(10_000);
  });

  it('brackets inside strings, comments and block scalars do not count', () => {
    const deep = '['.repeat(200);
    const text = MINI.replace('title: Mini scenario', `title: "${deep}"\ndescription: |\n  ${deep}\n# ${deep}`);
    const { file } = write('brackets-in-text.yaml', text);
    const v = paradip(['validate', file]);
    clean(v);
    expect(v.code).toBe(0);
  });
});

describe('the other YAML limits of docs/security.md', () => {
  it('an alias bomb in a scenario, any alias in a rule set, and a duplicate key are positioned errors', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    write('bomb.yaml', bomb);
    const alias = OPEN.replace(/^id: OPEN/m, 'id: OPEN2').replace(/^country: OPEN/m, 'country: OPEN2').replace('sources:\n', 'sources: &s\n').replace('silent: []', 'silent: []\nlegalBasis2: *s');
    const rs = write('alias/rule-sets/OPEN2.yaml', alias);
    write('alias/mini.yaml', MINI);
    const dup = write('dup-key.yaml', MINI.replace('title: Mini scenario', 'title: Mini scenario\ntitle: Again'));
    const v = paradip(['validate', 'bomb.yaml', 'alias/mini.yaml', dup.file], { heapMb: 128 });
    clean(v);
    expect(v.stderr).toMatch(/^error: bomb\.yaml:2:\d+: too many or bad aliases \(at most 100\)/m);
    expect(v.stderr).toMatch(new RegExp(`OPEN2\\.yaml:${rs.lineOf('*s')}:\\d+: aliases are not allowed here`));
    expect(v.stderr).toMatch(new RegExp(`^error: dup-key\\.yaml:${dup.lineOf('title: Again')}:1: Map keys must be unique`, 'm'));
  });

  it('a scenario of 5,000,001 bytes is refused, a rule set of 1,000,001 bytes too', () => {
    write('big.yaml', `${MINI}\n#${'x'.repeat(5_000_000 - MINI.length)}\n`);
    write('big-rs/rule-sets/big.yaml', `${OPEN}\n#${'x'.repeat(1_000_000)}\n`);
    write('big-rs/mini.yaml', MINI);
    const v = paradip(['validate', 'big.yaml', 'big-rs/mini.yaml']);
    clean(v);
    expect(v.stderr).toMatch(/^error: big\.yaml: is larger than 5,000,000 bytes/m);
    expect(v.stderr).toMatch(/big-rs\/rule-sets\/big\.yaml: is larger than 1,000,000 bytes/);
  });
});

describe('item 6: only regular files, bounded, inside the folder; nothing echoed', () => {
  it('a FIFO as the scenario or as a rule set does not hang; /dev/zero is not read', () => {
    mkdirSync(join(dir, 'fifo/rule-sets'), { recursive: true });
    writeFileSync(join(dir, 'fifo/mini.yaml'), MINI);
    spawnSync('mkfifo', [join(dir, 'fifo/scenario.yaml'), join(dir, 'fifo/rule-sets/pipe.yaml')]);
    const v = paradip(['validate', 'fifo/scenario.yaml', 'fifo/mini.yaml', '/dev/zero'], { timeout: 10_000 });
    clean(v);
    expect(v.code).toBe(2);
    for (const file of ['fifo/scenario.yaml', 'fifo/rule-sets/pipe.yaml', '/dev/zero']) expect(v.stderr).toMatch(new RegExp(`${escape(file)}: is not a regular file \\(a device, FIFO or socket\\)`));
    for (const file of ['fifo/scenario.yaml', '/dev/zero']) {
      const r = paradip(['run', file, '--seed', '1'], { timeout: 10_000 });
      clean(r);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(/is not a regular file \(a device, FIFO or socket\)/);
    }
  });

  it('symbolic links in rule-sets/ (to /dev/zero, to /etc/passwd) and a linked folder are refused, and nothing of them is echoed', () => {
    for (const [name, target] of [['zero', '/dev/zero'], ['passwd', '/etc/passwd']] as const) {
      mkdirSync(join(dir, `link-${name}/rule-sets`), { recursive: true });
      writeFileSync(join(dir, `link-${name}/mini.yaml`), MINI);
      symlinkSync(target, join(dir, `link-${name}/rule-sets/${name}.yaml`));
      const r = paradip(['validate', `link-${name}/mini.yaml`], { timeout: 10_000 });
      clean(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is a symbolic link: paradip reads only regular files here/);
      expect(r.stderr).not.toMatch(/root:|\/bin\//);
    }
    mkdirSync(join(dir, 'linked-folder'), { recursive: true });
    writeFileSync(join(dir, 'linked-folder/mini.yaml'), MINI);
    symlinkSync('/etc', join(dir, 'linked-folder/rule-sets'));
    const r = paradip(['validate', 'linked-folder/mini.yaml']);
    clean(r);
    expect(r.stderr).toMatch(/rule-sets: is a symbolic link/);
  });

  it('a copy of /etc/passwd as a rule set or a scenario: named by its type, its contents never echoed', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    write('passwd/rule-sets/p.yaml', passwd);
    write('passwd/mini.yaml', MINI);
    write('passwd.yaml', passwd);
    const r = paradip(['validate', 'passwd/mini.yaml', 'passwd.yaml']);
    clean(r);
    expect(r.stderr).toMatch(/p\.yaml:1:1: not a paradip file: its top level is not a mapping \(expected object, found a string\)/);
    expect(r.stderr).toMatch(/^error: passwd\.yaml:1:1: not a paradip file/m);
    expect(r.stderr).not.toMatch(/root|bash|daemon/);
  });

  it('a 10 GB (sparse) scenario is refused from its size, without reading it', () => {
    writeFileSync(join(dir, 'huge.yaml'), '');
    spawnSync('truncate', ['-s', '10G', join(dir, 'huge.yaml')]);
    const r = paradip(['validate', 'huge.yaml'], { heapMb: 64, timeout: 10_000 });
    clean(r);
    expect(r.stderr).toMatch(/huge\.yaml: is larger than 5,000,000 bytes/);
  });

  it('control characters in keys and values are printed escaped, and excerpts are short', () => {
    const { file } = write('escapes.yaml', MINI.replace('capacity: 1', `"capa\\e[31mcity": 1\n    name2: "${'x'.repeat(5000)}\\e]0;pwned\\a"`));
    const r = paradip(['validate', file]);
    clean(r);
    expect(r.stderr).not.toMatch(/\x1b/);
    expect(r.stderr).toMatch(/\\u001b\[31m/);
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(1100);
  });
});

describe('item 12: a formula giving NaN or Infinity stops the run with exit 2, at the formula', () => {
  it('log(sanctions) is -Infinity on the first tick: named, with the agent, the date and the values read', () => {
    const text = MINI.replace('    utility: "total - cost / capacity + noise"', '    utility: "total - cost / capacity + noise"\n    relation: "log(sanctions)"');
    const { file, lineOf } = write('log0.yaml', text);
    expect(paradip(['validate', file]).code).toBe(0);
    const r = paradip(['run', file, '--seed', '1', '--out', 'log0', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    const column = text.split('\n')[lineOf('relation:') - 1]!.indexOf('"log') + 1;
    expect(r.stderr).toMatch(
      new RegExp(`^error: ${escape(file)}:${lineOf('relation:')}:${column}: formula relation gave -Infinity for subnational A-1 on 2000-01-01 \\(tick 0\\): .* \\(expected a finite number, found -Infinity from log\\(sanctions\\) with sanctions = 0\\)`),
    );
    expect(existsSync(join(dir, 'log0'))).toBe(false);
  });

  it('a formula that is always NaN is refused by validate', () => {
    const { file } = write('always-nan.yaml', MINI.replace('"total - cost / capacity + noise"', '"0/0"'));
    const v = paradip(['validate', file]);
    clean(v);
    expect(v.stderr).toMatch(/formula utility: the formula always gives NaN; it must give a finite number/);
  });

  it('an overflow in a default formula (capacity 1e-320) is shown at the formulas of the file', () => {
    const { file } = write('tiny-capacity.yaml', MINI.replace('capacity: 1', 'capacity: 1e-320'));
    const r = paradip(['run', file, '--seed', '1', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/formula utility gave -Infinity for subnational A-1 .* with capacity = 1e-320/);
  });
});

describe('item 13: many problems are capped', () => {
  it('the first 20 problems, then a count', () => {
    const units = Array.from({ length: 60 }, (_, i) => `  - { id: U${i}, name: U, kind: land, central: NOPE }`).join('\n');
    const { file } = write('many.yaml', MINI.replace('subnationals:\n', `subnationals:\n${units}\n`));
    const v = paradip(['validate', file]);
    clean(v);
    const lines = v.stderr.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/^error: \.\.\. and \d+ more problems/);
  });
});
