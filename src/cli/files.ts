/**
 * Files in and out: reading scenarios and the rule-set library, and writing outputs so that an interrupted
 * run leaves complete files or none (write to a `.partial` name, rename when complete).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync, mkdirSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Problem } from '../scenario/problem.ts';
import { ruleSetSchema } from '../scenario/rule-set-schema.ts';
import { MAX_SOURCE_BYTES, parseYaml, zodProblems } from '../scenario/source.ts';

/** The package root (the folder with paradip's package.json), from wherever this module was bundled to. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"paradip"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the paradip package root');
    dir = up;
  }
}

export type Read = { ok: true; text: string } | { ok: false; problem: Problem };

/** Largest rule-set file read (the shipped ones are under 20 kB). */
export const MAX_RULE_SET_BYTES = 1_000_000;
/** Most rule-set files read from one `rule-sets/` folder. */
export const MAX_RULE_SET_FILES = 200;

export interface ReadOptions {
  /** Largest file read, in bytes (MAX_SOURCE_BYTES by default). */
  maxBytes?: number;
  /** Refuse a symbolic link (files of a `rule-sets/` folder); a file named on the command line may be one. */
  noFollow?: boolean;
}

/**
 * Reads an untrusted text file: a regular file only (a FIFO would wait for a writer forever, /dev/zero never
 * ends), checked before opening and again on the open descriptor, and never more than `maxBytes` + 1 bytes,
 * so a file too large is refused without being read whole (nor one that grows while it is read).
 */
export function readText(file: string, options: ReadOptions = {}): Read {
  const max = options.maxBytes ?? MAX_SOURCE_BYTES;
  const fail = (message: string): Read => ({ ok: false, problem: fileProblem(file, message) });
  const kind = (st: Stats): string | null => {
    if (st.isDirectory()) return 'is a directory, not a file';
    if (st.isSymbolicLink()) return 'is a symbolic link: paradip reads only regular files here';
    if (!st.isFile()) return 'is not a regular file (a device, FIFO or socket): paradip reads only regular files';
    if (st.size > max) return `is larger than ${max.toLocaleString('en-US')} bytes: not a file paradip reads`;
    return null;
  };
  let fd: number;
  try {
    const bad = kind(options.noFollow ? lstatSync(file) : statSync(file));
    if (bad) return fail(bad);
    // O_NONBLOCK: should the file have become a FIFO since, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  } catch (e) {
    return fail(readError(e));
  }
  try {
    const bad = kind(fstatSync(fd));
    if (bad) return fail(bad);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(max + 1 - total, 1 << 20));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > max) return fail(`is larger than ${max.toLocaleString('en-US')} bytes: not a file paradip reads`);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (e) {
    return fail(readError(e));
  } finally {
    closeSync(fd);
  }
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ELOOP') return 'is a symbolic link: paradip reads only regular files here';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ENXIO') return 'is not a regular file (a device, FIFO or socket): paradip reads only regular files';
  return `cannot read (${code ?? 'error'})`;
}

function fileProblem(file: string, message: string): Problem {
  return { code: 'bad-argument', file, line: 0, column: 0, path: [], message };
}

export function parseRuleSetFile(text: string, file: string): { ok: true; ruleSet: RuleSet } | { ok: false; problems: Problem[] } {
  const parsed = parseYaml(text, file, { maxAliases: 0 });
  if (!parsed.ok) return parsed;
  const r = ruleSetSchema.safeParse(parsed.data, { reportInput: true });
  if (!r.success) return { ok: false, problems: zodProblems(r.error, parsed.source) };
  return { ok: true, ruleSet: r.data as RuleSet };
}

/**
 * The rule-set library: the shipped rule sets plus any in a `rule-sets/` folder beside the scenario (a
 * researcher's own, which win over shipped ones with the same id).
 */
export function loadRuleSets(scenarioFile: string | null): { ok: true; ruleSets: RuleSet[] } | { ok: false; problems: Problem[] } {
  const dirs = [join(packageRoot(), 'scenarios', 'rule-sets')];
  const problems: Problem[] = [];
  if (scenarioFile) {
    const own = join(dirname(resolve(scenarioFile)), 'rule-sets');
    if (resolve(own) !== resolve(dirs[0]!)) {
      // The folder beside a scenario comes with it, untrusted: a real folder, not a link to one elsewhere.
      let st: Stats | null = null;
      try {
        st = lstatSync(own);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(fileProblem(own, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`));
      }
      if (st?.isSymbolicLink()) problems.push(fileProblem(own, 'is a symbolic link: paradip reads a rule-sets folder beside a scenario only if it is a real folder'));
      else if (st && !st.isDirectory()) problems.push(fileProblem(own, 'is not a folder: a rule-sets folder beside a scenario holds rule-set files'));
      else if (st) dirs.push(own);
    }
  }
  const byId = new Map<string, RuleSet>();
  for (const dir of dirs) {
    const cached = dir === dirs[0] ? shippedCache(dir) : null;
    if (cached) {
      for (const r of cached) byId.set(r.id, structuredClone(r));
      continue;
    }
    const before = problems.length;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
    } catch (e) {
      problems.push(fileProblem(dir, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`));
      continue;
    }
    if (names.length > MAX_RULE_SET_FILES) {
      problems.push(fileProblem(dir, `holds ${names.length} rule-set files; paradip reads at most ${MAX_RULE_SET_FILES}`));
      continue;
    }
    // Within one folder an id names one rule set; a folder beside the scenario may replace shipped ones.
    const inDir = new Map<string, string>();
    for (const name of names) {
      const file = join(dir, name);
      const read = readText(file, { maxBytes: MAX_RULE_SET_BYTES, noFollow: true });
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      const r = parseRuleSetFile(read.text, file);
      if (!r.ok) {
        problems.push(...r.problems);
        continue;
      }
      const first = inDir.get(r.ruleSet.id);
      if (first !== undefined) {
        const parsed = parseYaml(read.text, file);
        const { line, column } = parsed.ok ? parsed.source.locate(['id']) : { line: 1, column: 1 };
        problems.push({ code: 'duplicate-id', file, line, column, path: ['id'], message: `rule set id "${r.ruleSet.id}" is already used by ${first}` });
        continue;
      }
      inDir.set(r.ruleSet.id, file);
      byId.set(r.ruleSet.id, r.ruleSet);
    }
    if (dir === dirs[0] && problems.length === before) {
      shipped = { signature: signatureOf(dir), ruleSets: [...inDir.keys()].map((id) => structuredClone(byId.get(id)!)) };
      saveShipped(dir, shipped.ruleSets);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ruleSets: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/**
 * The shipped rule sets, parsed once per process while their files are unchanged (names, sizes and times):
 * `check`, the UI's restarts and the tests load them again and again.
 */
let shipped: { signature: string; ruleSets: RuleSet[] } | null = null;

function signatureOf(dir: string): string {
  try {
    return readdirSync(dir).sort().map((n) => {
      const st = statSync(join(dir, n));
      return `${n}:${st.size}:${st.mtimeMs}`;
    }).join('|');
  } catch {
    return '';
  }
}

function shippedCache(dir: string): RuleSet[] | null {
  if (shipped !== null && shipped.signature === signatureOf(dir)) return shipped.ruleSets;
  // Across processes: the parsed rule sets as JSON beside the package's other caches, valid while the files'
  // contents are the same (parsing 16 YAML files is most of the time to the first tick).
  const signature = contentSignature(dir);
  try {
    const cached = JSON.parse(readFileSync(diskCacheFile(), 'utf8')) as { signature: string; ruleSets: RuleSet[] };
    if (signature !== '' && cached.signature === signature) {
      shipped = { signature: signatureOf(dir), ruleSets: cached.ruleSets };
      return shipped.ruleSets;
    }
  } catch {
    // No cache yet, or unreadable: parse the files.
  }
  return null;
}

/** Keeps the shipped rule sets for the next process; a cache that cannot be written is only slower. */
function saveShipped(dir: string, ruleSets: RuleSet[]): void {
  try {
    // A name of its own per process, then rename: processes starting together never mix their writes.
    const file = diskCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.partial`;
    writeFileSync(tmp, JSON.stringify({ signature: contentSignature(dir), ruleSets }));
    renameSync(tmp, file);
  } catch {
    // A read-only install: every process parses the files.
  }
}

function diskCacheFile(): string {
  return join(packageRoot(), 'node_modules', '.cache', 'paradip', 'rule-sets.json');
}

/** A hash of the folder's YAML files, names and contents: a cache made from other files is never used. */
function contentSignature(dir: string): string {
  try {
    // paradip's version too: another version may read rule sets differently.
    const h = createHash('sha256').update(readFileSync(join(packageRoot(), 'package.json')));
    for (const n of readdirSync(dir).filter((x) => x.endsWith('.yaml') || x.endsWith('.yml')).sort()) h.update(n).update('\0').update(readFileSync(join(dir, n))).update('\0');
    return h.digest('hex');
  } catch {
    return '';
  }
}

/** Writes a whole file atomically: a temporary name, then rename. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
