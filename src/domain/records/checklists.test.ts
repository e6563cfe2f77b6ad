// The checklists' own rules from the plans: a broadcast has no attendees to count, and a case
// says whether its perpetrator is prosecuted (seed 003), read as not known when it does not.
import { describe, expect, it } from 'vitest';
import { checklistRecord, prosecutionOf, type PropagandaSession, type ViolenceCase } from './index.ts';

const session = (o: Partial<PropagandaSession>): Record<string, unknown> => ({
  kind: 'propagandaSession',
  id: '0192f0a0-0000-7000-8000-000000000001',
  unitId: 'tdp-1',
  reporterId: 'tdp1',
  date: '2026-03-12',
  form: 'villageMeeting',
  topics: ['genderEqualityLaw'],
  menCount: 5,
  womenCount: 7,
  householdsReached: 30,
  language: 'vi',
  ...o,
});
const { menCount: _men, womenCount: _women, ...withoutAttendees } = session({});

const issuesOf = (record: Record<string, unknown>) => {
  const parsed = checklistRecord.safeParse(record);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a propaganda session without countable attendees', () => {
  it.each(['loudspeaker', 'bannersPosters', 'socialMedia'] as const)('is valid as a %s with households reached and no attendee counts', (form) => {
    expect(issuesOf({ ...withoutAttendees, form })).toEqual([]);
  });

  it('still needs the households reached', () => {
    const { householdsReached: _h, ...noHouseholds } = withoutAttendees;
    expect(issuesOf({ ...noHouseholds, form: 'loudspeaker' }).map((i) => i.split(':')[0])).toEqual(['householdsReached']);
  });

  it('keeps a broadcast an older phone sent with attendees valid', () => {
    expect(issuesOf(session({ form: 'loudspeaker', menCount: 3, womenCount: 4 }))).toEqual([]);
  });

  it.each(['villageMeeting', 'conference', 'thematicSession', 'talk', 'contest', 'greatUnityDay', 'other'] as const)(
    'still asks the men and women of a %s',
    (form) => {
      expect(issuesOf({ ...withoutAttendees, form })).toEqual(['menCount: required', 'womenCount: required']);
      expect(issuesOf(session({ form, menCount: 0, womenCount: 0 }))).toEqual(['womenCount: noParticipants']);
    },
  );
});

describe("a case's prosecution", () => {
  const theCase = (o: Record<string, unknown> = {}): Record<string, unknown> => ({
    kind: 'violenceCase',
    id: '0192f0a0-0000-7000-8000-000000000002',
    unitId: 'tdp-1',
    reporterId: 'tdp1',
    date: '2026-05-04',
    caseCode: 'TDP1-2026-01',
    reportedBy: 'neighbour',
    acts: ['physical'],
    victimSex: 'female',
    victimAgeBand: 'from16to59',
    perpetratorSex: 'male',
    perpetratorRelation: 'spouse',
    victimNeedsSupport: false,
    supportServices: [],
    measures: [],
    perpetratorCounselled: true,
    referredToPolice: false,
    status: 'received',
    statusDates: { received: '2026-05-04' },
    ...o,
  });

  it('takes the three states, and no other', () => {
    for (const prosecution of ['notKnown', 'prosecuted', 'notProsecuted']) expect(issuesOf(theCase({ prosecution }))).toEqual([]);
    expect(issuesOf(theCase({ prosecution: 'maybe' })).map((i) => i.split(':')[0])).toEqual(['prosecution']);
  });

  it('reads a case recorded before the field (an older phone) as not known', () => {
    const old = theCase();
    expect(issuesOf(old)).toEqual([]);
    expect(prosecutionOf(old as ViolenceCase)).toBe('notKnown');
    expect(prosecutionOf(theCase({ prosecution: 'prosecuted' }) as ViolenceCase)).toBe('prosecuted');
  });
});

describe('a new propaganda session saved with nothing filled in', () => {
  it('names the attendee counts along with the form not chosen', () => {
    const { form: _form, menCount: _m, womenCount: _w, ...empty } = session({});
    expect(issuesOf(empty)).toEqual(expect.arrayContaining(['menCount: required', 'womenCount: required']));
  });
});
