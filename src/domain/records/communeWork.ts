// The commune's own checklist (seed 000): inspections (kiểm tra), officer trainings (tập huấn)
// and complaints (phản ánh, kiến nghị: terms.ts) about gender equality and domestic violence. Recorded by
// the commune office and its reporters, never by a village head (server/sync/changeRules.ts).
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';
import { choiceList, commonFields, count, shortNote, whenValid } from './common.ts';

export const inspectionSubjects = ['genderEquality', 'domesticViolence', 'both'] as const;
export const trainingAudiences = ['communeOfficers', 'villageHeads', 'reporters', 'mixed'] as const;
export const complaintSubjects = ['genderEquality', 'domesticViolence', 'other'] as const;

export const inspection = z.strictObject({
  kind: z.literal('inspection'),
  ...commonFields,
  subject: z.enum(inspectionSubjects),
  /** Who or what was inspected, in a line: "UBND phường, 3 tổ dân phố". */
  scope: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
  violationsFound: count,
  note: shortNote,
});
export type Inspection = z.infer<typeof inspection>;

export const training = z
  .strictObject({
    kind: z.literal('training'),
    ...commonFields,
    audience: choiceList(trainingAudiences),
    title: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
    menCount: count,
    womenCount: count,
    note: shortNote,
  })
  .check(z.refine((t) => t.menCount + t.womenCount > 0, { message: 'noParticipants', path: ['womenCount'], ...whenValid('menCount', 'womenCount') }));
export type Training = z.infer<typeof training>;

/** A complaint counts in the period it was received (`date`); handled once `handledOn` is set. */
export const complaint = z
  .strictObject({
    kind: z.literal('complaint'),
    ...commonFields,
    subject: z.enum(complaintSubjects),
    handledOn: z.optional(localDate),
    note: shortNote,
  })
  .check(
    z.refine((c) => c.handledOn === undefined || c.handledOn >= c.date, { message: 'beforeReceived', path: ['handledOn'], ...whenValid('date', 'handledOn') }),
  );
export type Complaint = z.infer<typeof complaint>;

/** Kinds only the commune level records: a village head's push of one is refused. */
export const communeOnlyKinds = ['inspection', 'training', 'complaint'] as const;
