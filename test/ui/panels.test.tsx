/**
 * Each panel on known data (ink-testing-library): what a class sees in the header, governments,
 * instruments, indicators, event log, WHY panel, help, pickers and the too-small message.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { explainEvent } from '../../src/experiment/explain-event.ts';
import { EventLog } from '../../src/ui/EventLog.tsx';
import { Footer } from '../../src/ui/Footer.tsx';
import { governmentRows } from '../../src/ui/government-rows.ts';
import { Governments } from '../../src/ui/Governments.tsx';
import { Header } from '../../src/ui/Header.tsx';
import { Help } from '../../src/ui/Help.tsx';
import { Indicators } from '../../src/ui/Indicators.tsx';
import { Instruments } from '../../src/ui/Instruments.tsx';
import { FilteredLog, ALL, relatedEvents } from '../../src/ui/log-filter.ts';
import { Picker } from '../../src/ui/Picker.tsx';
import { TooSmall } from '../../src/ui/TooSmall.tsx';
import { WhyPanel } from '../../src/ui/WhyPanel.tsx';
import { whyRows } from '../../src/ui/why-rows.ts';
import { EVENTS, NAMES, frame, view } from './fake.ts';

afterEach(() => cleanup());

const lines = (s: string | undefined): string[] => (s ?? '').split('\n');
const widest = (s: string | undefined): number => Math.max(...lines(s).map((l) => [...l].length));

describe('Header', () => {
  it('shows title, date, tick of total, seed, variant, speed and running/paused', () => {
    const { lastFrame, rerender } = render(<Header frame={frame()} width={80} />);
    expect(lastFrame()).toContain('Acid rain test');
    // The tick as events.jsonl numbers it (the fake's last event is at tick 8), of the last tick (119).
    expect(lastFrame()).toContain('1982-09  tick 8/119');
    expect(lastFrame()).toMatch(/running · seed 7 · variant none · 4 ticks\/s/);
    rerender(<Header frame={frame({ status: 'paused', speed: 8 })} width={80} />);
    expect(lastFrame()).toMatch(/paused · seed 7 · variant none · max/);
    rerender(<Header frame={frame({ status: 'finished' })} width={80} />);
    expect(lastFrame()).toContain('finished');
  });

  it('marks what v, g and r changed', () => {
    const f = frame({ seed: 8, variant: 'strict', changed: { seed: true, variant: true, ruleSets: ['United States: AT'], sets: [] } });
    const { lastFrame } = render(<Header frame={f} width={100} />);
    expect(lastFrame()).toContain('seed 8*');
    expect(lastFrame()).toContain('variant strict*');
    expect(lastFrame()).toContain('rules* United States: AT');
  });

  it('shows the --set overrides, marked as changes', () => {
    const f = frame({ changed: { seed: false, variant: false, ruleSets: [], sets: ['behaviour.parameters.actThreshold=0.6'] } });
    const { lastFrame } = render(<Header frame={f} width={120} />);
    expect(lastFrame()).toContain('set* behaviour.parameters.actThreshold=0.6');
  });

  it('shows "tick -" before the first tick', () => {
    const { lastFrame } = render(<Header frame={frame({ tick: -1 })} width={80} />);
    expect(lastFrame()).toContain('tick -/119');
  });

  it('says REPLAY over a recorded run', () => {
    const { lastFrame } = render(<Header frame={frame({ mode: 'replay' })} width={80} />);
    expect(lastFrame()).toContain('REPLAY Acid rain test');
  });
});

describe('Governments', () => {
  const props = (n: number, height: number, scroll = 0, width = 62, focused = false) => {
    const v = view(n);
    return { view: v, rows: governmentRows(v, width), width, height, scroll, focused, name: (id: string) => NAMES.name(id) };
  };

  it('groups subnationals under their central with relation, instruments in force and goals', () => {
    const { lastFrame } = render(<Governments {...props(2, 14)} />);
    const out = lastFrame()!;
    expect(out).toMatch(/United States US rules · exec -0.30\s/);
    expect(out).toMatch(/^ {2}law: gatekeeper · Byrd -0.6/m);
    expect(out).toMatch(/New York\s+compet\.\s+1 acid 0.90/);
    expect(out).toMatch(/Canada CA rules · exec \+0.60/);
    expect(out).toMatch(/Quebec\s+support\s+1 acid 0.70/);
  });

  it('at the 44 columns of an 80x24 screen, the law and every gatekeeper are whole (their own row)', () => {
    const { lastFrame } = render(<Governments {...props(2, 14, 0, 44)} />);
    expect(lastFrame()).toMatch(/^ {2}law: gatekeeper · Byrd -0.6\s*$/m);
    expect(lastFrame()).toMatch(/^United States US rules · exec -0.30\s*$/m);
    expect(lastFrame()).toMatch(/^ {2}House 55%\/50% · Senate 45%\/50%\s*$/m);
  });

  it('shows the legislature (support against threshold, gatekeepers) and pending approvals with deadlines', () => {
    const { lastFrame } = render(<Governments {...props(0, 10)} />);
    expect(lastFrame()).toMatch(/House 55%\/50% · Senate 45%\/50%\s/);
    expect(lastFrame()).toMatch(/law: gatekeeper · Byrd -0.6/);
    expect(lastFrame()).toMatch(/awaiting 1: agreement of New York: vote until 1983-09/);
  });

  it('gives every central a share of a long list, most active first, and says how many more', () => {
    const { lastFrame } = render(<Governments {...props(30, 13)} />);
    const out = lastFrame()!;
    expect(lines(out)).toHaveLength(13);
    expect(out).toContain('32 governments · Tab: all');
    expect(out).toMatch(/New York\s+compet\./);
    expect(out).toMatch(/\+\d+ more of United States \(Tab, then ↑↓\)/);
    expect(out).toContain('Canada CA rules');
    expect(out).toContain('Quebec');
  });

  it('with the keys (Tab), scrolls the full list and says where it is', () => {
    const { lastFrame, rerender } = render(<Governments {...props(30, 13, 0, 62, true)} />);
    expect(lastFrame()).toContain('1-12 of 37 ↑↓');
    rerender(<Governments {...props(30, 13, 100, 62, true)} />);
    expect(lastFrame()).toContain('26-37 of 37');
    expect(lastFrame()).toContain('Quebec');
    expect(lastFrame()).not.toContain('House');
  });

  it('never draws wider than its width', () => {
    const { lastFrame } = render(<Governments {...props(5, 13, 0, 44)} />);
    expect(widest(lastFrame())).toBeLessThanOrEqual(44);
  });
});

describe('Instruments', () => {
  it('counts instruments in force by kind and by Duchacek type and lists the latest signings', () => {
    const { lastFrame } = render(<Instruments view={view()} events={EVENTS} eventCount={EVENTS.length} names={NAMES} unit="month" width={35} height={8} />);
    expect(lastFrame()).toContain('1 in force · 1 pending');
    expect(lastFrame()).toContain('MOU 1');
    expect(lastFrame()).toContain('Duchacek: cross-border 1');
    expect(lastFrame()).toContain('1982-06 New York and Quebec sign');
  });
});

describe('Indicators', () => {
  it('draws a sparkline per indicator with its latest value', () => {
    const { lastFrame } = render(<Indicators names={['in_force', 'salience_acid-rain']} rows={[[0, 0.1], [0, 0.2], [1, 0.4], [2, 0.8]]} count={4} width={35} height={4} />);
    expect(lastFrame()).toMatch(/in_force\s+▁▁▅█\s+2/);
    // The whole name at the 35 columns of an 80x24 screen.
    expect(lastFrame()).toMatch(/salience_acid-rain\s+▂▃▅█\s+0.8/);
  });

  it('shows the whole run, downsampled, not only the last ticks; and the axis range where there is room', () => {
    // 100 ticks: a rise in the first ten, then flat. The last-N window showed a flat line at the end of a run.
    const rows = Array.from({ length: 100 }, (_, t) => [Math.min(t, 10)]);
    const { lastFrame } = render(<Indicators names={['mous_in_force']} rows={rows} count={100} width={50} height={2} />);
    const line = lastFrame()!.split('\n')[1]!;
    const spark = /mous_in_force\s+([▁▂▃▄▅▆▇█]+)/.exec(line)![1]!;
    expect(spark.length).toBeLessThanOrEqual(50);
    expect(spark[0]).not.toBe('█');
    expect(spark.at(-1)).toBe('█');
    expect(line).toMatch(/ 10 +0\.\.10/);
  });

  it('shows only the ticks of the frame', () => {
    const { lastFrame } = render(<Indicators names={['x']} rows={[[1], [2], [3]]} count={2} width={30} height={2} />);
    expect(lastFrame()).toMatch(/x\s+▅█\s+2/);
  });
});

describe('EventLog', () => {
  const log = new FilteredLog();
  const positions = log.update(EVENTS, EVENTS.length, ALL);
  it('shows the newest events as sentences with names', () => {
    const { lastFrame } = render(<EventLog events={EVENTS} positions={positions} seqs={log.seqs} selected={null} names={NAMES} unit="month" width={100} height={5} focused filter="all events" />);
    expect(lastFrame()).toContain('newest · 9 events · filter: all events');
    expect(lastFrame()).toContain('1982-07 Ontario may not conclude a treaty with New York: US Const. art. I, s. 10, cl. 1');
    // No proposal of i000003 among these events: the sentence says what it knows.
    expect(lastFrame()).toContain("1982-09 United States' legislature refuses an agreement (i000003)");
    expect(lastFrame()).not.toContain('1982-04');
  });

  it('keeps a selected older event in view', () => {
    const { lastFrame } = render(<EventLog events={EVENTS} positions={positions} seqs={log.seqs} selected={2} names={NAMES} unit="month" width={100} height={4} focused filter="all events" />);
    expect(lastFrame()).toContain('#2 · 9 events');
    expect(lastFrame()).toContain('1982-04 New York proposes an MOU on acid rain to Quebec');
  });
});

describe('WhyPanel', () => {
  const why = (seq: number, height = 30) => {
    const e = EVENTS.find((x) => x.seq === seq)!;
    const x = explainEvent(e, NAMES, relatedEvents(EVENTS, EVENTS.length, e));
    return render(<WhyPanel explanation={x} rows={whyRows(x, 160)} unit="month" width={160} height={height} scroll={0} />);
  };

  it('explains a decision: what was chosen, each goal\'s contribution, the alternatives', () => {
    const out = why(2).lastFrame()!;
    expect(out).toContain('chose MOU with Quebec: score 0.47 >= threshold 0.35');
    expect(out).toMatch(/█+·*\s+acid-rain \(acid rain\) 0.42/);
    expect(out).toContain('economic 0.1');
    expect(out).toContain('visit with Ontario 0.3');
    expect(out).toContain('lobby on acid rain 0.2');
  });

  it('explains a legal outcome: rules and citations, and who stayed silent until the deadline', () => {
    const out = why(5).lastFrame()!;
    expect(out).toContain('Rules and citations applied');
    expect(out).toContain('Test rule 1 (consent of the federal executive)');
    expect(out).toContain("1. consent: Canada's executive stayed silent until the deadline (deadline 1982-06): tacit consent on 1982-06");
  });

  it('explains a prohibition party by party, with citations', () => {
    const out = why(7).lastFrame()!;
    expect(out).toContain('New York under rule set US: forbidden (rule treaty)');
    expect(out).toContain('Ontario under rule set CA: allowed (the constitution is silent)');
    expect(out).toContain('US Const. art. I, s. 10, cl. 1');
  });

  it('explains a refusal by vote and a blocked law', () => {
    expect(why(9).lastFrame()).toMatch(/senate: 40% yes \(needs 50%\)/);
    expect(why(8).lastFrame()).toMatch(/gatekeeper Robert Byrd \(Senate Majority Leader\): position -0.6 < gate 0: keeps it off the floor/);
  });

  it('scrolls when the explanation is longer than the panel', () => {
    expect(why(5, 6).lastFrame()).toMatch(/1-5 of \d+ ↑↓/);
  });
});

describe('Help, pickers, footer and a terminal too small', () => {
  it('lists every key', () => {
    const out = render(<Help width={100} height={20} mode="live" />).lastFrame()!;
    for (const k of ['Space', '→ or s', '+ / -', 'Enter', 'f', 'v', 'g', 'r', 'q, Ctrl-C']) expect(out).toContain(k);
  });

  it('marks the picked item', () => {
    const out = render(<Picker title="Pick" items={[{ label: 'a', value: 1 }, { label: 'b', value: 2 }]} index={1} width={40} height={5} />).lastFrame()!;
    expect(out).toContain('› b');
    expect(out).toContain('  a');
  });

  it('shows a notice instead of the keys, and fits 80 columns', () => {
    expect(render(<Footer width={80} notice="restarted: new outputs in out-2" mode="live" />).lastFrame()).toContain('restarted: new outputs in out-2');
    expect(widest(render(<Footer width={80} notice={null} mode="live" />).lastFrame())).toBeLessThanOrEqual(80);
  });

  it('says clearly that the terminal is too small', () => {
    const out = render(<TooSmall columns={70} rows={20} />).lastFrame()!;
    expect(out).toContain('Terminal too small: 70x20');
    expect(out).toContain('at least 80x24');
  });
});
