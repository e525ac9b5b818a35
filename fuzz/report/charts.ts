// The campaign over time as three line charts — programs/s, features covered, buckets
// found — from summary.timeline (one snapshot a second). The series are computed here;
// the page's small script only hands them to uPlot, so the charts show exactly the
// numbers in summary.json.

import type { Snapshot } from '../campaign.js';
import { html, type Html, jsonScript, trusted } from './html-escape.js';

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** One value per x; null where there is none (uPlot leaves a gap). */
  readonly values: ReadonlyArray<number | null>;
}

export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
}

export interface ChartData {
  /** Elapsed seconds; 0 first, so even a one-snapshot campaign has an axis. */
  readonly x: readonly number[];
  readonly charts: readonly Chart[];
}

/** Series colours, also what the browser test looks for in the canvases' pixels. */
export const SERIES_COLORS = { rate: '#1f77b4', average: '#9aa5b1', features: '#2ca02c', buckets: '#d62728' } as const;

/** The shortest window the recent rate is taken over. */
const MIN_RATE_WINDOW_MS = 10_000;

/**
 * The window the recent rate is smoothed over: programs arrive in whole batches (a
 * worker's batch of a thousand every few seconds), so a window of one snapshot shows a
 * sawtooth — a batch's programs in one second, none in the next. Four times the usual
 * gap between two arrivals, at least 10 s, spans several batches of every worker.
 */
export function rateWindowMs(timeline: readonly Snapshot[]): number {
  const gaps: number[] = [];
  let last: Snapshot | undefined;
  for (const s of timeline) {
    if (last && s.programs > last.programs) gaps.push(s.elapsedMs - last.elapsedMs);
    if (!last || s.programs > last.programs) last = s;
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  return Math.max(MIN_RATE_WINDOW_MS, 4 * usual);
}

/**
 * Programs/s over a trailing window at each snapshot, measured between batch arrivals
 * (the snapshots where the count grew): from the latest arrival back to the latest
 * arrival at least a window before it (or the start), so where in a batch's gap a
 * snapshot falls changes nothing. A whole window without an arrival is a rate of 0.
 */
export function recentRates(timeline: readonly Snapshot[], windowMs: number): Array<number | null> {
  const arrivals: Array<{ elapsedMs: number; programs: number }> = [{ elapsedMs: 0, programs: 0 }];
  return timeline.map((s) => {
    const last = arrivals[arrivals.length - 1];
    if (s.programs > last.programs) arrivals.push({ elapsedMs: s.elapsedMs, programs: s.programs });
    const end = s.elapsedMs - arrivals[arrivals.length - 1].elapsedMs >= windowMs ? { elapsedMs: s.elapsedMs, programs: s.programs } : arrivals[arrivals.length - 1];
    let i = arrivals.length - 1;
    while (i > 0 && end.elapsedMs - arrivals[i].elapsedMs < windowMs) i--;
    const from = arrivals[i];
    const dt = end.elapsedMs - from.elapsedMs;
    return dt > 0 ? Math.round(((end.programs - from.programs) * 1000) / dt) : null;
  });
}

export function chartData(timeline: readonly Snapshot[]): ChartData {
  const x = [0, ...timeline.map((s) => s.elapsedMs / 1000)];
  // the rate over a trailing window shows slow-downs the running average hides
  const windowMs = rateWindowMs(timeline);
  const rate = recentRates(timeline, windowMs);
  const at0 = <T>(v: readonly T[]): Array<T | null> => [null, ...v];
  return {
    x,
    charts: [
      {
        id: 'chart-rate',
        title: 'Programs per second',
        unit: 'programs/s',
        // uPlot draws in series order: the rate last, so the average never hides it
        series: [
          { label: 'average since start', color: SERIES_COLORS.average, values: at0(timeline.map((s) => s.rate)) },
          { label: `over the last ${Math.round(windowMs / 1000)} s`, color: SERIES_COLORS.rate, values: at0(rate) },
        ],
      },
      { id: 'chart-features', title: 'Features covered', unit: 'features', series: [{ label: 'features', color: SERIES_COLORS.features, values: at0(timeline.map((s) => s.features)) }] },
      { id: 'chart-buckets', title: 'Buckets found', unit: 'buckets', series: [{ label: 'buckets', color: SERIES_COLORS.buckets, values: at0(timeline.map((s) => s.buckets)) }] },
    ],
  };
}

// Plain ES5 for the page (not compiled TypeScript: a bundler's helpers would not exist there).
const DRAW_CHARTS = `(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var height = 240;
  var plots = data.charts.map(function (c) {
    var el = document.getElementById(c.id);
    var opts = {
      title: c.title,
      width: Math.max(320, el.clientWidth),
      height: height,
      scales: { x: { time: false } },
      axes: [{ label: 'elapsed (s)' }, { label: c.unit, size: 70 }],
      legend: { live: false },
      series: [{ label: 'elapsed (s)' }].concat(c.series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2, points: { show: true, size: 6 }, spanGaps: false };
      })),
    };
    var values = [data.x].concat(c.series.map(function (s) { return s.values; }));
    return { el: el, plot: new uPlot(opts, values, el) };
  });
  window.addEventListener('resize', function () {
    plots.forEach(function (p) { p.plot.setSize({ width: Math.max(320, p.el.clientWidth), height: height }); });
  });
})();`;

/** The chart containers, their data and the script that draws them (after uPlot is loaded). */
export function renderCharts(timeline: readonly Snapshot[]): Html {
  if (!timeline.length) return html`<p class="note">No timeline was recorded (the campaign ended before its first snapshot).</p>`;
  const data = chartData(timeline);
  return html`<div class="charts">${data.charts.map((c) => html`<figure class="chart" id="${c.id}" aria-label="${c.title}"></figure>`)}</div>
${jsonScript('chart-data', data)}
<script>${trusted(DRAW_CHARTS, 'script')}</script>`;
}
