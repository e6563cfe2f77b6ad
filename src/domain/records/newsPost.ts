// Tin, bài: a news post about gender equality on one of the commune's channels.
import * as z from 'zod/mini';
import { commonFields, shortNote } from './common.ts';

export const newsChannels = ['communePortal', 'loudspeaker', 'socialMedia', 'pressRadio'] as const;

export const newsPost = z.strictObject({
  kind: z.literal('newsPost'),
  ...commonFields,
  channel: z.enum(newsChannels),
  title: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
  link: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  note: shortNote,
});

export type NewsPost = z.infer<typeof newsPost>;
