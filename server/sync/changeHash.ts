// The fingerprint of a change, to tell a harmless resend (same id, same content) from a
// changeId reused for other content. Keys are sorted so the order of fields on the wire
// does not matter.
import type { Change } from '../../src/domain/index.ts';
import { sha256Hex } from '../auth/secrets.ts';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function changeHash(deviceId: string, change: Change): string {
  return sha256Hex(canonicalJson({ deviceId, change }));
}
