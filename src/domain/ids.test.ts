import { describe, expect, it } from 'vitest';
import { newId, uuid } from './ids.ts';

/** The 48-bit timestamp an id carries, read from its first 12 hex digits. */
const stampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  it('makes valid UUIDs of version 7 with the RFC variant', () => {
    for (let i = 0; i < 1000; i++) {
      const id = newId();
      expect(uuid.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('carries the clock in milliseconds', () => {
    const before = Date.now();
    const stamp = stampOf(newId());
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Date.now() + 1);
    // A date far from today, written in the id's first 48 bits.
    const later = Date.UTC(2031, 0, 1);
    expect(stampOf(newId(later))).toBe(later);
  });

  it('sorts in the order the ids were made, also within one millisecond and with the clock set back', () => {
    const at = Date.UTC(2032, 5, 1);
    const made = [
      ...Array.from({ length: 5000 }, () => newId(at)),
      ...Array.from({ length: 10 }, () => newId(at - 60_000)),
      ...Array.from({ length: 10 }, () => newId(at + 1)),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('does not repeat over many ids', () => {
    const made = new Set(Array.from({ length: 100_000 }, () => newId()));
    expect(made.size).toBe(100_000);
  });
});
