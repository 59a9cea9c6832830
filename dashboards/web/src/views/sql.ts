/**
 * SQL for analysts: one SELECT over the modelled tables, run by the API's sandbox. The schema from
 * /v1/schema is listed beside the editor (a click on a column inserts its name); results show as a table and
 * download as CSV; a refusal or failure shows the API's own message and details.
 */
import { isApiError } from '../api.ts';
import type { SchemaAnswer, SqlAnswer } from '../api.types.ts';
import { CSV_BOM, toCsv } from '../csv.ts';
import { clear, h, scrollRegion } from '../dom.ts';
import { cellText, isNumericType, numericCellText } from '../sql.cells.ts';
import { errorBox, tr, type ViewContext } from '../view.ts';

const EXAMPLE = `SELECT office_id,
       count(*) AS surveys,
       round(avg(satisfaction), 2) AS mean_satisfaction
FROM surveys
GROUP BY office_id
ORDER BY surveys DESC`;

const SQL_KEY = 'servq.sql';
const MAX_SHOWN = 1000;

export async function renderSql(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  let schema: SchemaAnswer | null = null;
  let schemaError: unknown = null;
  try {
    schema = await ctx.api.schema();
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw error;
    schemaError = error;
  }

  const editor = h('textarea', {
    id: 'sql-editor',
    class: 'sql-editor',
    spellcheck: 'false',
    rows: 12,
    'aria-label': l('sqlTitle'),
  });
  editor.value = sessionStorage.getItem(SQL_KEY) ?? EXAMPLE;
  const results = h('div', { class: 'sql-results', 'aria-live': 'polite' });
  const runButton = h('button', { type: 'submit', class: 'primary' }, l('run'));

  let last: SqlAnswer | null = null;
  const download = h('button', { type: 'button', class: 'secondary', disabled: true }, l('downloadCsv'));
  download.addEventListener('click', () => {
    if (!last) return;
    const blob = new Blob([CSV_BOM, toCsv(last.columns, last.rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', {
      href: url,
      download: `servq-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.csv`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  const run = async () => {
    sessionStorage.setItem(SQL_KEY, editor.value);
    runButton.disabled = true;
    runButton.textContent = l('running');
    clear(results);
    try {
      const answer = await ctx.api.sql(editor.value);
      ctx.onFreshness(answer.freshness);
      last = answer;
      download.disabled = answer.rows.length === 0;
      results.append(resultTable(ctx, answer));
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        ctx.onUnauthorized();
        return;
      }
      last = null;
      download.disabled = true;
      results.append(h('p', { class: 'sql-error-title' }, l('sqlError')), errorBox(ctx, error));
    } finally {
      runButton.disabled = false;
      runButton.textContent = l('run');
    }
  };
  const form = h(
    'form',
    { class: 'sql-form' },
    editor,
    h(
      'div',
      { class: 'sql-actions' },
      runButton,
      download,
      h('span', { class: 'muted' }, `${l('sqlHint')} ${l('sqlRunKey')}`),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });

  const insert = (text: string) => {
    const start = editor.selectionStart;
    editor.setRangeText(text, start, editor.selectionEnd, 'end');
    editor.focus();
  };

  return h(
    'div',
    { class: 'screen screen-sql sql-layout' },
    h('section', { class: 'card sql-main' }, h('h2', {}, l('sqlTitle')), form, results),
    h(
      'aside',
      { class: 'card sql-schema', 'aria-label': l('schema') },
      h('h2', {}, l('schema')),
      schemaError ? errorBox(ctx, schemaError) : null,
      (schema?.tables ?? []).map((t) =>
        h(
          'details',
          { class: 'schema-table', open: t.id === 'surveys' },
          h('summary', {}, h('code', {}, t.id), h('span', { class: 'muted' }, ` ${t.columns.length}`)),
          h('p', { class: 'note' }, t.description[ctx.lang]),
          h(
            'ul',
            { class: 'columns' },
            t.columns.map((c) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link', title: c.description[ctx.lang], onclick: () => insert(c.name) },
                  c.name,
                ),
                ' ',
                h('span', { class: 'type' }, c.type),
                h('span', { class: 'muted col-desc' }, c.description[ctx.lang]),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function resultTable(ctx: ViewContext, answer: SqlAnswer): HTMLElement {
  const l = tr(ctx);
  const shown = answer.rows.slice(0, MAX_SHOWN);
  // A column is aligned as a whole by its type: numbers right (tabular figures), everything else left.
  const align = answer.columns.map((_, i) => (isNumericType(answer.types[i]) ? 'num' : 'text'));
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'sql-meta' },
      l('rows', { n: answer.rows.length, ms: Math.round(answer.elapsedMs) }),
      answer.truncated ? h('span', { class: 'pill pill-bad' }, l('truncated')) : null,
    ),
    scrollRegion(
      l('sqlResults'),
      h(
        'table',
        { class: 'data sql-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            answer.columns.map((c, i) => h('th', { scope: 'col', class: align[i] ?? 'text' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          shown.map((row) =>
            h(
              'tr',
              {},
              answer.columns.map((c, i) => {
                const v = row[c];
                const text = align[i] === 'num' ? numericCellText(v, ctx.lang) : cellText(v);
                return h('td', { class: `${align[i] ?? 'text'}${v === null ? ' null' : ''}` }, text);
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
