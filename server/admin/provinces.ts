// province create / list: the provinces (tỉnh, thành phố) that own communes and province accounts.
import type { Transaction } from 'kysely';
import { appendAudit, NO_COMMUNE } from '../store/office/audit.ts';
import type { Database } from '../store/schema/tables.ts';
import { operatorAudit, Refusal, type OperatorContext } from './operator.ts';

/** The province, or a refusal that points to `province list`. */
export async function existingProvince(trx: Transaction<Database>, id: string): Promise<{ id: string; name: string }> {
  const province = await trx.selectFrom('provinces').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!province) throw new Refusal(`no province "${id}" (see: province list)`);
  return province;
}

/** Idempotent: the same id and name again is no change; the same id with another name is refused. */
export async function createProvince(ctx: OperatorContext, input: { id: string; name: string }): Promise<string[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('provinces').select('name').where('id', '=', input.id).executeTakeFirst();
    if (existing?.name === input.name) return [`Province ${input.id} (${input.name}) already exists; nothing changed.`];
    if (existing) throw new Refusal(`province "${input.id}" already exists with the name "${existing.name}"`);
    await trx.insertInto('provinces').values({ id: input.id, name: input.name }).execute();
    const at = ctx.now().toISOString();
    await appendAudit(trx, { ...operatorAudit(ctx, NO_COMMUNE, at), action: 'province.create', target: input.id, fields: ['id', 'name'] });
    return [`Created province ${input.id} (${input.name}).`];
  });
}

export async function listProvinces(ctx: OperatorContext): Promise<string[]> {
  const provinces = await ctx.db
    .selectFrom('provinces as p')
    .select((eb) => [
      'p.id',
      'p.name',
      eb
        .selectFrom('communes as c')
        .whereRef('c.province_id', '=', 'p.id')
        .select((e) => e.fn.countAll().as('n'))
        .as('communes'),
    ])
    .orderBy('p.id')
    .execute();
  const accounts = await ctx.db.selectFrom('users').select(['username', 'province_id']).where('role', '=', 'province').orderBy('username').execute();
  if (provinces.length === 0) return ['No province yet (province create --id … --name "…").'];
  return provinces.map((p) => {
    const names = accounts.filter((a) => a.province_id === p.id).map((a) => a.username);
    return `${p.id}\t${p.name}\tcommunes: ${Number(p.communes)}\tprovince accounts: ${names.join(', ') || '-'}`;
  });
}
