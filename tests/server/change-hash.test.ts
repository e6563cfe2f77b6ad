// The change fingerprint behind idempotent pushes (server/sync/changeHash.ts): the same change
// resent with its fields in another order is the same; any other content is not.
import { describe, expect, it } from 'vitest';
import { canonicalJson, changeHash } from '../../server/sync/changeHash.ts';
import type { Change } from '../../src/domain/index.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';

/** The same object with every object's keys in reverse order, nested ones too. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]));
}

describe('the change fingerprint', () => {
  const record = propagandaSession({ note: 'Họp thôn' });
  const change = upsertOf(record, 3);

  it('is the same whatever the order of the fields', () => {
    expect(changeHash('phone-1', reversed(change) as Change)).toBe(changeHash('phone-1', change));
    expect(canonicalJson({ b: [1, { d: 2, c: null }], a: 'x', e: undefined })).toBe('{"a":"x","b":[1,{"c":null,"d":2}]}');
  });

  it('tells apart another content, another device or another order of a list', () => {
    const base = changeHash('phone-1', change);
    expect(changeHash('phone-1', upsertOf({ ...record, menCount: 19 }, 3, 0, change.changeId))).not.toBe(base);
    expect(changeHash('phone-2', change)).not.toBe(base);
    expect(changeHash('phone-1', upsertOf({ ...record, topics: [...record.topics].reverse() }, 3, 0, change.changeId))).not.toBe(base);
  });
});
