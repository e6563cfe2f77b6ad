// The two rules the plans word differently from a plain count: perpetrators counselled over
// those not prosecuted (seed 003, line 127), and propaganda that reaches a unit without any
// attendee to count (a broadcast, banners, a post).
import { describe, expect, it } from 'vitest';
import type { PropagandaSession, ViolenceCase } from '../records/index.ts';
import { periodFigures } from './figures.ts';
import { householdsReached, perpetratorsCounselled, unitsReached } from './rules.ts';
import type { UnitEntry } from './units.ts';

const violence = (id: string, o: Partial<ViolenceCase>): ViolenceCase => ({
  kind: 'violenceCase',
  id,
  unitId: 'a',
  reporterId: 'r',
  date: '2026-05-04',
  caseCode: `C-${id}`,
  reportedBy: 'neighbour',
  acts: ['physical'],
  victimSex: 'female',
  victimAgeBand: 'from16to59',
  perpetratorSex: 'male',
  perpetratorRelation: 'spouse',
  victimNeedsSupport: false,
  supportServices: [],
  measures: [],
  perpetratorCounselled: false,
  referredToPolice: false,
  status: 'received',
  statusDates: { received: '2026-05-04' },
  ...o,
});

describe('perpetrators counselled', () => {
  it('counts the counselled among the perpetrators not prosecuted, and lists the cases not known as missing', () => {
    const value = perpetratorsCounselled([
      violence('np-counselled', { prosecution: 'notProsecuted', perpetratorCounselled: true }),
      violence('np-not-counselled', { prosecution: 'notProsecuted' }),
      // Prosecuted, counselled or not: in neither term.
      violence('prosecuted-counselled', { prosecution: 'prosecuted', perpetratorCounselled: true }),
      violence('prosecuted', { prosecution: 'prosecuted' }),
      // Not known yet, and recorded by an older phone without the field: missing.
      violence('unknown', { prosecution: 'notKnown', perpetratorCounselled: true }),
      violence('older-phone', { perpetratorCounselled: true }),
    ]);
    expect(value).toEqual({
      kind: 'ratio',
      numerator: 1,
      denominator: 2,
      recordIds: ['np-counselled', 'np-not-counselled'],
      missingIds: ['unknown', 'older-phone'],
    });
  });
});

describe('propaganda without attendees', () => {
  const session = (id: string, unitId: string, o: Partial<PropagandaSession>): PropagandaSession => ({
    kind: 'propagandaSession',
    id,
    unitId,
    reporterId: 'r',
    date: '2026-03-12',
    form: 'loudspeaker',
    topics: ['genderEqualityLaw'],
    householdsReached: 30,
    language: 'vi',
    ...o,
  });
  const units: UnitEntry[] = [
    { id: 'a', communeId: 'x', name: 'Thôn A', type: 'thon', households: 100 },
    { id: 'b', communeId: 'x', name: 'Thôn B', type: 'thon', households: 50 },
    { id: 'c', communeId: 'x', name: 'Thôn C', type: 'thon', households: 80 },
  ];
  const sessions = [
    session('broadcast', 'a', {}),
    session('banners', 'b', { form: 'bannersPosters', householdsReached: 20 }),
    // An older phone had to invent attendees for a post: they are kept, and not counted.
    session('post', 'b', { form: 'socialMedia', menCount: 40, womenCount: 60, householdsReached: 10 }),
    session('meeting', 'c', { form: 'villageMeeting', menCount: 12, womenCount: 18, householdsReached: 25, date: '2026-03-13' }),
  ];
  const of = (unitId: string) => sessions.filter((s) => s.unitId === unitId);

  it('counts a broadcast, banners or a post for the unit reached and its households', () => {
    expect(unitsReached(units.slice(0, 2), of)).toMatchObject({ numerator: 2, denominator: 2, recordIds: ['broadcast', 'banners', 'post'] });
    expect(householdsReached(units.slice(0, 2), of)).toMatchObject({ numerator: 30 + 20 + 10, denominator: 150 });
  });

  it('adds no participants by sex for them, only the meeting’s', () => {
    const figures = periodFigures(
      sessions.map((record) => ({ deleted: false, record })),
      { year: 2026 },
    );
    expect([figures.propagandaSessions, figures.menParticipants, figures.womenParticipants, figures.householdVisits]).toEqual([4, 12, 18, 85]);
  });
});
