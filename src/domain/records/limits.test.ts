import { describe, expect, it } from 'vitest';
import { maxTextLength } from './limits.ts';
import { newsPost } from './index.ts';

describe('the text limits a form says', () => {
  it('are the schemas’ own', () => {
    expect(maxTextLength('propagandaSession', 'note')).toBe(1000);
    expect(maxTextLength('violenceCase', 'notes')).toBe(2000);
    expect(maxTextLength('newsPost', 'title')).toBe(300);
    expect(maxTextLength('newsPost', 'link')).toBe(500);
    expect(maxTextLength('preventionModel', 'name')).toBe(200);
  });

  it('match what the schema refuses: one character more is too long', () => {
    const base = {
      kind: 'newsPost',
      id: '0190a0c0-0000-7000-8000-000000000000',
      unitId: 'tdp-1',
      reporterId: 'tdp1',
      date: '2026-11-20',
      channel: 'communePortal',
      title: 'Tin',
    };
    expect(newsPost.safeParse({ ...base, note: 'a'.repeat(maxTextLength('newsPost', 'note')!) }).success).toBe(true);
    expect(newsPost.safeParse({ ...base, note: 'a'.repeat(maxTextLength('newsPost', 'note')! + 1) }).success).toBe(false);
  });

  it('are absent for a field that is not text or not known', () => {
    expect(maxTextLength('propagandaSession', 'menCount')).toBeUndefined();
    expect(maxTextLength('newsPost', 'nothing')).toBeUndefined();
    expect(maxTextLength('nothing', 'note')).toBeUndefined();
  });
});
