// A gate in front of the real server: everything passes until it is closed, then every API
// request is cut as a dead network would (static files still load). It stands between the
// server and the browser's page and its service worker alike, where the browser's own
// offline emulation does not reach the worker.
import { createServer, request, type Server } from 'node:http';
import { freePort } from './ports.ts';

export interface ApiGate {
  url: string;
  close(): void;
  open(): void;
  stop(): Promise<void>;
}

export async function startApiGate(target: string): Promise<ApiGate> {
  let closed = false;
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    if (closed && incoming.url?.startsWith('/api/')) {
      incoming.socket.destroy();
      return;
    }
    const forward = request(
      { hostname: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => void (closed = true),
    open: () => void (closed = false),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
