// Versioned schema changes, kept in code so the server needs no migration folder on disk: one
// file per migration in migrations/, named as the database records it. Add a migration by
// appending a new file and its name here; never edit one that has shipped. The same
// migrations run on both engines; they branch on the engine only where a type differs.
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../engine.ts';
import { migration as m0001 } from './migrations/0001_initial.ts';
import { migration as m0002 } from './migrations/0002_record_versions.ts';
import { migration as m0003 } from './migrations/0003_office.ts';
import { migration as m0004 } from './migrations/0004_sign_in_throttle.ts';
import { migration as m0005 } from './migrations/0005_accounts_audit.ts';
import { migration as m0006 } from './migrations/0006_session_cookie.ts';
import { migration as m0007 } from './migrations/0007_office_setup.ts';
import { migration as m0008 } from './migrations/0008_province.ts';
import { migration as m0009 } from './migrations/0009_unit_quarter_facts.ts';
import { migration as m0010 } from './migrations/0010_commune_work_index.ts';
import { migration as m0011 } from './migrations/0011_device_contact.ts';
import { migration as m0012 } from './migrations/0012_unit_start.ts';
import { migration as m0013 } from './migrations/0013_case_prosecution.ts';
import { migration as m0014 } from './migrations/0014_report_settings.ts';
import { migration as m0016 } from './migrations/0016_province_plans.ts';

/** Every migration by the name the database records it under, in order. */
const MIGRATIONS: Record<string, (engine: Engine) => Migration> = {
  '0001_initial': m0001,
  '0002_record_versions': m0002,
  '0003_office': m0003,
  '0004_sign_in_throttle': m0004,
  '0005_accounts_audit': m0005,
  '0006_session_cookie': m0006,
  '0007_office_setup': m0007,
  '0008_province': m0008,
  '0009_unit_quarter_facts': m0009,
  '0010_commune_work_index': m0010,
  '0011_device_contact': m0011,
  '0012_unit_start': m0012,
  '0013_case_prosecution': m0013,
  '0014_report_settings': m0014,
  '0016_province_plans': m0016,
};

function migrationsFor(engine: Engine): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, migration]) => [name, migration(engine)]));
}

/**
 * Runs what has not run yet; returns the names it ran (empty when up to date). On PostgreSQL
 * Kysely holds an advisory lock meanwhile, so processes starting together migrate once.
 */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(engine) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs the migrations up to and including `name` (tests of an upgrade from an older schema). */
export async function migrateUpTo(db: Kysely<unknown>, engine: Engine, name: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(engine) };
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
