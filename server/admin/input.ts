// The operator's options, checked before the database is opened: ids in the form the app
// uses (slug), names as given (trimmed, NFC), usernames as the officer's screen accepts them.
import * as z from 'zod/mini';
import { newAccount } from '../../src/domain/communeAccounts.ts';
import { slug } from '../../src/domain/ids.ts';
import { Refusal } from './operator.ts';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

export const optionRules = {
  id: { schema: slug, hint: 'lower-case letters, digits and dashes, starting with a letter or digit (e.g. nam-gia-nghia)' },
  name: { schema: name, hint: 'a name of 1 to 100 characters' },
  username: { schema: newAccount.shape.username, hint: '3 to 32 characters: lower-case letters, digits, dot, dash, underscore' },
} as const;

export type OptionRule = keyof typeof optionRules;

/** The option's value in its stored form, or a refusal naming the option. */
export function checkOption(option: string, rule: OptionRule, value: string | undefined): string {
  if (value === undefined) throw new Refusal(`missing --${option}`);
  const parsed = optionRules[rule].schema.safeParse(value.normalize('NFC'));
  if (!parsed.success) throw new Refusal(`--${option} "${value}": expected ${optionRules[rule].hint}`);
  return parsed.data;
}
