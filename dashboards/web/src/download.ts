/**
 * Saving what the page shows: a chart's data as CSV (with the byte-order mark spreadsheets need for Latvian
 * letters) and a chart as a PNG image (ECharts' own rendering at twice the screen resolution, on white).
 */
import { CSV_BOM, rowsCsv } from './csv.ts';

function save(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file name from a title and the range: "csat-2026-07-01_2026-12-03". */
export function fileStem(title: string, from: string, to: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'chart'}-${from}_${to}`;
}

export function downloadCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], stem: string): void {
  const url = URL.createObjectURL(new Blob([CSV_BOM, rowsCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
  save(url, `${stem}.csv`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadPng(chartElement: HTMLElement, stem: string): void {
  // ECharts is loaded on its own (charts.lazy.ts); a chart on the screen means it is already in.
  void import('echarts/core').then(({ getInstanceByDom }) => {
    const chart = getInstanceByDom(chartElement);
    if (!chart) return;
    save(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), `${stem}.png`);
  });
}
