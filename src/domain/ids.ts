// Identifiers made on the phone (records, changes, devices) are UUIDs of version 7 (RFC 9562):
// 48 bits of the phone's clock in milliseconds, then a counter and 62 random bits. Two offline
// phones never collide (the random bits), a resend carries the same id, and ids made later sort
// after earlier ones, so the server's indexes on them grow at their end: a batch of new records
// touches a few index pages instead of one page per record (random version-4 ids did that, and
// every touched page is written to SQLite's WAL at the commit). Ids of version 4 made by older
// phones stay valid: the server accepts any UUID.
import * as z from 'zod/mini';

export const uuid = z.uuid();
export type Uuid = z.infer<typeof uuid>;

/** Short ids for units, users and communes chosen by the commune (e.g. "tdp-1"). */
export const slug = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/));

const hex12 = (value: number) => value.toString(16).padStart(12, '0');

/**
 * A device's change id: 96 random bits drawn once per phone database (`high`, `low`, 48 bits
 * each) and the change's seq, as a version-8 UUID. Unique like a random UUID, yet a batch of
 * them compresses to a few bytes each, and one device's ids sit side by side in the server's index.
 */
export function deviceChangeId(high: number, low: number, seq: number): string {
  const [h, l] = [hex12(high), hex12(low)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${l.slice(0, 3)}-8${l.slice(3, 6)}-${hex12(seq)}`;
}

/** The 12-bit counter after the timestamp: ids made in the same millisecond keep their order. */
const COUNTER_MAX = 0xfff;
let lastMs = -1;
let counter = 0;

/** A new UUID v7; `now` (milliseconds since 1970) is for tests. */
export function newId(now: number = Date.now()): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let ms = Math.max(0, Math.min(Math.floor(now), 2 ** 48 - 1));
  if (ms > lastMs) {
    // A fresh millisecond starts the counter low but not at zero, leaving room to count up.
    counter = ((bytes[6]! << 8) | bytes[7]!) & 0x7ff;
  } else {
    // The same millisecond, or a clock set back: keep counting from the last id.
    ms = lastMs;
    counter += 1;
    if (counter > COUNTER_MAX) {
      ms += 1;
      counter = 0;
    }
  }
  lastMs = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
