// The phone's calls about its session: sign-in, enrolment, sign-out and the profile, apart
// from the sync's push and pull, so that the sign-in screen loads without the records' schemas.
// A network failure throws a NetworkError; an HTTP answer is returned as it is.
import { CLIENT_HEADER, profileResponse, signInResponse, type ProfileResponse, type SignInRequest, type SignInResponse } from '../domain/accounts.ts';
import { enrolmentResponse, type EnrolmentRequest } from '../domain/enrolment.ts';

/** `serverTime`: the server's clock when it answered (its `Date` header, milliseconds), when it sent one. */
export type HttpOutcome<T> =
  { ok: true; value: T; serverTime?: number } | { ok: false; status: number; body: { error?: string; fields?: { path: string; code: string }[] } };

export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export class MalformedResponseError extends Error {}

/**
 * No answer: no network, the connection cut, or no answer within the bound (a stalled link
 * keeps a request open with no bytes). The one error the sync treats as "offline, try later";
 * anything else (a programming error) is not mistaken for it.
 */
export class NetworkError extends Error {
  constructor(
    readonly reason: 'failed' | 'timedOut' | 'aborted',
    options?: { cause?: unknown },
  ) {
    super(`no answer from the server (${reason})`, options);
    this.name = 'NetworkError';
  }
}

/** How long one call may take, answer body included, before it is given up and retried later. */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface CallOptions {
  /** Ends the call early (the engine stopping). */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One API call: never from the browser's HTTP cache (`no-store`: a case's notes must not rest
 * there), bounded in time, its answer checked by the shared schema. The timer is the page's
 * own setTimeout (not AbortSignal.timeout) so that tests that own the clock can pass it.
 */
export async function call<T>(fetchFn: typeof fetch, url: string, init: RequestInit, parser: Parser<T>, options: CallOptions = {}): Promise<HttpOutcome<T>> {
  const { response, body: raw } = await bounded(fetchFn, url, init, (answer) => answer.text(), options);
  const body = parseJson(raw);
  if (!response.ok) return { ok: false, status: response.status, body: (body ?? {}) as never };
  const parsed = parser.safeParse(body);
  if (!parsed.success) throw new MalformedResponseError(`unexpected answer from ${url}`);
  return { ok: true, value: parsed.data, serverTime: serverTimeOf(response) };
}

/** The instant in the answer's `Date` header (whole seconds), or undefined without a readable one. */
export function serverTimeOf(response: Response): number | undefined {
  const header = response.headers.get('date');
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? undefined : at;
}

/** The same call for a file (a report): the answer's bytes, under the same bound. */
export async function callFile(fetchFn: typeof fetch, url: string, init: RequestInit, options: CallOptions = {}): Promise<HttpOutcome<Blob>> {
  const { response, body } = await bounded(fetchFn, url, init, (answer) => answer.blob(), options);
  if (!response.ok) return { ok: false, status: response.status, body: (parseJson(await body.text()) ?? {}) as never };
  return { ok: true, value: body };
}

/** The fetch and the reading of its body, bounded in time; no answer is a NetworkError. */
async function bounded<B>(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<B>,
  options: CallOptions,
): Promise<{ response: Response; body: B }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) controller.abort();
  try {
    const response = await fetchFn(url, { ...init, cache: 'no-store', signal: controller.signal });
    return { response, body: await read(response) };
  } catch (error) {
    throw new NetworkError(timedOut ? 'timedOut' : controller.signal.aborted ? 'aborted' : 'failed', { cause: error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return {};
  }
}

/**
 * Headers of the app's API calls. The session rides in its HttpOnly cookie (same-origin fetch
 * sends it); the client header tells the server the call comes from the app, not another site.
 */
export function apiHeaders(json = false): Record<string, string> {
  return { [CLIENT_HEADER.name]: CLIENT_HEADER.value, ...(json ? { 'content-type': 'application/json' } : {}) };
}

/** Signs in; the server sets the session cookie and answers with the profile (no token). */
export async function signIn(
  baseUrl: string,
  request: SignInRequest,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<HttpOutcome<SignInResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/sessions`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(request) }, signInResponse);
}

/** Ends this device's session on the server, which clears the cookie (204, no body). */
export async function signOutOnServer(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<boolean> {
  const outcome = await call(fetchFn, `${baseUrl}/api/v1/sessions/current`, { method: 'DELETE', headers: apiHeaders() }, noBody);
  return outcome.ok || outcome.status === 401;
}

/** An answer with nothing to check in it. */
const noBody: Parser<unknown> = { safeParse: (data) => ({ success: true, data }) };

/** A phone's first connection with an enrolment code and a new PIN; answered like a sign-in. */
export async function enrol(
  baseUrl: string,
  request: EnrolmentRequest,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<HttpOutcome<SignInResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/enrolments`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(request) }, enrolmentResponse);
}

/** The account and the commune's units as they are now (units are renamed, merged, retired). */
export async function fetchProfile(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<HttpOutcome<ProfileResponse>> {
  return call(fetchFn, `${baseUrl}/api/v1/me`, { headers: apiHeaders() }, profileResponse);
}

/**
 * Right after a sign-in: whether the browser kept the session cookie. WebKit drops a `Secure`
 * cookie on a page served over plain http, so the sign-in answers well and every call after it
 * gets 401. A 401 from `/me` says so; any other answer, or none (the connection just went), does not.
 */
export async function sessionKept(baseUrl: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<boolean> {
  try {
    const outcome = await fetchProfile(baseUrl, fetchFn);
    return outcome.ok || outcome.status !== 401;
  } catch {
    return true;
  }
}
