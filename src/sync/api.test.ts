// The phone's push body: plain JSON when small, gzip (Content-Encoding: gzip) when large.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSyncApi, GZIP_REQUEST_THRESHOLD_BYTES } from './api.ts';

function recordingApi() {
  const sent: { headers: Record<string, string>; body: Uint8Array | string }[] = [];
  const fetchFn = async (_url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ headers: init?.headers as Record<string, string>, body: init?.body as Uint8Array | string });
    return new Response(JSON.stringify({ results: [], missingSeqs: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const api = createSyncApi({ baseUrl: 'http://server', token: async () => 't', fetch: fetchFn as typeof fetch });
  return { api, sent };
}

const deviceId = '0b5a3b6e-8f43-4b8e-9d0c-2f1f0d2c9a11';

describe('push body encoding', () => {
  it('sends a small push as plain JSON', async () => {
    const { api, sent } = recordingApi();
    await api.push({ deviceId, changes: [] }).catch(() => undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(sent[0]!.body as string)).toEqual({ deviceId, changes: [], answer: 'compact' });
  });

  it('gzips a push over the threshold and says so in Content-Encoding', async () => {
    const { api, sent } = recordingApi();
    const changes = Array.from({ length: 20 }, (_, i) => ({
      changeId: `c-${i}`,
      seq: i + 1,
      op: 'delete' as const,
      recordId: `r-${i}`,
      kind: 'newsPost' as const,
      baseRev: 1,
    }));
    const json = JSON.stringify({ deviceId, changes, answer: 'compact' });
    expect(json.length).toBeGreaterThan(GZIP_REQUEST_THRESHOLD_BYTES);
    await api.push({ deviceId, changes }).catch(() => undefined);
    expect(sent[0]!.headers['content-encoding']).toBe('gzip');
    const wire = sent[0]!.body as Uint8Array;
    expect(wire.length).toBeLessThan(json.length);
    expect(gunzipSync(wire).toString('utf8')).toBe(json);
  });
});
