// Vietnamese text for sorting and searching: lists sort the way a Vietnamese reader expects
// (Intl.Collator 'vi'), and a search matches with or without diacritics ("dang" finds "Đăng").
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const compareVi = (a: string, b: string): number => collator.compare(a, b);

/** Lower case, no tone marks or diacritics, đ → d: "Đường dây NÓNG" → "duong day nong". */
export function foldVi(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the query appears in the text, diacritics ignored. */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldVi(query).split(' ').filter(Boolean);
  const haystack = foldVi(text);
  return words.every((word) => haystack.includes(word));
}
