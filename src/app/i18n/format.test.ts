import { describe, expect, it } from 'vitest';
import { fill, formatNumber } from './index.ts';

describe('numbers the Vietnamese way', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1_000_000)).toBe('1.000.000');
    expect(fill('{n} bản ghi', { n: formatNumber(12_345) })).toBe('12.345 bản ghi');
  });
});
