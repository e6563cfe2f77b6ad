// Buổi tuyên truyền / hội nghị / sinh hoạt chuyên đề: a propaganda session held in a unit.
import * as z from 'zod/mini';
import { choiceList, commonFields, count, shortNote, whenValid } from './common.ts';

export const propagandaForms = [
  'loudspeaker',
  'villageMeeting',
  'conference',
  'thematicSession',
  'contest',
  'talk',
  'bannersPosters',
  'socialMedia',
  'greatUnityDay',
  'other',
] as const;

/**
 * Forms whose audience cannot be counted by sex (a broadcast, a banner, a post): no attendee
 * counts are asked, the households reached still are, and the session counts for the unit
 * reached. Every other form (meetings, sessions, contests …) counts its men and women.
 */
export const formsWithoutAttendees = ['loudspeaker', 'bannersPosters', 'socialMedia'] as const satisfies readonly PropagandaForm[];
export type PropagandaForm = (typeof propagandaForms)[number];

export function countsAttendees(form: PropagandaForm): boolean {
  return !(formsWithoutAttendees as readonly string[]).includes(form);
}

export const propagandaTopics = [
  'genderEqualityLaw',
  'domesticViolencePrevention',
  'genderBasedViolence',
  'sexRatioAtBirth',
  'childMarriage',
  'womenAdvancement',
  'other',
] as const;

export const propagandaLanguages = ['vi', 'minority'] as const;

const countsValid = whenValid('menCount', 'womenCount');

export const propagandaSession = z
  .strictObject({
    kind: z.literal('propagandaSession'),
    ...commonFields,
    form: z.enum(propagandaForms),
    topics: choiceList(propagandaTopics),
    /** Absent for a form without attendees; one sent anyway (an older phone) is kept and not counted. */
    menCount: z.optional(count),
    womenCount: z.optional(count),
    householdsReached: count,
    language: z.enum(propagandaLanguages),
    minorityLanguage: z.optional(z.string().check(z.maxLength(60))),
    note: shortNote,
  })
  .check(
    z.refine((s) => s.language !== 'minority' || (s.minorityLanguage ?? '').trim().length > 0, {
      message: 'required',
      path: ['minorityLanguage'],
      ...whenValid('language', 'minorityLanguage'),
    }),
    // Also while other fields are wrong (no form chosen yet): the missing counts are named at once.
    z.superRefine(
      (s, ctx) => {
        if (!countsAttendees(s.form)) return;
        if (s.menCount === undefined) ctx.issues.push({ code: 'custom', message: 'required', path: ['menCount'], input: s });
        if (s.womenCount === undefined) ctx.issues.push({ code: 'custom', message: 'required', path: ['womenCount'], input: s });
        else if ((s.menCount ?? 0) + s.womenCount === 0) ctx.issues.push({ code: 'custom', message: 'noParticipants', path: ['womenCount'], input: s });
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null && countsValid.when(payload) },
    ),
  );

/** The men and women a session counts: none for a form without attendees, whatever it carries. */
export function attendeesOf(s: Pick<PropagandaSession, 'form' | 'menCount' | 'womenCount'>): { men: number; women: number } {
  return countsAttendees(s.form) ? { men: s.menCount ?? 0, women: s.womenCount ?? 0 } : { men: 0, women: 0 };
}

export type PropagandaSession = z.infer<typeof propagandaSession>;
