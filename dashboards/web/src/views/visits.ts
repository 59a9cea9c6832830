/**
 * Visits (an office head's screen): the Today panel (arrivals, waiting now, median wait so far against the same
 * weekday's usual, refreshing every 30 s), the hour × weekday load and waits with working hours marked,
 * appointments against walk-ins, service time by service, refusals and their reasons, and satisfaction by the
 * visit's own wait. When the Today panel sees the lake's data version move, the rest of the screen re-queries.
 */
import type { Figure, TodayAnswer, Unit } from '../api.types.ts';
import { barOption, COLOURS, wrappedBars, type ChartOption } from '../charts/chart.options.ts';
import { categoryWidth, measureText } from '../charts/measure.ts';
import { disposeChartsIn } from '../charts.lazy.ts';
import { clear, h, table } from '../dom.ts';
import { figureOf, keyOf } from '../figures.ts';
import { formatDate } from '../filters.ts';
import {
  formatPerDay,
  formatPlotted,
  formatTimestamp,
  formatUpTo,
  formatValue,
  plotValue,
  withPlotUnit,
} from '../format.ts';
import { figureCells, figureColumns } from '../csv.ts';
import { samplePlace } from '../sample.note.ts';
import { arrivalsCsv, hourGridCsv, waitBandsCsv } from '../shapes/visits.csv.ts';
import { scopedQuery } from '../scoped.query.ts';
import { HEAT_COLOURS, heatmapOption } from '../charts/visits.charts.ts';
import { headlineComparison, verdictTiles } from './tile.extras.ts';
import {
  bandFigures,
  groupsOf,
  hourGrid,
  longestSatisfiedWait,
  movedSaturdays,
  openHours,
  todayRows,
  type Group,
  type HourGrid,
} from '../shapes/visits.shape.ts';
import { chartFigure, errorBox, metricInfo, metricLabel, mountCharts, tr, type ViewContext } from '../view.ts';

const REFRESH_MS = 30_000;
const ARRIVAL_METRICS = ['visits', 'wait_p50', 'wait_within_target', 'punctuality_p50', 'no_shows', 'no_show_share'];
const REFUSAL_TILES = ['refusals', 'refusal_share', 'refusal_regulation_share', 'no_show_share'];

const locale = (ctx: ViewContext) => (ctx.lang === 'lv' ? 'lv-LV' : 'en-GB');

const weekdayCache = new Map<string, string[]>();

/** Short weekday names, Monday first, in the page's language (1 January 2024 was a Monday); built once a language. */
/** A weekday's name by its ISO number (1 = Monday). */
const weekdayName = (ctx: ViewContext) => (weekday: number) => weekdayNames(ctx)[weekday - 1] ?? String(weekday);

function weekdayNames(ctx: ViewContext): string[] {
  let names = weekdayCache.get(ctx.lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale(ctx), { weekday: 'short', timeZone: 'UTC' });
    names = [1, 2, 3, 4, 5, 6, 7].map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
    weekdayCache.set(ctx.lang, names);
  }
  return names;
}

function figureText(ctx: ViewContext, figure: Figure, unit: Unit): HTMLElement | string {
  if (figure.suppressed) return h('span', { class: 'too-few' }, `${tr(ctx)('tooFew')} (n=${figure.n})`);
  if (figure.value === null) return '—';
  return unit === 'count'
    ? formatValue(unit, figure.value, ctx.lang)
    : `${formatValue(unit, figure.value, ctx.lang)} (n=${figure.n})`;
}

/** Bars carry their value as a label: one decimal is what the tables show too. */
const rounded = (value: number): number => Math.round(value * 10) / 10;

/** Bar labels as the page's language writes numbers (3,2 in Latvian), not ECharts' own 3.2. */
function localLabels(option: ChartOption, ctx: ViewContext, unit: Unit = 'count'): ChartOption {
  const series = Array.isArray(option.series) ? option.series : [];
  // Bars and the value axis say their unit (minutes, percent), so "26.8" is not read as a count, written as every
  // chart writes it (withPlotUnit). Ticks as round as their step ("0 min", "10 min"); each bar's figure at its unit's
  // one precision, as the table beside it, so no bar drops a zero decimal its neighbours keep ("12,0 min" beside
  // "31,9 min").
  const tick = (v: number) => withPlotUnit(unit, formatUpTo(v, ctx.lang, 1));
  const text = (value: unknown) => (typeof value === 'number' ? formatPlotted(unit, value, ctx.lang) : '');
  const withUnit = <A>(axis: A): A =>
    axis && !Array.isArray(axis) && (axis as { type?: string }).type === 'value'
      ? { ...axis, axisLabel: { ...(axis as { axisLabel?: object }).axisLabel, formatter: tick } }
      : axis;
  return {
    ...option,
    xAxis: withUnit(option.xAxis),
    yAxis: withUnit(option.yAxis),
    series: series.map((one) =>
      one.type === 'bar'
        ? {
            ...one,
            label: {
              ...one.label,
              formatter: (p: { value?: unknown }) => text(p.value),
            },
          }
        : one,
    ),
  };
}

/** The target as a dashed line across the bars, on a 0–100 % axis so it is always in view. */
function withTarget(option: ChartOption, target: number, label: string): ChartOption {
  const series = Array.isArray(option.series) ? option.series : [];
  const [first, ...rest] = series;
  if (!first || first.type !== 'bar') return option;
  const markLine = {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color: COLOURS.target, width: 1.5 },
    label: { formatter: label, position: 'insideEndTop' as const, color: COLOURS.target },
    data: [{ yAxis: target }],
  };
  const axis = option.yAxis;
  const categories = option.xAxis;
  return {
    ...option,
    // The whole 0–100 % scale in fifths, whatever step the bars' own values would have had.
    yAxis: axis && !Array.isArray(axis) ? { ...axis, min: 0, max: 100, interval: 20 } : axis,
    // Four bands: every one named, even on a phone.
    xAxis:
      categories && !Array.isArray(categories)
        ? { ...categories, axisLabel: { interval: 0, hideOverlap: false, fontSize: 11 } }
        : categories,
    series: [{ ...first, markLine }, ...rest],
  };
}

const unitOf = (ctx: ViewContext, metric: string): Unit => metricInfo(ctx, metric)?.unit ?? 'count';
/** How a percentile metric is computed, in the catalogue's words (empty for other metrics). */
const methodNote = (ctx: ViewContext, metric: string): string => {
  const method = metricInfo(ctx, metric)?.method;
  return method ? `${tr(ctx)('percentileMethod', { method: method[ctx.lang] })}.` : '';
};

export async function renderVisits(ctx: ViewContext): Promise<HTMLElement> {
  const todayPanel = h('section', { class: 'card today-panel', 'aria-labelledby': 'today-title' });
  const body = h('div', { class: 'visits-body' });
  let version = -1;
  /** Redraws the panels below Today; false when it waited because the user is working in them. */
  const fillBody = async (): Promise<boolean> => {
    // Focus on a control below would be lost: ask again on the next tick instead.
    if (body.contains(document.activeElement)) return false;
    const content = await visitsBody(ctx);
    if (!ctx.isCurrent() || body.contains(document.activeElement)) return false;
    // Data tables the user opened stay open.
    const open = [...body.querySelectorAll('details')].map((d) => d.open);
    disposeChartsIn(body);
    clear(body);
    body.append(content);
    body.querySelectorAll('details').forEach((d, i) => {
      if (open[i]) d.open = true;
    });
    if (body.isConnected) await mountCharts(body);
    return true;
  };
  const fillToday = async () => {
    try {
      const { channel, service, language } = ctx.filters;
      const narrowed = Object.entries({ channel, service, language }).filter(([, v]) => v !== '');
      const answer = await ctx.api.today(
        ctx.filters.office,
        Object.fromEntries(narrowed.map(([dimension, value]) => [dimension, [value]])),
      );
      if (!ctx.isCurrent()) return;
      ctx.onFreshness(answer.freshness);
      clear(todayPanel);
      todayPanel.append(...todayContent(ctx, answer));
      // A newer data version than the one the screen was drawn from: the other panels ask again.
      if (version < 0) version = answer.freshness.dataVersion;
      else if (answer.freshness.dataVersion > version && (await fillBody())) version = answer.freshness.dataVersion;
    } catch (error) {
      if (!ctx.isCurrent()) return;
      clear(todayPanel);
      todayPanel.append(h('h2', { id: 'today-title' }, tr(ctx)('todayTitle')), errorBox(ctx, error));
    }
  };
  await Promise.all([fillToday(), visitsBody(ctx).then((content) => body.append(content))]);
  const timer = setInterval(() => {
    if (!ctx.isCurrent()) return clearInterval(timer);
    void fillToday();
  }, REFRESH_MS);
  return h('div', { class: 'screen screen-visits' }, todayPanel, body);
}

function todayContent(ctx: ViewContext, answer: TodayAnswer): HTMLElement[] {
  const l = tr(ctx);
  const office = answer.office ? ctx.labels.office(answer.office, ctx.lang) : l('todayAllOffices');
  const words = { arrivals: 'todayArrivals', waitingNow: 'todayWaiting', waitP50: 'todayWait' } as const;
  const text = (key: 'arrivals' | 'waitingNow' | 'waitP50', value: number | null) =>
    key === 'waitP50' ? formatValue('minutes', value, ctx.lang) : formatValue('count', value, ctx.lang);
  const stats = todayRows(answer).map((row) =>
    h(
      'article',
      { class: `today-stat cmp-${row.comparison}`, 'data-today': row.key },
      h('h3', { class: 'tile-label' }, l(words[row.key])),
      h('p', { class: 'tile-value' }, text(row.key, row.today)),
      h(
        'p',
        { class: 'tile-meta' },
        row.usual === null ? l('noUsual') : l('usualValue', { value: text(row.key, row.usual) }),
      ),
      row.comparison === 'none' ? null : h('p', { class: 'today-cmp' }, l(`cmp_${row.comparison}`)),
    ),
  );
  // Day and month in the page's own order (04.12. or 04/12), the year is the panel's.
  const dates = answer.usualDays.map((d) => formatDate(d, ctx.lang).slice(0, 5)).join(', ');
  const at = formatTimestamp(answer.asOf, ctx.lang);
  // A closed day with nobody in says so and no more: three zeros "with no comparison yet" and "the median over 0
  // previous same weekdays" told a director nothing. Arrivals on a closed day (an exception) keep the figures.
  const closed = answer.hours.length === 0;
  const quiet = closed && answer.today.arrivals === 0;
  return [
    h(
      'div',
      { class: 'today-head' },
      h('h2', { id: 'today-title' }, l('todayTitle')),
      h(
        'span',
        { class: 'muted' },
        l('todayAsOf', { office, date: formatDate(answer.date, ctx.lang), time: answer.timeOfDay }),
      ),
    ),
    closed ? h('p', { class: 'notice' }, l(answer.office ? 'todayClosed' : 'todayAllClosed')) : h('span'),
    quiet ? h('span') : h('div', { class: 'tiles today-tiles' }, stats),
    h(
      'p',
      { class: 'note' },
      quiet
        ? l('todayRefreshNote', { at })
        : answer.usualDays.length === 0
          ? l('todayNoUsualNote', { at })
          : l('todayNote', { n: answer.usualDays.length, days: dates, at }),
    ),
  ];
}

async function visitsBody(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const { from, to } = ctx.filters;
  const [grid, days, arrivals, services, refusalHead, reasons, bands, refusalCompared] = await Promise.all([
    scopedQuery(ctx, { metrics: ['visits', 'wait_p50'], dimensions: ['weekday', 'hour'], from, to }),
    scopedQuery(ctx, { metrics: ['visits'], dimensions: ['weekday'], from, to, grain: 'day' }),
    scopedQuery(ctx, { metrics: ARRIVAL_METRICS, dimensions: ['arrival'], from, to }),
    scopedQuery(ctx, { metrics: ['visits', 'service_time_p50'], dimensions: ['service'], from, to }),
    scopedQuery(ctx, { metrics: REFUSAL_TILES, from, to }),
    scopedQuery(ctx, { metrics: ['refusals', 'refusal_regulation_share'], dimensions: ['refusal_reason'], from, to }),
    scopedQuery(ctx, { metrics: ['csat', 'surveys_answered'], dimensions: ['wait_band'], from, to }),
    // The refusal and no-show shares' intervals, for the Overview's verdict on their tiles.
    headlineComparison(ctx, {
      metrics: REFUSAL_TILES.filter((id) => ctx.catalogue.get(id)?.unit !== 'count'),
      by: 'office',
      from,
      to,
    }),
  ]);
  for (const a of [grid, days, arrivals, services, refusalHead, reasons, bands]) ctx.onFreshness(a.freshness);

  const open = openHours(ctx.labels.reference, ctx.filters.office, to, from);
  const hoursGrid = hourGrid(grid, 'visits', open);
  const daysPerWeekday = new Map<number, number>();
  for (const row of days.rows) {
    if ((figureOf(row, 'visits').value ?? 0) <= 0) continue;
    const weekday = Number(keyOf(row, 'weekday'));
    daysPerWeekday.set(weekday, (daysPerWeekday.get(weekday) ?? 0) + 1);
  }
  const waitGrid = hourGrid(grid, 'wait_p50', open);

  return h(
    'div',
    {},
    h('section', { class: 'grid-2' }, arrivalsHeat(ctx, hoursGrid, daysPerWeekday), waitsHeat(ctx, waitGrid)),
    h(
      'section',
      { 'aria-labelledby': 'refusal-tiles' },
      h('h2', { id: 'refusal-tiles', class: 'section-title' }, l('refusalsNoShows')),
      h('div', { class: 'tiles' }, verdictTiles(ctx, refusalHead, REFUSAL_TILES, refusalCompared)),
    ),
    h(
      'section',
      { class: 'grid-2' },
      arrivalKinds(ctx, groupsOf(arrivals, 'arrival', ARRIVAL_METRICS)),
      serviceTimes(ctx, groupsOf(services, 'service', ['visits', 'service_time_p50'])),
    ),
    h(
      'section',
      { class: 'grid-2' },
      refusalReasons(ctx, groupsOf(reasons, 'refusal_reason', ['refusals', 'refusal_regulation_share'])),
      waitBands(ctx, bandFigures(bands, 'csat'), bandFigures(bands, 'surveys_answered')),
    ),
  );
}

function hoursText(ctx: ViewContext): string {
  const office = ctx.filters.office || 'riga-valnu-30';
  const schedule = ctx.labels.reference.officeHours
    .find((o) => o.office === office)
    ?.schedules.filter((s) => s.effectiveFrom <= ctx.filters.to)
    .at(-1);
  const names = weekdayNames(ctx);
  const keys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const parts = keys.flatMap((key, i) => {
    const intervals = schedule?.weekly[key] ?? [];
    return intervals.length > 0 ? [`${names[i]} ${intervals.map((x) => `${x.open}–${x.close}`).join(', ')}`] : [];
  });
  return parts.join('; ');
}

/**
 * The heatmaps are by weekday: a moved working Saturday (worked in place of a weekday by the Cabinet's order)
 * lands in the Saturday row, framed with the hours of the weekday it replaces. Said in words, so an office
 * head does not read Saturday arrivals as work outside the hours.
 */
function movedNote(ctx: ViewContext): string {
  const moved = movedSaturdays(ctx.labels.reference, ctx.filters.from, ctx.filters.to);
  if (moved.length === 0) return '';
  const l = tr(ctx);
  const names = weekdayNames(ctx);
  const days = moved
    .map((m) =>
      l('movedSaturday', {
        date: formatDate(m.workedOn, ctx.lang),
        weekday: names[m.weekdayOff - 1] ?? '',
        dayOff: formatDate(m.dayOff, ctx.lang),
      }),
    )
    .join(', ');
  return l('movedSaturdays', { days });
}

function gridTable(ctx: ViewContext, title: string, grid: HourGrid, cell: (index: number) => string): HTMLTableElement {
  const names = weekdayNames(ctx);
  return table(
    title,
    [tr(ctx)('heatWeekday'), ...grid.hours.map((hour) => `${hour}:00`)],
    grid.weekdays.map((weekday) => [
      names[weekday - 1] ?? String(weekday),
      ...grid.hours.map((hour) => cell(grid.cells.findIndex((c) => c.weekday === weekday && c.hour === hour))),
    ]),
  );
}

function arrivalsHeat(ctx: ViewContext, grid: HourGrid, daysPerWeekday: Map<number, number>): HTMLElement {
  const l = tr(ctx);
  const title = l('arrivalsHeat');
  const perDay = (i: number): number | null => {
    const cell = grid.cells[i];
    if (!cell || cell.figure.value === null) return null;
    const days = daysPerWeekday.get(cell.weekday) ?? 0;
    return days > 0 ? cell.figure.value / days : null;
  };
  const format = (v: number) => formatPerDay(v, ctx.lang);
  const busiest = grid.cells.map((_, i) => perDay(i)).reduce<number>((m, v) => Math.max(m, v ?? 0), 0);
  return chartFigure({
    ctx,
    title,
    note: [
      grid.cells.some((c) => c.figure.n > 0) ? '' : l('chartNoData'),
      l('heatNote', { hours: hoursText(ctx) }),
      movedNote(ctx),
    ]
      .filter(Boolean)
      .join(' '),
    summary: `${title}: ${grid.weekdays.length} × ${grid.hours.length}, max ${format(busiest)}`,
    option: heatmapOption(grid, {
      weekdayNames: grid.weekdays.map((d) => weekdayNames(ctx)[d - 1] ?? ''),
      value: perDay,
      colours: HEAT_COLOURS.arrivals,
      name: l('perDay'),
      format,
    }),
    height: 90 + grid.weekdays.length * 30,
    data: arrivalsCsv(ctx.lang, grid, weekdayName(ctx), metricLabel(ctx, 'visits'), daysPerWeekday),
    tableLabel: l('dataTable'),
    table: gridTable(ctx, `${title} (${l('perDay')})`, grid, (i) => {
      const v = perDay(i);
      return v === null ? '—' : format(v);
    }),
  });
}

function waitsHeat(ctx: ViewContext, grid: HourGrid): HTMLElement {
  const l = tr(ctx);
  const title = l('waitsHeat');
  const value = (i: number): number | null => {
    const figure = grid.cells[i]?.figure;
    return figure && !figure.suppressed ? figure.value : null;
  };
  // At the minutes' one precision, as every other wait on the page; the unit is on the scale under the cells.
  const format = (v: number) => formatPlotted('minutes', v, ctx.lang, false);
  const measured = grid.cells.filter((c) => c.figure.n > 0);
  const allTooFew =
    measured.length > 0 && measured.every((c) => c.figure.suppressed || c.figure.value === null)
      ? l('heatAllTooFew', {
          n: Math.max(...measured.map((c) => c.figure.n)),
          min: metricInfo(ctx, 'wait_p50')?.minSample ?? 0,
        })
      : '';
  return chartFigure({
    ctx,
    title,
    note: [
      allTooFew,
      methodNote(ctx, 'wait_p50'),
      l('medianNote'),
      l('heatNote', { hours: hoursText(ctx) }),
      movedNote(ctx),
    ]
      .filter(Boolean)
      .join(' '),
    summary: `${title}: ${grid.weekdays.length} × ${grid.hours.length}`,
    option: heatmapOption(grid, {
      weekdayNames: grid.weekdays.map((d) => weekdayNames(ctx)[d - 1] ?? ''),
      value,
      colours: HEAT_COLOURS.waits,
      name: metricLabel(ctx, 'wait_p50'),
      format,
      // The cells are too small for a unit; the scale under them says the figures are minutes.
      legend: (v) => formatPlotted('minutes', v, ctx.lang),
    }),
    height: 90 + grid.weekdays.length * 30,
    data: hourGridCsv(ctx.lang, grid, weekdayName(ctx), { name: metricLabel(ctx, 'wait_p50'), unit: 'minutes' }),
    tableLabel: l('dataTable'),
    table: gridTable(ctx, `${title} (min)`, grid, (i) => {
      const figure = grid.cells[i]?.figure;
      if (!figure || figure.n === 0) return '—';
      return figure.suppressed || figure.value === null
        ? `${l('tooFew')} (n=${figure.n})`
        : `${format(figure.value)} (n=${figure.n})`;
    }),
  });
}

function barOfGroups(
  ctx: ViewContext,
  options: {
    title: string;
    note?: string;
    dimension: string;
    groups: Group[];
    metric: string;
    columns: string[];
    colour: string;
  },
): HTMLElement {
  const l = tr(ctx);
  const unit = unitOf(ctx, options.metric);
  const name = (g: Group) => ctx.labels.value(options.dimension, g.key, ctx.lang);
  const plotted = options.groups.filter((g) => {
    const f = g.figures[options.metric];
    return f !== undefined && !f.suppressed && f.value !== null;
  });
  const sample = samplePlace(
    ctx.lang,
    options.groups.map((g) => ({
      label: name(g),
      n: g.figures[options.metric]?.n ?? 0,
      suppressed: g.figures[options.metric]?.suppressed ?? false,
    })),
    metricInfo(ctx, options.metric)?.minSample ?? 0,
  );
  // The labels in the page's numbers and unit first: wrappedBars fits the value axis's ticks to what they say.
  const bars = wrappedBars(
    localLabels(
      barOption(
        plotted.map(name),
        plotted.map((g) => rounded(plotValue(unit, g.figures[options.metric]?.value ?? 0))),
        { horizontal: true, colour: options.colour, name: metricLabel(ctx, options.metric) },
      ),
      ctx,
      unit,
    ),
    plotted.map(name),
    // Read at every relayout, so rotating a phone re-wraps the names.
    categoryWidth,
    measureText,
  );
  return chartFigure({
    ctx,
    title: options.title,
    note: [options.note, methodNote(ctx, options.metric), sample.note].filter(Boolean).join(' ') || undefined,
    summary: `${options.title}: ${
      plotted
        .map((g) => `${name(g)} ${formatValue(unit, g.figures[options.metric]?.value ?? null, ctx.lang)}`)
        .join(', ') || l('noRows')
    }`,
    option: bars.option,
    empty: sample.empty,
    height: bars.height,
    // The CSV holds each figure as the API gave it (percent for shares), not the table's rounded text, with its n;
    // a figure below the minimum sample is left empty, as in the chart.
    data: {
      columns: [l('group'), ...options.columns.flatMap((m) => figureColumns(metricLabel(ctx, m), unitOf(ctx, m)))],
      rows: options.groups.map((g) => [
        name(g),
        ...options.columns.flatMap((m) => figureCells(unitOf(ctx, m), g.figures[m])),
      ]),
    },
    tableLabel: l('dataTable'),
    table: table(
      options.title,
      [l('group'), ...options.columns.map((m) => metricLabel(ctx, m))],
      options.groups.map((g) => [
        name(g),
        ...options.columns.map((m) => figureText(ctx, g.figures[m] ?? figureOf(undefined, m), unitOf(ctx, m))),
      ]),
    ),
  });
}

function arrivalKinds(ctx: ViewContext, groups: Group[]): HTMLElement {
  const l = tr(ctx);
  return barOfGroups(ctx, {
    title: `${l('arrivalKinds')}: ${metricLabel(ctx, 'wait_p50')}`,
    // The bars are the wait, so the note says what the wait is (punctuality is in the table beside it).
    note: metricInfo(ctx, 'wait_p50')?.description[ctx.lang],
    dimension: 'arrival',
    groups: groups.filter((g) => g.key !== null),
    metric: 'wait_p50',
    columns: ARRIVAL_METRICS,
    colour: COLOURS.offices[0] ?? '#2b6cb0',
  });
}

function serviceTimes(ctx: ViewContext, groups: Group[]): HTMLElement {
  const sorted = [...groups].sort(
    (a, b) => (b.figures.service_time_p50?.value ?? -1) - (a.figures.service_time_p50?.value ?? -1),
  );
  return barOfGroups(ctx, {
    title: tr(ctx)('serviceTimes'),
    dimension: 'service',
    groups: sorted,
    metric: 'service_time_p50',
    columns: ['service_time_p50', 'visits'],
    colour: COLOURS.offices[3] ?? '#805ad5',
  });
}

function refusalReasons(ctx: ViewContext, groups: Group[]): HTMLElement {
  const sorted = groups
    .filter((g) => (g.figures.refusals?.value ?? 0) > 0)
    .sort((a, b) => (b.figures.refusals?.value ?? 0) - (a.figures.refusals?.value ?? 0));
  return barOfGroups(ctx, {
    title: tr(ctx)('refusalReasons'),
    // The bars count refusals; the regulation share is the table's second column, not what is drawn.
    note: tr(ctx)('refusalReasonsNote'),
    dimension: 'refusal_reason',
    groups: sorted,
    metric: 'refusals',
    columns: ['refusals', 'refusal_regulation_share'],
    colour: COLOURS.offices[1] ?? '#d9822b',
  });
}

function waitBands(
  ctx: ViewContext,
  csat: ReturnType<typeof bandFigures>,
  answered: ReturnType<typeof bandFigures>,
): HTMLElement {
  const l = tr(ctx);
  const title = l('waitBands');
  const metric = metricInfo(ctx, 'csat');
  const target = metric?.target.default ?? 0.85;
  const targetText = formatValue('share', target, ctx.lang);
  const longest = longestSatisfiedWait(csat, target);
  const shown = csat.filter((b) => !b.figure.suppressed && b.figure.value !== null);
  const verdict =
    shown.length === 0
      ? l('noRows')
      : longest === null
        ? l('longestWaitNone', { target: targetText })
        : longest === '30+'
          ? l('longestWaitAll', { target: targetText })
          : l('longestWait', { target: targetText, band: longest.split('-')[1] ?? longest });
  const bandName = (band: string) => l('waitBandValue', { band: band.replace('-', '–') });
  const sample = samplePlace(
    ctx.lang,
    csat.map((b) => ({ label: bandName(b.band), n: b.figure.n, suppressed: b.figure.suppressed })),
    metric?.minSample ?? 0,
  );
  return chartFigure({
    ctx,
    title: `${title}: ${metricLabel(ctx, 'csat')}`,
    note: sample.empty ? undefined : [verdict, sample.note].filter(Boolean).join(' '),
    summary: `${title}: ${shown.map((b) => `${bandName(b.band)} ${formatValue('share', b.figure.value, ctx.lang)}`).join(', ')}. ${verdict}`,
    option: localLabels(
      withTarget(
        barOption(
          shown.map((b) => bandName(b.band)),
          shown.map((b) => rounded(plotValue('share', b.figure.value ?? 0))),
          // One neutral colour: the green of "on target" made the 30+ min bar, far below the target, read as good;
          // the dashed target line and the note say which waits keep satisfaction at target.
          { name: metricLabel(ctx, 'csat'), colour: COLOURS.offices[0] ?? '#2b6cb0' },
        ),
        plotValue('share', target),
        `${l('target')} ${targetText}`,
      ),
      ctx,
      'share',
    ),
    empty: sample.empty,
    height: 240,
    data: waitBandsCsv(ctx.lang, csat, answered, {
      share: metricLabel(ctx, 'csat'),
      answered: metricLabel(ctx, 'surveys_answered'),
    }),
    tableLabel: l('dataTable'),
    table: table(
      title,
      [l('waitBand'), metricLabel(ctx, 'csat'), metricLabel(ctx, 'surveys_answered')],
      csat.map((b, i) => [
        bandName(b.band),
        figureText(ctx, b.figure, 'share'),
        formatValue('count', answered[i]?.figure.value ?? 0, ctx.lang),
      ]),
    ),
  });
}
