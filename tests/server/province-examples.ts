// A commune the random scenarios of province-indicators.test.ts may miss, run first: a case in
// each prosecution state (and one from an older phone, without the field), counselled or not,
// and a loudspeaker broadcast without attendees. Shaped as that file's Scenario.
const version = (o: Record<string, unknown>) => ({
  date: '2026-05-04',
  yearsBefore: 0,
  endsAfter: null,
  stop: null,
  daysBeforeAsOf: null,
  form: 'villageMeeting',
  households: 30,
  handledAfter: 2,
  closedOnly: false,
  needsSupport: false,
  services: 0,
  counselled: false,
  prosecution: 'notKnown',
  inventedAttendees: false,
  ...o,
});

const record = (kind: string, unitIndex: number, v: Record<string, unknown>) => ({
  kind,
  unitIndex,
  version: version(v),
  earlier: null,
  deleted: false,
  sameBatch: false,
});

const cases = ['notProsecuted', 'prosecuted', 'notKnown', undefined].flatMap((prosecution) =>
  [true, false].map((counselled) => record('violenceCase', 1, { prosecution, counselled })),
);

export const handPickedScenario = {
  communes: [
    {
      units: [
        { households: 40, retired: false, mergeAhead: null },
        { households: 25, retired: false, mergeAhead: null },
      ],
      records: [...cases, record('propagandaSession', 2, { form: 'loudspeaker', households: 12 })],
      handledInTimeDays: null,
    },
  ],
  quarter: null,
  asOf: '2026-11-20',
};
