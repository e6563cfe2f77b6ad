// One name for one thing: the record kind, the indicator on the phone and in the office, and the
// Word and Excel reports all call complaints by the plan's term (seed 000, line 133), never by
// "khiếu nại, tố cáo", another procedure in law. Targets are written as the plan words them.
import { describe, expect, it } from 'vitest';
import { text } from '../../src/app/i18n/index.ts';
import { COMPLAINTS } from '../../src/domain/terms.ts';
import { indicatorName, targetText } from '../../server/exports/labels.ts';

describe('the plan’s words', () => {
  it('name complaints one way on the phone, in the office and in the report', () => {
    const names = [
      text.kinds.complaint,
      text.kindsPlural.complaint,
      text.office.indicators.complaintsHandled,
      indicatorName('complaintsHandled', 'tổ dân phố'),
    ];
    for (const name of names) {
      expect(name).toContain(COMPLAINTS.name);
      expect(name.toLowerCase()).not.toContain('khiếu nại');
    }
    expect(COMPLAINTS.name).toBe('Phản ánh, kiến nghị');
  });

  it('write a target to pass with “Trên”, one to reach with “Ít nhất”', () => {
    expect(targetText({ kind: 'percent', min: 90, compare: 'moreThan' })).toBe('Trên 90%');
    expect(targetText({ kind: 'percent', min: 100 })).toBe('100%');
    expect(targetText({ kind: 'countPerQuarter', min: 4 })).toBe('Ít nhất 04/quý');
    expect(targetText({ kind: 'countPerYear', min: 1, compare: 'moreThan' })).toBe('Trên 01/năm');
  });
});
