/**
 * Mounts ECharts instances (only the parts the dashboard uses, to keep the bundle small), resizes them with
 * their containers and disposes of them when a screen is replaced.
 */
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { getInstanceByDom, init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { relayoutOf, type ChartOption, type Relayout } from './chart.options.ts';
import { measureText } from './measure.ts';

use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  HeatmapChart,
  VisualMapComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

const mounted = new Map<EChartsType, Relayout | undefined>();
let observer: ResizeObserver | null = null;

function fit(chart: EChartsType, relayout: Relayout | undefined): void {
  if (relayout) chart.setOption(relayout(chart.getWidth(), measureText, chart.getHeight()));
}

/**
 * Redraws the charts whose containers changed size. Observing a container first reports the size it has, which
 * its chart was just drawn at, and a window resize reports only the containers it changed: redrawing every
 * chart on every report drew each chart a second time right after its first draw.
 */
function resizeObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const chart = getInstanceByDom(entry.target as HTMLElement);
      if (!chart || !mounted.has(chart)) continue;
      const { width, height } = entry.contentRect;
      if (Math.abs(width - chart.getWidth()) < 1 && Math.abs(height - chart.getHeight()) < 1) continue;
      chart.resize();
      fit(chart, mounted.get(chart));
    }
  });
  return observer;
}

/** Draws `option` into `container` (which must have a size), laid out for its width, and keeps it so. */
export function mountChart(container: HTMLElement, option: ChartOption): EChartsType {
  const chart = init(container, undefined, { renderer: 'canvas' });
  const relayout = relayoutOf(option);
  // A chart laid out for its width is drawn once, by the relayout's setOption, not once before it as well.
  chart.setOption(option, { lazyUpdate: relayout !== undefined });
  fit(chart, relayout);
  mounted.set(chart, relayout);
  resizeObserver().observe(container);
  return chart;
}

/** Disposes of every chart; called before a screen is redrawn. */
export function disposeCharts(): void {
  for (const chart of mounted.keys()) {
    observer?.unobserve(chart.getDom());
    chart.dispose();
  }
  mounted.clear();
}

/** Disposes of the charts inside `root` only, for a part of a screen that redraws itself (the Visits screen). */
export function disposeChartsIn(root: Element): void {
  for (const element of root.querySelectorAll('.chart')) {
    const chart = element instanceof HTMLElement ? getInstanceByDom(element) : undefined;
    if (!chart) continue;
    observer?.unobserve(element);
    mounted.delete(chart);
    chart.dispose();
  }
}
