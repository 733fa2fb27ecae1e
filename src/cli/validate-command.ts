/** `paradip validate <file>...`: checks scenarios and rule sets without running them; exit 2 on any problem. */
import { parseYaml } from '../scenario/source.ts';
import { loadScenario, type Loaded } from '../scenario/load-scenario.ts';
import { problemLines, type Problem } from '../scenario/problem.ts';
import { resolve } from 'node:path';
import { loadRuleSets, parseRuleSetFile, readText } from './files.ts';
import { EXIT, print, type Io } from './io.ts';
import { startLoaded } from './prepare-run.ts';

export function validateCommand(io: Io, files: string[]): number {
  if (files.length === 0) {
    print(io.stderr, 'error: which files? usage: paradip validate <file>...');
    return EXIT.badInput;
  }
  let bad = 0;
  for (const file of files) {
    const problems = validateFile(resolve(io.cwd, file), file);
    if (problems.length === 0) print(io.stdout, `ok ${file}`);
    else {
      bad++;
      for (const line of problemLines(problems)) print(io.stderr, line);
    }
  }
  return bad > 0 ? EXIT.badInput : EXIT.ok;
}

function validateFile(path: string, shown: string): Problem[] {
  const read = readText(path);
  if (!read.ok) return [{ ...read.problem, file: shown }];
  const parsed = parseYaml(read.text, shown);
  if (!parsed.ok) return parsed.problems;
  const isRuleSet = typeof parsed.data === 'object' && parsed.data !== null && 'rules' in parsed.data && !('paradip' in parsed.data);
  if (isRuleSet) {
    const r = parseRuleSetFile(read.text, shown);
    return r.ok ? [] : r.problems;
  }
  const lib = loadRuleSets(path);
  if (!lib.ok) return lib.problems;
  const variants: [string, Extract<Loaded, { ok: true }>][] = [];
  const loaded = loadScenario(read.text, shown, { ruleSets: lib.ruleSets, onVariant: (id, v) => variants.push([id, v]) });
  if (!loaded.ok) return loaded.problems;
  // What `run` checks before its first tick, too: every timeline path against the world, with each variant.
  const started = startLoaded(loaded, { seed: 0, variant: null, overrides: [] });
  if (!started.ok) return started.problems;
  return variants.flatMap(([variant, v]) => {
    const r = startLoaded(v, { seed: 0, variant, overrides: [] });
    return r.ok ? [] : r.problems.map((p) => ({ ...p, message: `with variant ${variant}: ${p.message}` }));
  });
}
