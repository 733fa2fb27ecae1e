/**
 * The governments panel: each central (rule set, executive position, law status), its legislature (chamber
 * support against thresholds, gatekeepers) and pending approvals with deadlines, then its subnationals with
 * their relation mode in colour, instruments in force and goal weights. Scrolls when it does not fit.
 */
import { Box, Text } from 'ink';
import { shortDate } from '../experiment/describe-event.ts';
import { instrumentLabel } from '../experiment/describe-event.ts';
import { clampScroll, gateTexts, overviewRows, short, type GovernmentRow } from './government-rows.ts';
import { PanelTitle } from './PanelTitle.tsx';
import { fit, pad, percent, signed } from './text.ts';
import type { CentralView, SubnationalView, WorldView } from './world-view.ts';

export interface GovernmentsProps {
  view: WorldView;
  rows: readonly GovernmentRow[];
  width: number;
  /** Rows including the title. */
  height: number;
  scroll: number;
  focused: boolean;
  /** Names of governments, for pending approvals. */
  name: (id: string) => string;
}

export const RELATION_COLOR = { support: 'green', complementarity: 'cyan', competition: 'yellow', conflict: 'red' } as const;
const SHORT_RELATION = { support: 'support', complementarity: 'complem.', competition: 'compet.', conflict: 'conflict' } as const;

export function Governments({ view, rows, width, height, scroll, focused, name }: GovernmentsProps) {
  const body = height - 1;
  // Without the keys: an overview of every central; with them (Tab): the full list, scrolled.
  const fits = rows.length <= body;
  const first = focused ? clampScroll(scroll, rows.length, body) : 0;
  const shown = focused || fits ? rows.slice(first, first + body) : overviewRows(view, body, width);
  const units = view.centrals.reduce((n, c) => n + c.subnationals.length, 0);
  const more = fits ? 'relation · in force · goals' : focused ? `${first + 1}-${first + shown.length} of ${rows.length} ↑↓` : `${units} governments · Tab: all`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Governments" width={width} focused={focused} detail={more} />
      {shown.map((r, i) => (
        <Row key={`${first + i}`} row={r} width={width} view={view} name={name} />
      ))}
    </Box>
  );
}

function Row({ row, width, view, name }: { row: GovernmentRow; width: number; view: WorldView; name: (id: string) => string }) {
  switch (row.type) {
    case 'central':
      return <CentralRow c={row.central} width={width} view={view} />;
    case 'chamber':
      return <ChamberRow c={row.central} issue={row.issue} width={width} view={view} />;
    case 'gates':
      return <GatesRow row={row} width={width} view={view} />;
    case 'pending':
      return <PendingRow c={row.central} width={width} name={name} />;
    case 'subnational':
      return <UnitRow u={row.unit} width={width} />;
    case 'more':
      return (
        <Text dimColor wrap="truncate-end">
          {fit(`  +${row.count} more of ${row.central.name} (Tab, then ↑↓)`, width)}
        </Text>
      );
  }
}

function issueLabel(view: WorldView, id: string): string {
  return view.issues.length > 1 ? `${id} ` : '';
}

function CentralRow({ c, width, view }: { c: CentralView; width: number; view: WorldView }) {
  const rules = `${c.ruleSet} rules${c.swapped ? '*' : ''}`;
  const positions = view.issues.slice(0, 2).map((x) => `exec ${issueLabel(view, x.id)}${signed(c.position[x.id] ?? 0)}`);
  // The law's state is on the gates row when the central has a legislature row for the issue.
  const law = view.issues.slice(0, 2).filter(() => c.chambers.length === 0).map((x) => c.lawStatus[x.id]).filter((s): s is string => s !== undefined).map((s) => `law: ${s}`);
  const rest = [rules, ...positions, ...law].join(' · ');
  // The name first and whole where it fits; the details give way.
  const nameWidth = Math.min(c.name.length, Math.max(8, width - 12));
  return (
    <Text wrap="truncate-end">
      <Text bold>{fit(c.name, nameWidth)}</Text>
      <Text color={c.swapped ? 'magenta' : undefined}>{fit(` ${rest}`, width - nameWidth)}</Text>
    </Text>
  );
}

function ChamberRow({ c, issue, width, view }: { c: CentralView; issue: string; width: number; view: WorldView }) {
  const parts = c.chambers.map((ch) => {
    const s = ch.support[issue];
    const ok = s !== undefined && s >= ch.threshold;
    return { text: `${short(ch.name, width)} ${s === undefined ? '?' : percent(s)}/${percent(ch.threshold)}`, ok };
  });
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{`  ${issueLabel(view, issue)}`}</Text>
      {okParts(parts, width - 2 - issueLabel(view, issue).length, false)}
    </Text>
  );
}

/** Parts in green (ok) or red, separated by " · " (also before the first if `after` says so), cut to `room`. */
function okParts(parts: readonly { text: string; ok: boolean }[], room: number, after: boolean) {
  return parts.map((p, i) => {
    const text = fit(`${i > 0 || after ? ' · ' : ''}${p.text}`, Math.max(0, room));
    room -= text.length;
    return (
      <Text key={i} color={p.ok ? 'green' : 'red'}>
        {text}
      </Text>
    );
  });
}

/** The law's state on the issue, then each gatekeeper's position (green at or above the gate, red below). */
function GatesRow({ row, width, view }: { row: Extract<GovernmentRow, { type: 'gates' }>; width: number; view: WorldView }) {
  const { central: c, issue } = row;
  const law = row.law ? c.lawStatus[issue] : undefined;
  const gates = gateTexts(c, issue, width).slice(row.from, row.from + row.items).map((g) => ({ text: g.text, ok: g.position >= view.gate }));
  const room = width - 2 - issueLabel(view, issue).length;
  const head = law === undefined ? '' : fit(`law: ${law}`, Math.max(0, room));
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{`  ${issueLabel(view, issue)}`}</Text>
      <Text>{head}</Text>
      {okParts(gates, room - head.length, head !== '')}
    </Text>
  );
}


function PendingRow({ c, width, name }: { c: CentralView; width: number; name: (id: string) => string }) {
  const p = c.pending[0]!;
  const first = `${instrumentLabel(p.kind)} of ${name(p.party)}: ${p.step}${p.deadline ? ` until ${shortDate(p.deadline)}` : ''}`;
  const more = c.pending.length > 1 ? ` (+${c.pending.length - 1} more)` : '';
  return (
    <Text color="yellow" wrap="truncate-end">
      {fit(`  awaiting ${c.pending.length}: ${first}${more}`, width)}
    </Text>
  );
}

function UnitRow({ u, width }: { u: SubnationalView; width: number }) {
  const wide = width >= 64;
  const relWidth = wide ? 15 : 8;
  const nameWidth = Math.max(10, Math.min(22, Math.floor(width * 0.32)));
  const goalsWidth = Math.max(0, width - 2 - nameWidth - 1 - relWidth - 1 - 3 - 1);
  let goals = '';
  for (const [g, w] of u.goals) {
    const item = `${g.slice(0, 4)} ${w.toFixed(2)}`;
    if ((goals ? goals.length + 1 : 0) + item.length > goalsWidth) break;
    goals = goals ? `${goals} ${item}` : item;
  }
  return (
    <Text wrap="truncate-end">
      <Text>{`  ${pad(u.name, nameWidth)} `}</Text>
      <Text color={RELATION_COLOR[u.relation]}>{pad(wide ? u.relation : SHORT_RELATION[u.relation], relWidth)}</Text>
      <Text bold={u.inForce > 0}>{` ${String(u.inForce).padStart(2)} `}</Text>
      <Text dimColor>{goals}</Text>
    </Text>
  );
}
