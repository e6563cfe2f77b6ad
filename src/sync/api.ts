// The phone's sync calls to the server (push and pull), typed by the shared protocol schemas.
// A network failure throws; an HTTP answer is returned as it is, for the engine to decide.
import {
  compactPushResponse,
  expandPushAnswer,
  formatSeqRanges,
  pullResponse,
  pushResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SeqRange,
} from '../domain/index.ts';
import { apiHeaders, call, type CallOptions, type HttpOutcome } from './session.ts';

export interface SyncApi {
  push(request: PushRequest, options?: CallOptions): Promise<HttpOutcome<PushResponse>>;
  /** `skipOwn`: server seqs of this device's own changes whose answers the phone holds. */
  pull(since: number, limit: number, skipOwn?: readonly SeqRange[], options?: CallOptions): Promise<HttpOutcome<PullResponse>>;
}

/** Push bodies of this many bytes of JSON or more are sent gzip-compressed (a batch of 100 records: about 41 kB, 6 kB gzipped). */
export const GZIP_REQUEST_THRESHOLD_BYTES = 1024;

/** The JSON as it goes on the wire: gzip-compressed with CompressionStream when large and the browser has it. */
export async function encodeJsonBody(json: string, threshold = GZIP_REQUEST_THRESHOLD_BYTES): Promise<{ body: BodyInit; gzip: boolean }> {
  if (json.length < threshold || typeof CompressionStream === 'undefined') return { body: json, gzip: false };
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: new Uint8Array(await new Response(stream).arrayBuffer()), gzip: true };
}

/**
 * `token`: a Bearer token for clients outside the browser (tests, benchmarks); the app gives
 * none and its calls carry the session cookie.
 */
export function createSyncApi(options: {
  baseUrl: string;
  token?: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  gzipThresholdBytes?: number;
}): SyncApi {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = async (): Promise<Record<string, string>> => {
    const token = options.token ? await options.token() : undefined;
    return { ...apiHeaders(true), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  // A server older than the compact answer refuses the unknown field: ask it the old way from then on.
  let compact = true;
  const send = async (request: PushRequest, callOptions: CallOptions = {}): Promise<HttpOutcome<PushResponse>> => {
    const encoded = await encodeJsonBody(JSON.stringify(compact ? { ...request, answer: 'compact' } : request), options.gzipThresholdBytes);
    const pushHeaders: Record<string, string> = { ...(await headers()), ...(encoded.gzip ? { 'content-encoding': 'gzip' } : {}) };
    const init = { method: 'POST', headers: pushHeaders, body: encoded.body };
    const url = `${options.baseUrl}/api/v1/sync/push`;
    if (!compact) return call(fetchFn, url, init, pushResponse, callOptions);
    const outcome = await call(fetchFn, url, init, compactPushResponse, callOptions);
    if (!outcome.ok && outcome.status === 400 && outcome.body.fields?.some((field) => field.path === 'answer')) {
      compact = false;
      return send(request, callOptions);
    }
    return outcome.ok ? { ok: true, value: expandPushAnswer(request.changes, outcome.value), serverTime: outcome.serverTime } : outcome;
  };
  return {
    push: send,
    pull: async (since, limit, skipOwn = [], callOptions = {}) => {
      const skip = skipOwn.length > 0 ? `&skip=${formatSeqRanges(skipOwn)}` : '';
      return call(fetchFn, `${options.baseUrl}/api/v1/sync/pull?since=${since}&limit=${limit}${skip}`, { headers: await headers() }, pullResponse, callOptions);
    },
  };
}
