/**
 * The dashboard's shell: sign-in, the header (freshness, role, language), the navigation and filters, and
 * the current screen. State is small and explicit: the token (sessionStorage), the language (localStorage),
 * the screen and filters (the address), the catalogue and the newest freshness seen.
 */
import './styles.css';
import './print.css';
import { ApiClient, isApiError } from './api.ts';
import type { DimensionInfo, Freshness, Grain, Lang } from './api.types.ts';
import type { FeaturesAnswer } from '@servq/query-api/alerts';
import { disposeCharts } from './charts.lazy.ts';
import { clear, h } from './dom.ts';
import { catalogueOf, type Catalogue } from './figures.ts';
import {
  dateFormatHint,
  formatDate,
  NO_OFFICE_SCREENS,
  officeOn,
  parseDateInput,
  parseRoute,
  PRESETS,
  presetRange,
  rigaToday,
  routeHash,
  type FilterDimension,
  type Route,
  type Screen,
} from './filters.ts';
import { formatAge, formatTimestamp } from './format.ts';
import { t, type StringKey } from './i18n.ts';
import { Labels } from './labels.ts';
import { forgetToken, identify, loadToken, saveToken, type Identity } from './session.ts';
import { errorBox, loadingBox, mountCharts, type ViewContext } from './view.ts';
import { renderAlerts } from './views/alerts.ts';
import { OFFICES_SCREEN, renderCompare } from './views/compare.ts';
import { renderComplaints } from './views/complaints.ts';
import { renderEqual } from './views/equal.ts';
import { renderOverview } from './views/overview.ts';
import { renderReports } from './views/reports.ts';
import { renderSql } from './views/sql.ts';
import { renderVisits } from './views/visits.ts';

const LANG_KEY = 'servq.lang';
const STALE_AFTER_MS = 15 * 60_000;

interface Session {
  api: ApiClient;
  identity: Identity;
  catalogue: Catalogue;
  labels: Labels;
  dimensions: DimensionInfo[];
  /** The other services this origin forwards to; their screens show only when on. */
  features: FeaturesAnswer;
}

const root = document.getElementById('app') ?? document.body;
let lang: Lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'lv';
let session: Session | null = null;
let freshness: Freshness | null = null;
let renderSeq = 0;
let freshnessTimer: ReturnType<typeof setInterval> | undefined;

const l = (key: StringKey, vars?: Record<string, string | number>) => t(lang, key, vars);
const today = () => rigaToday(new Date());
/** The Riga date of the newest event, or null before any data. */
const dataEnd = () => (freshness?.newestEventAt ? rigaToday(new Date(freshness.newestEventAt)) : null);
/** The Riga date of the first day any modelled table holds data, or null before any data. */
const dataStart = () => Object.values(freshness?.dataStart ?? {}).sort()[0] ?? null;
/** Where the default range ends: today, or the newest event's day when the data stops earlier. */
const defaultEnd = () => {
  const end = dataEnd();
  return end !== null && end < today() ? end : today();
};

function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next;
  void render();
}

function langSwitch(): HTMLElement {
  const button = (code: Lang) =>
    h(
      'button',
      {
        type: 'button',
        class: code === lang ? 'active' : '',
        'aria-pressed': code === lang ? 'true' : 'false',
        lang: code,
        onclick: () => setLang(code),
      },
      code.toUpperCase(),
    );
  return h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': 'Valoda / Language' },
    button('lv'),
    button('en'),
  );
}

// ——— sign-in ———

function renderSignIn(message?: string): void {
  disposeCharts();
  clear(root);
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    placeholder: 'servq-…',
  });
  const status = h('div', { class: 'signin-status', 'aria-live': 'polite' });
  if (message) status.append(h('div', { class: 'error-box', role: 'alert' }, message));
  const button = h('button', { type: 'submit', class: 'primary' }, l('signIn'));
  const form = h(
    'form',
    { class: 'card signin-card' },
    h('div', { class: 'signin-top' }, brand(), langSwitch()),
    h('h1', {}, l('signInTitle')),
    h('p', { class: 'muted' }, l('signInIntro')),
    h('label', { for: 'token' }, l('token')),
    input,
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    button.textContent = l('signingIn');
    clear(status);
    void signIn(input.value.trim())
      .catch((error: unknown) => {
        forgetToken(sessionStorage);
        status.append(errorBox({ lang }, error));
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = l('signIn');
      });
  });
  root.append(h('main', { class: 'signin' }, form));
  input.focus();
}

async function signIn(token: string): Promise<void> {
  const api = new ApiClient(token);
  // Every start-up request goes out at once; /v1/session doubles as the token check.
  const answers = Promise.all([identify(api), api.metrics(), api.reference(), api.features()]);
  // The page's first Riga date loads the time zone's data (tens of milliseconds): worked out while the requests
  // are answered, not before they were sent nor after the answers are in.
  today();
  const [identity, metrics, reference, features] = await answers;
  saveToken(sessionStorage, token);
  session = {
    api,
    identity,
    catalogue: catalogueOf(metrics.metrics),
    labels: new Labels(reference),
    dimensions: metrics.dimensions,
    features,
  };
  freshness = metrics.freshness;
  startFreshnessTimer();
  if (!location.hash) location.hash = routeHash(parseRoute('', defaultEnd(), dataStart()));
  await render();
}

function signOut(message?: string): void {
  forgetToken(sessionStorage);
  session = null;
  freshness = null;
  clearInterval(freshnessTimer);
  renderSignIn(message);
}

function startFreshnessTimer(): void {
  clearInterval(freshnessTimer);
  freshnessTimer = setInterval(() => {
    const current = session;
    if (!current) return;
    current.api
      .metrics()
      .then((answer) => {
        const moved = freshness !== null && answer.freshness.dataVersion > freshness.dataVersion;
        updateFreshness(answer.freshness);
        if (moved) void refreshInPlace();
      })
      .catch((error: unknown) => {
        if (isApiError(error) && error.status === 401) signOut(l('sessionExpired'));
      });
  }, 60_000);
}

/**
 * The lake's data version moved: the screen asks for its figures again, keeping the scroll position and the
 * focused control. The SQL screen is left alone, so an analyst's query and result are not thrown away.
 */
async function refreshInPlace(): Promise<void> {
  const screen = parseRoute(location.hash, defaultEnd(), dataStart()).screen;
  // The reports form keeps its choices (and a report being printed) too.
  if (screen === 'sql' || screen === 'reports') return;
  const scroll = window.scrollY;
  const active = document.activeElement;
  focusAfterRender = active instanceof HTMLElement && active.id ? active.id : null;
  await render();
  window.scrollTo(0, scroll);
}

// ——— shell ———

function brand(): HTMLElement {
  return h(
    'div',
    { class: 'brand' },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'ATD'),
    h('span', { class: 'brand-text' }, h('strong', {}, l('appTitle')), h('small', {}, l('appSubtitle'))),
  );
}

function freshnessLine(): HTMLElement {
  const now = new Date();
  const stale = freshness?.syncedAt ? now.getTime() - Date.parse(freshness.syncedAt) > STALE_AFTER_MS : true;
  return h(
    'div',
    { class: `freshness${stale ? ' stale' : ''}`, id: 'freshness', 'aria-live': 'polite' },
    h(
      'span',
      {},
      `${l('newestEvent')}: `,
      h('strong', {}, freshness?.newestEventAt ? formatTimestamp(freshness.newestEventAt, lang) : l('noData')),
    ),
    h(
      'span',
      {},
      `${l('syncedAt')}: `,
      h(
        'strong',
        {},
        freshness?.syncedAt
          ? `${formatTimestamp(freshness.syncedAt, lang)} (${formatAge(freshness.syncedAt, now)})`
          : '—',
      ),
    ),
    stale ? h('span', { class: 'pill pill-bad' }, l('stale')) : null,
  );
}

function updateFreshness(next: Freshness): void {
  if (!freshness || next.dataVersion >= freshness.dataVersion) freshness = next;
  const current = document.getElementById('freshness');
  current?.replaceWith(freshnessLine());
}

const NAV: { screen: Screen; key: StringKey; allowed: (i: Identity, f: FeaturesAnswer) => boolean }[] = [
  { screen: 'overview', key: 'navOverview', allowed: () => true },
  { screen: 'offices', key: 'navOffices', allowed: () => true },
  { screen: 'equal', key: 'navEqual', allowed: () => true },
  { screen: 'visits', key: 'navVisits', allowed: () => true },
  { screen: 'complaints', key: 'navComplaints', allowed: () => true },
  { screen: 'alerts', key: 'navAlerts', allowed: (_, f) => f.alerts },
  { screen: 'reports', key: 'navReports', allowed: (_, f) => f.reports },
  { screen: 'sql', key: 'navSql', allowed: (i) => i.role === 'analyst' },
];

function header(current: Session, route: Route): HTMLElement {
  const role = l(`role_${current.identity.role}`);
  const office = current.identity.office ? ` · ${current.labels.office(current.identity.office, lang)}` : '';
  return h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-row' },
      brand(),
      h(
        'div',
        { class: 'topbar-right' },
        langSwitch(),
        h('span', { class: 'role-badge', id: 'role' }, role + office),
        h('button', { type: 'button', class: 'link light', onclick: () => signOut() }, l('signOut')),
      ),
    ),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'servq' },
      NAV.filter((n) => n.allowed(current.identity, current.features)).map((n) =>
        h(
          'a',
          {
            href: routeHash({ ...route, screen: n.screen }),
            class: n.screen === route.screen ? 'active' : '',
            'aria-current': n.screen === route.screen ? 'page' : null,
            'data-screen': n.screen,
            id: `tab-${n.screen}`,
            onclick: () => {
              focusAfterRender = `tab-${n.screen}`;
            },
          },
          l(n.key),
        ),
      ),
    ),
  );
}

/** The id of the control that had focus when the screen was redrawn, to give focus back to it. */
let focusAfterRender: string | null = null;

function controls(current: Session, route: Route): HTMLElement {
  const go = (patch: Partial<Route['filters']>) => {
    focusAfterRender = document.activeElement instanceof HTMLElement ? document.activeElement.id || null : null;
    location.hash = routeHash({ ...route, filters: { ...route.filters, ...patch } });
  };
  // Text in the page's language (see filters.ts), committed on Enter or when focus leaves; a typo stays in the
  // box, marked invalid with the expected format, instead of silently changing the range.
  const date = (key: 'from' | 'to') => {
    const errorId = `filter-${key}-error`;
    const error = h('span', { id: errorId, class: 'date-error', 'aria-live': 'polite' });
    const input = h('input', {
      id: `filter-${key}`,
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      spellcheck: 'false',
      size: 10,
      value: formatDate(route.filters[key], lang),
      'aria-describedby': errorId,
      onchange: (e: Event) => {
        const field = e.target as HTMLInputElement;
        const value = parseDateInput(field.value);
        if (value !== null && value <= today()) {
          go({ [key]: value });
          return;
        }
        field.setAttribute('aria-invalid', 'true');
        error.textContent = l('dateInvalid', { format: dateFormatHint(lang), max: formatDate(today(), lang) });
      },
    });
    return h(
      'label',
      { for: `filter-${key}`, class: 'date-filter' },
      h('span', {}, l(key), ' ', h('span', { class: 'date-hint' }, dateFormatHint(lang))),
      input,
      error,
    );
  };
  const grains: Grain[] = ['day', 'week', 'month', 'quarter'];
  const grainSelect = h(
    'select',
    { id: 'filter-grain', onchange: (e: Event) => go({ grain: (e.target as HTMLSelectElement).value as Grain }) },
    grains.map((g) => h('option', { value: g, selected: g === route.filters.grain }, l(`grain_${g}`))),
  );
  const ownOffice = current.identity.office;
  const noOffice = current.labels.reference.noOfficeFilter;
  const chosen: Record<FilterDimension, string> = {
    ...route.filters,
    office: officeOn(route.screen, route.filters.office, noOffice),
  };
  // Complaints not yet assigned to an office are the agency's to assign: offered to management, never to an
  // office head (the API refuses it to an office token), and only where every figure is of complaints.
  const extra = (dimension: FilterDimension) =>
    dimension === 'office' && NO_OFFICE_SCREENS.has(route.screen)
      ? [h('option', { value: noOffice, selected: chosen.office === noOffice }, current.labels.noOffice(lang))]
      : [];
  const select = (dimension: FilterDimension, labelKey: StringKey, allKey: StringKey) =>
    h(
      'label',
      { for: `filter-${dimension}` },
      l(labelKey),
      h(
        'select',
        {
          id: `filter-${dimension}`,
          disabled: dimension === 'office' && ownOffice !== undefined,
          onchange: (e: Event) => go({ [dimension]: (e.target as HTMLSelectElement).value }),
        },
        dimension === 'office' && ownOffice
          ? h('option', { value: ownOffice, selected: true }, current.labels.office(ownOffice, lang))
          : [
              h('option', { value: '', selected: chosen[dimension] === '' }, l(allKey)),
              ...current.labels
                .ids(dimension)
                .map((id) =>
                  h(
                    'option',
                    { value: id, selected: id === chosen[dimension] },
                    current.labels.value(dimension, id, lang),
                  ),
                ),
              ...extra(dimension),
            ],
      ),
    );
  const end = defaultEnd();
  const presets = h(
    'div',
    { class: 'presets', role: 'group', 'aria-label': l('presets') },
    PRESETS.map((preset) => {
      const range = presetRange(preset, end);
      const active = range.from === route.filters.from && range.to === route.filters.to;
      return h(
        'button',
        {
          type: 'button',
          id: `preset-${preset}`,
          class: active ? 'preset active' : 'preset',
          'aria-pressed': active ? 'true' : 'false',
          onclick: () => go(range),
        },
        l(`preset_${preset}`),
      );
    }),
  );
  const usesGrain = route.screen === 'overview' || route.screen === 'complaints';
  return h(
    'div',
    { class: 'controls', role: 'search', 'aria-label': l('presets') },
    presets,
    date('from'),
    date('to'),
    usesGrain ? h('label', { for: 'filter-grain' }, l('grain'), grainSelect) : null,
    select('office', 'office', 'allOffices'),
    select('channel', 'channel', 'allChannels'),
    select('service', 'service', 'allServices'),
    route.screen !== 'equal' ? select('language', 'language', 'anyLanguage') : null,
    h('span', { class: 'controls-spacer' }),
    freshnessLine(),
  );
}

const TITLES: Record<Screen, StringKey> = {
  overview: 'navOverview',
  offices: 'navOffices',
  equal: 'navEqual',
  visits: 'navVisits',
  complaints: 'navComplaints',
  alerts: 'navAlerts',
  reports: 'navReports',
  sql: 'navSql',
};

/** Screens the date and dimension filters do not apply to: they show the freshness line only. */
const UNFILTERED: ReadonlySet<Screen> = new Set(['sql', 'alerts', 'reports']);

async function render(): Promise<void> {
  const current = session;
  if (!current) return renderSignIn();
  const seq = ++renderSeq;
  const refocus = focusAfterRender;
  focusAfterRender = null;
  const route = parseRoute(location.hash, defaultEnd(), dataStart());
  const offered = NAV.find((n) => n.screen === route.screen);
  if (offered && !offered.allowed(current.identity, current.features)) route.screen = 'overview';
  document.documentElement.lang = lang;
  document.title = `${l(TITLES[route.screen])} · servq`;
  disposeCharts();
  clear(root);
  const main = h('main', { class: 'content', id: 'content', tabindex: '-1' }, loadingBox({ lang }));
  root.append(
    h(
      'a',
      {
        class: 'skip-link',
        href: '#content',
        onclick: (event: Event) => {
          // The address holds the route, so the link moves focus instead of changing the hash.
          event.preventDefault();
          main.focus();
        },
      },
      l('skipLink'),
    ),
    header(current, route),
    UNFILTERED.has(route.screen)
      ? h('div', { class: 'controls' }, h('span', { class: 'controls-spacer' }), freshnessLine())
      : controls(current, route),
    h(
      'div',
      { class: 'page-title' },
      h('h1', {}, l(TITLES[route.screen])),
      h(
        'span',
        { class: 'muted' },
        UNFILTERED.has(route.screen)
          ? ''
          : `${formatDate(route.filters.from, lang)} – ${formatDate(route.filters.to, lang)}`,
      ),
    ),
    main,
  );
  if (refocus) document.getElementById(refocus)?.focus();
  const ctx: ViewContext = {
    api: current.api,
    lang,
    identity: current.identity,
    catalogue: current.catalogue,
    labels: current.labels,
    dimensions: current.dimensions,
    skippedFilters: new Set(),
    filters: {
      ...route.filters,
      office:
        current.identity.office ??
        officeOn(route.screen, route.filters.office, current.labels.reference.noOfficeFilter),
    },
    dataEnd: dataEnd(),
    onFreshness: updateFreshness,
    onUnauthorized: () => signOut(l('sessionExpired')),
    isCurrent: () => seq === renderSeq,
    pending: [],
  };
  try {
    const content = await screenContent(ctx, route.screen);
    if (!ctx.isCurrent()) return;
    clear(main);
    if (ctx.skippedFilters.size > 0) {
      const names = [...ctx.skippedFilters].map((d) => l(d === 'office' ? 'office' : d)).join(', ');
      main.append(h('p', { class: 'notice', role: 'note' }, l('skippedFilters', { names })));
    }
    main.append(content);
    // A chunk that failed to load is an error on the screen, not a silent blank chart.
    mountCharts(main).catch((error: unknown) => {
      if (ctx.isCurrent()) main.append(errorBox({ lang }, error));
    });
    // Parts drawn after the screen (later) change the page's height: a refresh restores the scroll after them.
    await Promise.all(ctx.pending);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (isApiError(error) && error.status === 401) return signOut(l('sessionExpired'));
    clear(main);
    main.append(
      errorBox({ lang }, error),
      h('button', { type: 'button', class: 'secondary', onclick: () => void render() }, l('retry')),
    );
  }
}

function screenContent(ctx: ViewContext, screen: Screen): Promise<HTMLElement> {
  switch (screen) {
    case 'overview':
      return renderOverview(ctx);
    case 'offices':
      return renderCompare(ctx, OFFICES_SCREEN);
    case 'equal':
      return renderEqual(ctx);
    case 'visits':
      return renderVisits(ctx);
    case 'complaints':
      return renderComplaints(ctx);
    case 'alerts':
      return renderAlerts(ctx);
    case 'reports':
      return renderReports(ctx);
    case 'sql':
      return renderSql(ctx);
  }
}

window.addEventListener('hashchange', () => void render());

const saved = loadToken(sessionStorage);
if (saved) {
  root.append(loadingBox({ lang }));
  signIn(saved).catch((error: unknown) => {
    forgetToken(sessionStorage);
    renderSignIn(isApiError(error) ? `${error.status} ${error.message}` : String(error));
  });
} else {
  renderSignIn();
}
