// The date field speaks dd/mm/yyyy whatever the browser's language, while the record keeps
// "YYYY-MM-DD". Typing digits only is enough: "25112026" becomes 25/11/2026.

/** What the field shows as the user types: a slash goes in once day or month has two digits. */
export function maskDateText(raw: string): string {
  const parts = ['', '', ''];
  let index = 0;
  for (const char of raw.replace(/[.\-\s]/g, '/')) {
    if (char === '/') {
      if (parts[index] !== '' && index < 2) index++;
    } else if (/\d/.test(char)) {
      if (index < 2 && parts[index]!.length === 2) index++;
      if (parts[index]!.length < (index === 2 ? 4 : 2)) parts[index] += char;
    }
  }
  return parts.slice(0, index + 1).join('/');
}

/** "25/11/2026" or "5/1/2026" → "2026-11-25" / "2026-01-05"; null unless a real calendar day. */
export function parseDateText(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-11-25" → "25/11/2026"; anything else is shown as it is. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
