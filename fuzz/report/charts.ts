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

const RATE_WINDOW_MS = 1000;

export function chartData(timeline: readonly Snapshot[]): ChartData {
  const x = [0, ...timeline.map((s) => s.elapsedMs / 1000)];
  // The rate over the last second or more shows slow-downs that the running average
  // hides. Programs arrive in whole batches, so a shorter window (the campaign's final
  // snapshot comes right after the one before) would show a spike that never was.
  const points = [{ elapsedMs: 0, programs: 0 }, ...timeline];
  let start = 0; // the latest point at least a window before the current one (moves forward only)
  const rate = timeline.map((s) => {
    while (start + 1 < points.length && s.elapsedMs - points[start + 1].elapsedMs >= RATE_WINDOW_MS) start++;
    const prev = points[start];
    const dt = s.elapsedMs - prev.elapsedMs;
    return dt > 0 ? Math.round(((s.programs - prev.programs) * 1000) / dt) : null;
  });
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
          { label: 'over the last second', color: SERIES_COLORS.rate, values: at0(rate) },
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
