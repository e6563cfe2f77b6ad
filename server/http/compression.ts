// Compressed bodies both ways, for phones on a slow link. JSON answers of 1 kB or more go
// out gzip-compressed to a client that accepts gzip (a pull of 500 records: about 205 kB of
// JSON, 30 kB gzipped). Request bodies may come gzip-compressed (Content-Encoding: gzip), as
// the phone sends large pushes. The body is inflated here, before the body limit, and the limit
// counts the inflated bytes: a small "zip bomb" is refused with 413, never inflated past it.
// A body that is not valid gzip is a 400; any other encoding is refused the same way.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './errors.ts';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** True when the Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function compressJsonAnswers(options: { threshold: number }): MiddlewareHandler {
  return async function compressJsonAnswer(c, next) {
    await next();
    if (c.req.method === 'HEAD' || c.res.headers.has('content-encoding') || !c.res.body) return;
    if (!/^application\/json\b/i.test(c.res.headers.get('content-type') ?? '')) return;
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;
    const res = c.res;
    const plain = Buffer.from(await res.clone().arrayBuffer());
    if (plain.length < options.threshold) return;
    const headers = new Headers(res.headers);
    headers.set('content-encoding', 'gzip');
    headers.delete('content-length');
    c.res = undefined as never; // Hono merges headers into a replaced response unless cleared first
    c.res = new Response(new Uint8Array(await gzipAsync(plain)), { status: res.status, headers });
  };
}

/** Reads at most `maxSize` bytes of a stream; undefined when there are more. */
async function readCapped(body: ReadableStream<Uint8Array>, maxSize: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxSize) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export function gzipRequestBodies(options: { maxSize: number }): MiddlewareHandler {
  const { maxSize } = options;
  return async function gzipRequestBody(c, next) {
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return next();
    if (encoding !== 'gzip') return apiError(c, 400, 'invalid_body', [{ path: '', code: 'unsupported_encoding' }]);
    const raw = c.req.raw;
    if (!raw.body) return next();
    const compressed = await readCapped(raw.body, maxSize);
    if (!compressed) return apiError(c, 413, 'body_too_large');
    let plain: Buffer;
    try {
      // One byte over the limit is enough to know the body is too large.
      plain = await gunzipAsync(compressed, { maxOutputLength: maxSize + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return apiError(c, 413, 'body_too_large');
      return apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_gzip' }]);
    }
    if (plain.length > maxSize) return apiError(c, 413, 'body_too_large');
    const headers = new Headers(raw.headers);
    headers.delete('content-encoding');
    headers.delete('transfer-encoding');
    headers.set('content-length', String(plain.length));
    c.req.raw = new Request(raw.url, { method: raw.method, headers, body: new Uint8Array(plain), signal: raw.signal });
    return next();
  };
}
