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

export const propagandaSession = z
  .strictObject({
    kind: z.literal('propagandaSession'),
    ...commonFields,
    form: z.enum(propagandaForms),
    topics: choiceList(propagandaTopics),
    menCount: count,
    womenCount: count,
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
    z.refine((s) => s.menCount + s.womenCount > 0, { message: 'noParticipants', path: ['womenCount'], ...whenValid('menCount', 'womenCount') }),
  );

export type PropagandaSession = z.infer<typeof propagandaSession>;
