import { describe, expect, it } from 'vitest';
import type { NewsPost, PropagandaSession } from '../index.ts';
import { mergeRecords } from './merge.ts';

const base: PropagandaSession = {
  kind: 'propagandaSession',
  id: '6f1c2b1e-3a44-4d0b-9a57-1f0d6c1e2a01',
  unitId: 'tdp-1',
  reporterId: 'tdp1',
  date: '2026-03-12',
  form: 'villageMeeting',
  topics: ['genderEqualityLaw'],
  menCount: 10,
  womenCount: 20,
  householdsReached: 25,
  language: 'vi',
};

describe('merging two edits of a record', () => {
  it('keeps both edits when they changed different fields', () => {
    const mine = { ...base, womenCount: 24 };
    const theirs = { ...base, householdsReached: 30, topics: ['genderEqualityLaw', 'childMarriage'] as PropagandaSession['topics'] };
    expect(mergeRecords(base, mine, theirs)).toEqual({
      ok: true,
      merged: { ...base, womenCount: 24, householdsReached: 30, topics: ['genderEqualityLaw', 'childMarriage'] },
    });
  });

  it('is a conflict when both changed the same field to different values', () => {
    expect(mergeRecords(base, { ...base, menCount: 11, note: 'x' }, { ...base, menCount: 12 })).toEqual({ ok: false, fields: ['menCount'] });
  });

  it('accepts the same change made on both sides', () => {
    expect(mergeRecords(base, { ...base, menCount: 12 }, { ...base, menCount: 12, womenCount: 1 })).toEqual({
      ok: true,
      merged: { ...base, menCount: 12, womenCount: 1 },
    });
  });

  it('keeps a field one side removed', () => {
    const withNote = { ...base, note: 'Họp tại nhà văn hóa' };
    const { note: _note, ...mine } = withNote;
    expect(mergeRecords(withNote, mine, { ...withNote, menCount: 15 })).toEqual({ ok: true, merged: { ...base, menCount: 15 } });
  });

  it('is a conflict when the merge breaks a rule that spans fields', () => {
    // Each side alone keeps at least one participant; together they leave none.
    const mine = { ...base, menCount: 0 };
    const theirs = { ...base, womenCount: 0 };
    expect(mergeRecords(base, mine, theirs)).toEqual({ ok: false, fields: ['womenCount'] });
  });

  it('compares lists and nested values by content', () => {
    const post: NewsPost = { kind: 'newsPost', id: base.id, unitId: 'tdp-1', reporterId: 'tdp1', date: '2026-03-01', channel: 'loudspeaker', title: 'Tin A' };
    expect(mergeRecords(post, { ...post, title: 'Tin B' }, { ...post, link: 'https://example.vn/a' })).toEqual({
      ok: true,
      merged: { ...post, title: 'Tin B', link: 'https://example.vn/a' },
    });
  });
});
