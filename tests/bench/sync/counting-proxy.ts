// A tiny HTTP proxy on loopback that counts what crosses the wire between a client and a
// server: requests, TCP connections, bytes up and down (headers included, as read from and
// written to the client's sockets) and round trips. A round trip is a request sent while no
// other request of the client was in flight: requests in parallel share one round trip.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from '../../support/ports.ts';

export interface WireRequest {
  method: string;
  path: string;
  status: number;
  up: number;
  down: number;
  start: number;
  end: number;
}

export interface WireCount {
  requests: number;
  roundTrips: number;
  connections: number;
  bytesUp: number;
  bytesDown: number;
  /** Requests per "METHOD /path" (query and database name left out). */
  byEndpoint: Record<string, number>;
}

export interface CountingProxy {
  url: string;
  /** Starts counting afresh. */
  reset(): void;
  count(): WireCount;
  log(): WireRequest[];
  close(): Promise<void>;
}

function headerBytes(message: IncomingMessage): number {
  let bytes = `${message.method} ${message.url} HTTP/1.1\r\n`.length + 2;
  for (let i = 0; i < message.rawHeaders.length; i += 2) bytes += Buffer.byteLength(`${message.rawHeaders[i]}: ${message.rawHeaders[i + 1]}\r\n`);
  return bytes;
}

export async function startCountingProxy(
  target: string,
  endpointName: (method: string, path: string) => string = (m, p) => `${m} ${p}`,
): Promise<CountingProxy> {
  const upstream = new URL(target);
  const port = await freePort();
  let sockets = new Map<Socket, { read: number; written: number }>();
  let connections = 0;
  let requests: WireRequest[] = [];
  let inFlight = 0;
  let roundTrips = 0;
  const live = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    if (inFlight === 0) roundTrips += 1;
    inFlight += 1;
    const entry: WireRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0]!,
      status: 0,
      up: headerBytes(req),
      down: 0,
      start: performance.now(),
      end: 0,
    };
    requests.push(entry);
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      entry.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders as unknown as Record<string, string>);
      answer.on('data', (chunk: Buffer) => (entry.down += chunk.length));
      answer.pipe(res);
    });
    req.on('data', (chunk: Buffer) => (entry.up += chunk.length));
    req.pipe(forward);
    forward.on('error', () => res.destroy());
    res.on('close', () => {
      inFlight -= 1;
      entry.end = performance.now();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    live.add(socket);
    const counter = { read: 0, written: 0 };
    sockets.set(socket, counter);
    socket.on('close', () => {
      live.delete(socket);
      counter.read = socket.bytesRead;
      counter.written = socket.bytesWritten;
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  // Bytes on the client's sockets since the last reset, live sockets included.
  let baseline = new Map<Socket, { read: number; written: number }>();
  const socketBytes = () => {
    let up = 0;
    let down = 0;
    for (const [socket, closed] of sockets) {
      const read = live.has(socket) ? socket.bytesRead : closed.read;
      const written = live.has(socket) ? socket.bytesWritten : closed.written;
      const base = baseline.get(socket) ?? { read: 0, written: 0 };
      up += read - base.read;
      down += written - base.written;
    }
    return { up, down };
  };

  return {
    url: `http://127.0.0.1:${port}`,
    reset() {
      requests = [];
      roundTrips = 0;
      connections = 0;
      baseline = new Map([...live].map((s) => [s, { read: s.bytesRead, written: s.bytesWritten }]));
      sockets = new Map([...live].map((s) => [s, { read: 0, written: 0 }]));
    },
    count() {
      const { up, down } = socketBytes();
      const byEndpoint: Record<string, number> = {};
      for (const r of requests) {
        const name = endpointName(r.method, r.path);
        byEndpoint[name] = (byEndpoint[name] ?? 0) + 1;
      }
      return { requests: requests.length, roundTrips, connections, bytesUp: up, bytesDown: down, byEndpoint };
    },
    log: () => requests.slice(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of live) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
