// The fingerprint of a change, to tell a harmless resend (same id, same content) from a
// changeId reused for other content. Keys are sorted so the order of fields on the wire
// does not matter.
import type { Change } from '../../src/domain/index.ts';
import { sha256Hex } from '../auth/secrets.ts';

/** Each plain object's keys in code-unit order; arrays and values as JSON.stringify has them. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) out[key] = source[key];
  return out;
}

/** JSON with every object's keys sorted: the same text for the same content, whatever the order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? 'undefined';
}

export function changeHash(deviceId: string, change: Change): string {
  return sha256Hex(canonicalJson({ change, deviceId }));
}
