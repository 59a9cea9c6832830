/**
 * Sending e-mail through SMTP (nodemailer), for every service that mails (alerts, reports): one transport from
 * an `smtp://` or `smtps://` URL (credentials in the URL), bounded timeouts, and a send that resolves only when
 * the server accepted the message (SMTP 250) and throws otherwise — retrying is the caller's business.
 * A message may carry an idempotency key (its Message-ID and an `X-Servq-Idempotency-Key` header), so a
 * receiver that sees it twice, after a crash between sending and recording it, can tell. A message with an HTML
 * part is sent as multipart/alternative, its plain text first (nodemailer builds the MIME tree).
 */
import nodemailer from 'nodemailer';

export interface MailerOptions {
  smtpUrl: string;
  from: string;
  timeoutMs: number;
  /** Names the sender in Message-IDs (`<key@servq-alerts>`). */
  idDomain: string;
}

export interface MailAttachment {
  filename: string;
  content: Buffer | Uint8Array;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text` (multipart/alternative); the plain text stays for clients that read only it. */
  html?: string;
  idempotencyKey?: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(options: MailerOptions): Mailer {
  const url = new URL(options.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async send(mail) {
      const key = mail.idempotencyKey;
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === undefined ? {} : { html: mail.html }),
        ...(key ? { messageId: `<${key}@${options.idDomain}>`, headers: { 'X-Servq-Idempotency-Key': key } } : {}),
        ...(mail.attachments
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                content: Buffer.from(a.content),
                contentType: a.contentType,
              })),
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
