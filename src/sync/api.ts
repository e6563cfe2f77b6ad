// The phone's calls to the server, typed by the shared protocol schemas. A network failure
// throws; an HTTP answer is returned as it is, for the engine to decide.
import {
  CLIENT_HEADER,
  compactPushResponse,
  expandPushAnswer,
  formatSeqRanges,
  profileResponse,
  pullResponse,
  pushResponse,
  signInResponse,
  type ProfileResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
  type SeqRange,
} from '../domain/index.ts';
import { enrolmentResponse, type EnrolmentRequest } from '../domain/enrolment.ts';

export type HttpOutcome<T> = { ok: true; value: T } | { ok: false; status: number; body: { error?: string; fields?: { path: string; code: string }[] } };

export interface SyncApi {
  push(request: PushRequest): Promise<HttpOutcome<PushResponse>>;
  /** `skipOwn`: server seqs of this device's own changes whose answers the phone holds. */
  pull(since: number, limit: number, skipOwn?: readonly SeqRange[]): Promise<HttpOutcome<PullResponse>>;
}

interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export class MalformedResponseError extends Error {}

async function call<T>(fetchFn: typeof fetch, url: string, init: RequestInit, parser: Parser<T>): Promise<HttpOutcome<T>> {
  const response = await fetchFn(url, init);
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) return { ok: false, status: response.status, body: (body ?? {}) as never };
  const parsed = parser.safeParse(body);
  if (!parsed.success) throw new MalformedResponseError(`unexpected answer from ${url}`);
  return { ok: true, value: parsed.data };
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
 * Headers of the app's API calls. The session rides in its HttpOnly cookie (same-origin fetch
 * sends it); the client header tells the server the call comes from the app, not another site.
 */
export function apiHeaders(json = false): Record<string, string> {
  return { [CLIENT_HEADER.name]: CLIENT_HEADER.value, ...(json ? { 'content-type': 'application/json' } : {}) };
}

/**
 * `token`: a Bearer token for clients outside the browser (tests, benchmarks); the app gives
 * none and its calls carry the session cookie.
 */
export function createSyncApi(options: { baseUrl: string; token?: () => Promise<string | undefined>; fetch?: typeof fetch; gzipThresholdBytes?: number }): SyncApi {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = async (): Promise<Record<string, string>> => {
    const token = options.token ? await options.token() : undefined;
    return { ...apiHeaders(true), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  // A server older than the compact answer refuses the unknown field: ask it the old way from then on.
  let compact = true;
  const send = async (request: PushRequest): Promise<HttpOutcome<PushResponse>> => {
    const encoded = await encodeJsonBody(JSON.stringify(compact ? { ...request, answer: 'compact' } : request), options.gzipThresholdBytes);
    const pushHeaders: Record<string, string> = { ...(await headers()), ...(encoded.gzip ? { 'content-encoding': 'gzip' } : {}) };
    const init = { method: 'POST', headers: pushHeaders, body: encoded.body };
    const url = `${options.baseUrl}/api/v1/sync/push`;
    if (!compact) return call(fetchFn, url, init, pushResponse);
    const outcome = await call(fetchFn, url, init, compactPushResponse);
    if (!outcome.ok && outcome.status === 400 && outcome.body.fields?.some((field) => field.path === 'answer')) {
      compact = false;
      return send(request);
    }
    return outcome.ok ? { ok: true, value: expandPushAnswer(request.changes, outcome.value) } : outcome;
  };
  return {
    push: send,
    pull: async (since, limit, skipOwn = []) => {
      const skip = skipOwn.length > 0 ? `&skip=${formatSeqRanges(skipOwn)}` : '';
      return call(fetchFn, `${options.baseUrl}/api/v1/sync/pull?since=${since}&limit=${limit}${skip}`, { headers: await headers() }, pullResponse);
    },
  };
}

/** Signs in; the server sets the session cookie and answers with the profile (no token). */
export async function signIn(baseUrl: string, request: SignInRequest, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<HttpOutcome<SignInResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/sessions`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(request) }, signInResponse);
}

/** Ends this device's session on the server, which clears the cookie. */
export async function signOutOnServer(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<boolean> {
  const response = await fetchFn(`${baseUrl}/api/v1/sessions/current`, { method: 'DELETE', headers: apiHeaders() });
  return response.ok || response.status === 401;
}

/** A phone's first connection with an enrolment code and a new PIN; answered like a sign-in. */
export async function enrol(baseUrl: string, request: EnrolmentRequest, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<HttpOutcome<SignInResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/enrolments`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(request) }, enrolmentResponse);
}

/** The account and the commune's units as they are now (units are renamed, merged, retired). */
export async function fetchProfile(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<HttpOutcome<ProfileResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/me`, { headers: apiHeaders() }, profileResponse);
}
