// Realistic checklist records of one village (Tổ dân phố 1, head tdp1), the same list for our
// sync and PouchDB's: mostly propaganda sessions, some news posts and violence cases, with the
// fields a village head fills in. A fixed pseudo-random sequence, so every run sends the same.
import { createHash } from 'node:crypto';
import type { ChecklistRecord } from '../../../src/domain/index.ts';
import { newsPost, propagandaSession, violenceCase } from '../../fixtures/records.ts';

export function benchRecords(count: number, seed = 7): ChecklistRecord[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const date = () => `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const uuid = (i: number) => {
    const hex = createHash('sha256').update(`${seed}:${i}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return Array.from({ length: count }, (_, i): ChecklistRecord => {
    const roll = i % 20;
    const id = uuid(i);
    if (roll < 13) {
      const note = pick(['', 'Họp thôn cuối tháng, lồng ghép nội dung bình đẳng giới.', 'Phát thanh 2 buổi sáng trên loa của tổ.']);
      return propagandaSession({
        ...(note ? { note } : {}),
        id,
        date: date(),
        form: pick(['villageMeeting', 'loudspeaker', 'thematicSession', 'conference'] as const),
        topics: pick([['genderEqualityLaw'], ['genderEqualityLaw', 'domesticViolencePrevention'], ['domesticViolencePrevention']] as const).slice(),
        menCount: int(5, 60),
        womenCount: int(5, 80),
        householdsReached: int(10, 200),
      });
    }
    if (roll < 17) {
      return newsPost({
        id,
        unitId: 'tdp-1',
        reporterId: 'tdp1',
        date: date(),
        channel: pick(['communePortal', 'loudspeaker', 'socialMedia'] as const),
        title: pick(['Hưởng ứng Tháng hành động vì bình đẳng giới', 'Phòng, chống bạo lực gia đình trong cộng đồng', 'Ngày Gia đình Việt Nam 28/6']),
      });
    }
    const d = date();
    return violenceCase({ id, date: d, caseCode: `TDP1-2026-${String(i).padStart(4, '0')}`, statusDates: { received: d, verified: d } });
  });
}
