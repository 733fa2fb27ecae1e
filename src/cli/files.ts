/**
 * Files in and out: reading scenarios and the rule-set library, and writing outputs so that an interrupted
 * run leaves complete files or none (write to a `.partial` name, rename when complete).
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Problem } from '../scenario/problem.ts';
import { ruleSetSchema } from '../scenario/rule-set-schema.ts';
import { parseYaml, zodProblems } from '../scenario/source.ts';

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

export function readText(file: string): Read {
  try {
    if (statSync(file).isDirectory()) return { ok: false, problem: fileProblem(file, 'is a directory, not a file') };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: fileProblem(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`) };
  }
}

function fileProblem(file: string, message: string): Problem {
  return { code: 'bad-argument', file, line: 0, column: 0, path: [], message };
}

export function parseRuleSetFile(text: string, file: string): { ok: true; ruleSet: RuleSet } | { ok: false; problems: Problem[] } {
  const parsed = parseYaml(text, file);
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
  if (scenarioFile) {
    const own = join(dirname(resolve(scenarioFile)), 'rule-sets');
    if (resolve(own) !== resolve(dirs[0]!) && existsSync(own)) dirs.push(own);
  }
  const byId = new Map<string, RuleSet>();
  const problems: Problem[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) {
      const file = join(dir, name);
      const read = readText(file);
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      const r = parseRuleSetFile(read.text, file);
      if (r.ok) byId.set(r.ruleSet.id, r.ruleSet);
      else problems.push(...r.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ruleSets: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** Writes a whole file atomically: a temporary name, then rename. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
