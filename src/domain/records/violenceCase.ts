// Vụ việc bạo lực gia đình / bạo lực trên cơ sở giới. A case has a code, never a person:
// there is no field for a name, address, phone or ID number, and the strict schema refuses
// any field it does not know, so an identity cannot be slipped in either.
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';
import { choiceList, commonFields, whenValid } from './common.ts';

export const caseReporters = [
  'villageHead',
  'victim',
  'familyMember',
  'neighbour',
  'police',
  'school',
  'healthStation',
  'hotline',
  'massOrganisation',
  'other',
] as const;

/** Law 13/2022/QH15 Art. 3(1), grouped. */
export const violenceActGroups = ['physical', 'psychological', 'sexual', 'economic'] as const;
export const sexes = ['female', 'male'] as const;
export const ageBands = ['under16', 'from16to59', 'from60'] as const;
export const perpetratorRelations = [
  'spouse',
  'formerSpouse',
  'partner',
  'parent',
  'child',
  'sibling',
  'grandparentOrGrandchild',
  'inLaw',
  'otherFamily',
  'other',
] as const;
export const supportServices = ['medical', 'psychological', 'legalAid', 'safePlace', 'socialAssistance'] as const;
/** Law 13/2022/QH15 Art. 22(1), the measures used at commune level. */
export const caseMeasures = [
  'orderedToStop',
  'medicalEmergency',
  'summoned',
  'preventiveMeasure',
  'noContactOrder',
  'safeShelter',
  'behaviourChangeEducation',
  'childSeparation',
  'communityService',
] as const;
export const caseStatuses = ['received', 'verified', 'intervening', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const optionalList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).check(z.refine((list) => new Set(list).size === list.length, { message: 'duplicate' }));

export const violenceCase = z
  .strictObject({
    kind: z.literal('violenceCase'),
    ...commonFields,
    caseCode: z.string().check(z.minLength(3), z.maxLength(24), z.regex(/^[A-Z0-9][A-Z0-9./-]*$/)),
    reportedBy: z.enum(caseReporters),
    acts: choiceList(violenceActGroups),
    victimSex: z.enum(sexes),
    victimAgeBand: z.enum(ageBands),
    perpetratorSex: z.enum(sexes),
    perpetratorRelation: z.enum(perpetratorRelations),
    victimNeedsSupport: z.boolean(),
    supportServices: optionalList(supportServices),
    measures: optionalList(caseMeasures),
    perpetratorCounselled: z.boolean(),
    referredToPolice: z.boolean(),
    status: z.enum(caseStatuses),
    statusDates: z.strictObject({
      received: localDate,
      verified: z.optional(localDate),
      intervening: z.optional(localDate),
      closed: z.optional(localDate),
    }),
    /** Free text: sensitive. Kept short and never logged. */
    notes: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(
    z.refine((c) => c.statusDates.received >= c.date, { message: 'beforeDetected', path: ['statusDates', 'received'], ...whenValid('date', 'statusDates') }),
    z.superRefine(
      (c, ctx) => {
        // Every step up to the current status has a date, in order.
        const reached = caseStatuses.slice(0, caseStatuses.indexOf(c.status) + 1);
        let previous = c.statusDates.received;
        for (const step of reached) {
          const day = c.statusDates[step];
          if (!day) {
            ctx.issues.push({ code: 'custom', message: 'required', path: ['statusDates', step], input: c });
          } else if (day < previous) {
            ctx.issues.push({ code: 'custom', message: 'outOfOrder', path: ['statusDates', step], input: c });
          } else {
            previous = day;
          }
        }
      },
      whenValid('status', 'statusDates'),
    ),
  );

export type ViolenceCase = z.infer<typeof violenceCase>;
