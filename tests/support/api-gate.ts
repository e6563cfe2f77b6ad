// A gate in front of the real server: everything passes until it is closed, then every API
// request is cut as a dead network would (static files still load). It stands between the
// server and the browser's page and its service worker alike, where the browser's own
// offline emulation does not reach the worker. Over TLS (a self-signed certificate) and cutting
// everything, pages and all, it is the network of an engine with no offline switch (WebKit's
// WebDriver): the browser sees a dead link, not an offline phone.
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { freePort } from './ports.ts';

export interface ApiGateOptions {
  /** Serve HTTPS with this certificate (paths to PEM files). */
  tls?: { keyPath: string; certPath: string };
  /** What a closed gate cuts: the API only (default), or every request and open connection. */
  cut?: 'api' | 'all';
  /**
   * Pass the browser's Host on and say X-Forwarded-Proto/-For, as the deployment's nginx does (the
   * server runs with TRUST_PROXY=1): the server then sees the origin the browser sees.
   */
  reverseProxy?: boolean;
  /** Sees each request that passes, before it is forwarded. */
  onRequest?: (incoming: IncomingMessage) => void;
}

export interface ApiGate {
  url: string;
  close(): void;
  open(): void;
  stop(): Promise<void>;
}

export async function startApiGate(target: string, options: ApiGateOptions = {}): Promise<ApiGate> {
  let closed = false;
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const forwardedHeaders = (incoming: IncomingMessage) =>
    options.reverseProxy
      ? { ...incoming.headers, 'x-forwarded-proto': options.tls ? 'https' : 'http', 'x-forwarded-for': incoming.socket.remoteAddress ?? '' }
      : { ...incoming.headers, host: upstream.host };
  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (closed && (options.cut === 'all' || incoming.url?.startsWith('/api/'))) {
      incoming.socket.destroy();
      return;
    }
    options.onRequest?.(incoming);
    const forward = request(
      { hostname: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: forwardedHeaders(incoming) },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  };
  const server: Server = options.tls
    ? createTlsServer({ key: readFileSync(options.tls.keyPath), cert: readFileSync(options.tls.certPath) }, handle)
    : createServer(handle);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => {
      closed = true;
      // A dead link drops the connections kept alive too.
      if (options.cut === 'all') for (const socket of sockets) socket.destroy();
    },
    open: () => void (closed = false),
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
