import { describe, expect, it } from 'vitest';
import { formatDate, maskDateText, parseDateText } from './dateText.ts';

describe('the dd/mm/yyyy date field', () => {
  it('puts the slashes in as digits are typed', () => {
    expect(maskDateText('2')).toBe('2');
    expect(maskDateText('251')).toBe('25/1');
    expect(maskDateText('25112026')).toBe('25/11/2026');
    expect(maskDateText('251120269')).toBe('25/11/2026');
    expect(maskDateText('25-11-2026')).toBe('25/11/2026');
    expect(maskDateText('5/1/2026')).toBe('5/1/2026');
    expect(maskDateText('25/')).toBe('25/');
    expect(maskDateText('ab')).toBe('');
    // Typing on after a slash the field put in itself.
    expect(maskDateText('18/112')).toBe('18/11/2');
    expect(maskDateText('18/11/20261')).toBe('18/11/2026');
    expect(maskDateText('/')).toBe('');
  });

  it('reads real calendar days only', () => {
    expect(parseDateText('25/11/2026')).toBe('2026-11-25');
    expect(parseDateText('5/1/2026')).toBe('2026-01-05');
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
    expect(parseDateText('29/02/2026')).toBeNull();
    expect(parseDateText('31/04/2026')).toBeNull();
    expect(parseDateText('11/25/2026')).toBeNull();
    expect(parseDateText('25/11')).toBeNull();
  });

  it('shows a stored day as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-05')).toBe('05/11/2026');
    expect(formatDate('05/11')).toBe('05/11');
  });
});
