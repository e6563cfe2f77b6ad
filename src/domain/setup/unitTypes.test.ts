import { describe, expect, it } from 'vitest';
import { defaultUnitTypes, newUnitTypeId, removedTypeIds, unitTypeList, unitTypeName } from './unitTypes.ts';

describe('a commune’s unit types', () => {
  it('makes an id from a Vietnamese name, avoiding the ids taken and the reserved one', () => {
    expect(newUnitTypeId('Tổ dân phố', [])).toBe('to-dan-pho');
    expect(newUnitTypeId('Khóm', ['khom'])).toBe('khom-2');
    expect(newUnitTypeId('Đội', [])).toBe('doi');
    expect(newUnitTypeId('Commune', [])).toBe('commune-2');
    expect(newUnitTypeId('3 làng', [])).toBe('t-3-lang');
    expect(unitTypeList.safeParse({ types: [{ id: newUnitTypeId('Làng', []), name: 'Làng', retired: false }] }).success).toBe(true);
  });

  it('names the types removed from a list, not those renamed or retired', () => {
    const next = defaultUnitTypes.filter((t) => t.id !== 'ban').map((t) => (t.id === 'thon' ? { ...t, name: 'Làng', retired: true } : t));
    expect(removedTypeIds(defaultUnitTypes, next)).toEqual(['ban']);
    expect(unitTypeName(next, 'thon')).toBe('Làng');
    expect(unitTypeName(next, 'ban')).toBe('ban');
  });
});
