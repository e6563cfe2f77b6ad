// The change fingerprint behind idempotent pushes (server/sync/changeHash.ts): the same change
// resent with its fields in another order is the same; any other content is not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changeHash } from '../../server/sync/changeHash.ts';
import type { Change } from '../../src/domain/index.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { benchRecords } from '../bench/sync/records.ts';

/** The same object with every object's keys in reverse order, nested ones too. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversed(item)]),
  );
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

  // The fingerprints stored since the first push were made with this definition: JSON.stringify
  // with a replacer that sorts each plain object's keys. The text must not change.
  const byDefinition = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) =>
      item === null || typeof item !== 'object' || Array.isArray(item)
        ? item
        : Object.fromEntries(
            Object.keys(item)
              .sort()
              .map((key) => [key, (item as Record<string, unknown>)[key]]),
          ),
    ) ?? 'undefined';

  it('writes the text of its definition for records and for any JSON-like value', () => {
    for (const record of benchRecords(300, 5)) {
      const sent = upsertOf(record, 1);
      expect(canonicalJson({ change: sent, deviceId: 'phone-1' })).toBe(byDefinition({ change: sent, deviceId: 'phone-1' }));
      expect(canonicalJson(reversed(sent))).toBe(byDefinition(sent));
    }
    const anything = fc.anything({ withNullPrototype: true, withObjectString: false, withDate: true, withSparseArray: true, maxDepth: 4 });
    fc.assert(
      fc.property(anything, (value) => {
        expect(canonicalJson(value)).toBe(byDefinition(value));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) },
    );
    // A key named like the prototype is a key like any other, in its place.
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"y":2,"x":1}}'))).toBe('{"__proto__":{"x":1,"y":2},"b":1}');
  });
});
