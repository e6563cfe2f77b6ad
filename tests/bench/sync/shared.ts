// What every part of the sync benchmark shares: the command line (`--short`, `--only=`), the
// sizes, the figures' formatting, and the few calls to our server and PouchDB's that several
// parts make.
import { randomUUID } from 'node:crypto';
import type { ChecklistRecord } from '../../../src/domain/index.ts';

export const SHORT = process.argv.includes('--short');
/** `--only=wire,link,saves,load`: run those parts alone (nothing written), e.g. to measure one change. */
export const ONLY = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** With `--only=`: the parts run replace theirs in tests/bench/results/sync.{json,md}; the others are kept. */
export const WRITE = process.argv.includes('--write');
export const runs = (part: 'wire' | 'link' | 'saves' | 'load') => !ONLY || ONLY.includes(part);

export const config = SHORT
  ? { wireNs: [1, 50], linkN: 50, repeats: 1, singleSaves: 5, manySaves: 50, devices: 20, loadSeconds: 2 }
  : { wireNs: [1, 50, 500, 5000], linkN: 500, repeats: 3, singleSaves: 21, manySaves: 1000, devices: 1000, loadSeconds: 10 };

export const LINKS = [
  { name: '2G-like', kbps: 250, latencyMs: 800 },
  { name: '3G-like', kbps: 700, latencyMs: 300 },
] as const;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (theirs: number, ours: number) => (ours > 0 ? `${(theirs / ours).toFixed(1)}×` : '—');
export const log = (line: string) => console.log(line);

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark could not run: ${message}`);
}

export async function signIn(url: string, deviceId: string, username = 'tdp1'): Promise<string> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify({ username, pin: '1234', deviceId }),
  });
  check(response.ok, `sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function serverRecordCount(url: string): Promise<number> {
  const deviceId = randomUUID();
  const token = await signIn(url, deviceId, 'canbo');
  let since = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { records: unknown[]; cursor: number; more: boolean };
    count += body.records.length;
    since = body.cursor;
    if (!body.more) return count;
  }
}

export const ourEndpoint = (method: string, path: string) => `${method} ${path.replace('/api/v1/', '')}`;
export const pouchEndpoint = (method: string, path: string) => {
  const rest = path.split('/').slice(2).join('/');
  return `${method} ${rest ? (rest.startsWith('_local') ? '_local/…' : rest) : '/db'}`;
};

/** PouchDB's database, on Node (pouchdb-node) or in the page (pouchdb.js): the calls the parts make. */
export interface PouchDb {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ ok: boolean; docs_written: number }> };
  sync(target: string, options?: object): Promise<{ push?: { ok: boolean } }>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
export type PouchConstructor = new (name: string, options?: object) => PouchDb;
export const asDocs = (records: ChecklistRecord[]) => records.map((record) => ({ _id: record.id, ...record }));

export type Row = (...cells: (string | number)[]) => void;
