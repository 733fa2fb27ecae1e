/**
 * The report pages open in a real browser: Debian's headless Chromium, driven by playwright-core, shows every
 * chart (SVG elements with marks and a size), logs no console error and asks the network for nothing. Slow
 * (a browser start per page) and needs `apt-get install chromium`: run by `npm run test:slow` (.ci/run).
 * With PARADIP_SCREENSHOTS=<dir> it also saves a full-page PNG of each page there (docs/ uses them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSweepFixture } from '../support/sweep-fixture.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let dir = '';

function paradip(...args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`paradip ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
}

interface Opened {
  charts: { width: number; height: number; marks: number }[];
  errors: string[];
  requests: string[];
}

/** Opens a page in a fresh Chromium profile and reports what rendered, what it logged and what it fetched. */
async function open(file: string, screenshot?: string): Promise<Opened> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'paradip-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== `file://${file}`) requests.push(r.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    // Top-level charts only (vega draws some marks as nested svg elements in none of our specs, but be exact).
    const charts = await page.$$eval('figure > svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, circle, rect, line').length };
      }),
    );
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { charts, errors, requests };
  } finally {
    await context.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-report-chromium-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
  writeSweepFixture(join(dir, 'sweep'), {
    params: ['x1', 'x2', 'x3'].map((path) => ({ path, min: -Math.PI, max: Math.PI })),
    design: { kind: 'sobol', samples: 256 },
    seeds: 2,
    measures: {
      ishigami: (v, seed) => Math.sin(v['x1'] as number) + 7 * Math.sin(v['x2'] as number) ** 2 + 0.1 * (v['x3'] as number) ** 4 * Math.sin(v['x1'] as number) + (seed - 1.5),
    },
  });
  paradip('report', 'sweep');
  for (const seed of [1, 2, 3]) paradip('run', join(ROOT, 'scenarios/acid-rain-1980s.yaml'), '--seed', String(seed), '--out', `ar-${seed}`, '--quiet');
  paradip('report', 'ar-1', 'ar-2', 'ar-3', '--out', 'runs.html');
});

describe('report pages in headless Chromium', () => {
  const shots = process.env['PARADIP_SCREENSHOTS'];

  it('the sweep report renders its 4 charts, with no console error and no request', async () => {
    const page = await open(join(dir, 'sweep/report.html'), shots && join(shots, 'report-sweep.png'));
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts).toHaveLength(4);
    for (const c of page.charts) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(100);
      expect(c.marks).toBeGreaterThan(10);
    }
  });

  it('the runs report renders indicators with bands and events, with no console error and no request', async () => {
    const page = await open(join(dir, 'runs.html'), shots && join(shots, 'report-runs.png'));
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts).toHaveLength(2);
    for (const c of page.charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.marks).toBeGreaterThan(20);
    }
  });
});
