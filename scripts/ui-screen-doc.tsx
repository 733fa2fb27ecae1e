/**
 * docs/ui-screen.txt from a real run: the acid-rain scenario, seed 1, paused in June 1983, drawn at 80x24 by
 * the same App the terminal shows (Ink's test renderer, no terminal needed). `npm run docs` writes it; the
 * README and docs/teaching.md quote it, and test/ui-docs.test.ts fails when any of them no longer matches.
 */
import { render } from 'ink-testing-library';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { App } from '../src/ui/App.tsx';
import { LiveSession } from '../src/ui/live-session.ts';
import type { LiveHost, RunSettings } from '../src/ui/session.ts';

export const UI_SCREEN = { scenario: 'scenarios/acid-rain-1980s.yaml', seed: 1, month: '1983-06', columns: 80, rows: 24 } as const;

/** The screen as text, without colours; trailing spaces trimmed on every line. */
export async function uiScreen(root: string): Promise<string> {
  const settings: RunSettings = { seed: UI_SCREEN.seed, variant: null, ruleSets: {} };
  const p = prepareRun({ scenario: UI_SCREEN.scenario, seed: UI_SCREEN.seed, variant: null, sets: [], until: null, from: null, cwd: root });
  if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
  const sink = { tick: () => undefined, end: () => undefined };
  const host: LiveHost = { initial: settings, sets: [], canRestart: true, ruleSets: [], open: () => ({ ok: false, error: 'not in a document' }) };
  const session = new LiveSession(host, { run: p.prepared.run, last: p.prepared.last, out: null, sink }, settings, { paused: true });
  while (session.frame().date.slice(0, 7) < UI_SCREEN.month) session.stepForward();
  const r = render(<App controller={session} size={{ columns: UI_SCREEN.columns, rows: UI_SCREEN.rows }} />);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const text = r.lastFrame() ?? '';
  r.unmount();
  session.quit('quit');
  // eslint-disable-next-line no-control-regex
  return `${text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).join('\n').trimEnd()}\n`;
}

/** The fenced blocks of a markdown file that quote the screen: those starting with its title line. */
export function quotedScreens(markdown: string, title: string): string[] {
  return [...markdown.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((b) => b.startsWith(title));
}
