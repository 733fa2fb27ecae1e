/**
 * "Did you mean": the valid names nearest to a misspelt one, by edit distance, so an unknown key or id in a
 * file or on the command line is answered with the name the user most likely meant.
 */

/** Levenshtein distance (insertions, deletions, substitutions), case-sensitive. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * `candidates` nearest first (ties: case-insensitive distance, then alphabetical), unique. A difference in
 * case alone counts less than any other edit, so `us` suggests `US` before `UK`.
 */
export function nearest(word: string, candidates: Iterable<string>): string[] {
  const unique = [...new Set(candidates)];
  const score = (c: string): number => editDistance(word.toLowerCase(), c.toLowerCase()) * 2 + (editDistance(word, c) > 0 ? 1 : 0);
  const scored = unique.map((c) => ({ c, s: score(c) }));
  scored.sort((x, y) => x.s - y.s || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.map((x) => x.c);
}

/** The nearest candidate, or null when there is none. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  return nearest(word, candidates)[0] ?? null;
}

/** Up to `max` names, nearest first, for an "expected" field: "a, b, c, ... (12 in all)". */
export function listNearest(word: string, candidates: Iterable<string>, max = 10): string {
  const all = nearest(word, candidates);
  if (all.length === 0) return 'nothing (none exist here)';
  return all.length <= max ? all.join(', ') : `${all.slice(0, max).join(', ')}, ... (${all.length} in all)`;
}
