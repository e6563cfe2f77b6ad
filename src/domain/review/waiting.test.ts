import { describe, expect, it } from 'vitest';
import type { ReviewAction, ReviewEvent } from './review.ts';
import { waitingReviews, yearNotIn } from './waiting.ts';

let n = 0;
const event = (unitId: string, period: string, seq: number, action: ReviewAction, at: string): ReviewEvent => ({
  id: `e${++n}`,
  unitId,
  period,
  seq,
  action,
  comment: action === 'return' ? 'Thiếu số hộ' : null,
  userId: 'u',
  at,
});

const events = [
  event('tdp-1', '2026-Q1', 1, 'submit', '2026-04-02T01:00:00Z'),
  event('tdp-1', '2026-Q1', 2, 'accept', '2026-04-03T01:00:00Z'),
  event('tdp-2', '2026-Q2', 1, 'submit', '2026-07-01T01:00:00Z'),
  event('tdp-3', '2026-Q3', 1, 'submit', '2026-10-01T01:00:00Z'),
  event('tdp-3', '2026-Q3', 2, 'return', '2026-10-02T01:00:00Z'),
  event('tdp-3', '2026', 1, 'submit', '2026-11-20T01:00:00Z'),
  event('tdp-1', '2026', 1, 'submit', '2026-11-21T01:00:00Z'),
  event('tdp-1', '2026', 2, 'return', '2026-11-22T01:00:00Z'),
];

describe('what waits on the officer', () => {
  it('lists every submitted period not yet decided, of any quarter, oldest first', () => {
    expect(waitingReviews(events).map((w) => [w.unitId, w.period])).toEqual([
      ['tdp-2', '2026-Q2'],
      ['tdp-3', '2026'],
    ]);
  });

  it('names the units whose year has not come in once the deadline is past: never sent, or sent back', () => {
    const units = ['tdp-1', 'tdp-2', 'tdp-3'];
    expect(yearNotIn(events, units, 2026, '2026-11-25', '2026-11-25')).toEqual([]);
    expect(yearNotIn(events, units, 2026, '2026-11-25', '2026-11-26')).toEqual(['tdp-1', 'tdp-2']);
  });
});
