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
import { heightOf, relayoutOf, type ChartOption, type HeightAt, type Relayout } from './chart.options.ts';
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

/** What each mounted chart redoes at a new size: its options (`relayoutOf`) and, if it follows its names, its height. */
interface Layout {
  relayout: Relayout | undefined;
  height: HeightAt | undefined;
}
const mounted = new Map<EChartsType, Layout>();
let observer: ResizeObserver | null = null;

/**
 * Lays `chart` out for its width: first the height its wrapped names need there (its box takes it, so the relayout
 * draws into the final size), then the options that change with the size.
 */
function fit(chart: EChartsType, layout: Layout | undefined): void {
  const height = layout?.height?.(chart.getWidth(), measureText);
  if (height !== undefined && Math.abs(height - chart.getHeight()) >= 1) {
    chart.getDom().style.height = `${height}px`;
    chart.resize();
  }
  if (layout?.relayout) chart.setOption(layout.relayout(chart.getWidth(), measureText, chart.getHeight()));
}

/**
 * A resize (a window dragged, a phone rotated) reports sizes many times a second. Each chart's canvas follows at once
 * (a canvas left at its old width made a phone's page scroll sideways); its relayout and its names' re-wrap, which
 * may change its height, wait until the resize has settled for this long.
 */
const SETTLE_MS = 150;
const due = new Set<EChartsType>();
let settle: ReturnType<typeof setTimeout> | undefined;

function refitDue(): void {
  settle = undefined;
  for (const chart of due) {
    if (chart.isDisposed() || !mounted.has(chart)) continue;
    fit(chart, mounted.get(chart));
  }
  due.clear();
}

/**
 * Redraws the charts whose containers changed size. Observing a container first reports the size it has, which
 * its chart was just drawn at, and a window resize reports only the containers it changed: redrawing every
 * chart on every report drew each chart a second time right after its first draw. One observer serves every
 * chart and a disposed chart's container is unobserved, so changing screens leaves nothing listening.
 */
function resizeObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const chart = getInstanceByDom(entry.target as HTMLElement);
      if (!chart || !mounted.has(chart)) continue;
      const { width, height } = entry.contentRect;
      if (Math.abs(width - chart.getWidth()) < 1 && Math.abs(height - chart.getHeight()) < 1) continue;
      chart.resize();
      due.add(chart);
    }
    if (due.size > 0) {
      clearTimeout(settle);
      settle = setTimeout(refitDue, SETTLE_MS);
    }
  });
  return observer;
}

/** Draws `option` into `container` (which must have a size), laid out for its width, and keeps it so. */
export function mountChart(container: HTMLElement, option: ChartOption): EChartsType {
  const chart = init(container, undefined, { renderer: 'canvas' });
  const layout = { relayout: relayoutOf(option), height: heightOf(option) };
  // A chart laid out for its width is drawn once, by the relayout's setOption, not once before it as well.
  chart.setOption(option, { lazyUpdate: layout.relayout !== undefined });
  fit(chart, layout);
  mounted.set(chart, layout);
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
  due.clear();
}

/** Disposes of the charts inside `root` only, for a part of a screen that redraws itself (the Visits screen). */
export function disposeChartsIn(root: Element): void {
  for (const element of root.querySelectorAll('.chart')) {
    const chart = element instanceof HTMLElement ? getInstanceByDom(element) : undefined;
    if (!chart) continue;
    observer?.unobserve(element);
    mounted.delete(chart);
    due.delete(chart);
    chart.dispose();
  }
}
