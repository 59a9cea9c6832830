/**
 * The one Prometheus listener of every service: `GET /metrics` (and HEAD) on an address of its own, apart from
 * the public API, so that the API's listener never answers a scrape. With a token hash configured, a scrape
 * must send `Authorization: Bearer <token>` (compared by SHA-256 in constant time); anything else is 401.
 * Every other path is 404. Nothing is logged here: a scraper's header must not reach a log line.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the listener reads: a prom-client `Registry` fits. */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

export interface MetricsListenerOptions {
  host: string;
  port: number;
  /** SHA-256 (hex) of the scrape token, or null to serve without one (loopback only; the config enforces it). */
  tokenSha256: string | null;
}

export interface MetricsListener {
  /** Listens; resolves with the bound address (the real port when 0 was asked for). */
  start(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting and closes open connections. */
  stop(): Promise<void>;
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message, details: [] } }));
}

function tokenMatches(header: string | undefined, tokenSha256: string): boolean {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const presented = createHash('sha256').update(match[1]).digest();
  const expected = Buffer.from(tokenSha256, 'hex');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

async function answer(req: IncomingMessage, res: ServerResponse, source: MetricsSource, tokenSha256: string | null) {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== '/metrics') return sendError(res, 404, 'NOT_FOUND', 'this listener serves GET /metrics only');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'expected GET or HEAD');
  }
  if (tokenSha256 !== null && !tokenMatches(req.headers.authorization, tokenSha256)) {
    res.setHeader('www-authenticate', 'Bearer');
    return sendError(res, 401, 'UNAUTHORIZED', 'expected Authorization: Bearer <scrape token>');
  }
  const body = await source.metrics();
  res.writeHead(200, { 'content-type': source.contentType });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function createMetricsListener(options: MetricsListenerOptions, source: MetricsSource): MetricsListener {
  let server: Server | undefined;
  return {
    async start() {
      const listening = createServer((req, res) => {
        answer(req, res, source, options.tokenSha256).catch(() => {
          if (!res.headersSent) sendError(res, 500, 'METRICS_FAILED', 'collecting metrics failed');
          else res.destroy();
        });
      });
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(options.port, options.host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
      const { address, port } = listening.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      return { host: address, port, url: `http://${host}:${port}/metrics` };
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      await new Promise<void>((resolve, reject) => {
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeAllConnections();
      });
    },
  };
}
