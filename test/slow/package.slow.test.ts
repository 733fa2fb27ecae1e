/**
 * paradip as a user outside this repository gets it: `npm pack`, then a fresh project that installs the tarball
 * (and vitest, typescript and fast-check, as a user writing property tests would) and there runs a vitest
 * property test importing `paradip/testing`, a plain-Node script importing `paradip`, `tsc` over a typed
 * consumer (and a mistyped one, which must fail), and `npx paradip`. Needs the npm registry for the
 * dependencies (npm's cache makes it quick on a machine that ran `npm ci`); slow: `npm run test:slow`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/cli/prepare-run.ts';
import { continueRun } from '../../src/testing/simulate.ts';
import { EVENT_KINDS } from '../../src/engine/events.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string>; dependencies: Record<string, string> };
let dir = '';
let app = '';
let tarball = '';

function sh(cmd: string, args: string[], cwd = app): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NODE_OPTIONS: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-pack-'));
  // npm pack runs `prepare` (the build: bundles and declarations) and packs what `files` lists.
  const out = execFileSync('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'paradip-consumer', private: true, type: 'module' }, null, 2));
  const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `vitest@${pkg.devDependencies['vitest']}`, `typescript@${pkg.devDependencies['typescript']}`, `fast-check@${pkg.dependencies['fast-check']}`, `@types/node@${pkg.devDependencies['@types/node']}`]);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package, installed in a fresh project', () => {
  it('ships dist (JS and declarations for both entry points), bin and the scenarios, not the sources', () => {
    const installed = join(app, 'node_modules', 'paradip');
    const files = (readdirSync(installed, { recursive: true }) as string[]).map(String);
    for (const f of ['bin/paradip.js', 'dist/paradip.js', 'dist/index.js', 'dist/testing.js', 'dist/pool-worker.js', 'dist/types/index.d.ts', 'dist/types/testing/index.d.ts', 'scenarios/acid-rain-1980s.yaml', 'scenarios/rule-sets/US.yaml']) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
  });

  it('npx paradip --version, and a run from the installed package', () => {
    const v = sh('npx', ['--no-install', 'paradip', '--version']);
    expect(v.stderr).toBe('');
    expect(v.stdout.trim()).toBe(pkg.version);
    const run = sh('npx', ['--no-install', 'paradip', 'run', 'node_modules/paradip/scenarios/acid-rain-1980s.yaml', '--seed', '1', '--out', 'run-1', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = readFileSync(join(app, 'run-1', 'events.jsonl'), 'utf8').trim().split('\n');
    const r = prepareRun({ scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: ROOT });
    if (!r.ok) throw new Error('the repository scenario does not load');
    expect(lines).toHaveLength(continueRun(r.prepared.run).events.length);
  });

  it('a plain-Node script importing paradip runs a shipped scenario', () => {
    writeFileSync(
      join(app, 'script.mjs'),
      `import { prepareRun, runTicks, runIdOf, version, EVENT_KINDS } from 'paradip';
const r = prepareRun({ scenario: 'node_modules/paradip/scenarios/acid-rain-1980s.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: process.cwd() });
if (!r.ok) { console.error(r.problems); process.exit(1); }
let events = 0;
for (const t of runTicks(r.prepared.run, r.prepared.last)) events += t.events.length;
console.log(JSON.stringify({ version: version(), events, runId: runIdOf(r.prepared.run), kinds: EVENT_KINDS.length }));
`,
    );
    const r = sh(process.execPath, ['script.mjs']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { version: string; events: number; runId: string; kinds: number };
    const run1 = JSON.parse(readFileSync(join(app, 'run-1', 'run.json'), 'utf8')) as { runId: string };
    const lines = readFileSync(join(app, 'run-1', 'events.jsonl'), 'utf8').trim().split('\n');
    expect(got.version).toBe(pkg.version);
    expect(got.events).toBe(lines.length);
    expect(got.runId).toBe(run1.runId);
    // The package exports the event kinds the sources define (26 since issue 12's rules.changed, central.succeeded, action.framed).
    expect(got.kinds).toBe(EVENT_KINDS.length);
    expect(got.kinds).toBeGreaterThan(20);
  });

  it('a vitest property test importing paradip/testing passes, and fails when its law is broken', () => {
    mkdirSync(join(app, 'test'), { recursive: true });
    const law = (broken: boolean): string => `import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkInvariants, runArbitrary, shippedScenarios, simulate } from 'paradip/testing';

test('generated runs keep the invariants', () => {
  fc.assert(fc.property(runArbitrary({ maxSubnationals: 4 }), (g) => {
    const { run, events } = simulate(g.scenario, g.ruleSets, g.seed);
    expect(checkInvariants(run.model, run.world)).toEqual([]);
    expect(events.length)${broken ? '.toBeLessThan(0)' : '.toBeGreaterThanOrEqual(0)'};
  }), { numRuns: 5, seed: 1 });
});

test('the shipped scenarios load', () => {
  const names = shippedScenarios().map((s) => s.name);
  expect(names).toContain('acid-rain-1980s');
  expect(names).toContain('constitutional-comparison --variant austria');
});
`;
    writeFileSync(join(app, 'test', 'law.test.ts'), law(false));
    const ok = sh('npx', ['--no-install', 'vitest', 'run', '--reporter=verbose']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/2 passed/);
    writeFileSync(join(app, 'test', 'law.test.ts'), law(true));
    const bad = sh('npx', ['--no-install', 'vitest', 'run']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/Property failed/);
  });

  it('tsc checks a typed consumer, and rejects a mistyped one', () => {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: ['node'] }, include: ['typed.ts'] }));
    const typed = `import { prepareRun, runTicks, type PrepareResult, type SimEvent, type Scenario } from 'paradip';
import { runArbitrary, simulate, type GeneratedScenario, type Simulated } from 'paradip/testing';
import fc from 'fast-check';
const r: PrepareResult = prepareRun({ scenario: 'x.yaml', seed: 1, variant: null, sets: [], until: null, from: null, cwd: '.' });
if (r.ok) for (const t of runTicks(r.prepared.run, r.prepared.last)) { const e: SimEvent[] = t.events; void e; }
const [g]: (GeneratedScenario & { seed: number })[] = fc.sample(runArbitrary({ maxSubnationals: 3 }), 1);
const s: Scenario = g!.scenario;
const out: Simulated = simulate(s, g!.ruleSets, g!.seed);
const n: number = out.events.length;
void n;
`;
    writeFileSync(join(app, 'typed.ts'), typed);
    const ok = sh('npx', ['--no-install', 'tsc', '-p', '.']);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    // The declarations carry real types, not any: a wrong use is an error.
    writeFileSync(join(app, 'typed.ts'), `${typed}const wrong: string = out.events.length;\nvoid wrong;\n`);
    const bad = sh('npx', ['--no-install', 'tsc', '-p', '.']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/typed\.ts\(\d+,\d+\): error TS2322/);
  });
});
