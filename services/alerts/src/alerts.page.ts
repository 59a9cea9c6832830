/**
 * A small page for people, at `/` of the alerts service (same origin as its API, so no CORS and no second
 * place to configure): the open alerts with their figures, a link to the dashboard view that shows each, an
 * Acknowledge button, and the recent history. The bearer token is typed in and kept in the tab's
 * sessionStorage only. Text is set with textContent (never HTML), and a strict CSP allows only this page's own
 * inline script and style, by a nonce per response.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#0b3d5c;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0;flex:1}
main{padding:16px 20px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:24px}
th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef2f5}
.critical{color:#a00000;font-weight:600}.warning{color:#8a5300;font-weight:600}
button{font:inherit;padding:4px 10px;cursor:pointer}
#status{min-height:1.4em}
label,form{display:flex;gap:6px;align-items:center}
`;

const SCRIPT = `
const $ = (s) => document.querySelector(s);
const token = () => sessionStorage.getItem('servq-alerts-token') || '';
function cell(row, text, cls) { const td = document.createElement('td'); td.textContent = text ?? ''; if (cls) td.className = cls; row.appendChild(td); return td; }
async function api(path, init) {
  const res = await fetch(path, { ...init, headers: { authorization: 'Bearer ' + token() } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.status);
  return body;
}
async function load() {
  $('#status').textContent = '';
  if (!token()) { $('#status').textContent = 'Ievadiet piekļuves atslēgu / Enter a token'; return; }
  try {
    const [{ alerts }, { events }] = await Promise.all([api('/v1/alerts'), api('/v1/alerts/history?limit=50')]);
    const open = $('#open tbody'); open.replaceChildren();
    if (alerts.length === 0) { const r = open.insertRow(); cell(r, 'Nav atvērtu brīdinājumu / No open alerts').colSpan = 7; }
    for (const a of alerts) {
      const r = open.insertRow();
      cell(r, a.severity, a.severity);
      cell(r, a.office_id || 'ATD');
      cell(r, a.rule_id + (a.group ? ' (' + a.group + ')' : ''));
      cell(r, a.reason);
      cell(r, a.period.from + ' – ' + a.period.to);
      const link = cell(r, ''); const anchor = document.createElement('a'); anchor.href = a.link; anchor.textContent = 'panelis / dashboard'; link.appendChild(anchor);
      const ack = cell(r, a.acknowledged_by ? '✓ ' + a.acknowledged_by : '');
      if (!a.acknowledged_by) {
        const b = document.createElement('button'); b.textContent = 'Apstiprināt / Acknowledge';
        b.addEventListener('click', async () => { b.disabled = true; try { await api('/v1/alerts/' + encodeURIComponent(a.alert_id) + '/ack', { method: 'POST' }); await load(); } catch (e) { $('#status').textContent = e.message; b.disabled = false; } });
        ack.appendChild(b);
      }
    }
    const hist = $('#history tbody'); hist.replaceChildren();
    for (const e of events) { const r = hist.insertRow(); cell(r, e.occurred_at.replace('T', ' ').slice(0, 19)); cell(r, e.type); cell(r, e.alert_id); cell(r, e.acknowledged_by || (e.subscriber_id ? e.subscriber_id + ' (' + e.delivery_channel + ')' : '') || e.reason || ''); }
  } catch (e) { $('#status').textContent = e.message; }
}
$('#token').value = token();
$('#token-form').addEventListener('submit', (ev) => { ev.preventDefault(); sessionStorage.setItem('servq-alerts-token', $('#token').value.trim()); load(); });
load();
setInterval(load, 30000);
`;

function page(nonce: string): string {
  return `<!doctype html>
<html lang="lv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>servq — brīdinājumi / alerts</title><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>servq — brīdinājumi / alerts</h1>
<form id="token-form"><label>Atslēga / Token <input id="token" type="password" autocomplete="off" size="28"></label> <button>OK</button></form></header>
<main><p id="status" role="status"></p>
<h2>Atvērtie brīdinājumi / Open alerts</h2>
<table id="open"><thead><tr><th>Svarīgums / Severity</th><th>Nodaļa / Office</th><th>Noteikums / Rule</th><th>Kāpēc / Why</th><th>Periods / Period</th><th>Skats / View</th><th>Apstiprināts / Acknowledged</th></tr></thead><tbody></tbody></table>
<h2>Vēsture / History</h2>
<table id="history"><thead><tr><th>Laiks (UTC) / Time</th><th>Notikums / Event</th><th>Brīdinājums / Alert</th><th>Kas / Who</th></tr></thead><tbody></tbody></table>
</main><script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

export function registerAlertsPage(app: FastifyInstance): void {
  app.get('/', (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      )
      .send(page(nonce));
  });
}
