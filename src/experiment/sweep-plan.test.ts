import { describe, expect, it } from 'vitest';
import type { Experiment } from './load-experiment.ts';
import { rowCells, tableColumns, toCsv } from './results-table.ts';
import { parseShard, runCount, runOf, shardRuns, sweepTasks, taskSize } from './sweep-plan.ts';

const experiment = {
  spec: { seeds: { count: 3, first: 10 } },
  fixed: [{ path: 'a', value: 1 }],
  points: [{ point: 0, values: { x: 0.1 } }, { point: 1, values: { x: 0.2 } }],
} as unknown as Experiment;

describe('sweep plan', () => {
  it('parses shards i/n, 0-based, and says what is wrong', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 3, count: 4 });
    expect(parseShard('4/4')).toBe('--shard 4/4: shards are numbered 0 to 3');
    expect(parseShard('1/0')).toMatch(/must be 1 to 1000000/);
    expect(parseShard('1-4')).toMatch(/--shard is i\/n/);
  });

  it('numbers runs point by point, every point on the same seeds', () => {
    expect(runCount(experiment)).toBe(6);
    expect(runOf(experiment, 0)).toEqual({ run: 0, point: 0, seed: 10 });
    expect(runOf(experiment, 4)).toEqual({ run: 4, point: 1, seed: 11 });
  });

  it('shards take every n-th run and together take each run once', () => {
    expect(shardRuns(7, { index: 1, count: 3 })).toEqual([1, 4]);
    expect(shardRuns(7, null)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const all = [0, 1, 2].flatMap((i) => shardRuns(7, { index: i, count: 3 })).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('cuts tasks within a point, at most `size` runs, with the fixed overrides first', () => {
    const tasks = sweepTasks(experiment, [0, 1, 2, 3, 5], 2);
    expect(tasks.map((t) => [t.point, t.runs.map((r) => r.run)])).toEqual([[0, [0, 1]], [0, [2]], [1, [3, 5]]]);
    expect(tasks[2]!.overrides).toEqual([{ path: 'a', value: 1 }, { path: 'x', value: 0.2 }]);
    expect(tasks[2]!.runs[1]).toEqual({ run: 5, seed: 12 });
    expect(taskSize(1000, 2)).toBe(25);
    expect(taskSize(40, 2)).toBe(3);
    expect(taskSize(0, 2)).toBe(1);
  });
});

describe('results table', () => {
  it('types parameter columns by their values and writes missing measures as empty cells', () => {
    const columns = tableColumns(['p', 'q', 'r'], [{ p: 1, q: 'a', r: true }, { p: 2, q: 3, r: false }], ['m']);
    expect(columns.map((c) => c.type)).toEqual(['int64', 'int64', 'int64', 'double', 'string', 'boolean', 'double', 'string', 'string']);
    const cells = rowCells({ run: 0, point: 1, seed: 5, measures: [NaN], status: 'error', error: 'a "quoted", text' }, ['p', 'q', 'r'], { p: 2, q: 3, r: false }, columns);
    expect(cells).toEqual([0, 1, 5, 2, '3', false, null, 'error', 'a "quoted", text']);
    expect(toCsv(columns, [cells])).toBe('run,point,seed,p,q,r,m,status,error\n0,1,5,2,3,false,,error,"a ""quoted"", text"\n');
  });
});
