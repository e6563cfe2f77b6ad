// A Store over any Kysely database with our schema: the groups' queries (groups.ts) do not
// depend on the engine, except the push, which each engine applies its own way (postgres.ts,
// sqlite/store.ts).
import type { Kysely } from 'kysely';
import * as seeding from './accounts/sessions.ts';
import { engineTraits } from './engine.ts';
import type { Engine, EngineTraits } from './engine.ts';
import type { PushPath } from './group.ts';
import { buildGroups } from './groups.ts';
import { migrateToLatest } from './schema/migrations.ts';
import { ensureFacts } from './province/facts.ts';
import type { Database } from './schema/tables.ts';
import type { Store } from './store.ts';

export function kyselyStore(db: Kysely<Database>, engine: Engine, pushPath: (traits: EngineTraits) => PushPath): Store {
  const traits = engineTraits(engine);
  return {
    engine,
    migrate: async () => {
      const ran = await migrateToLatest(db as Kysely<unknown>, engine);
      await ensureFacts(db, engine);
      return ran;
    },
    hasAnyCommune: () => seeding.hasAnyCommune(db),
    hasAnyProvince: () => seeding.hasAnyProvince(db),
    seedCommune: (seed) => seeding.seedCommune(db, seed),
    seedProvince: (seed) => seeding.seedProvince(db, seed),
    ...buildGroups({ db, engine, traits, pushPath: pushPath(traits) }),
    close: () => db.destroy(),
  };
}
