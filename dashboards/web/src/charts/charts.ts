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
import type { ChartOption } from './chart.options.ts';

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

const mounted = new Set<EChartsType>();
let observer: ResizeObserver | null = null;

function resizeObserver(): ResizeObserver {
  observer ??= new ResizeObserver(() => {
    for (const chart of mounted) chart.resize();
  });
  return observer;
}

/** Draws `option` into `container` (which must have a size) and keeps it sized. */
export function mountChart(container: HTMLElement, option: ChartOption): EChartsType {
  const chart = init(container, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  mounted.add(chart);
  resizeObserver().observe(container);
  return chart;
}

/** Disposes of every chart; called before a screen is redrawn. */
export function disposeCharts(): void {
  for (const chart of mounted) {
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
