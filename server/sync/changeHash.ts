// The fingerprint of a change, to tell a harmless resend (same id, same content) from a
// changeId reused for other content. Keys are sorted so the order of fields on the wire
// does not matter.
import type { Change } from '../../src/domain/index.ts';
import { sha256Hex } from '../auth/secrets.ts';

/**
 * JSON with every object's keys sorted: the same text for the same content, whatever the order.
 * The text of `JSON.stringify` with each plain object's keys in code-unit order (the
 * fingerprints stored since the first push depend on it): objects whose keys are out of order
 * are copied in order, then one native `JSON.stringify` writes the text. A push fingerprints
 * every change; a replacer function called for every value cost twice as much.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(inKeyOrder(value)) ?? 'undefined';
}

/** The value with every plain object's keys in order; parts already in order are not copied. */
function inKeyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = inKeyOrder(value[i]);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  const source = value as Record<string, unknown> & { toJSON?: () => unknown };
  // Dates and the like: JSON.stringify writes what toJSON gives.
  if (typeof source.toJSON === 'function') return inKeyOrder(source.toJSON());
  const keys = Object.keys(source);
  let ordered = true;
  for (let i = 1; i < keys.length && ordered; i++) ordered = keys[i - 1]! < keys[i]!;
  let copy: Record<string, unknown> | undefined;
  // Without a prototype, a key named "__proto__" is a key like any other.
  const fresh = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;
  if (!ordered) {
    copy = fresh();
    keys.sort();
  }
  for (const key of keys) {
    const item = inKeyOrder(source[key]);
    if (copy) copy[key] = item;
    else if (item !== source[key]) {
      // In order here, but a part below was copied: copy this level too, in the same order.
      copy = fresh();
      for (const earlier of keys) {
        if (earlier === key) break;
        copy[earlier] = source[earlier];
      }
      copy[key] = item;
    }
  }
  return copy ?? value;
}

export function changeHash(deviceId: string, change: Change): string {
  return sha256Hex(canonicalJson({ change, deviceId }));
}
