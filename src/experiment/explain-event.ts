/**
 * The why of an event, as data: for a decision, each goal's contribution and the alternatives weighed; for a
 * legal outcome, the rules and citations applied and the approval path (who consented, who stayed silent
 * until the deadline, who refused). Pure; the UI's WHY panel draws it, `paradip explain` prints it.
 */
import type { SimEvent } from '../engine/events.ts';
import { describeEvent, instrumentLabel, possessive, shortDate, strings, type NameBook } from './describe-event.ts';

/** yes: allowed, consented, passed; no: forbidden, refused, blocked; silent: tacit, no answer. */
export type Tone = 'yes' | 'no' | 'silent' | 'plain';

export interface WhyLine {
  text: string;
  /** A number the line is about (a goal's contribution, a score), drawn as a bar in the UI. */
  value?: number;
  tone?: Tone;
}

export interface WhySection {
  title: string;
  lines: WhyLine[];
}

export interface Explanation {
  seq: number;
  date: string;
  kind: string;
  sentence: string;
  sections: WhySection[];
}

type Rec = Record<string, unknown>;

/**
 * Explains one event. `related` are the other events of the same instrument (any order), used for the
 * approval path's dates and the decision behind a forbidden or declined action.
 */
export function explainEvent(e: SimEvent, book: NameBook, related: readonly SimEvent[] = []): Explanation {
  const why = (e['why'] ?? {}) as Rec;
  const sections: WhySection[] = [];
  const story = related.filter((r) => r.seq !== e.seq).sort((a, b) => a.seq - b.seq);
  switch (e.kind) {
    case 'action.proposed':
    case 'lobby.delivered':
    case 'action.litigated':
      sections.push(...decision(why, book, String(e['actor'] ?? e['by']), chosen(e, book)));
      break;
    case 'law.enacted':
      if (e['level'] === 'subnational') sections.push(...decision(why, book, String(e['by']), chosen(e, book)));
      else sections.push(legislature(why, 'passed'));
      break;
    case 'law.blocked':
      sections.push(legislature(why, String(e['reason'])));
      break;
    case 'action.ruled': {
      // One draw per ruling: below the rate the plaintiff wins at first instance; on appeal, below the reversal rate the first ruling falls.
      const appeal = e['court'] === 'appeal';
      const rate = Number(appeal ? why['reversalRate'] : why['rate']);
      const draw = Number(why['draw']);
      sections.push({
        title: appeal ? 'The appeal court (parameter reversalRate: the chance it reverses)' : 'The court of first instance (parameter rulingForRate: the chance it rules for the plaintiff)',
        lines: [{ text: `draw ${num(draw)} ${draw < rate ? '<' : '>='} ${appeal ? 'reversal rate' : 'rate'} ${num(rate)}: ${appeal ? String(e['outcome']) : `${String(e['outcome'])} the plaintiff`}`, tone: e['outcome'] === 'for' || e['outcome'] === 'upheld' ? 'yes' : 'no' }],
      });
      break;
    }
    case 'action.appealed': {
      const gap = Number(why['gap']);
      const appealGap = Number(why['appealGap']);
      sections.push({
        title: 'Why the central appeals (parameter appealGap)',
        lines: [{ text: `the plaintiff's position exceeds the central's by ${num(gap)} >= ${num(appealGap)}`, tone: 'no' }],
      });
      break;
    }
    case 'action.forbidden':
      sections.push(parties(strings(e['parties']), book));
      sections.push(assessments(why, book));
      sections.push(...proposalBehind(story, book));
      break;
    case 'action.vetoed':
      sections.push({
        title: 'Veto',
        lines: [
          { text: `${book.name(String(e['by']))} holds a veto outside any approval step`, tone: 'no' },
          ...citationLines(e),
          score(`veto score (judging ${book.name(String(why['party'] ?? e['actor']))}'s side)`, why['veto'], why['threshold']),
        ],
      });
      sections.push(...proposalBehind(story, book));
      break;
    case 'action.declined':
      sections.push(declined(e, why, book));
      sections.push(...proposalBehind(story, book));
      break;
    case 'approval.requested':
      sections.push(stepSection(e, book));
      break;
    case 'approval.granted':
    case 'approval.tacit':
    case 'approval.refused':
      sections.push(stepSection(e, book), stepDecision(e, why, book));
      break;
    case 'instrument.signed':
      sections.push(parties(strings(e['parties']), book));
      if (Array.isArray(e['legal']) && e['legal'].length > 0) {
        sections.push({
          title: 'Rule set deciding for each party',
          lines: (e['legal'] as Rec[]).map((l) => ({
            text: `${book.name(String(l['party']))} under rule set ${String(l['ruleSet'])}: ${l['rule'] === 'silence' ? 'the constitution is silent' : `rule ${String(l['rule'])}`}`,
            tone: 'yes' as const,
          })),
        });
      }
      sections.push({ title: 'Rules and citations applied', lines: strings(e['citations']).map((c) => ({ text: c })) });
      sections.push(approvalPath(e, story, book));
      break;
    case 'denunciation.demanded':
    case 'instrument.denounced':
    case 'instrument.takenOver':
      sections.push({ title: 'Central power used', lines: [...citationLines(e), ...scoreLines(why)] });
      break;
    case 'central.sanctioned':
      sections.push({ title: 'Central power used', lines: citationLines(e) });
      break;
    case 'forum.resolved': {
      const members = strings(why['members']);
      const supporters = new Set(strings(e['parties']));
      sections.push({
        title: `The vote (formula resolve: above 0 votes for; adopted at a share of ${num(why['quorum'])} or more)`,
        lines: [
          ...members.map((m) => ({ text: `${book.name(m)} ${supporters.has(m) ? 'votes for, and is bound by it' : 'does not vote for'}`, tone: (supporters.has(m) ? 'yes' : 'no') as Tone })),
          { text: `${supporters.size} of ${members.length} members for it: a share of ${num(why['share'])}`, value: Number(why['share']) },
        ],
      });
      break;
    }
    case 'central.consulted':
      sections.push({
        title: 'Duty to consult, before concluding',
        lines: [
          ...citationLines(e),
          ...Object.entries((why['positions'] ?? {}) as Record<string, number>).map(([u, v]) => ({ text: `${book.name(u)}'s position ${num(v)}`, value: v })),
          { text: `the agreement can be concluded ${num(why['concludeAfterMonths'])} months after this consultation at the earliest` },
        ],
      });
      break;
    case 'instrument.renewed':
    case 'instrument.lapsed':
      sections.push({
        title: 'Review',
        lines: [
          ...Object.entries((why['renew'] ?? {}) as Record<string, number>).map(([u, v]) => score(`${possessive(book.name(u))} score for keeping it`, v, why['threshold'])),
          { text: `reviewed every ${num(why['reviewMonths'])} months after signing` },
        ],
      });
      break;
    case 'relation.changed': {
      sections.push({ title: 'Relation', lines: [{ text: `relation score ${num(why['score'])}: ${String(e['from'])} becomes ${String(e['to'])}`, value: Number(why['score']) }] });
      const inputs = why['inputs'] as Record<string, number> | undefined;
      if (inputs) {
        sections.push({
          title: 'What the score is made of (formula relation)',
          lines: Object.entries(inputs).map(([k, v]) => ({ text: `${RELATION_INPUTS[k] ?? k}: ${num(v)}` })),
        });
      }
      const t = why['thresholds'] as Record<string, number> | undefined;
      if (t) {
        const score = Number(why['score']);
        const band = (mode: string, lo: number | null, hi: number | null): WhyLine => ({
          text: `${mode}: ${lo === null ? `below ${num(hi)}` : hi === null ? `${num(lo)} or more` : `${num(lo)} to ${num(hi)}`}${mode === e['to'] ? ` (score ${num(score)}: this one)` : ''}`,
          ...(mode === e['to'] ? { tone: 'yes' as Tone } : {}),
        });
        sections.push({
          title: 'Thresholds (parameters relationSupport, relationComplementarity, relationCompetition)',
          lines: [band('support', t['support']!, null), band('complementarity', t['complementarity']!, t['support']!), band('competition', t['competition']!, t['complementarity']!), band('conflict', null, t['competition']!)],
        });
      }
      break;
    }
    case 'position.changed':
      sections.push({ title: 'Position', lines: [{ text: `executive position on ${book.issue(String(e['issue']))}: ${num(e['from'])} to ${num(e['to'])} (stance moved by pressure, salience and ties)` }] });
      // The inputs of the centralPosition formula this tick: what moved the position.
      sections.push({
        title: 'What the position is made of (formula centralPosition)',
        lines: Object.entries(why as Record<string, unknown>).map(([k, v]) => ({ text: `${POSITION_INPUTS[k] ?? k}: ${num(v)}`, value: Number(v) })),
      });
      break;
    case 'rules.changed':
      sections.push({
        title: e['cause'] === 'timeline' ? "Constitutional change (a timeline input switched the central's country)" : "Constitutional change (a rule set's period begins or ends on this date)",
        lines: [
          { text: `rule set before: ${e['from'] === null ? 'none in force (silent)' : String(e['from'])}` },
          { text: `rule set now: ${e['to'] === null ? 'none in force: the country is silent, and its silence options decide' : String(e['to'])}`, tone: e['to'] === null ? 'silent' : 'yes' },
          ...citationLines(e),
        ],
      });
      break;
    case 'central.succeeded':
      sections.push({
        title: 'Succession (who exists is an input; the ties follow the rule)',
        lines: [
          { text: `${book.name(String(e['successor']))} takes the place of ${book.name(String(e['predecessor']))}${e['note'] ? `: ${String(e['note'])}` : ''}` },
          ...citationLines(e),
          ...strings(e['instruments']).map((id) => ({ text: `tie ${id} carried over`, tone: 'yes' as Tone })),
        ],
      });
      break;
    case 'action.framed': {
      const inputs = (why['inputs'] ?? {}) as Record<string, number>;
      sections.push({
        title: `How ${book.name(String(e['by']))} frame it (formula framing; below 0: a threat)`,
        lines: [score('framing score', why['framing'], why['threshold']), ...Object.entries(inputs).map(([k, v]) => ({ text: `${FRAMING_INPUTS[k] ?? k}: ${num(v)}` }))],
      });
      break;
    }
    case 'timeline.applied':
      sections.push({ title: 'Timeline input (exogenous)', lines: Object.entries((e['set'] ?? {}) as Rec).map(([k, v]) => ({ text: `${k} = ${String(v)}` })) });
      break;
    default:
      break;
  }
  if (story.length > 0) sections.push({ title: 'This instrument, step by step', lines: story.map((r) => ({ text: `${shortDate(r.date)} #${r.seq} ${describeEvent(r, book)}` })) });
  return { seq: e.seq, date: e.date, kind: e.kind, sentence: describeEvent(e, book), sections: sections.filter((s) => s.lines.length > 0) };
}

/** The explanation as plain text (for `paradip explain`). */
export function formatExplanation(x: Explanation): string {
  const out = [`#${x.seq} ${x.date} ${x.kind}`, x.sentence];
  for (const s of x.sections) {
    out.push('', `${s.title}:`);
    for (const l of s.lines) out.push(`  ${l.text}`);
  }
  return out.join('\n');
}

/** What a decision chose, in the words of the alternatives list. */
function chosen(e: SimEvent, book: NameBook): string {
  if (e.kind === 'lobby.delivered') return `lobby ${book.name(String(e['to']))} on ${book.issue(String(e['issue']))}`;
  if (e.kind === 'law.enacted') return `own law on ${book.issue(String(e['issue']))}`;
  if (e.kind === 'action.litigated') return `a court case against ${book.name(String(e['to']))} on ${book.issue(String(e['issue']))}`;
  const partner = strings(e['parties']).find((p) => p !== e['actor']) ?? '';
  return `${instrumentLabel(String(e['instrument']))} with ${book.name(partner)}`;
}

function decision(why: Rec, book: NameBook, actor: string, choice?: string): WhySection[] {
  const goals = Object.entries((why['goals'] ?? {}) as Record<string, number>).sort((a, b) => b[1] - a[1]);
  const scoreV = Number(why['score']);
  const threshold = Number(why['threshold']);
  const acts = scoreV >= threshold;
  const out: WhySection[] = [
    {
      title: `Decision of ${book.name(actor)}`,
      lines: [{ text: `${choice ? `chose ${choice}: ` : ''}score ${num(scoreV)} ${acts ? '>=' : '<'} threshold ${num(threshold)}, the best of its options`, tone: acts ? 'yes' : 'no' }],
    },
    { title: 'Goal contributions', lines: goals.map(([g, v]) => ({ text: `${goalLabel(g, book)} ${num(v)}`, value: v })) },
  ];
  const terms = why['terms'] as Record<string, number> | undefined;
  if (terms) {
    // The goals and the rest of the utility formula, term by term, add up to the score (to rounding).
    const total = goals.reduce((sum, [, v]) => sum + v, 0);
    const lines: WhyLine[] = [{ text: `goals (the contributions above) ${signed(total)}`, value: total }];
    for (const [key, label] of TERM_LABELS) if (terms[key] !== undefined) lines.push({ text: `${label} ${signed(terms[key])}`, value: terms[key] });
    lines.push({ text: `= score ${num(scoreV)}`, value: scoreV });
    out.push({ title: 'How the score adds up', lines });
  }
  const alts = (why['alternatives'] ?? []) as Rec[];
  if (alts.length > 0) {
    out.push({
      title: 'Alternatives weighed (best first)',
      lines: alts.map((a) => ({ text: `${alternative(a, book)} ${num(a['score'])}`, value: Number(a['score']) })),
    });
  }
  return out;
}

function alternative(a: Rec, book: NameBook): string {
  const action = String(a['action']);
  if (action === 'lobby') return `lobby on ${book.issue(String(a['issue']))}`;
  if (action === 'local-law') return `own law on ${book.issue(String(a['issue']))}`;
  if (action === 'litigate') return `court case on ${book.issue(String(a['issue']))}`;
  return `${instrumentLabel(action)} with ${book.name(String(a['partner']))}`;
}

function goalLabel(goal: string, book: NameBook): string {
  const issue = book.issue(goal);
  return issue === goal ? goal : `${goal} (${issue})`;
}

/** Each party with its country and rule set: what a rule-set swap (key g) changes. */
function parties(ids: readonly string[], book: NameBook): WhySection {
  return { title: 'Parties', lines: ids.map((id) => ({ text: `${book.name(id)}${book.standing(id) ? ` (${book.standing(id)})` : ''}` })) };
}

function assessments(why: Rec, book: NameBook): WhySection {
  const lines: WhyLine[] = [];
  for (const a of (why['assessments'] ?? []) as Rec[]) {
    const verdict = String(a['verdict']);
    lines.push({
      text: `${book.name(String(a['party']))} under rule set ${String(a['ruleSet'])}: ${verdict} (${a['rule'] === 'silence' ? 'the constitution is silent' : `rule ${String(a['rule'])}`})`,
      tone: verdict === 'forbidden' ? 'no' : 'yes',
    });
    for (const c of strings(a['citations'])) lines.push({ text: `  ${c}` });
  }
  return { title: 'Rules applied to each party', lines };
}

function proposalBehind(story: readonly SimEvent[], book: NameBook): WhySection[] {
  const p = story.find((r) => r.kind === 'action.proposed');
  return p ? decision((p['why'] ?? {}) as Rec, book, String(p['actor']), chosen(p, book)) : [];
}

function declined(e: SimEvent, why: Rec, book: NameBook): WhySection {
  const by = book.name(String(e['by']));
  if (why['network']) return { title: `Answer of ${by}`, lines: [{ text: String(why['network']) }] };
  const lines: WhyLine[] = [];
  if (why['consent'] !== undefined) lines.push(score('consent score', why['consent'], why['threshold']));
  else if (why['partnerState'] !== undefined) lines.push(score(`${possessive(by)} score as a partner state`, why['partnerState'], why['threshold']));
  else {
    lines.push(score(`${possessive(by)} own score`, why['score'], why['threshold']));
    for (const [g, v] of Object.entries((why['goals'] ?? {}) as Record<string, number>).sort((a, b) => b[1] - a[1])) lines.push({ text: `  ${goalLabel(g, book)} ${num(v)}`, value: v });
  }
  return { title: `Why ${by} declined`, lines };
}

function stepSection(e: SimEvent, book: NameBook): WhySection {
  const lines: WhyLine[] = [
    { text: `${String(e['step'])} by ${possessive(book.name(String(e['approver'])))} ${organName(e['organ'])}, required by the rule set of ${book.name(String(e['party']))}'s country` },
    { text: String(e['citation']) },
  ];
  if (e['deadline']) lines.push({ text: `deadline ${shortDate(String(e['deadline']))}; silence then means ${e['onSilence'] === 'consent' ? 'consent (tacit approval)' : 'refusal'}` });
  return { title: 'Approval step', lines };
}

function stepDecision(e: SimEvent, why: Rec, book: NameBook): WhySection {
  const lines: WhyLine[] = [];
  const who = `${possessive(book.name(String(e['approver'])))} ${organName(e['organ'])}`;
  if (why['notified']) lines.push({ text: `${who} was notified; notification needs no answer`, tone: 'yes' });
  else if (why['silentUntilDeadline']) {
    lines.push({ text: `${who} stayed silent until the deadline`, tone: 'silent' });
    const kept = strings(why['keptOffTheFloorBy']);
    if (kept.length > 0) lines.push({ text: `kept off the floor by ${kept.join(', ')}`, tone: 'no' });
    lines.push({ text: `the rule says silence means ${why['onSilence'] === 'consent' ? 'consent: approved tacitly' : 'refusal'}`, tone: why['onSilence'] === 'consent' ? 'silent' : 'no' });
  } else if (why['votes']) {
    for (const [chamber, share] of Object.entries(why['votes'] as Record<string, number>)) {
      const t = typeof why['threshold'] === 'number' ? why['threshold'] : null;
      lines.push({ text: `${chamber}: ${pct(share)} yes${t === null ? '' : ` (needs ${pct(t)})`}`, value: share, tone: t === null || share >= t ? 'yes' : 'no' });
    }
  } else if (why['ratify'] !== undefined) lines.push(score('ratification score', why['ratify'], why['threshold']));
  else if (why['consent'] !== undefined) lines.push(score('consent score', why['consent'], why['threshold']));
  return { title: e.kind === 'approval.granted' ? 'Consented' : e.kind === 'approval.tacit' ? 'Stayed silent' : 'Refused', lines };
}

function approvalPath(e: SimEvent, story: readonly SimEvent[], book: NameBook): WhySection {
  const steps = (e['approvals'] ?? []) as Rec[];
  if (steps.length === 0) return { title: 'Approval path', lines: [{ text: 'no approval needed under the rules applied', tone: 'yes' }] };
  const resolved = story.filter((r) => r.kind === 'approval.granted' || r.kind === 'approval.tacit' || r.kind === 'approval.refused');
  const requested = story.filter((r) => r.kind === 'approval.requested');
  const lines = steps.map((s, i): WhyLine => {
    const who = `${possessive(book.name(String(s['approver'])))} ${organName(s['organ'])}`;
    const outcome = String(s['outcome']);
    const when = resolved[i] ? ` on ${shortDate(resolved[i]!.date)}` : '';
    const deadline = requested[i]?.['deadline'] ? ` (deadline ${shortDate(String(requested[i]!['deadline']))})` : '';
    const text =
      s['step'] === 'notify'
        ? `${who} was notified${when}`
        : outcome === 'tacit'
          ? `${who} stayed silent until the deadline${deadline}: tacit consent${when}`
          : outcome === 'refused'
            ? `${who} refused${when}`
            : `${who} consented${when}`;
    return { text: `${i + 1}. ${String(s['step'])}: ${text} [${String(s['citation'])}]`, tone: outcome === 'tacit' ? 'silent' : outcome === 'refused' ? 'no' : 'yes' };
  });
  return { title: 'Approval path', lines };
}

function legislature(why: Rec, outcome: string): WhySection {
  const lines: WhyLine[] = [];
  const support = (why['support'] ?? {}) as Record<string, number>;
  const thresholds = (why['thresholds'] ?? {}) as Record<string, number>;
  for (const [chamber, s] of Object.entries(support)) {
    const t = thresholds[chamber] ?? 0.5;
    lines.push({ text: `${chamber}: support ${pct(s)} (needs ${pct(t)})`, value: s, tone: s >= t ? 'yes' : 'no' });
  }
  const gate = Number(why['gate'] ?? 0);
  for (const g of (why['gatekeepers'] ?? []) as Rec[]) {
    const p = Number(g['position']);
    lines.push({ text: `gatekeeper ${String(g['name'])}${g['role'] ? ` (${String(g['role'])})` : ''}: position ${num(p)} ${p < gate ? `< gate ${num(gate)}: keeps it off the floor` : `>= gate ${num(gate)}`}`, value: p, tone: p < gate ? 'no' : 'yes' });
  }
  if (why['executive'] !== undefined) lines.push({ text: `executive position ${num(why['executive'])}`, value: Number(why['executive']) });
  return { title: outcome === 'passed' ? 'Why the law passed' : `Why the law is stuck (${outcome})`, lines };
}

function citationLines(e: SimEvent): WhyLine[] {
  const list = e['citation'] !== undefined ? [String(e['citation'])] : strings(e['citations']);
  return list.map((c) => ({ text: c }));
}

const FRAMING_INPUTS: Record<string, string> = {
  stance: "the third party's stance toward the unit's external action",
  protodiplomacy: 'protodiplomatic (1) or not (0)',
  silence: 'allowed only by the constitution\'s silence (1) or by a rule (0)',
  office: 'an office (1) or not (0)',
  binding: 'binding (1) or not (0)',
  partnerIsState: 'the partner is a state (1) or not (0)',
  global: 'beyond the neighbouring countries (1) or not (0)',
};

const POSITION_INPUTS: Record<string, string> = {
  stance: "the leader's stated stance (timeline input)",
  pressure: 'lobbying pressure received',
  salience: 'mean salience among affected units',
  ties: 'transborder instruments in force on the issue',
  laws: "the units' own laws on the issue",
  foreign: 'highest position of another central',
};

function scoreLines(why: Rec): WhyLine[] {
  if (why['comply'] !== undefined) return [{ text: `compliance score ${num(why['comply'])} (denounces when >= ${num(why['threshold'])}, else the central may take over)`, value: Number(why['comply']) }];
  if (why['consent'] !== undefined) return [{ text: `central's consent score ${num(why['consent'])} below ${num(why['denounceBelow'])}`, value: Number(why['consent']), tone: 'no' }];
  return [];
}

function score(label: string, value: unknown, threshold: unknown): WhyLine {
  const v = Number(value);
  const t = Number(threshold ?? 0);
  return { text: `${label} ${num(v)} ${v >= t ? '>=' : '<'} ${num(t)}`, value: v, tone: v >= t ? 'yes' : 'no' };
}

function organName(organ: unknown): string {
  return organ === 'own-legislature' ? 'own legislature' : String(organ);
}

/** The relation formula's inputs, as the WHY panel names them. */
const RELATION_INPUTS: Record<string, string> = {
  alignment: 'alignment with the central on its issues (1 = same positions)',
  autonomyAspiration: 'autonomy aspiration (lowers the score)',
  protodiplomaticTies: 'protodiplomatic instruments in force',
  sanctions: 'sanctions received',
  refusals: 'approvals refused by its central',
};

/** The terms of a decision's score beside its goals (why.terms), as the WHY panel names them. */
const TERM_LABELS: [string, string][] = [
  ['cost', 'cost of the instrument (cost / capacity in the default formula)'],
  ['load', "load (the actor's instruments in force or pending, over its capacity)"],
  ['noise', 'noise (the chance part of a decision)'],
  ['other', 'other terms of the utility formula'],
];

/** A number with its sign: +0.081, -0.067, 0. */
function signed(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return r > 0 ? `+${r}` : String(r === 0 ? 0 : r);
}

function num(x: unknown): string {
  const v = Number(x);
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : String(x);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
