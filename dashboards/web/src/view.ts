/**
 * What every screen receives, and the widgets screens share: headline tiles, a chart figure with its table
 * fallback, and the error box that shows the API's own message.
 */
import type { ApiClient } from './api.ts';
import { isApiError } from './api.ts';
import type { DimensionInfo, Freshness, Lang, MetricInfo } from './api.types.ts';
import type { ChartOption } from './charts/chart.options.ts';
import { chartsModule } from './charts.lazy.ts';
import { h, scrollRegion } from './dom.ts';
import type { CsvData } from './csv.ts';
import { downloadCsv, downloadPng, fileStem } from './download.ts';
import type { Catalogue } from './figures.ts';
import type { FilterDimension, Filters } from './filters.ts';
import { formatCount, formatParts, formatValue } from './format.ts';
import { t, type StringKey } from './i18n.ts';
import type { Labels } from './labels.ts';
import type { Identity } from './session.ts';
import type { Tile } from './shapes/tiles.shape.ts';

export interface ViewContext {
  api: ApiClient;
  lang: Lang;
  identity: Identity;
  catalogue: Catalogue;
  /** Names of reference values, from the API's /v1/reference. */
  labels: Labels;
  /** The API's dimensions, with the models each applies to (which filters a metric can take). */
  dimensions: readonly DimensionInfo[];
  filters: Filters;
  /** Filters that some panel could not apply (filled while the screen is built). */
  skippedFilters: Set<FilterDimension>;
  /** The Riga date of the newest event in the lake, or null when unknown: later days are not in the data yet. */
  dataEnd: string | null;
  /** Every answer's freshness goes here, so the header always shows the newest. */
  onFreshness(freshness: Freshness): void;
  /** The token stopped working (401): back to sign-in. */
  onUnauthorized(): void;
  /** False once the user moved on; late answers are then dropped. */
  isCurrent(): boolean;
  /** The screen's parts still coming (later); they never reject. The shell waits for them on a refresh. */
  pending: Promise<void>[];
}

export const tr =
  (ctx: Pick<ViewContext, 'lang'>) =>
  (key: StringKey, vars?: Record<string, string | number>): string =>
    t(ctx.lang, key, vars);

export function metricLabel(ctx: Pick<ViewContext, 'lang' | 'catalogue'>, id: string): string {
  return ctx.catalogue.get(id)?.label[ctx.lang] ?? id;
}

export function metricInfo(ctx: Pick<ViewContext, 'catalogue'>, id: string): MetricInfo | undefined {
  return ctx.catalogue.get(id);
}

/** "≥ 85,0 %" or "≤ 10 min": the target with the direction that meets it. */
export function targetText(ctx: ViewContext, id: string, target: number | null): string {
  const metric = metricInfo(ctx, id);
  if (!metric || target === null) return t(ctx.lang, 'noTarget');
  const sign = metric.direction === 'lower_is_better' ? '≤' : metric.direction === 'higher_is_better' ? '≥' : '';
  return `${t(ctx.lang, 'target')} ${sign} ${formatValue(metric.unit, target, ctx.lang)}`.replace('  ', ' ');
}

function tileValue(ctx: ViewContext, tile: Tile): HTMLElement {
  if (tile.value === null) return h('p', { class: 'tile-value' }, '—');
  const parts = formatParts(tile.unit, tile.value, ctx.lang);
  return h(
    'p',
    { class: 'tile-value', 'aria-label': formatValue(tile.unit, tile.value, ctx.lang) },
    parts.number,
    parts.unit ? h('span', { class: 'tile-unit' }, parts.unit) : null,
  );
}

export function tileElement(ctx: ViewContext, tile: Tile): HTMLElement {
  const l = tr(ctx);
  const metric = metricInfo(ctx, tile.id);
  const status =
    tile.status === 'met'
      ? h('span', { class: 'pill pill-good' }, `✓ ${l('targetMet')}`)
      : tile.status === 'missed'
        ? h('span', { class: 'pill pill-bad' }, `✗ ${l('targetMissed')}`)
        : null;
  return h(
    'article',
    { class: `tile tile-${tile.status}${tile.suppressed ? ' tile-suppressed' : ''}`, 'data-metric': tile.id },
    h('h3', { class: 'tile-label', title: metric?.description[ctx.lang] ?? '' }, metricLabel(ctx, tile.id)),
    tile.suppressed ? h('p', { class: 'tile-value tile-too-few' }, l('tooFew')) : tileValue(ctx, tile),
    h('p', { class: 'tile-meta' }, h('span', {}, targetText(ctx, tile.id, tile.target)), status),
    h(
      'p',
      { class: 'tile-n' },
      tile.suppressed
        ? l('tooFewDetail', { n: tile.n, min: tile.minSample })
        : tile.unit === 'count'
          ? ''
          : l('basedOn', { n: formatCount(tile.n, ctx.lang) }),
    ),
  );
}

/**
 * A chart with its title, a text summary for screen readers, and the same data as a table. The chart element
 * is hidden from assistive technology in favour of the table.
 */
export function chartFigure(options: {
  /** For the download buttons' words and the file names. */
  ctx: Pick<ViewContext, 'lang' | 'filters'>;
  title: string;
  /** The chart's figures for its CSV, raw (`CsvData`): the table's text is for reading, never for export. */
  data: CsvData;
  note?: string;
  summary: string;
  option: ChartOption;
  /** Shown in the chart's place when it would have nothing to draw (and then no chart or picture to save). */
  empty?: string;
  height: number;
  table: HTMLTableElement;
  tableOpen?: boolean;
  tableLabel: string;
}): HTMLElement {
  const canvas = options.empty
    ? h('p', { class: 'chart-empty' }, options.empty)
    : h('div', {
        class: 'chart',
        role: 'img',
        'aria-label': options.summary,
        style: `height:${options.height}px`,
      });
  const l = tr(options.ctx);
  const stem = fileStem(options.title, options.ctx.filters.from, options.ctx.filters.to);
  const csv = () => downloadCsv(options.data.columns, options.data.rows, stem);
  const tools = h(
    'div',
    { class: 'chart-tools' },
    h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'data-export': 'csv',
        'aria-label': l('downloadCsvOf', { title: options.title }),
        onclick: csv,
      },
      l('csvButton'),
    ),
    options.empty
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'data-export': 'png',
            'aria-label': l('downloadPngOf', { title: options.title }),
            onclick: () => downloadPng(canvas, stem),
          },
          l('downloadPng'),
        ),
  );
  const figure = h(
    'figure',
    { class: 'card chart-card' },
    h(
      'figcaption',
      {},
      h('div', { class: 'chart-head' }, h('h2', {}, options.title), tools),
      options.note ? h('p', { class: 'note' }, options.note) : null,
    ),
    canvas,
    h(
      'details',
      { class: 'table-fallback', open: options.tableOpen ?? false },
      h('summary', {}, options.tableLabel),
      // A narrow screen scrolls the table, not the page.
      scrollRegion(`${options.title}: ${options.tableLabel}`, options.table),
    ),
  );
  if (!options.empty) pending.set(canvas, options.option);
  return figure;
}

const pending = new WeakMap<Element, ChartOption>();

/** Resolves after the browser has painted the current frame. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Draws the charts of figures now in the document (a container needs its width before ECharts measures it),
 * once the ECharts chunk is in; a figure the user has navigated away from meanwhile is left undrawn. Charts in
 * view are drawn first; those below the fold after that frame has been painted, so the tiles and the charts in
 * view show without waiting for charts the user has not scrolled to (each takes tens of milliseconds).
 */
export async function mountCharts(root: Element): Promise<void> {
  const waiting = [...root.querySelectorAll('.chart')].filter((canvas) => pending.has(canvas));
  if (waiting.length === 0) return;
  const { mountChart } = await chartsModule;
  const draw = (canvases: Element[]) => {
    for (const canvas of canvases) {
      const option = pending.get(canvas);
      if (option && canvas instanceof HTMLElement && canvas.isConnected) {
        pending.delete(canvas);
        mountChart(canvas, option);
      }
    }
  };
  const inView = (canvas: Element) => canvas.getBoundingClientRect().top < window.innerHeight;
  draw(waiting.filter(inView));
  const below = waiting.filter((canvas) => pending.has(canvas));
  if (below.length === 0) return;
  await afterPaint();
  draw(below);
}

/**
 * Fills `slot` with a part of the screen drawn after the rest, when its own answers are in. Until then the slot
 * keeps what it holds (a loading line when empty) and must hold a `.loading` element: that is what the browser
 * tests, the reports service's renderer and the bench take as "the screen is not complete yet" (screenReady,
 * render.ts). Then the part replaces it and its charts are drawn; a failed part shows the API's error in its
 * place, and the rest of the screen stays.
 */
export function later(ctx: ViewContext, slot: HTMLElement, part: Promise<Node | Node[]>): HTMLElement {
  if (!slot.hasChildNodes()) slot.append(loadingBox(ctx));
  slot.setAttribute('aria-busy', 'true');
  const fill = (nodes: Node | Node[]) => {
    slot.replaceChildren(...[nodes].flat());
    slot.removeAttribute('aria-busy');
  };
  ctx.pending.push(
    part
      .then(async (nodes) => {
        if (!ctx.isCurrent()) return;
        fill(nodes);
        // Whatever is ready (the tiles' figures first) is painted before this part's charts take the main thread
        // (tens of ms each). A slot filled before the screen is in the document is drawn by the shell's
        // mountCharts instead.
        await afterPaint();
        await mountCharts(slot);
      })
      .catch((error: unknown) => {
        if (ctx.isCurrent()) fill(errorBox(ctx, error));
      }),
  );
  return slot;
}

/** The title of an API error by HTTP status; any other status is a plain error. */
const errorTitles: Partial<Record<number, StringKey>> = { 401: 'unauthorized', 403: 'forbidden', 503: 'notReady' };

export function errorBox(ctx: Pick<ViewContext, 'lang'>, error: unknown): HTMLElement {
  const l = tr(ctx);
  if (isApiError(error)) {
    const title = l(errorTitles[error.status] ?? 'errorTitle');
    return h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('strong', {}, title),
      h('p', {}, error.message, ' ', h('code', {}, error.code)),
      error.details.length > 0
        ? h(
            'ul',
            {},
            error.details.map((d) => h('li', {}, h('code', {}, d.parameter), ': ', d.expected)),
          )
        : null,
    );
  }
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, l('errorTitle')), h('p', {}, String(error)));
}

export function loadingBox(ctx: Pick<ViewContext, 'lang'>): HTMLElement {
  return h('p', { class: 'loading', 'aria-live': 'polite' }, t(ctx.lang, 'loading'));
}
