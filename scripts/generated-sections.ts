/**
 * Generated parts of a hand-written document: the text between `<!-- generated: name -->` and
 * `<!-- end generated -->` belongs to a generator, the rest to its authors. `generatedSections` reads them
 * (so a test can compare each with what the program now produces), `spliceGenerated` writes them.
 */

const SECTION = /^<!-- generated: ([a-z0-9-]+) -->\n([\s\S]*?)^<!-- end generated -->$/gm;

/** Each generated section's text (between its marker lines), by name. */
export function generatedSections(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of markdown.matchAll(SECTION)) {
    if (m[1]! in out) throw new Error(`generated section "${m[1]}" appears twice`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * The document with each named section's text replaced. Every section given must have its markers in the
 * document, and every marked section must be given: a section that lost its generator would otherwise keep
 * stale numbers forever.
 */
export function spliceGenerated(markdown: string, sections: Readonly<Record<string, string>>, file = 'the document'): string {
  const present = Object.keys(generatedSections(markdown));
  const missing = Object.keys(sections).filter((n) => !present.includes(n));
  if (missing.length > 0) throw new Error(`${file} has no markers for ${missing.map((n) => `"<!-- generated: ${n} -->"`).join(', ')}`);
  const orphans = present.filter((n) => !(n in sections));
  if (orphans.length > 0) throw new Error(`${file} marks sections no generator writes: ${orphans.join(', ')}`);
  return markdown.replace(SECTION, (_, name: string) => `<!-- generated: ${name} -->\n${sections[name]!}<!-- end generated -->`);
}
