/**
 * Untrusted input and file-system faults, through the real binary (issue 8): bad checkpoints, unwritable or full
 * outputs, a full or closed stdout, signals and SIGKILL. Each gets a one-paragraph message and a documented exit
 * code (2 bad input, 73 cannot create an output, 74 a write failed, 130 interrupted), never a stack trace or
 * exit 70, never a half-written file under a final name, never a lost complete checkpoint.
 *
 * Tests that mount a tmpfs (a read-only or a tiny file system) need root; they skip, saying why, without it.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/engine/checkpoint-check.ts';
import { createHash } from 'node:crypto';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/paradip.js');
const MINI = join(ROOT, 'test/fixtures/mini.yaml');
const ACID = join(ROOT, 'scenarios/acid-rain-1980s.yaml');
const ENV = { ...process.env, CI: 'true' };
let dir = '';
const mounts: string[] = [];

type Result = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function paradip(args: string[], options: { stdout?: number | 'pipe'; stderr?: number | 'pipe'; shell?: string } = {}): Result {
  const cmd = options.shell ? '/bin/bash' : process.execPath;
  // A run that never ends (a checkpoint at tick -1000000 did) fails the test instead of hanging it.
  const argv = options.shell ? ['-c', `${options.shell}; exec "$@"`, 'paradip', process.execPath, BIN, ...args] : [BIN, ...args];
  const r: SpawnSyncReturns<string> = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', env: ENV, stdio: ['ignore', options.stdout ?? 'pipe', options.stderr ?? 'pipe'], timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The message standards: a paragraph, no stack trace, not the "internal error" of a bug. */
function clean(r: Result): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).not.toBe(70);
}

const files = (d: string): string[] => (existsSync(d) ? readdirSync(d, { recursive: true }).map(String).sort() : []);

/** Mounts a tmpfs (root only); null if this machine cannot. */
function tmpfs(name: string, options: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const at = join(dir, name);
  mkdirSync(at, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  if (r.status !== 0) return null;
  mounts.push(at);
  return at;
}
const ROOT_ONLY = process.getuid?.() !== 0 ? 'needs root (mounts a tmpfs); CI runs as root' : '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-faults-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
  // The uninterrupted reference run the resumed ones are compared with, byte for byte.
  const r = paradip(['run', ACID, '--seed', '2', '--out', 'reference', '--checkpoint-every', '12', '--quiet']);
  if (r.code !== 0) throw new Error(`reference run failed: ${r.stderr}`);
});

afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});

/** Every file of the reference run, byte-identical in `other`. */
function expectSameAsReference(other: string): void {
  const want = files(join(dir, 'reference'));
  expect(files(join(dir, other))).toEqual(want);
  for (const f of want) {
    if (f === 'checkpoints') continue;
    expect(readFileSync(join(dir, other, f)).equals(readFileSync(join(dir, 'reference', f))), f).toBe(true);
  }
}

describe('--out that cannot be written: exit 73 (2 when empty), a message, nothing written', () => {
  it('an empty --out is a usage error', () => {
    const r = paradip(['run', MINI, '--seed', '1', '--out', '', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out is empty/);
  });

  it.each([
    ['a file', () => MINI, /a file of that name exists/],
    ['a path under a file', () => join(MINI, 'run'), /a part of its path is a file/],
    ['/dev/null', () => '/dev/null', /exists and is not a directory/],
  ])('--out %s', (_name, out, message) => {
    const before = files(dir);
    const r = paradip(['run', MINI, '--seed', '1', '--out', out(), '--quiet']);
    clean(r);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/^error: cannot create the run directory /);
    expect(r.stderr).toMatch(message);
    expect(files(dir)).toEqual(before);
  });

  it.skipIf(ROOT_ONLY)('a read-only file system, as --out itself or as its parent', () => {
    const ro = tmpfs('ro', 'ro,size=64k');
    if (ro === null) return void console.warn('skipped: cannot mount a tmpfs here');
    for (const out of [ro, join(ro, 'run')]) {
      const r = paradip(['run', MINI, '--seed', '1', '--out', out, '--quiet']);
      clean(r);
      expect(r.code).toBe(73);
      expect(r.stderr).toMatch(/read-only file system \(EROFS\)/);
      expect(readdirSync(ro)).toEqual([]);
    }
  });
});

describe('a full disk or a file size limit: exit 74, every complete checkpoint kept, --resume completes the run', () => {
  it.skipIf(ROOT_ONLY)('ENOSPC on a 128 KiB tmpfs, then --resume elsewhere gives the uninterrupted files', () => {
    const small = tmpfs('small', 'size=128k');
    if (small === null) return void console.warn('skipped: cannot mount a tmpfs here');
    const r = paradip(['run', ACID, '--seed', '2', '--out', join(small, 'run'), '--checkpoint-every', '12', '--quiet']);
    clean(r);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/no space left on device \(ENOSPC\)/);
    expect(r.stderr).toMatch(/paradip run --resume /);
    const kept = readdirSync(join(small, 'run', 'checkpoints'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((f) => /^\d+\.json$/.test(f))).toBe(true);
    // No final name holds a half-written file.
    expect(readdirSync(join(small, 'run')).filter((f) => !f.endsWith('.partial'))).toEqual(['checkpoints']);
    cpSync(join(small, 'run'), join(dir, 'enospc'), { recursive: true });
    const resumed = paradip(['run', '--resume', 'enospc', '--quiet']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expectSameAsReference('enospc');
  });

  it('EFBIG under ulimit -f: exit 74, the complete checkpoints kept', () => {
    // 56 KiB per file: the first checkpoints (about 52 KB, the scenario included) fit; a later file (the
    // events, or a checkpoint of 58-61 KB) does not.
    const r = paradip(['run', ACID, '--seed', '2', '--out', 'efbig', '--checkpoint-every', '12', '--quiet'], { shell: 'ulimit -f 56' });
    clean(r);
    expect(r.signal).toBe(null);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/file too large .*\(EFBIG\)/);
    const kept = readdirSync(join(dir, 'efbig', 'checkpoints'));
    expect(kept.length).toBeGreaterThan(0);
    for (const f of kept) expect(readFileSync(join(dir, 'efbig', 'checkpoints', f))).toEqual(readFileSync(join(dir, 'reference', 'checkpoints', f)));
  });
});

describe('standard output and error that fail', () => {
  it('a full stdout (> /dev/full): exit 74, one line on stderr, no stack trace; files under --out complete', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = paradip(['run', MINI, '--seed', '1', '--out', 'devfull'], { stdout: full });
      clean(r);
      expect(r.code).toBe(74);
      expect(r.stderr).toMatch(/^error: cannot write to standard output: no space left on device \(ENOSPC\)\./);
      expect(files(join(dir, 'devfull'))).toEqual(['events.csv', 'events.jsonl', 'indicators.csv', 'run.json']);
    } finally {
      closeSync(full);
    }
  });

  it('a full stderr does not crash a bad-input exit', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = paradip(['run', MINI, '--seed', 'x'], { stderr: full });
      expect(r.code).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('a reader that closes the pipe (| head): exit 0, and the run still completes its files', async () => {
    const child = spawn(process.execPath, [BIN, 'run', MINI, '--seed', '1', '--out', 'epipe'], { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((r) => child.on('exit', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(files(join(dir, 'epipe'))).toEqual(['events.csv', 'events.jsonl', 'indicators.csv', 'run.json']);
  });
});

describe('signals', () => {
  /**
   * Reports on fd 3 when the process first listens for `signal`: the first moment that signal can be anything
   * but fatal (Node's own startup handler restores the terminal and re-raises it).
   */
  const probe = (signal: string): string => `data:text/javascript,${encodeURIComponent(`
    import { writeSync } from 'node:fs';
    const on = process.on.bind(process);
    let told = false;
    process.on = (event, listener) => {
      const r = on(event, listener);
      if (event === '${signal}' && !told) { told = true; writeSync(3, 'listening\\n'); }
      return r;
    };`)}`;

  it.each(['SIGINT', 'SIGTERM'] as const)('%s at the first moment paradip can handle it: exit 130, nothing written', async (signal) => {
    const child = spawn(process.execPath, ['--import', probe(signal), BIN, 'run', ACID, '--seed', '1', '--out', `early-${signal}`, '--quiet'], { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const exited = new Promise<[number | null, string | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    await new Promise((r) => child.stdio[3]!.once('data', r));
    child.kill(signal);
    const [code, sig] = await exited;
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(sig).toBe(null);
    expect(code).toBe(130);
    expect(existsSync(join(dir, `early-${signal}`))).toBe(false);
  });
});

describe('a killed run continues in place: paradip run --resume', () => {
  beforeAll(async () => {
    const child = spawn(process.execPath, [BIN, 'run', ACID, '--seed', '2', '--out', 'killed', '--checkpoint-every', '12', '--quiet'], { cwd: dir, env: ENV, stdio: 'ignore' });
    const cp = join(dir, 'killed', 'checkpoints', '72.json');
    while (!existsSync(cp) && child.exitCode === null) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // A checkpoint being written when the kill came: half a file under its .partial name.
    writeFileSync(join(dir, 'killed', 'checkpoints', '996.json.partial'), '{"format":"paradip-chec');
  });

  it('SIGKILL mid-run leaves no run.json, and what a user tries first points at --resume', () => {
    expect(existsSync(join(dir, 'killed', 'run.json'))).toBe(false);
    expect(existsSync(join(dir, 'killed', 'run.json.partial'))).toBe(true);
    expect(paradip(['replay', 'killed']).stderr).toMatch(/paradip run --resume killed/);
    expect(paradip(['run', ACID, '--seed', '2', '--out', 'killed']).stderr).toMatch(/did not finish; continue it with: paradip run --resume killed/);
  });

  it('--resume ends with every file byte-identical to the uninterrupted run', () => {
    const r = paradip(['run', '--resume', 'killed', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectSameAsReference('killed');
  });

  it('a complete run has nothing to resume', () => {
    const r = paradip(['run', '--resume', 'killed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to resume/);
  });

  it('a run stopped by Ctrl-C (complete files, run.json "interrupted") continues the same way', async () => {
    const child = spawn(process.execPath, [BIN, 'run', ACID, '--seed', '2', '--out', 'ctrl-c', '--checkpoint-every', '12', '--quiet'], { cwd: dir, env: ENV, stdio: 'ignore' });
    while (!existsSync(join(dir, 'ctrl-c', 'checkpoints', '36.json')) && child.exitCode === null) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGINT');
    expect(await new Promise((r) => child.on('exit', r))).toBe(130);
    expect(JSON.parse(readFileSync(join(dir, 'ctrl-c', 'run.json'), 'utf8')).interrupted).toBe(true);
    const r = paradip(['run', '--resume', 'ctrl-c', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectSameAsReference('ctrl-c');
  });

  it('--resume takes no scenario, seed or output options', () => {
    const r = paradip(['run', MINI, '--resume', 'x', '--seed', '1']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--resume continues a run as it was started: give no scenario, nor --seed/);
    expect(paradip(['run', '--resume', 'nowhere']).stderr).toMatch(/no run directory nowhere/);
  });
});

describe('checkpoints are untrusted input (--from): exit 2, a positioned message, nothing run', () => {
  type Cp = Record<string, any>;
  let mini: Cp;
  let other: Cp;
  const hash = (s: unknown): string => `sha256:${createHash('sha256').update(canonicalJson(s)).digest('hex')}`;

  beforeAll(() => {
    expect(paradip(['run', MINI, '--seed', '3', '--out', 'cps', '--checkpoint-every', '12', '--quiet']).code).toBe(0);
    mini = JSON.parse(readFileSync(join(dir, 'cps/checkpoints/12.json'), 'utf8'));
    other = JSON.parse(readFileSync(join(dir, 'reference/checkpoints/12.json'), 'utf8'));
    expect(mini.world.instruments.length).toBeGreaterThan(0);
  });

  const cases: [string, (cp: Cp) => string | void, RegExp][] = [
    ['missing counters', (cp) => void delete cp.world.counters, /required field is missing at world\.counters/],
    ['an unknown central', (cp) => void (cp.world.subnationals[0].central = 'ZZ'), /unknown central "ZZ" at world\.subnationals\.0\.central/],
    ['an instrument with an unknown party', (cp) => void (cp.world.instruments[0].parties[1] = 'ZZ'), /unknown government or network "ZZ" at world\.instruments\.0\.parties\.1/],
    ['a world from another scenario', (cp) => void (cp.world = other.world), /not in the checkpoint's scenario \(a world from another scenario\?\)/],
    ['tick -1000000', (cp) => void ((cp.tick = -1000000), (cp.world.tick = -999999)), /out of range at world\.tick \(expected the number of ticks run, 0\.\.36/],
    ['seed -1', (cp) => void (cp.meta.seed = -1), /not a valid seed at meta\.seed/],
    ['seed 1.5', (cp) => void (cp.meta.seed = 1.5), /not a valid seed at meta\.seed/],
    ['tick "x"', (cp) => void (cp.tick = 'x'), /at tick \(expected 12, found "x"\)/],
    ['an empty RNG state', (cp) => void (cp.world.rng.decide = {}), /required field is missing at world\.rng\.decide\.c/],
    ['an RNG seed out of range', (cp) => void (cp.world.rng.issues.s1 = 1.5), /not an alea seed value at world\.rng\.issues\.s1/],
    ['null where a number belongs', (cp) => void (cp.world.subnationals[0].relationScore = null), /null where a number belongs .*at world\.subnationals\.0\.relationScore/],
    ['a counter below the ids used', (cp) => void (cp.world.counters.instrument = 0), /out of range at world\.counters\.instrument/],
    ['an edited scenario', (cp) => void (cp.scenario.behaviour.parameters.actThreshold = 0.9), /does not match the hash written with it/],
    ['no scenario hash (an older paradip)', (cp) => void delete cp.scenarioHash, /has no scenario hash/],
    ['an edited scenario with its hash recomputed', (cp) => void ((cp.scenario.behaviour.formulas.utility = 'total.constructor'), (cp.scenarioHash = hash(cp.scenario))), /formula utility: .* at scenario\.behaviour\.formulas\.utility/],
    ['a truncated file', (cp) => JSON.stringify(cp).slice(0, 5000), /not JSON/],
    ['an empty file', () => '', /is empty: not a complete checkpoint/],
    ['deep nesting', (cp) => void (cp.world.subnationals[0].learned = JSON.parse('['.repeat(200) + ']'.repeat(200))), /nested deeper than 64 levels/],
  ];
  it.each(cases)('%s', (name, edit, message) => {
    const cp = structuredClone(mini);
    const text = edit(cp) ?? JSON.stringify(cp);
    const file = `${name.replace(/\W+/g, '-')}.json`;
    writeFileSync(join(dir, file), text);
    const r = paradip(['run', '--from', file, '--out', `from-${file}`, '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    if (!/empty|truncated/.test(name)) expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: `));
    expect(existsSync(join(dir, `from-${file}`))).toBe(false);
  });

  it('a device is not read (it has no size to bound)', () => {
    const r = paradip(['run', '--from', '/dev/zero', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero: is not a regular file/);
  });

  it('a genuine checkpoint still resumes', () => {
    const r = paradip(['run', '--from', 'cps/checkpoints/12.json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('numbers a checkpoint cannot hold', () => {
  it('a formula yielding NaN: the checkpoint writer refuses (exit 2, the JSON path named), never writes null', () => {
    const text = readFileSync(MINI, 'utf8').replace('    utility: "total - cost / capacity + noise"', '    utility: "total - cost / capacity + noise"\n    relation: "0/0"');
    writeFileSync(join(dir, 'nan.yaml'), text);
    const r = paradip(['run', 'nan.yaml', '--seed', '1', '--out', 'nan', '--checkpoint-every', '6', '--quiet']);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NaN|not finite|non-finite/i);
    expect(r.stderr).toMatch(/relationScore|relation/);
    for (const f of files(join(dir, 'nan', 'checkpoints'))) expect(readFileSync(join(dir, 'nan', 'checkpoints', f), 'utf8')).not.toMatch(/"relationScore":null/);
  });
});
