// The chart library, read from node_modules so it can be inlined: the report is one
// file that opens offline, with no CDN and no files beside it. uPlot is ~50 KB minified,
// has no dependencies, and draws line charts on a canvas.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ChartAssets {
  readonly js: string;
  readonly css: string;
  readonly version: string;
}

let cached: ChartAssets | undefined;

export function chartAssets(): ChartAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (p: string) => readFileSync(require.resolve(p), 'utf8');
  cached = {
    // the IIFE build defines the global `uPlot` that the page's chart script uses
    js: read('uplot/dist/uPlot.iife.min.js'),
    css: read('uplot/dist/uPlot.min.css'),
    version: (JSON.parse(read('uplot/package.json')) as { version: string }).version,
  };
  return cached;
}
