import { describe, expect, it } from 'vitest';
import { allowed, decisionRequest, reviewKey, reviewStatuses, type ReviewEvent } from './review.ts';

const event = (action: ReviewEvent['action'], seq: number): ReviewEvent => ({
  id: String(seq),
  unitId: 'tdp-1',
  period: '2026-Q3',
  seq,
  action,
  comment: null,
  userId: 'u',
  at: '2026-10-01T00:00:00Z',
});

describe('review of a period', () => {
  it('takes the event with the highest seq as the status, whatever the order given', () => {
    const statuses = reviewStatuses([event('submit', 3), event('submit', 1), event('return', 2)]);
    expect(statuses.get(reviewKey('tdp-1', '2026-Q3'))?.status).toBe('submitted');
  });

  it('allows submitting again only after a return, and deciding only what was submitted', () => {
    expect([undefined, 'submitted', 'accepted', 'returned'].map((s) => allowed(s as never, 'submit'))).toEqual([true, false, false, true]);
    expect([undefined, 'submitted', 'accepted', 'returned'].map((s) => allowed(s as never, 'accept'))).toEqual([false, true, false, false]);
  });

  it('needs a comment to send a period back', () => {
    const result = decisionRequest.safeParse({ unitId: 'tdp-1', period: '2026-Q3', action: 'return', comment: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['comment']);
  });
});

describe('accepted records', () => {
  it('keeps the commune’s own records and those of accepted quarters or years only', async () => {
    const { acceptedRecords } = await import('./accepted.ts');
    const entry = (id: string, unitId: string, date: string) => ({
      deleted: false,
      record: { kind: 'newsPost' as const, id, unitId, reporterId: 'r', date, channel: 'communePortal' as const, title: 'Tin' },
    });
    const decided = (unitId: string, period: string, seq: number, action: ReviewEvent['action']): ReviewEvent => ({
      id: `${unitId}${period}${seq}`,
      unitId,
      period,
      seq,
      action,
      comment: null,
      userId: 'u',
      at: '2026-10-01T00:00:00Z',
    });
    const kept = acceptedRecords(
      [
        entry('own', 'x', '2026-02-01'),
        entry('q3', 'a', '2026-08-01'),
        entry('q2', 'a', '2026-05-01'),
        entry('year', 'b', '2026-05-01'),
        entry('back', 'c', '2026-08-01'),
      ],
      [
        decided('a', '2026-Q3', 1, 'submit'),
        decided('a', '2026-Q3', 2, 'accept'),
        decided('b', '2026', 1, 'submit'),
        decided('b', '2026', 2, 'accept'),
        decided('c', '2026-Q3', 1, 'submit'),
        decided('c', '2026-Q3', 2, 'return'),
      ],
      new Set(['x']),
    );
    expect(kept.map((e) => e.record?.id)).toEqual(['own', 'q3', 'year']);
  });
});
