// The screens' one HTTP client: every API call of the signed-in app goes through it, built on
// call() of src/sync/session.ts (never from the HTTP cache, bounded in time, the answer checked
// by its shared schema from src/domain). Screens get it from useServices(), so a test can back
// it with the real server in-process.
import { apiHeaders, call, callFile, MalformedResponseError, NetworkError, type HttpOutcome, type Parser } from '../sync/index.ts';

export type ApiAnswer<T> =
  | { ok: true; value: T }
  /** The server answered with an error status: its code and the fields it named. */
  | { ok: false; problem: 'refused'; status: number; code: string; fields: string[] }
  /** No answer (no network, the link cut, no answer in time), or one that broke its schema. */
  | { ok: false; problem: 'offline' | 'malformed' };

export type ApiMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  /** A GET under /api/v1. */
  get<T>(path: string, schema: Parser<T>): Promise<ApiAnswer<T>>;
  /** A change under /api/v1, with a JSON body when one is given. */
  send<T>(method: ApiMethod, path: string, schema: Parser<T>, body?: unknown): Promise<ApiAnswer<T>>;
  /** A file the server builds (a report). */
  file(path: string): Promise<ApiAnswer<Blob>>;
}

/** Same-origin by default: the session cookie rides along. The page's fetch is read at each call. */
export function createApiClient(fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init), baseUrl = ''): ApiClient {
  const url = (path: string) => `${baseUrl}/api/v1${path}`;
  return {
    get: (path, schema) => answerOf(call(fetchFn, url(path), { headers: apiHeaders() }, schema)),
    send: (method, path, schema, body) =>
      answerOf(
        call(fetchFn, url(path), { method, headers: apiHeaders(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) }, schema),
      ),
    file: (path) => answerOf(callFile(fetchFn, url(path), { headers: apiHeaders() })),
  };
}

/** Only the two failures of a call become answers; anything else is a programming error and is thrown. */
async function answerOf<T>(pending: Promise<HttpOutcome<T>>): Promise<ApiAnswer<T>> {
  try {
    const outcome = await pending;
    if (outcome.ok) return outcome;
    return { ok: false, problem: 'refused', status: outcome.status, code: outcome.body.error ?? '', fields: (outcome.body.fields ?? []).map((f) => f.path) };
  } catch (error) {
    if (error instanceof NetworkError) return { ok: false, problem: 'offline' };
    if (error instanceof MalformedResponseError) return { ok: false, problem: 'malformed' };
    throw error;
  }
}
