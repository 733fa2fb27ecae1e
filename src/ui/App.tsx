/**
 * The whole screen: header, governments | instruments and indicators, event log, footer; or, over the body,
 * the WHY panel, help or a picker. Fits 80x24 and grows with the terminal; below 80x24 it says so.
 */
import { Box } from 'ink';
import { useMemo, useRef } from 'react';
import type { SimEvent } from '../engine/events.ts';
import { explainEvent } from '../experiment/explain-event.ts';
import { EventLog } from './EventLog.tsx';
import { Footer } from './Footer.tsx';
import { governmentRows } from './government-rows.ts';
import { Governments } from './Governments.tsx';
import { Header } from './Header.tsx';
import { Help } from './Help.tsx';
import { Indicators } from './Indicators.tsx';
import { Instruments } from './Instruments.tsx';
import { layout } from './layout.ts';
import { FilteredLog, filterLabel, filterOptions, relatedEvents } from './log-filter.ts';
import { Picker } from './Picker.tsx';
import { pickerItems, pickerTitle, type KeyContext, type ScreenState } from './screen-state.ts';
import type { Controller, Frame } from './session.ts';
import { TooSmall } from './TooSmall.tsx';
import { useFrame } from './use-frame.ts';
import { useScreen } from './use-screen.ts';
import { useWindowSize, type WindowSize } from './use-window-size.ts';
import { WhyPanel } from './WhyPanel.tsx';
import { whyRows } from './why-rows.ts';

export interface AppProps {
  controller: Controller;
  /** A fixed size (tests); by default the terminal's, following resizes. */
  size?: WindowSize;
}

export function App({ controller, size }: AppProps) {
  const frame = useFrame(controller);
  const terminal = useWindowSize();
  const { columns, rows } = size ?? terminal;
  const L = layout(columns, rows);
  const filtered = useRef(new FilteredLog());
  const govRows = useMemo(() => governmentRows(frame.view, L.left), [frame.view, L.left]);
  const choices = controller.choices();

  const context = (s: ScreenState): KeyContext => {
    const f = controller.frame();
    filtered.current.update(f.events, f.eventCount, s.filter);
    const why = s.overlay?.type === 'why' ? explanationOf(f, s.overlay.seq) : null;
    return {
      frame: f,
      choices: controller.choices(),
      logSeqs: filtered.current.seqs,
      logHeight: L.log - 1,
      govRows: govRows.length,
      govHeight: L.top - 1,
      whyLines: why ? whyRows(why, columns).length : 0,
      bodyHeight: L.body,
      pickerItems: pickerItems(s.overlay, f, controller.choices(), () => filterItems(f)),
    };
  };
  const state = useScreen(controller, context, frame.events);
  const positions = filtered.current.update(frame.events, frame.eventCount, state.filter);
  const notice = frame.notice !== null && frame.notice !== state.noticeSeen ? frame.notice : null;

  if (L.tooSmall) return <TooSmall columns={columns} rows={rows} />;
  const o = state.overlay;
  let body;
  if (o?.type === 'why') {
    const x = explanationOf(frame, o.seq);
    body = x ? <WhyPanel explanation={x} rows={whyRows(x, columns)} unit={frame.unit} width={columns} height={L.body} scroll={o.scroll} /> : null;
  } else if (o?.type === 'help') {
    body = <Help width={columns} height={L.body} mode={frame.mode} />;
  } else if (o?.type === 'picker') {
    body = <Picker title={pickerTitle(o, frame)} items={pickerItems(o, frame, choices, () => filterItems(frame))} index={o.index} width={columns} height={L.body} />;
  }
  body ??= (
    <>
      <Box height={L.top}>
        <Governments view={frame.view} rows={govRows} width={L.left} height={L.top} scroll={state.govScroll} focused={state.focus === 'governments'} name={(id) => frame.names.name(id)} />
        <Box width={1} />
        <Box flexDirection="column" width={L.right}>
          <Instruments view={frame.view} events={frame.events} eventCount={frame.eventCount} names={frame.names} unit={frame.unit} width={L.right} height={L.instruments} />
          <Indicators names={frame.indicatorNames} rows={frame.indicators} count={frame.indicatorCount} width={L.right} height={L.top - L.instruments} />
        </Box>
      </Box>
      <EventLog
        events={frame.events}
        positions={positions}
        seqs={filtered.current.seqs}
        selected={state.selected}
        names={frame.names}
        unit={frame.unit}
        width={columns}
        height={L.log}
        focused={state.focus === 'log'}
        filter={filterLabel(state.filter, frame.names)}
      />
    </>
  );
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header frame={frame} width={columns} />
      <Box flexDirection="column" height={L.body}>
        {body}
      </Box>
      <Footer width={columns} notice={notice} mode={frame.mode} />
    </Box>
  );
}

/** The event with this seq among the frame's events (events are in seq order), explained. */
function explanationOf(f: Frame, seq: number) {
  const e = eventBySeq(f.events, f.eventCount, seq);
  return e ? explainEvent(e, f.names, relatedEvents(f.events, f.eventCount, e)) : null;
}

export function eventBySeq(events: readonly SimEvent[], count: number, seq: number): SimEvent | undefined {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = events[mid]!.seq;
    if (s === seq) return events[mid];
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function filterItems(f: Frame) {
  const governments = f.view.centrals.flatMap((c) => [{ id: c.id, name: c.name, central: true }, ...c.subnationals.map((u) => ({ id: u.id, name: u.name }))]);
  return filterOptions(f.events, f.eventCount, governments).map((o) => ({ label: o.label, value: o.filter }));
}
