/**
 * The frame every servq HTML e-mail shares (the weekly digest, the alerts): a document a mail client shows as a short
 * page — the language, a viewport for phones, one readable column, system fonts — and the small pieces both lay out
 * alike (a paragraph, a link, a button, the footer). Every text these helpers insert is escaped with escape-html;
 * `body` and `narrowCss` are markup the caller built (and escaped) itself. Styles are inline, as many mail clients
 * drop style sheets; the one style element holds only the caller's phone re-flow, which such clients skip.
 */
import escapeHtml from 'escape-html';

export { escapeHtml };

export const LINK_COLOUR = '#0b5c8a';

export interface MailDocument {
  lang: string;
  /** The document's title (the subject). */
  title: string;
  body: string;
  /** A style sheet for narrow screens (a media query), or none. */
  narrowCss?: string;
}

export function mailDocument(doc: MailDocument): string {
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.title)}</title>${doc.narrowCss ? `<style>${doc.narrowCss}</style>` : ''}</head>
<body style="margin:0 auto;max-width:820px;padding:16px;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Arial,sans-serif;color:#1b1b1b;background:#fff">
${doc.body}
</body></html>
`;
}

export const htmlParagraph = (text: string, style = 'margin:8px 0') => `<p style="${style}">${escapeHtml(text)}</p>`;

export const htmlLink = (label: string, url: string) =>
  `<p style="margin:10px 0"><a href="${escapeHtml(url)}" style="color:${LINK_COLOUR}">${escapeHtml(label)}</a></p>`;

/**
 * A link drawn as a button: a padded block a thumb can hit, wrapping inside the column on a phone (a long label never
 * widens the page). A plain anchor, so it works where clients strip everything but inline styles.
 */
export const htmlButton = (label: string, url: string) =>
  `<p style="margin:18px 0"><a href="${escapeHtml(url)}" style="display:inline-block;max-width:100%;box-sizing:border-box;padding:11px 20px;border-radius:6px;background:${LINK_COLOUR};color:#fff;font-weight:600;text-decoration:none">${escapeHtml(label)}</a></p>`;

/** The footer under a rule: a grey line, with an optional link after it (written out, as the text part writes it). */
export function htmlFooter(text: string, url?: string): string {
  const link = url
    ? ` <a href="${escapeHtml(url)}" style="color:${LINK_COLOUR};overflow-wrap:anywhere">${escapeHtml(url)}</a>`
    : '';
  return `<hr style="border:0;border-top:1px solid #ddd;margin:20px 0 8px">
<p style="margin:0;color:#555;font-size:13px">${escapeHtml(text)}${link}</p>`;
}
