import { describe, expect, it } from 'vitest';
import { compareVi, foldVi, matchesSearch } from './search.ts';

describe('Vietnamese search and sort', () => {
  it('folds diacritics, đ and case, in both Unicode forms', () => {
    expect(foldVi('Đường dây NÓNG')).toBe('duong day nong');
    // "Tuyên" typed as precomposed (NFC) and as base letters plus combining marks (NFD).
    expect(foldVi('Tuy\u00ean truy\u1ec1n')).toBe('tuyen truyen');
    expect(foldVi('Tuye\u0302n truye\u0302\u0300n')).toBe('tuyen truyen');
  });

  it('finds a record by words typed without diacritics, in any order', () => {
    expect(matchesSearch('Tuyên truyền Luật Bình đẳng giới trên loa', 'binh dang')).toBe(true);
    expect(matchesSearch('Tuyên truyền Luật Bình đẳng giới trên loa', 'loa  LUAT')).toBe(true);
    expect(matchesSearch('Tuyên truyền Luật Bình đẳng giới trên loa', 'bao luc')).toBe(false);
    expect(matchesSearch('anything', '  ')).toBe(true);
  });

  it('sorts in Vietnamese alphabetical order', () => {
    // Vietnamese order: a ă â b … d đ e ê …; a byte sort would put every accented letter last.
    const words = ['Đông', 'Êm', 'Ân', 'Dũng', 'Ăn', 'An', 'Bình'];
    expect([...words].sort(compareVi)).toEqual(['An', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đông', 'Êm']);
  });
});
