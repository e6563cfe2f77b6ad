// Migration 0008_province: shipped, so never edited (the list and the rules: ../migrations.ts).
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../../engine.ts';
import { provinceIndexes, provinceSlug, usersOfProvinces } from '../steps.ts';

export function migration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Provinces own communes; a province user belongs to a province, not to a commune.
      await db.schema
        .createTable('provinces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('communes')
        .addColumn('province_id', 'text', (c) => c.references('provinces.id'))
        .execute();
      // Communes made before this migration: one province per province name they carry.
      const names = await sql<{ province_name: string }>`select distinct province_name from communes`.execute(db);
      for (const { province_name: name } of names.rows) {
        const id = provinceSlug(name);
        await sql`insert into provinces (id, name) values (${id}, ${`Tỉnh ${name}`})`.execute(db);
        await sql`update communes set province_id = ${id} where province_name = ${name}`.execute(db);
      }
      await db.schema.createIndex('communes_province').on('communes').column('province_id').execute();
      await usersOfProvinces(db, engine);
      await provinceIndexes(db, engine);
    },
  };
}
