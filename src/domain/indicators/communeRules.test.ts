// A hand-built commune for the commune checklist: contact points, prevention models,
// inspections, trainings and complaints, with the answers worked out beside each record.
import { describe, expect, it } from 'vitest';
import { dayInVietnam } from '../dates.ts';
import { defaultPlan } from '../plan/plan.ts';
import type { Complaint, ContactPoint, Inspection, PreventionModel, Training } from '../records/index.ts';
import { checklistRecord } from '../records/index.ts';
import { computeIndicators, type RecordEntry } from './table.ts';
import type { UnitEntry } from './units.ts';

const units: UnitEntry[] = [
  { id: 'x', communeId: 'x', name: 'UBND xã X', type: 'commune', households: 0 },
  { id: 'a', communeId: 'x', name: 'Thôn A', type: 'thon', households: 100 },
  { id: 'b', communeId: 'x', name: 'Thôn B', type: 'thon', households: 50 },
  { id: 'c', communeId: 'x', name: 'Thôn C', type: 'thon', households: 80 },
  { id: 'd', communeId: 'x', name: 'Thôn D', type: 'thon', households: 60 },
  { id: 'old', communeId: 'x', name: 'Thôn cũ', type: 'thon', households: 40, retired: true, mergedInto: 'd' },
];

const base = (id: string, unitId: string, date: string) => ({ id, unitId, reporterId: 'r', date });
const contact = (id: string, unitId: string, date: string, stoppedOn?: string): ContactPoint => ({
  kind: 'contactPoint',
  ...base(id, unitId, date),
  keeper: 'womenUnion',
  ...(stoppedOn ? { stoppedOn } : {}),
});
const model = (id: string, unitId: string, date: string, stoppedOn?: string): PreventionModel => ({
  kind: 'preventionModel',
  ...base(id, unitId, date),
  modelType: 'trustedAddress',
  name: 'Địa chỉ tin cậy',
  ...(stoppedOn ? { stoppedOn } : {}),
});
const inspection = (id: string, date: string): Inspection => ({
  kind: 'inspection',
  ...base(id, 'x', date),
  subject: 'both',
  scope: 'UBND xã và 2 thôn',
  violationsFound: 0,
});
const training = (id: string, date: string): Training => ({
  kind: 'training',
  ...base(id, 'x', date),
  audience: ['villageHeads'],
  title: 'Tập huấn kỹ năng',
  menCount: 5,
  womenCount: 7,
});
const complaint = (id: string, date: string, handledOn?: string): Complaint => ({
  kind: 'complaint',
  ...base(id, 'x', date),
  subject: 'domesticViolence',
  ...(handledOn ? { handledOn } : {}),
});

const live = (record: RecordEntry['record']): RecordEntry => ({ deleted: false, record });
const gone = (record: RecordEntry['record']): RecordEntry => ({ deleted: true, record });

const records: RecordEntry[] = [
  // A: set up in 2024, still serving: counts in 2026.
  live(contact('cpA', 'a', '2024-05-01')),
  // B: stopped on 30/6/2026: not serving at the end of 2026, serving at the end of Q1.
  live(contact('cpB', 'b', '2025-01-10', '2026-06-30')),
  // C: deleted: does not count.
  gone(contact('cpC', 'c', '2026-02-01')),
  // The merged unit's contact point serves D.
  live(contact('cpOld', 'old', '2026-03-15')),
  // Models: one from 2025 kept running; one stopped mid-year; one set up in 2027.
  live(model('m1', 'a', '2025-09-01')),
  live(model('m2', 'b', '2026-01-05', '2026-07-01')),
  live(model('m3', 'c', '2027-02-01')),
  // Inspections: Q2 and Q4 of 2026; one deleted; one on 1/1/2027.
  live(inspection('i1', '2026-05-20')),
  live(inspection('i2', '2026-11-16')),
  gone(inspection('i3', '2026-08-08')),
  live(inspection('i4', '2027-01-01')),
  // Trainings: one in 2026 at 23:30 on 31/12 Vietnam time, one in 2027.
  live(training('t1', dayInVietnam(new Date('2026-12-31T16:30:00Z')))),
  live(training('t2', dayInVietnam(new Date('2026-12-31T17:30:00Z')))),
  // Complaints: handled in time; received in Q4 and handled the next January; still open; deleted.
  live(complaint('k1', '2026-03-02', '2026-03-20')),
  live(complaint('k2', '2026-12-20', '2027-01-08')),
  live(complaint('k3', '2026-06-01')),
  gone(complaint('k4', '2026-04-01', '2026-04-02')),
];

const plan = defaultPlan('x', 2026);
const table = (asOf: string, period: { year: number; quarter?: 1 | 2 | 3 | 4 } = { year: 2026 }) =>
  computeIndicators({ plan, units, records, period: period.quarter ? { year: period.year, quarter: period.quarter } : { year: period.year }, asOf });

describe('the commune checklist', () => {
  it('all hand-built records are valid records', () => {
    // Short ids keep the answers readable; the schema wants a uuid there.
    for (const entry of records) {
      const checked = checklistRecord.safeParse({ ...entry.record, id: '0b9c4a52-7c0e-4b7e-9d3e-4f2a1c6d8e90' });
      expect(checked.error?.issues ?? []).toEqual([]);
    }
  });

  it('counts units whose contact point serves on the year’s last day, following merges', () => {
    const year = table('2027-02-01');
    expect(year.commune.unitsWithContactPoint.value).toEqual({ kind: 'ratio', numerator: 2, denominator: 4, recordIds: ['cpA', 'cpOld'] });
    expect(year.commune.unitsWithContactPoint.verdict).toBe('notMet');
    const row = (id: string) => year.rows.find((r) => r.unit.id === id)!.cells.unitsWithContactPoint;
    expect(row('a')).toMatchObject({ value: { numerator: 1, denominator: 1 }, verdict: 'met' });
    expect(row('b')).toMatchObject({ value: { numerator: 0, denominator: 1 }, verdict: 'notMet' });
    expect(row('d')).toMatchObject({ value: { numerator: 1, denominator: 1 } });
  });

  it('counts a contact point that stopped mid-year in the quarters it served', () => {
    const q1 = table('2027-02-01', { year: 2026, quarter: 1 });
    expect(q1.commune.unitsWithContactPoint.value).toMatchObject({ numerator: 3, recordIds: ['cpA', 'cpB', 'cpOld'] });
  });

  it('judges a running year on today, not on 31/12', () => {
    // On 20/6/2026 B still serves.
    expect(table('2026-06-20').commune.unitsWithContactPoint.value).toMatchObject({ numerator: 3 });
    expect(table('2026-06-20').commune.unitsWithContactPoint.verdict).toBe('behind');
  });

  it('counts prevention models kept running, not one that stopped mid-year nor one set up later', () => {
    const year = table('2027-02-01');
    expect(year.commune.preventionModels.value).toMatchObject({ kind: 'count', count: 1, recordIds: ['m1'] });
    expect(year.commune.preventionModels.verdict).toBe('met');
    const value = year.commune.preventionModels.value;
    if (value.kind !== 'count') throw new Error('count expected');
    expect(value.byQuarter.map((q) => q.count)).toEqual([2, 2, 1, 1]);
  });

  it('counts inspections and trainings of the year in Vietnam’s calendar, deleted ones out', () => {
    const year = table('2027-02-01');
    expect(year.commune.inspections).toMatchObject({ value: { count: 2, recordIds: ['i1', 'i2'] }, verdict: 'met' });
    expect(year.commune.officerTrainings).toMatchObject({ value: { count: 1, recordIds: ['t1'] }, verdict: 'met' });
    expect(table('2027-02-01', { year: 2027 }).commune.officerTrainings.value).toMatchObject({ count: 1, recordIds: ['t2'] });
  });

  it('counts a complaint in the year it was received, handled once its day has come', () => {
    const before = table('2026-12-31');
    expect(before.commune.complaintsHandled.value).toEqual({ kind: 'ratio', numerator: 1, denominator: 3, recordIds: ['k1', 'k2', 'k3'] });
    expect(before.commune.complaintsHandled.verdict).toBe('behind');
    const after = table('2027-02-01');
    expect(after.commune.complaintsHandled.value).toMatchObject({ numerator: 2, denominator: 3 });
    expect(after.commune.complaintsHandled.verdict).toBe('notMet');
    expect(table('2027-02-01', { year: 2027 }).commune.complaintsHandled.value).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('keeps old standing records out of "silent units" and a unit’s records of the period', () => {
    const q3 = table('2026-09-30', { year: 2026, quarter: 3 });
    expect(q3.silentUnitIds).toEqual(['a', 'b', 'c', 'd']);
  });
});
