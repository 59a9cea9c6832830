/**
 * ECharts is the page's largest chunk (about 600 kB, most of the script). Imported statically it had to arrive
 * and run before main.ts could send its first request; imported here, as the app starts, it downloads and
 * compiles while the sign-in and the screen's requests are on the wire, and charts are drawn once it is in.
 */
import type * as Charts from './charts/charts.ts';

let loaded: typeof Charts | null = null;

export const chartsModule: Promise<typeof Charts> = import('./charts/charts.ts');
// Until the chunk is in, no chart can have been drawn, so there is nothing to dispose of.
chartsModule.then(
  (module) => {
    loaded = module;
  },
  () => undefined,
);

/** Disposes of every chart; called before a screen is redrawn. */
export function disposeCharts(): void {
  loaded?.disposeCharts();
}

/** Disposes of the charts inside `root` only. */
export function disposeChartsIn(root: Element): void {
  loaded?.disposeChartsIn(root);
}
