// A device talking to a real server process over HTTP: sign in once, then push and pull
// against any of the processes that share the database (a token is valid on all of them).
// The one way the tests sign in over HTTP; suites about sign-in itself post their own requests.
import { randomUUID } from 'node:crypto';
import type { Change, ServerRecord } from '../../src/domain/index.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

/** Response bodies are JSON checked by each test's assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface HttpDevice {
  deviceId: string;
  /** The session's bearer token, for a client of the app's own (the sync engine) to carry. */
  token: string;
  push(baseUrl: string, changes: Change[]): Promise<{ status: number; body: Json }>;
  pull(baseUrl: string, since: number, limit?: number): Promise<{ status: number; body: Json }>;
  /** Any other call of the API as this account: a JSON body in, the answer's JSON out. */
  call(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** Every record the account sees, as the server holds it, pulled page by page from the start. */
  records(baseUrl: string): Promise<ServerRecord[]>;
}

type Call = (url: string, init: RequestInit) => Promise<{ status: number; body: Json }>;

const caller =
  (fetchImpl: typeof fetch): Call =>
  async (url, init) => {
    const response = await fetchImpl(url, init);
    const text = await response.text();
    let body: Json = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's own error page): keep the text for the failure message.
    }
    return { status: response.status, body };
  };

export async function signInOverHttp(baseUrl: string, username: string, options: { deviceId?: string; fetch?: typeof fetch } = {}): Promise<HttpDevice> {
  const { deviceId = randomUUID() } = options;
  const call = caller(options.fetch ?? fetch);
  const signIn = await call(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify({ username, pin: DEMO_PIN, deviceId }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in of ${username} failed: ${signIn.status}`);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${signIn.body.token as string}` };
  const pull: HttpDevice['pull'] = (url, since, limit = 500) => call(`${url}/api/v1/sync/pull?since=${since}&limit=${limit}`, { method: 'GET', headers });
  return {
    deviceId,
    token: signIn.body.token as string,
    push: (url, changes) => call(`${url}/api/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ deviceId, changes }) }),
    pull,
    call: (url, method, path, body) => call(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    records: async (url) => {
      const records: ServerRecord[] = [];
      for (let since = 0, more = true; more;) {
        const page = await pull(url, since);
        if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.body)}`);
        records.push(...(page.body.records as ServerRecord[]));
        ({ cursor: since, more } = page.body as { cursor: number; more: boolean });
      }
      return records;
    },
  };
}
