// commune create / list / move. A commune starts with its own unit (the UBND, type "commune")
// and its officer, who then sets up the villages and their heads from the office screen.
import { appendAudit } from '../store/office/audit.ts';
import { codeFor, codeLines, createAccountIn } from './accounts.ts';
import { operatorAudit, Refusal, type OperatorContext } from './operator.ts';
import { existingProvince } from './provinces.ts';

/** "Tỉnh Lâm Đồng" → "Lâm Đồng": the short name the commune's reports carry. */
export function shortProvinceName(name: string): string {
  return name.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '') || name;
}

/** "Phường Nam Gia Nghĩa" → "UBND phường Nam Gia Nghĩa". */
export function communeUnitName(name: string): string {
  const kind = /^(xã|phường|đặc khu|thị trấn)\s/iu.exec(name);
  return kind ? `UBND ${kind[1]!.toLowerCase()}${name.slice(kind[1]!.length)}` : `UBND ${name}`;
}

export interface NewCommune {
  provinceId: string;
  id: string;
  name: string;
  officer: { username: string; displayName: string };
}

export async function createCommune(ctx: OperatorContext, input: NewCommune): Promise<string[]> {
  const code = await codeFor(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const province = await existingProvince(trx, input.provinceId);
    const commune = await trx.selectFrom('communes').select(['name', 'province_id']).where('id', '=', input.id).executeTakeFirst();
    if (commune) throw new Refusal(`commune "${input.id}" already exists (${commune.name}, in ${commune.province_id ?? '-'})`);
    // The commune's own unit has the commune's id, and unit ids are unique across communes.
    const unit = await trx.selectFrom('units').select('commune_id').where('id', '=', input.id).executeTakeFirst();
    if (unit) throw new Refusal(`id "${input.id}" is already a unit of commune ${unit.commune_id}; choose another`);
    await trx
      .insertInto('communes')
      .values({ id: input.id, name: input.name, province_name: shortProvinceName(province.name), province_id: province.id })
      .execute();
    await trx
      .insertInto('units')
      .values({ id: input.id, commune_id: input.id, name: communeUnitName(input.name), type: 'commune', households: 0 })
      .execute();
    await appendAudit(trx, {
      ...operatorAudit(ctx, input.id, ctx.now().toISOString()),
      action: 'commune.create',
      target: input.id,
      fields: ['id', 'name', 'provinceId'],
    });
    const officer = { ...input.officer, role: 'communeOfficer' as const, place: { communeId: input.id } };
    await createAccountIn(trx, ctx, officer, code);
    return [
      `Created commune ${input.id} (${input.name}) in ${province.id} (${province.name}), with its officer ${input.officer.username} (${input.officer.displayName}).`,
      ...codeLines(input.officer.username, code),
    ];
  });
}

export async function listCommunes(ctx: OperatorContext, input: { provinceId: string }): Promise<string[]> {
  const province = await ctx.db.transaction().execute((trx) => existingProvince(trx, input.provinceId));
  const communes = await ctx.db.selectFrom('communes').select(['id', 'name']).where('province_id', '=', province.id).orderBy('id').execute();
  if (communes.length === 0) return [`No commune in ${province.id} (${province.name}) yet.`];
  const officers = await ctx.db
    .selectFrom('users')
    .select(['username', 'commune_id', 'pin_set', 'disabled_at'])
    .where('role', '=', 'communeOfficer')
    .where(
      'commune_id',
      'in',
      communes.map((c) => c.id),
    )
    .orderBy('username')
    .execute();
  return communes.map((commune) => {
    const mine = officers.filter((o) => o.commune_id === commune.id);
    const states = mine.map((o) => `${o.username} (${o.disabled_at ? 'disabled' : Number(o.pin_set) === 0 ? 'waiting for enrolment' : 'active'})`);
    return `${commune.id}\t${commune.name}\tofficers: ${states.join(', ') || '-'}`;
  });
}

/** Moves a commune to another province (communes merged into a new province, or a mistake). */
export async function moveCommune(ctx: OperatorContext, input: { id: string; provinceId: string }): Promise<string[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const commune = await trx.selectFrom('communes').select(['name', 'province_id']).where('id', '=', input.id).executeTakeFirst();
    if (!commune) throw new Refusal(`no commune "${input.id}"`);
    const province = await existingProvince(trx, input.provinceId);
    if (commune.province_id === province.id) return [`Commune ${input.id} is already in ${province.id}; nothing changed.`];
    await trx
      .updateTable('communes')
      .set({ province_id: province.id, province_name: shortProvinceName(province.name) })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, { ...operatorAudit(ctx, input.id, ctx.now().toISOString()), action: 'commune.move', target: input.id, fields: ['provinceId'] });
    return [`Moved commune ${input.id} (${commune.name}) from ${commune.province_id ?? '-'} to ${province.id} (${province.name}).`];
  });
}
