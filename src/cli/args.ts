/**
 * A small argv parser: `--flag value`, `--flag=value`, repeatable flags, booleans, positionals. Unknown flags
 * and missing values are usage errors (exit code 2), reported as data.
 */
export interface FlagSpec {
  type: 'string' | 'number' | 'boolean';
  multiple?: boolean;
  /** Integer numbers only. */
  integer?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | (string | number)[]>;
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): { ok: true; args: ParsedArgs } | { ok: false; error: string } {
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '--') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    let name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    let inline = eq > 0 ? a.slice(eq + 1) : undefined;
    let negated = false;
    if (!spec[name] && name.startsWith('no-') && spec[name.slice(3)]?.type === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const f = spec[name];
    if (!f) return { ok: false, error: `unknown option --${name}` };
    if (f.type === 'boolean') {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value` };
      out.flags[name] = !negated;
      continue;
    }
    if (inline === undefined) {
      inline = argv[++i];
      if (inline === undefined || inline.startsWith('--')) return { ok: false, error: `--${name} needs a value` };
    }
    let value: string | number = inline;
    if (f.type === 'number') {
      value = Number(inline);
      if (inline.trim() === '' || !Number.isFinite(value) || (f.integer && !Number.isInteger(value))) {
        return { ok: false, error: `--${name} needs ${f.integer ? 'a whole number' : 'a number'}, found "${inline}"` };
      }
    }
    if (f.multiple) ((out.flags[name] ??= []) as (string | number)[]).push(value);
    else out.flags[name] = value;
  }
  return { ok: true, args: out };
}
