/**
 * The two ways a notification leaves: e-mail through SMTP (nodemailer; plain text with an HTML alternative), and a signed webhook a Slack- or
 * Teams-style receiver can take. Both carry the delivery's idempotency key (the e-mail as its Message-ID and a
 * header, the webhook as `Idempotency-Key`), so a receiver that sees a delivery twice — after a crash between
 * sending and recording it — can tell. A send resolves only on acceptance (SMTP 250, HTTP 2xx) and throws
 * otherwise; retrying is the outbox's business.
 */
import { createHmac } from 'node:crypto';
import { createMailer } from '@servq/mail';
import type { Message } from './message.ts';

export interface OutgoingNotification {
  key: string;
  message: Message;
  /** The webhook's JSON body beside the text (the alert event's figures). */
  payload: Record<string, unknown>;
}

export interface Sender {
  send(address: string, notification: OutgoingNotification): Promise<void>;
  close(): void;
}

export interface MailOptions {
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

export function createMailSender(options: MailOptions): Sender {
  const mailer = createMailer({ ...options, idDomain: 'servq-alerts' });
  return {
    send: (address, { key, message }) =>
      mailer.send({
        to: address,
        subject: message.subject,
        text: message.text,
        html: message.html,
        idempotencyKey: key,
      }),
    close: () => mailer.close(),
  };
}

export interface WebhookOptions {
  secret: string;
  timeoutMs: number;
}

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: a replayed body with a new timestamp fails the check. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createWebhookSender(options: WebhookOptions): Sender {
  return {
    async send(url, { key, message, payload }) {
      // `text` is what Slack's and Teams' incoming webhooks show; the rest is for receivers that read figures.
      const body = JSON.stringify({
        text: `${message.subject}\n${message.text}`,
        idempotency_key: key,
        alert: payload,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          'x-servq-timestamp': timestamp,
          'x-servq-signature': webhookSignature(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
    close: () => undefined,
  };
}
