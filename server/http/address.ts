// The address a request came from: the socket's peer, or, behind one reverse proxy that the
// settings trust, the last address of X-Forwarded-For: the one that proxy appended (nginx's
// $proxy_add_x_forwarded_for, deploy/); earlier ones are whatever the client wrote.
import type { Context } from 'hono';

type NodeEnv = { incoming?: { socket?: { remoteAddress?: string } } } | undefined;

export function clientAddress(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeEnv)?.incoming?.socket?.remoteAddress || undefined;
}

/** Behind a trusted proxy that ended TLS, or on a TLS socket of our own. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}
