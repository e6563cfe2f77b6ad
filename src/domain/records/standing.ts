// Standing arrangements of a unit, kept from the day they were set up until the day they
// stopped: a contact point for violence reports (đầu mối, "địa chỉ tin cậy") and a prevention
// model (mô hình, câu lạc bộ, nhà tạm lánh). The record's `date` is the day it was set up; a
// year's indicator asks whether it was running on that year's last day, so a stop mid-year counts.
import * as z from 'zod/mini';
import { localDate, type LocalDate } from '../dates.ts';
import { commonFields, shortNote, whenValid } from './common.ts';

/** Who the people of the unit go to with a violence report. */
export const contactPointKeepers = ['villageHead', 'womenUnion', 'police', 'healthWorker', 'respectedPerson', 'other'] as const;

/** Seeds 000 and 002: "Địa chỉ tin cậy", "nhà tạm lánh", clubs, the community digital team … */
export const preventionModelTypes = ['trustedAddress', 'shelter', 'club', 'communicationTeam', 'other'] as const;

const stopsAfterStart = (r: { date: LocalDate; stoppedOn?: LocalDate | undefined }) => r.stoppedOn === undefined || r.stoppedOn >= r.date;
const stopCheck = { message: 'beforeStart', path: ['stoppedOn'], ...whenValid('date', 'stoppedOn') };

export const contactPoint = z
  .strictObject({
    kind: z.literal('contactPoint'),
    ...commonFields,
    keeper: z.enum(contactPointKeepers),
    /** The day it stopped serving; absent while it serves. */
    stoppedOn: z.optional(localDate),
    note: shortNote,
  })
  .check(z.refine(stopsAfterStart, stopCheck));
export type ContactPoint = z.infer<typeof contactPoint>;

export const preventionModel = z
  .strictObject({
    kind: z.literal('preventionModel'),
    ...commonFields,
    modelType: z.enum(preventionModelTypes),
    name: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    stoppedOn: z.optional(localDate),
    note: shortNote,
  })
  .check(z.refine(stopsAfterStart, stopCheck));
export type PreventionModel = z.infer<typeof preventionModel>;

export type StandingRecord = ContactPoint | PreventionModel;
export const standingKinds = ['contactPoint', 'preventionModel'] as const;

/** Running on `day`: set up on or before it and not stopped by then (the stop day itself is off). */
export function runningOn(record: { date: LocalDate; stoppedOn?: LocalDate | undefined }, day: LocalDate): boolean {
  return record.date <= day && (record.stoppedOn === undefined || record.stoppedOn > day);
}
