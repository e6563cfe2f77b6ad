// Small valid records and changes, written out by hand so a test states what it sends.
import { randomUUID } from 'node:crypto';
import type { Change, NewsPost, PropagandaSession, RecordKind, ViolenceCase } from '../../src/domain/index.ts';

/** A village meeting in Tổ dân phố 1, recorded by its head. */
export function propagandaSession(overrides: Partial<PropagandaSession> = {}): PropagandaSession {
  return {
    kind: 'propagandaSession',
    id: randomUUID(),
    unitId: 'tdp-1',
    reporterId: 'tdp1',
    date: '2026-03-12',
    form: 'villageMeeting',
    topics: ['genderEqualityLaw', 'domesticViolencePrevention'],
    menCount: 18,
    womenCount: 27,
    householdsReached: 41,
    language: 'vi',
    ...overrides,
  };
}

/** A post on the ward's web portal, by the officer at commune level. */
export function newsPost(overrides: Partial<NewsPost> = {}): NewsPost {
  return {
    kind: 'newsPost',
    id: randomUUID(),
    unitId: 'nam-gia-nghia',
    reporterId: 'canbo',
    date: '2026-02-03',
    channel: 'communePortal',
    title: 'Hưởng ứng Tháng hành động vì bình đẳng giới',
    link: 'https://namgianghia.lamdong.gov.vn/tin-tuc/binh-dang-gioi',
    ...overrides,
  };
}

/** A case with a code and no person in it, received and verified. */
export function violenceCase(overrides: Partial<ViolenceCase> = {}): ViolenceCase {
  return {
    kind: 'violenceCase',
    id: randomUUID(),
    unitId: 'tdp-1',
    reporterId: 'tdp1',
    date: '2026-05-04',
    caseCode: 'TDP1-2026-01',
    reportedBy: 'neighbour',
    acts: ['physical', 'psychological'],
    victimSex: 'female',
    victimAgeBand: 'from16to59',
    perpetratorSex: 'male',
    perpetratorRelation: 'spouse',
    victimNeedsSupport: true,
    supportServices: ['medical'],
    measures: ['orderedToStop'],
    perpetratorCounselled: false,
    referredToPolice: false,
    status: 'verified',
    statusDates: { received: '2026-05-04', verified: '2026-05-05' },
    ...overrides,
  };
}

type AnyRecord = PropagandaSession | NewsPost | ViolenceCase;

export function upsertOf(record: AnyRecord, seq: number, baseRev = 0, changeId: string = randomUUID()): Change {
  return { changeId, seq, op: 'upsert', recordId: record.id, baseRev, record };
}

export function deleteOf(recordId: string, kind: RecordKind, seq: number, baseRev: number, changeId: string = randomUUID()): Change {
  return { changeId, seq, op: 'delete', recordId, kind, baseRev };
}
