// The operator's commands: their options (each checked by a rule of input.ts) and what they do.
import { createProvinceAccount, reissueCode, setDisabled } from './accounts.ts';
import { createCommune, listCommunes, moveCommune } from './communes.ts';
import { checkOption, type OptionRule } from './input.ts';
import type { OperatorContext } from './operator.ts';
import { createProvince, listProvinces } from './provinces.ts';

type Values = Record<string, string>;

export interface Command {
  usage: string;
  /** Every option is required. */
  options: Record<string, OptionRule>;
  run(ctx: OperatorContext, values: Values): Promise<string[]>;
}

export const commands: Record<string, Command> = {
  'province create': {
    usage: 'province create --id lam-dong --name "Tỉnh Lâm Đồng"',
    options: { id: 'id', name: 'name' },
    run: (ctx, v) => createProvince(ctx, { id: v.id!, name: v.name! }),
  },
  'province list': { usage: 'province list', options: {}, run: (ctx) => listProvinces(ctx) },
  'commune create': {
    usage: 'commune create --province lam-dong --id nam-gia-nghia --name "Phường Nam Gia Nghĩa" --officer canbo-ngn --officer-name "Nguyễn Thị Hoa"',
    options: { province: 'id', id: 'id', name: 'name', officer: 'username', 'officer-name': 'name' },
    run: (ctx, v) =>
      createCommune(ctx, { provinceId: v.province!, id: v.id!, name: v.name!, officer: { username: v.officer!, displayName: v['officer-name']! } }),
  },
  'commune list': { usage: 'commune list --province lam-dong', options: { province: 'id' }, run: (ctx, v) => listCommunes(ctx, { provinceId: v.province! }) },
  'commune move': {
    usage: 'commune move --id nam-gia-nghia --province lam-dong',
    options: { id: 'id', province: 'id' },
    run: (ctx, v) => moveCommune(ctx, { id: v.id!, provinceId: v.province! }),
  },
  'account create-province': {
    usage: 'account create-province --province lam-dong --username so-noi-vu --name "Sở Nội vụ"',
    options: { province: 'id', username: 'username', name: 'name' },
    run: (ctx, v) => createProvinceAccount(ctx, { provinceId: v.province!, username: v.username!, displayName: v.name! }),
  },
  'account reissue': {
    usage: 'account reissue --username canbo-ngn',
    options: { username: 'username' },
    run: (ctx, v) => reissueCode(ctx, { username: v.username! }),
  },
  'account disable': {
    usage: 'account disable --username canbo-ngn',
    options: { username: 'username' },
    run: (ctx, v) => setDisabled(ctx, { username: v.username! }, true),
  },
  'account enable': {
    usage: 'account enable --username canbo-ngn',
    options: { username: 'username' },
    run: (ctx, v) => setDisabled(ctx, { username: v.username! }, false),
  },
};

/** The command's options in their stored form; a refusal names the first bad or missing one. */
export function checkValues(command: Command, given: Record<string, string | undefined>): Values {
  return Object.fromEntries(Object.entries(command.options).map(([option, rule]) => [option, checkOption(option, rule, given[option])]));
}

export function usage(): string {
  return ['Usage: npm run admin -- <command> [options]', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}
