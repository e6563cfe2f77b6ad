// The compact push answer and the pull's skip ranges: what the phone rebuilds is what the
// server would have answered in full.
import { describe, expect, it } from 'vitest';
import type { ChangeResult, PushResponse } from './protocol.ts';
import { compactPushAnswer, expandPushAnswer, formatSeqRanges, MAX_SKIP_RANGES, parseSeqRanges, seqRanges } from './protocol.ts';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const changes = Array.from({ length: 8 }, (_, i) => ({ changeId: id(i) }));
const applied = (i: number, rev: number, serverSeq: number): ChangeResult => ({ changeId: id(i), status: 'applied', rev, serverSeq });

describe('compact push answer', () => {
  it('sends 500 new records as one run', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ changeId: `${i}` }));
    const response: PushResponse = { results: many.map((c, i) => ({ changeId: c.changeId, status: 'applied', rev: 1, serverSeq: 1001 + i })), missingSeqs: [] };
    const compact = compactPushAnswer(response);
    expect(compact.applied).toEqual([[0, 500, 1, 1001]]);
    expect(compact.others).toEqual([]);
    expect(expandPushAnswer(many, compact)).toEqual(response);
  });

  it('keeps conflicts, rejections, merges, repeats and gaps, and rebuilds every result', () => {
    const record = { kind: 'newsPost', id: id(99) } as never;
    const results: ChangeResult[] = [
      applied(0, 1, 10),
      applied(1, 1, 11),
      applied(2, 3, 12), // another revision: a new run
      {
        changeId: id(3),
        status: 'conflict',
        server: { id: id(3), kind: 'newsPost', unitId: 'tdp-1', rev: 2, deleted: false, record: null, receivedAt: 'x', serverSeq: 4 },
      },
      applied(4, 1, 2), // answered again from storage: an old server seq
      { changeId: id(5), status: 'rejected', reason: 'forbidden_unit', fields: ['record.unitId'] },
      { changeId: id(6), status: 'applied', rev: 2, serverSeq: 13, merged: record },
      applied(7, 1, 14),
    ];
    const compact = compactPushAnswer({ results, missingSeqs: [3] });
    expect(compact.applied).toEqual([
      [0, 2, 1, 10],
      [2, 1, 3, 12],
      [4, 1, 1, 2],
      [7, 1, 1, 14],
    ]);
    expect(compact.others.map((r) => r.changeId)).toEqual([id(3), id(5), id(6)]);
    const expanded = expandPushAnswer(changes, compact);
    expect(expanded.missingSeqs).toEqual([3]);
    const byId = (list: ChangeResult[]) => [...list].sort((a, b) => a.changeId.localeCompare(b.changeId));
    expect(byId(expanded.results)).toEqual(byId(results));
  });
});

describe('skip ranges of a pull', () => {
  it('merges seqs into ranges and reads them back', () => {
    const ranges = seqRanges([7, 5, 6, 12, 9, 9, 10]);
    expect(ranges).toEqual([
      [5, 7],
      [9, 10],
      [12, 12],
    ]);
    expect(formatSeqRanges(ranges)).toBe('5-7,9-10,12');
    expect(parseSeqRanges('5-7,9-10,12')).toEqual(ranges);
    expect(parseSeqRanges('')).toEqual([]);
  });

  it('keeps the newest ranges when there are too many', () => {
    const seqs = Array.from({ length: MAX_SKIP_RANGES + 10 }, (_, i) => i * 2);
    const ranges = seqRanges(seqs);
    expect(ranges).toHaveLength(MAX_SKIP_RANGES);
    expect(ranges.at(-1)).toEqual([seqs.at(-1), seqs.at(-1)]);
  });

  it('refuses malformed or too many ranges', () => {
    for (const bad of ['a', '5-', '-5', '9-5', '1,,2', '1;2', Array.from({ length: MAX_SKIP_RANGES + 1 }, (_, i) => i).join(',')]) {
      expect(parseSeqRanges(bad)).toBeUndefined();
    }
  });
});
