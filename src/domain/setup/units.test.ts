import { describe, expect, it } from 'vitest';
import { mergeRefusal, type SetupUnit } from './units.ts';

const unit = (id: string, overrides: Partial<SetupUnit> = {}): SetupUnit => ({
  id,
  name: id,
  type: 'thon',
  households: 10,
  retired: false,
  mergedInto: null,
  ...overrides,
});

describe('merging a unit into another', () => {
  const commune = unit('xa', { type: 'commune' });

  it('is allowed into a village unit in service of the commune', () => {
    expect(mergeRefusal([commune, unit('a'), unit('b')], 'a', 'b')).toBeUndefined();
  });

  it('names the unit joined when it is itself, the commune, unknown, retired or merged', () => {
    const units = [commune, unit('a'), unit('b', { retired: true }), unit('c', { retired: true, mergedInto: 'd' }), unit('d')];
    expect(mergeRefusal(units, 'a', 'a')).toEqual({ path: 'into', code: 'invalid_value' });
    expect(mergeRefusal(units, 'a', 'xa')).toEqual({ path: 'into', code: 'invalid_value' });
    expect(mergeRefusal(units, 'a', 'another-communes-unit')).toEqual({ path: 'into', code: 'invalid_value' });
    expect(mergeRefusal(units, 'a', 'b')).toEqual({ path: 'into', code: 'retired' });
    expect(mergeRefusal(units, 'a', 'c')).toEqual({ path: 'into', code: 'merged' });
  });

  it('names the unit merged when it is retired, the commune or unknown', () => {
    const units = [commune, unit('a', { retired: true }), unit('b')];
    expect(mergeRefusal(units, 'a', 'b')).toEqual({ path: 'id', code: 'retired' });
    expect(mergeRefusal(units, 'xa', 'b')).toEqual({ path: 'id', code: 'not_found' });
    expect(mergeRefusal(units, 'zz', 'b')).toEqual({ path: 'id', code: 'not_found' });
  });

  it('refuses a cycle, short or long, even where the flags were left wrong', () => {
    // A→B done: B→A would loop.
    expect(mergeRefusal([unit('a', { retired: true, mergedInto: 'b' }), unit('b')], 'b', 'a')).toEqual({ path: 'into', code: 'cycle' });
    // Old data: C→B→A with nothing retired; A→C would close a loop of three.
    const chain = [unit('a'), unit('b', { mergedInto: 'a' }), unit('c', { mergedInto: 'b' })];
    expect(mergeRefusal(chain, 'a', 'c')).toEqual({ path: 'into', code: 'cycle' });
    // A loop already there (B↔C) does not hang the check.
    expect(mergeRefusal([unit('a'), unit('b', { mergedInto: 'c' }), unit('c', { mergedInto: 'b' })], 'a', 'b')).toEqual({ path: 'into', code: 'merged' });
  });
});
