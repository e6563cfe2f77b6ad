// The office screen's calls to the server, carried by the session cookie; the answers are kept in
// the phone's database (src/data/office.ts) by the hooks that make them.
import { apiHeaders } from '../../sync/index.ts';

export type CallOutcome<T> = { ok: true; body: T } | { ok: false; status: number; code: string; fields: string[] } | { ok: false; failed: true };

export async function officeCall<T>(method: string, path: string, body?: unknown): Promise<CallOutcome<T>> {
  try {
    const response = await fetch(`/api/v1${path}`, {
      method,
      headers: apiHeaders(true),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const answer = (await response.json()) as T & { error?: string; fields?: { path: string }[] };
    if (response.ok) return { ok: true, body: answer };
    if (response.status === 400 || response.status === 409) {
      return { ok: false, status: response.status, code: answer.error ?? '', fields: (answer.fields ?? []).map((f) => f.path) };
    }
    return { ok: false, failed: true };
  } catch {
    return { ok: false, failed: true };
  }
}
