/**
 * Where each panel goes for a terminal size. Fits 80x24 and gives extra room to the panels that use it
 * (more governments, a longer log, longer sparklines). The screen is drawn one row short of the terminal, so
 * Ink updates it in place instead of clearing the terminal on every frame.
 */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface Layout {
  columns: number;
  rows: number;
  tooSmall: boolean;
  /** Rows of the body (between header and footer). */
  body: number;
  /** Width of the governments column and of the instruments/indicators column. */
  left: number;
  right: number;
  /** Rows of the upper part (governments | instruments, indicators) and of the event log, titles included. */
  top: number;
  log: number;
  /** Rows of the instruments panel, the rest of the right column going to indicators. */
  instruments: number;
}

const HEADER = 2;
const FOOTER = 1;
const SPARE = 1;

export function layout(columns: number, rows: number): Layout {
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const body = Math.max(0, rows - HEADER - FOOTER - SPARE);
  const log = Math.max(7, Math.floor(body * 0.38));
  const top = body - log;
  const left = Math.floor((columns - 1) * 0.56);
  const right = columns - 1 - left;
  const instruments = Math.max(6, Math.min(9, Math.floor(top / 2)));
  return { columns, rows, tooSmall, body, left, right, top, log, instruments };
}
