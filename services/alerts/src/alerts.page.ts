/**
 * A small page for people, at `/` of the alerts service (same origin as its API, so no CORS and no second
 * place to configure): the open alerts as their e-mails word them (metric, figure, target, office, when it
 * fired), a link to the dashboard view that shows each, an Acknowledge button, and the recent history — in
 * Latvian, or English with `?lang=en`. The bearer token is typed in and kept in the tab's
 * sessionStorage only. Text is set with textContent (never HTML), and a strict CSP allows only this page's own
 * inline script and style, by a nonce per response.
 */
import { randomBytes } from 'node:crypto';
import type { Lang, MetricInfo } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AlertBook } from './alert.book.ts';
import { authenticate, maySee } from './auth.ts';
import type { TokenEntry } from './config.ts';
import { pageView } from './page.view.ts';

/**
 * The open-alerts table fits the 1100 px column on a desktop: a figure and its interval, and a period's two dates,
 * may wrap between their pieces (never inside one), which the nine columns needed (at 1280 px the table ran ~75 px
 * past the column). Each table sits in a region that scrolls on its own, so a narrower window scrolls the table,
 * not the page. An identifier (a token or subscriber id) is such a piece too: the Latvian page at 1280 px broke
 * "dev-management" at its hyphen, which read as two words.
 */
const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header a{color:#fff}
header{background:#0b3d5c;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0;flex:1}
main{padding:16px 20px;max-width:1100px}
.region{overflow-x:auto;margin-bottom:24px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef2f5}
.figure{white-space:nowrap}
.note{color:#555;font-size:13px}
.critical{color:#a00000;font-weight:600}.warning{color:#8a5300;font-weight:600}
button{font:inherit;padding:4px 10px;cursor:pointer}
#status{min-height:1.4em}
label,form{display:flex;gap:6px;align-items:center}
`;

/** The page's own words; an alert's words come from the server (page.view.ts), as its e-mail words it. */
const WORDS = {
  lv: {
    title: 'servq — brīdinājumi',
    token: 'Piekļuves atslēga',
    enterToken: 'Ievadiet piekļuves atslēgu',
    other: { lang: 'en', name: 'English' },
    openTitle: 'Atvērtie brīdinājumi',
    none: 'Nav atvērtu brīdinājumu',
    columns: ['Svarīgums', 'Nodaļa', 'Rādītājs', 'Vērtība', 'Mērķis', 'Izsaukts', 'Periods', 'Skats', 'Apstiprināts'],
    view: 'Atvērt paneli',
    acknowledge: 'Apstiprināt',
    historyTitle: 'Vēsture',
    historyColumns: ['Laiks', 'Notikums', 'Brīdinājums', 'Kas'],
  },
  en: {
    title: 'servq — alerts',
    token: 'Access token',
    enterToken: 'Enter an access token',
    other: { lang: 'lv', name: 'Latviski' },
    openTitle: 'Open alerts',
    none: 'No open alerts',
    columns: ['Severity', 'Office', 'Metric', 'Figure', 'Target', 'Fired', 'Period', 'View', 'Acknowledged'],
    view: 'Open the dashboard',
    acknowledge: 'Acknowledge',
    historyTitle: 'History',
    historyColumns: ['Time', 'Event', 'Alert', 'Who'],
  },
} as const;

const PageQuery = z.object({ lang: z.enum(['lv', 'en']).catch('lv') });

// The words reach the script as JSON; `<` is escaped so no value can close the script element.
const SCRIPT = (lang: Lang) => `
const LANG = ${JSON.stringify(lang)};
const W = ${JSON.stringify(WORDS[lang]).replace(/</g, '\\u003c')};
const $ = (s) => document.querySelector(s);
const token = () => sessionStorage.getItem('servq-alerts-token') || '';
function cell(row, text, cls) { const td = document.createElement('td'); td.textContent = text ?? ''; if (cls) td.className = cls; row.appendChild(td); return td; }
// Pieces that never break inside ("25,0 %", "(14,2–40,2 %)", a date), with a break allowed between them.
function pieces(row, parts) { const td = cell(row, ''); parts.forEach((text, i) => { if (i > 0) td.append(' '); const s = document.createElement('span'); s.className = 'figure'; s.textContent = text; td.appendChild(s); }); return td; }
async function api(path, init) {
  const res = await fetch(path, { ...init, headers: { authorization: 'Bearer ' + token() } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.status);
  return body;
}
async function load() {
  $('#status').textContent = '';
  if (!token()) { $('#status').textContent = W.enterToken; return; }
  try {
    const { alerts, events } = await api('/page/view?lang=' + LANG + '&limit=50');
    const open = $('#open tbody'); open.replaceChildren();
    if (alerts.length === 0) { const r = open.insertRow(); cell(r, W.none).colSpan = W.columns.length; }
    for (const a of alerts) {
      const r = open.insertRow();
      r.dataset.alert = a.alert_id;
      cell(r, a.severity_words, a.severity);
      cell(r, a.office);
      cell(r, a.title);
      // A deadline's figure is words ("8 nokavētas sūdzības"), which wrap; its oldest due date goes under it.
      const fig = a.due ? cell(r, a.figure) : pieces(r, a.interval ? [a.figure, '(' + a.interval + ')'] : [a.figure]);
      if (a.due) { const note = document.createElement('div'); note.className = 'note'; note.textContent = a.due; fig.appendChild(note); }
      cell(r, a.target ?? '—', 'figure');
      cell(r, a.fired_at);
      // "24.11.2026 –" over "01.12.2026" when the column is narrow: the dash stays with the first date.
      pieces(r, a.period.split(' – ').map((date, i, all) => (i < all.length - 1 ? date + ' –' : date)));
      const link = cell(r, ''); const anchor = document.createElement('a'); anchor.href = a.link; anchor.textContent = W.view; link.appendChild(anchor);
      const ack = a.acknowledged ? pieces(r, a.acknowledged) : cell(r, '');
      if (!a.acknowledged) {
        const b = document.createElement('button'); b.textContent = W.acknowledge;
        b.addEventListener('click', async () => { b.disabled = true; try { await api('/v1/alerts/' + encodeURIComponent(a.alert_id) + '/ack', { method: 'POST' }); await load(); } catch (e) { $('#status').textContent = e.message; b.disabled = false; } });
        ack.appendChild(b);
      }
    }
    const hist = $('#history tbody'); hist.replaceChildren();
    for (const e of events) { const r = hist.insertRow(); cell(r, e.time); cell(r, e.event); cell(r, e.about); pieces(r, e.who); }
  } catch (e) { $('#status').textContent = e.message; }
}
$('#token').value = token();
$('#token-form').addEventListener('submit', (ev) => { ev.preventDefault(); sessionStorage.setItem('servq-alerts-token', $('#token').value.trim()); load(); });
load();
setInterval(load, 30000);
`;

const head = (names: readonly string[]) => names.map((name) => `<th>${name}</th>`).join('');

function page(nonce: string, lang: Lang): string {
  const w = WORDS[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${w.title}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>${w.title}</h1>
<form id="token-form"><label>${w.token} <input id="token" type="password" autocomplete="off" size="28"></label> <button>OK</button></form>
<a href="?lang=${w.other.lang}" lang="${w.other.lang}" hreflang="${w.other.lang}">${w.other.name}</a></header>
<main><p id="status" role="status"></p>
<h2 id="open-title">${w.openTitle}</h2>
<div class="region" role="region" aria-labelledby="open-title" tabindex="0"><table id="open"><thead><tr>${head(w.columns)}</tr></thead><tbody></tbody></table></div>
<h2 id="history-title">${w.historyTitle}</h2>
<div class="region" role="region" aria-labelledby="history-title" tabindex="0"><table id="history"><thead><tr>${head(w.historyColumns)}</tr></thead><tbody></tbody></table></div>
</main><script nonce="${nonce}">${SCRIPT(lang)}</script></body></html>`;
}

export interface PageDeps {
  tokens: readonly TokenEntry[];
  book: AlertBook;
  metricInfo(id: string | undefined): MetricInfo | undefined;
  /** Throws the service's not-ready error while the history is still being read. */
  requireReady(): void;
}

const ViewQuery = z.object({
  lang: z.enum(['lv', 'en']).catch('lv'),
  limit: z.coerce.number().int().min(1).max(500).catch(50),
});

export function registerAlertsPage(app: FastifyInstance, deps: PageDeps): void {
  app.get('/', (request, reply) => {
    const { lang } = PageQuery.parse(request.query ?? {});
    const nonce = randomBytes(16).toString('base64');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      )
      .send(page(nonce, lang));
  });

  // The page's data, worded for people; outside /v1 because it is this page's, not a published API.
  app.get('/page/view', (request) => {
    const who = authenticate(deps.tokens, request.headers.authorization);
    deps.requireReady();
    const { lang, limit } = ViewQuery.parse(request.query ?? {});
    return Promise.resolve(
      pageView(
        deps.book,
        (office) => maySee(who, office),
        (id) => deps.metricInfo(id),
        lang,
        limit,
      ),
    );
  });
}
